"""An organisation's staff: creating an organisation, inviting people into it by e-mail link, accepting, removing.

The token, its hash and the mail plumbing are the schools' (schools.invitations, accounts.staff_mail).
"""

from uuid import UUID, uuid4

from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from accounts.models import User
from accounts.staff_mail import StaffMail, enqueue_on_commit
from organisations.models import Organisation, OrganisationInvitation, OrganisationMembership, OrganisationRole
from schools.invitations import accept_into, find_open, invitation_token, withdraw_open
from schools.models import hash_token
from support.models import SupportOrganisation


@transaction.atomic
def register_organisation(name: str, kind: str, entry: SupportOrganisation | None, by: User) -> Organisation:
    """A new organisation with the person who made it as its administrator."""
    organisation = Organisation.objects.create(name=name, kind=kind, directory_entry=entry)
    OrganisationMembership.objects.create(organisation=organisation, user=by, role=OrganisationRole.ADMIN)
    return organisation


def invite_staff(organisation: Organisation, email: str, role: str, invited_by: User) -> OrganisationInvitation:
    invitation_id = uuid4()
    return OrganisationInvitation.objects.create(
        id=invitation_id,
        organisation=organisation,
        email=email,
        role=role,
        token_hash=hash_token(invitation_token(invitation_id)),
        invited_by=invited_by,
    )


def staff_invitation_link(site: str, invitation_id: UUID) -> str:
    return site.rstrip("/") + reverse("organisations:accept_invitation", args=[invitation_token(invitation_id)])


def send_staff_invitation(invitation: OrganisationInvitation, site: str, language: str) -> None:
    from organisations.mail_tasks import send_staff_invitation_mail  # the tasks module imports this one

    enqueue_on_commit(send_staff_invitation_mail, str(invitation.pk), site, language)


def write_staff_invitation(invitation: OrganisationInvitation, link: str) -> StaffMail:
    names = {"organisation": invitation.organisation.name}
    return StaffMail(
        _("You are invited to %(organisation)s on Betrokken") % names,
        _(
            "%(inviter)s invites you to the staff of %(organisation)s on Betrokken, as %(role)s. You will read "
            "the regional overview of the schools that share their figures with %(organisation)s.\n\n"
            "Open this link to accept (valid for 14 days):\n%(link)s\n"
        )
        % {
            **names,
            "inviter": invitation.invited_by or _("An administrator"),
            "role": invitation.get_role_display(),
            "link": link,
        },
        _(
            "You get this e-mail because an administrator of %(organisation)s invited this address. "
            "If you do not want to join, ignore it."
        )
        % names,
    )


def find_open_staff_invitation(token: str) -> OrganisationInvitation | None:
    return find_open(OrganisationInvitation.objects.select_related("organisation", "invited_by"), token)


def withdraw_staff_invitation(organisation: Organisation, invitation_id: UUID) -> OrganisationInvitation | None:
    return withdraw_open(OrganisationInvitation.objects.filter(organisation=organisation), invitation_id)


def accept_staff_invitation(invitation: OrganisationInvitation, user: User) -> OrganisationMembership:
    return accept_into(invitation, user, OrganisationMembership, organisation=invitation.organisation)


class LastAdministrator(Exception):
    """Removing this member would leave the organisation without anyone who can invite its staff."""


def is_last_administrator(member: OrganisationMembership) -> bool:
    admins = OrganisationMembership.objects.filter(organisation_id=member.organisation_id, role=OrganisationRole.ADMIN)
    return member.is_admin and not admins.exclude(pk=member.pk).exists()


def remove_staff_member(member: OrganisationMembership) -> None:
    """Take someone off the staff: from then on the organisation's pages are 404 to them, as to any outsider.
    Raises LastAdministrator for the only administrator (the organisation would be left without one)."""
    with transaction.atomic():
        # Lock the staff so that two administrators cannot remove each other at the same moment.
        list(OrganisationMembership.objects.select_for_update().filter(organisation_id=member.organisation_id))
        if is_last_administrator(member):
            raise LastAdministrator(member.pk)
        OrganisationMembership.objects.filter(pk=member.pk).delete()
