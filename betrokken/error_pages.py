"""Error pages people can read: 400, 403, 404, a failed CSRF check, 500, and 503 while the database is busy.

A parent or pupil on /q/ or /v/ reads the page in their own language (the form's hidden language field,
?lang=, else what this device is known to speak, else Dutch), with the Dutch beside it for whoever helps
them, and a way back to the code page. Staff read it in the staff language with a way back to the start
page. A respondent's error page is rendered without the request, so it echoes nothing of the address that
failed. The 500 and 503 pages read no database and no session: only the address, the form and the cookies.
"""

from dataclasses import dataclass

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from betrokken.language import staff_language
from engagement.parents.views import LANGUAGE_KEY as DECLARATION_LANGUAGE_KEY
from respondents.languages import MASTER, is_supported
from respondents.rendering import language_context
from surveys.devices import handed_in_language

QUESTIONNAIRE_PREFIX = "/q/"
DECLARATION_PREFIX = "/v/"


@dataclass(frozen=True)
class ErrorText:
    title: Promise
    explanation: Promise


COULD_NOT_OPEN = ErrorText(
    pgettext_lazy("respondent", "Something went wrong"),
    pgettext_lazy("respondent", "This page could not be opened. Go back to the code page and try again."),
)
# No u/uw nor je: the same page reaches parents and pupils, and it cannot ask the database which.
RESPONDENT_TEXTS = {
    400: COULD_NOT_OPEN,
    403: COULD_NOT_OPEN,
    404: ErrorText(
        pgettext_lazy("respondent", "Page not found"),
        pgettext_lazy("respondent", "This page does not exist. Type the code from the letter on the code page."),
    ),
    "csrf": ErrorText(
        pgettext_lazy("respondent", "This page was not sent"),
        pgettext_lazy(
            "respondent",
            "This page was open for a long time. What was saved before is safe. Go back, open the page again and "
            "send it once more.",
        ),
    ),
    503: ErrorText(
        pgettext_lazy("respondent", "Busy for a moment"),
        pgettext_lazy(
            "respondent",
            "Many people are sending answers at the same time, so this page was not saved. What was saved before "
            "is safe. Wait a few seconds, go back and send the page again.",
        ),
    ),
    500: ErrorText(
        pgettext_lazy("respondent", "Something went wrong"),
        pgettext_lazy("respondent", "This is our mistake. What was saved before is safe. Try again in a few minutes."),
    ),
}

STAFF_TEXTS = {
    400: ErrorText(
        _("Something went wrong"),
        _("This request could not be understood. Go back and try again."),
    ),
    403: ErrorText(
        _("You cannot open this page"),
        _("Your role in this school does not give access to this page. Ask your school's coordinator if you need it."),
    ),
    404: ErrorText(
        _("Page not found"),
        _("This page does not exist, or it is not yours to see. Check the address or start again from your schools."),
    ),
    "csrf": ErrorText(
        _("This form was not sent"),
        _(
            "The page was open for a long time, or your browser does not keep cookies, so the form could not be "
            "sent safely. Go back, reload the page and try again."
        ),
    ),
    500: ErrorText(
        _("Something went wrong"),
        _("This is our mistake, not yours. Try again in a few minutes."),
    ),
}


def is_respondent_path(path: str) -> bool:
    return path.startswith((QUESTIONNAIRE_PREFIX, DECLARATION_PREFIX))


def posted_language(request: HttpRequest) -> str | None:
    """The hidden language field of the respondent's form (the page's form has no ?lang= in its address)."""
    if request.method != "POST":
        return None
    try:
        return request.POST.get("lang")
    except Exception:  # an unreadable or oversized body: the error page must render all the same
        return None


def respondent_error_language(request: HttpRequest, *, may_read_session: bool) -> str:
    """The page's own language (its form's hidden field, ?lang=), else the language this device handed in
    or read the declaration in, else Dutch."""
    for asked in (posted_language(request), request.GET.get("lang")):
        if is_supported(asked):
            return str(asked)
    known: object = None
    if request.path.startswith(QUESTIONNAIRE_PREFIX):
        known = handed_in_language(request)
    elif may_read_session and hasattr(request, "session"):
        known = request.session.get(DECLARATION_LANGUAGE_KEY)
    return known if isinstance(known, str) and is_supported(known) else MASTER


def _code_page(request: HttpRequest, language: str) -> str:
    name = "engagement:parent_code" if request.path.startswith(DECLARATION_PREFIX) else "surveys:code"
    return f"{reverse(name)}?lang={language}"


def respondent_error(request: HttpRequest, kind: int | str, status: int, *, may_read_session: bool) -> HttpResponse:
    """Rendered without the request: no part of the failing address comes back on the page."""
    language = respondent_error_language(request, may_read_session=may_read_session)
    text = RESPONDENT_TEXTS[kind]
    with translation.override(MASTER):
        dutch = (str(text.title), str(text.explanation))
    with translation.override(language):
        context = {
            **language_context(language),
            "title": str(text.title),
            "explanation": str(text.explanation),
            "dutch": dutch if language != MASTER else None,
            "code_page": _code_page(request, language),
        }
        page = render_to_string("errors/respondent.html", context)
    response = HttpResponse(page, status=status)
    response.headers["Content-Language"] = language
    response.headers["Cache-Control"] = "no-store"
    return response


def staff_error(request: HttpRequest, kind: int | str, status: int) -> HttpResponse:
    text = STAFF_TEXTS[kind]
    with translation.override(staff_language(request)):
        context = {"title": str(text.title), "explanation": str(text.explanation)}
        return render(request, "errors/staff.html", context, status=status)


def _error_page(request: HttpRequest, kind: int | str, status: int) -> HttpResponse:
    if is_respondent_path(request.path):
        return respondent_error(request, kind, status, may_read_session=True)
    return staff_error(request, kind, status)


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _error_page(request, 400, 400)


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _error_page(request, 403, 403)


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _error_page(request, 404, 404)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """CSRF_FAILURE_VIEW: the reason is for developers, never shown."""
    return _error_page(request, "csrf", 403)


def server_error_page(request: HttpRequest) -> HttpResponse:
    """The 500 page: no database, no session, no user; a plain template in a safe guess of the language."""
    if is_respondent_path(request.path):
        return respondent_error(request, 500, 500, may_read_session=False)
    language = staff_language(request)
    text = STAFF_TEXTS[500]
    with translation.override(language):
        context = {
            "language": language,
            "title": str(text.title),
            "explanation": str(text.explanation),
            "home": reverse("schools:home"),
        }
        page = render_to_string("500.html", context)
    response = HttpResponse(page, status=500)
    response.headers["Cache-Control"] = "no-store"
    return response
