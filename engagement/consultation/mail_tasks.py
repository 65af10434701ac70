"""The consultation's e-mail, written and sent by the worker in each recipient's staff language."""

from functools import partial

from django_tasks import task

from accounts.staff_mail import send_to_user
from engagement.consultation.opened_mail import CONSULTED_ROLES, write_consultation_opened
from engagement.models import Declaration
from schools.models import Membership


@task()
def send_consultation_opened(declaration_id: str, user_ids: list[int]) -> None:
    declaration = Declaration.objects.select_related("school").filter(pk=declaration_id).first()
    if declaration is None:
        return
    memberships = Membership.objects.filter(
        school_id=declaration.school_id, user_id__in=user_ids, role__in=CONSULTED_ROLES
    ).select_related("user")
    for membership in memberships.order_by("user_id"):
        send_to_user(membership.user, partial(write_consultation_opened, declaration, membership.role))
