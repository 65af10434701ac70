from typing import Any

from django import forms
from django.conf import settings
from django.contrib.auth import password_validation
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.core.mail.message import sanitize_address
from django.core.validators import MaxLengthValidator, validate_email
from django.utils.translation import gettext_lazy as _

from accounts.mail_tasks import send_password_reset
from accounts.models import User
from accounts.plain_text import required_single_line
from accounts.staff_mail import enqueue_on_commit

EMAIL_MAX_LENGTH = 254  # of User.email and Invitation.email


def normalized_email(value: str) -> str:
    """An e-mail address as stored: trimmed and in lower case, and still valid, short enough and mailable.

    Lowercasing can lengthen an address or make it invalid ("İ" becomes "i" plus a combining dot), and
    Django's validator accepts international domains that cannot be encoded for sending (a label longer
    than 63 characters once in punycode): sending the invitation or the reset link would then crash.
    """
    email = value.strip().lower()
    MaxLengthValidator(EMAIL_MAX_LENGTH)(email)
    validate_email(email)
    try:
        sanitize_address(email, settings.DEFAULT_CHARSET)
    except ValueError as error:  # includes the UnicodeError of an unencodable domain
        raise forms.ValidationError(validate_email.message, code="invalid") from error
    return email


class SignupForm(forms.ModelForm[User]):
    password = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("At least 10 characters; not only digits and not a common password."),
    )

    class Meta:
        model = User
        fields = ("name", "email")
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
        }

    def clean_name(self) -> str:
        return required_single_line(self.cleaned_data["name"], self.fields["name"].error_messages["required"])

    def clean_email(self) -> str:
        email = normalized_email(self.cleaned_data["email"])
        if User.objects.filter(email__iexact=email).exists():
            raise forms.ValidationError(_("An account with this e-mail address already exists. Log in instead."))
        return email

    def clean_password(self) -> str:
        password: str = self.cleaned_data["password"]
        candidate = User(email=self.cleaned_data.get("email", ""), name=self.cleaned_data.get("name", ""))
        password_validation.validate_password(password, candidate)
        return password

    def save(self, commit: bool = True) -> User:
        user = super().save(commit=False)
        user.set_password(self.cleaned_data["password"])
        if commit:
            user.save()
        return user


class EmailAuthenticationForm(AuthenticationForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["username"].label = _("E-mail address")
        self.fields["username"].widget = forms.EmailInput(
            attrs={"autocomplete": "email", "autofocus": True, "maxlength": EMAIL_MAX_LENGTH}
        )
        # Django only sets max_length on this field, which validates nothing: a longer name went on to
        # django-axes, whose record of the failed attempt PostgreSQL refused (varchar 255).
        self.fields["username"].validators.append(MaxLengthValidator(EMAIL_MAX_LENGTH))

    def clean_username(self) -> str:
        # Accounts are stored in lower case; let people type their address as they like.
        return str(self.cleaned_data["username"]).strip().lower()


class QueuedPasswordResetForm(PasswordResetForm):
    """Django's reset form, with the e-mail written and sent by the worker in the account's staff language."""

    def send_mail(
        self,
        subject_template_name: str,
        email_template_name: str,
        context: dict[str, Any],
        from_email: str | None,
        to_email: str,
        html_email_template_name: str | None = None,
    ) -> None:
        enqueue_on_commit(send_password_reset, context["user"].pk, context["domain"], context["protocol"])


class EmailSettingsForm(forms.Form):
    language = forms.ChoiceField(label=_("Language of the pages and e-mails"), choices=settings.LANGUAGES)
    weekly_digest = forms.BooleanField(
        label=_("Send me a weekly summary of my schools"),
        required=False,
        help_text=_(
            "Once a week: the open rounds and how many answered, new comments on the engagementsverklaring "
            "and actions due soon. Off unless you switch it on."
        ),
    )
