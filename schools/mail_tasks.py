"""The e-mails of schools, written and sent by the worker: the invitation into a school."""

from django_tasks import task

from accounts.staff_mail import send_in_language
from schools.invitations import invitation_link, invitee_language, write_invitation
from schools.models import Invitation


@task()
def send_invitation(invitation_id: str, site: str, inviter_language: str) -> None:
    invitation = (
        Invitation.objects.select_related("school", "invited_by")
        .filter(pk=invitation_id, accepted_at__isnull=True)
        .first()
    )
    if invitation is None:  # withdrawn before the worker got to it
        return
    language = invitee_language(invitation.email, inviter_language)
    link = invitation_link(site, invitation.pk)
    send_in_language(language, invitation.email, lambda: write_invitation(invitation, link))
