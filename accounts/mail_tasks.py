"""The e-mails of accounts, written and sent by the worker: the password-reset link."""

from django.contrib.auth.tokens import default_token_generator
from django.template.loader import render_to_string
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _
from django_tasks import task

from accounts.models import User
from accounts.staff_mail import StaffMail, send_to_user


@task()
def send_password_reset(user_id: int, domain: str, protocol: str) -> None:
    """The token is made here, in the worker, so the queue never holds a working reset link."""
    user = User.objects.filter(pk=user_id).first()
    if user is None:
        return

    def write() -> StaffMail:
        context = {
            "email": user.email,
            "domain": domain,
            "site_name": domain,
            "uid": urlsafe_base64_encode(force_bytes(user.pk)),
            "user": user,
            "token": default_token_generator.make_token(user),
            "protocol": protocol,
        }
        return StaffMail(
            render_to_string("accounts/password_reset_subject.txt", context),
            render_to_string("accounts/password_reset_email.txt", context),
            _("You get this e-mail because someone asked for a new password for this address on Betrokken."),
        )

    send_to_user(user, write)
