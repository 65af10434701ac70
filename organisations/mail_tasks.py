"""The e-mails of organisations, written and sent by the worker: the invitation into an organisation's staff."""

from django_tasks import task

from accounts.staff_mail import send_in_language
from organisations.models import OrganisationInvitation
from organisations.staff import staff_invitation_link, write_staff_invitation
from schools.invitations import invitee_language


@task()
def send_staff_invitation_mail(invitation_id: str, site: str, inviter_language: str) -> None:
    invitation = (
        OrganisationInvitation.objects.select_related("organisation", "invited_by")
        .filter(pk=invitation_id, accepted_at__isnull=True)
        .first()
    )
    if invitation is None:  # withdrawn before the worker got to it
        return
    language = invitee_language(invitation.email, inviter_language)
    link = staff_invitation_link(site, invitation.pk)
    send_in_language(language, invitation.email, lambda: write_staff_invitation(invitation, link))
