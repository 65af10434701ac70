"""The device a questionnaire in progress belongs to.

Whoever opens a new code gets a random token in a cookie; the questionnaire stores only its hash.
The pages of the questionnaire carry no identifier in their address: the cookie says which
questionnaire they belong to, so an access log never holds a code next to a key the answers hang
on, and a code typed on another device does not show what was answered so far.
"""

import hashlib
import secrets
from uuid import UUID

from django.conf import settings
from django.http import HttpRequest, HttpResponse

COOKIE_NAME = "betrokken_questionnaire"
COOKIE_PATH = "/q/"
COOKIE_MAX_AGE = 60 * 60 * 24 * 60  # long enough for a round; closing the browser loses nothing
# Then the language, the audience and the round: after hand-in the device only knows to thank, in what language
# and how, and where the school's feedback on that round will be (the round is the whole school's, not a person's).
HANDED_IN = "handed-in:"


def new_device_token() -> str:
    return secrets.token_urlsafe(32)


def device_digest(token: str) -> str:
    """A 256-bit random token needs no key: its hash cannot be turned back into the cookie."""
    return hashlib.sha256(f"betrokken-device:{token}".encode()).hexdigest()


def device_token(request: HttpRequest) -> str | None:
    token = request.COOKIES.get(COOKIE_NAME)
    return token if token and not token.startswith(HANDED_IN) else None


def handed_in_cookie(language: str, audience: str, round_id: UUID | None = None) -> str:
    return f"{HANDED_IN}{language}:{audience}" + (f":{round_id}" if round_id else "")


def _handed_in(request: HttpRequest) -> tuple[str, str, str] | None:
    value = request.COOKIES.get(COOKIE_NAME, "")
    if not value.startswith(HANDED_IN):
        return None
    language, _, rest = value.removeprefix(HANDED_IN).partition(":")  # before pupils' words: no audience
    audience, _, round_id = rest.partition(":")  # before the feedback link: no round
    return language, audience, round_id


def handed_in_language(request: HttpRequest) -> str | None:
    """The language of the questionnaire this device handed in last, if it did."""
    handed_in = _handed_in(request)
    return handed_in[0] if handed_in else None


def handed_in_audience(request: HttpRequest) -> str | None:
    """The audience (parent, pupils) of the questionnaire this device handed in last, if it did and is known."""
    handed_in = _handed_in(request)
    return handed_in[1] or None if handed_in else None


def handed_in_round(request: HttpRequest) -> UUID | None:
    """The round of the questionnaire this device handed in last, if it did and is known."""
    handed_in = _handed_in(request)
    try:
        return UUID(handed_in[2]) if handed_in and handed_in[2] else None
    except ValueError:
        return None


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
