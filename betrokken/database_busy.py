"""A database that stays locked answers 503 with Retry-After, never 500.

SQLite lets one writer at a time and waits up to busy_timeout (5 s) for the lock; when a burst of
hand-ins keeps it longer, the request fails with "database is locked". That is a busy server, not a bug:
the request was rolled back (ATOMIC_REQUESTS), so the browser may simply send it again. The page is
rendered without the request, so it needs no database itself.
"""

import sys
from collections.abc import Callable

from django.db import OperationalError
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string

from betrokken.error_pages import is_respondent_path, respondent_error, server_error_page

RETRY_AFTER_SECONDS = 5
LOCKED_MESSAGES = ("database is locked", "database table is locked")


def is_lock_timeout(error: BaseException) -> bool:
    return isinstance(error, OperationalError) and str(error).startswith(LOCKED_MESSAGES)


class DatabaseBusyMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        return busy_response(request) if is_lock_timeout(exception) else None


def busy_response(request: HttpRequest) -> HttpResponse:
    """In the respondent's language on /q/ and /v/ (from the address and cookies only: the database is busy)."""
    if is_respondent_path(request.path):
        response = respondent_error(request, 503, 503, may_read_session=False)
    else:
        response = HttpResponse(render_to_string("503.html"), status=503)
    response.headers["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response.headers["Cache-Control"] = "no-store"
    return response


def server_error(request: HttpRequest) -> HttpResponse:
    """handler500: a lock timeout outside the view (saving the session, in a middleware) is 503 as well."""
    error = sys.exc_info()[1]
    if error is not None and is_lock_timeout(error):
        return busy_response(request)
    return server_error_page(request)
