from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.views import LoginView, PasswordResetView
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.i18n import set_language

from accounts.addresses import client_address
from accounts.forms import EmailSettingsForm, SignupForm
from accounts.http import AuthenticatedRequest
from accounts.models import User
from accounts.password_reset_throttle import (
    ResetVerdict,
    note_reset_request,
    reset_verdict,
    seconds_until_address_may_ask,
)
from accounts.preferences import remember_language, save_email_settings


def safe_next(request: HttpRequest, fallback: str) -> str:
    """The `next` path when it stays on this site, else `fallback`.

    Only a path counts: `redirect()` takes a bare word for the name of a view and fails on it.
    """
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target.startswith("/") and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return fallback


def signup(request: HttpRequest) -> HttpResponse:
    initial = {"email": request.GET.get("email", "")[:254]}
    form = SignupForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        return redirect(safe_next(request, "schools:home"))
    return render(request, "accounts/signup.html", {"form": form, "next": safe_next(request, "")})


class ThrottledPasswordResetView(PasswordResetView):
    """Django's reset form, asked for at most a few times per hour per address and per recipient."""

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        address = client_address(request)
        email = str(request.POST.get("email", ""))[:254]
        verdict = reset_verdict(address, email)
        if verdict is ResetVerdict.ADDRESS_EXHAUSTED:
            refused = render(request, "accounts/password_reset_throttled.html", status=429)
            refused.headers["Retry-After"] = str(seconds_until_address_may_ask(address))
            return refused
        note_reset_request(address, email)
        if verdict is ResetVerdict.RECIPIENT_EXHAUSTED:
            return redirect(self.get_success_url())  # as if sent: the page never tells whether the account exists
        return super().post(request, *args, **kwargs)


def speak_staff_language(response: HttpResponse, user: User) -> None:
    """Set the language cookie (as Django's set_language does) to the person's staff language."""
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        user.language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
    )


class StaffLanguageLoginView(LoginView):
    """Django's login; afterwards the pages speak the person's staff language, on a new device too."""

    def form_valid(self, form: AuthenticationForm) -> HttpResponse:
        response = super().form_valid(form)
        user = form.get_user()
        if isinstance(user, User):
            speak_staff_language(response, user)
        return response


def switch_language(request: HttpRequest) -> HttpResponse:
    """Django's set_language; a logged-in person's choice is also kept on the account, for their e-mails."""
    response = set_language(request)
    if request.method == "POST" and request.user.is_authenticated:
        remember_language(request.user, str(request.POST.get("language", "")))
    return response


@login_required
def email_settings(request: AuthenticatedRequest) -> HttpResponse:
    """My e-mail: the language e-mails come in and the weekly summary."""
    user = request.user
    initial = {"language": user.language, "weekly_digest": user.weekly_digest}
    form = EmailSettingsForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        save_email_settings(user, form.cleaned_data["language"], form.cleaned_data["weekly_digest"])
        response = redirect("accounts:email_settings")
        speak_staff_language(response, user)  # the pages follow the choice too, as after the switch in the header
        with translation.override(form.cleaned_data["language"]):  # said on the next page, in the language chosen
            messages.success(request, _("Your e-mail settings are saved."))
        return response
    return render(request, "accounts/email_settings.html", {"form": form})
