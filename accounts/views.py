from typing import Any

from django.contrib.auth import login
from django.contrib.auth.views import PasswordResetView
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme

from accounts.addresses import client_address
from accounts.forms import SignupForm
from accounts.password_reset_throttle import (
    ResetVerdict,
    note_reset_request,
    reset_verdict,
    seconds_until_address_may_ask,
)


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
