"""The e-mails of schools, written and sent by the worker: the invitation into a school."""

from django_tasks import task

from accounts.models import User
from accounts.staff_mail import send_in_language
from schools.invitations import invitation_link, write_invitation
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
    # Someone who already has an account reads their own staff language; a newcomer the inviter's.
    account = User.objects.filter(email__iexact=invitation.email).first()
    language = account.language if account is not None else inviter_language
    link = invitation_link(site, invitation.pk)
    send_in_language(language, invitation.email, lambda: write_invitation(invitation, link))
