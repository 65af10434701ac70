"""Pages for people without an account: rendered in the respondent's language, never cached.

The respondent's language may not be a staff interface language, so it is chosen per request (from
?lang= or the form's hidden field) instead of from the staff language cookie.
"""

from collections.abc import Sequence

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import translation

from respondents.languages import CHOICES, LANGUAGES, MASTER, is_right_to_left, is_supported


def respondent_language(request: HttpRequest, default: str) -> str:
    """The language asked for on this request, else `default`; Dutch when what was asked is unknown."""
    asked = request.POST.get("lang") or request.GET.get("lang") or default
    return asked if is_supported(asked) else MASTER


def explicit_language(request: HttpRequest) -> str | None:
    """The language the respondent chose on this request (?lang= or the form's hidden field), if valid."""
    for asked in (request.POST.get("lang"), request.GET.get("lang")):
        if is_supported(asked):
            return asked
    return None


def language_context(language: str, choices: Sequence[tuple[str, str]] = CHOICES) -> dict[str, object]:
    """What respondents/base.html needs to show a page in `language` (and its language menu, with `choices`:
    no menu when there is nothing to choose)."""
    return {
        "language": language,
        "language_name": LANGUAGES[language].name,
        "languages": choices,
        "rtl": is_right_to_left(language),
    }


def respondent_render(
    request: HttpRequest,
    template: str,
    context: dict[str, object],
    language: str,
    status: int = 200,
    choices: Sequence[tuple[str, str]] = CHOICES,
) -> HttpResponse:
    """Render in the respondent's language (which may not be a staff interface language)."""
    with translation.override(language):
        response = render(request, template, {**context, **language_context(language, choices)}, status=status)
    response.headers["Content-Language"] = language
    response.headers["Cache-Control"] = "no-store"  # answers and codes never sit in a shared cache
    return response
