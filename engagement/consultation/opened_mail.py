"""The e-mail that the consultation on the engagementsverklaring is open, to the parent association's and the
schoolraad's people of the school: they are the ones whose comments the consultation asks for."""

from collections.abc import Callable
from functools import partial
from uuid import UUID

from django.urls import reverse
from django.utils.translation import gettext as _

from accounts.staff_mail import StaffMail, enqueue_on_commit, public_url, send_to_user
from engagement.models import Declaration
from schools.models import Membership, Role

CONSULTED_ROLES = (Role.PARENT_REP, Role.SCHOOLRAAD)


def consulted_people(school_id: UUID) -> list[int]:
    """Whom a consultation's opening mails: also the feedback page to families (feedback.consultation) asks them."""
    memberships = Membership.objects.filter(school_id=school_id, role__in=CONSULTED_ROLES, user__is_active=True)
    return sorted(memberships.values_list("user_id", flat=True))


def send_to_consulted(school_id: UUID, user_ids: list[int], write: Callable[[str], StaffMail]) -> None:
    """In the worker: `write(role)` to each of `user_ids` who is still consulted at the school, in their language."""
    memberships = Membership.objects.filter(
        school_id=school_id, user_id__in=user_ids, role__in=CONSULTED_ROLES
    ).select_related("user")
    for membership in memberships.order_by("user_id"):
        send_to_user(membership.user, partial(write, membership.role))


def mail_consultation_opened(declaration: Declaration) -> None:
    from engagement.consultation.mail_tasks import send_consultation_opened  # the tasks module imports this one

    recipients = consulted_people(declaration.school_id)
    if recipients:
        enqueue_on_commit(send_consultation_opened, str(declaration.pk), recipients)


def write_consultation_opened(declaration: Declaration, role: str) -> StaffMail:
    facts = {
        "school": declaration.school.name,
        "year": declaration.school_year,
        "link": public_url(reverse("engagement:declaration", args=[declaration.school_id, declaration.pk])),
    }
    return StaffMail(
        _("Your comments, please: the engagementsverklaring %(year)s of %(school)s") % facts,
        _(
            "%(school)s asks for your comments on its engagementsverklaring for the school year %(year)s: the "
            "promises school and parents make to each other. You can comment per domain until the schoolraad "
            "adopts the text; the school answers every comment.\n\nRead the draft and comment here:\n%(link)s\n"
        )
        % facts,
        _("You get this e-mail because you are a %(role)s of %(school)s on Betrokken.")
        % {"role": Role(role).label.lower(), "school": declaration.school.name},
    )
