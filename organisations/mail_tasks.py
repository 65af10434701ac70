"""The e-mails of organisations, written and sent by the worker: the invitation into an organisation's staff."""

from django_tasks import task

from accounts.models import User
from accounts.staff_mail import send_in_language
from organisations.models import OrganisationInvitation
from organisations.staff import staff_invitation_link, write_staff_invitation


@task()
def send_staff_invitation_mail(invitation_id: str, site: str, inviter_language: str) -> None:
    invitation = (
        OrganisationInvitation.objects.select_related("organisation", "invited_by")
        .filter(pk=invitation_id, accepted_at__isnull=True)
        .first()
    )
    if invitation is None:  # withdrawn before the worker got to it
        return
    account = User.objects.filter(email__iexact=invitation.email).first()
    language = account.language if account is not None else inviter_language
    link = staff_invitation_link(site, invitation.pk)
    send_in_language(language, invitation.email, lambda: write_staff_invitation(invitation, link))
