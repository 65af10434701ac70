"""The device a questionnaire in progress belongs to.

Whoever opens a new code gets a random token in a cookie; the questionnaire stores only its hash.
The pages of the questionnaire carry no identifier in their address: the cookie says which
questionnaire they belong to, so an access log never holds a code next to a key the answers hang
on, and a code typed on another device does not show what was answered so far.
"""

import hashlib
import secrets

from django.conf import settings
from django.http import HttpRequest, HttpResponse

COOKIE_NAME = "betrokken_questionnaire"
COOKIE_PATH = "/q/"
COOKIE_MAX_AGE = 60 * 60 * 24 * 60  # long enough for a round; closing the browser loses nothing
HANDED_IN = "handed-in:"  # then the language: after hand-in the device only knows to thank, and in what language


def new_device_token() -> str:
    return secrets.token_urlsafe(32)


def device_digest(token: str) -> str:
    """A 256-bit random token needs no key: its hash cannot be turned back into the cookie."""
    return hashlib.sha256(f"betrokken-device:{token}".encode()).hexdigest()


def device_token(request: HttpRequest) -> str | None:
    token = request.COOKIES.get(COOKIE_NAME)
    return token if token and not token.startswith(HANDED_IN) else None


def handed_in_cookie(language: str) -> str:
    return HANDED_IN + language


def handed_in_language(request: HttpRequest) -> str | None:
    """The language of the questionnaire this device handed in last, if it did."""
    value = request.COOKIES.get(COOKIE_NAME, "")
    return value.removeprefix(HANDED_IN) if value.startswith(HANDED_IN) else None


def remember_device(response: HttpResponse, value: str) -> None:
    response.set_cookie(
        COOKIE_NAME,
        value,
        max_age=COOKIE_MAX_AGE,
        path=COOKIE_PATH,
        secure=settings.SESSION_COOKIE_SECURE,  # HTTPS only in production
        httponly=True,
        samesite="Lax",
    )
