"""Refuse request bodies that are too large before anything reads them.

Django's DATA_UPLOAD_MAX_MEMORY_SIZE does not stop a multipart file from being streamed to disk: a
1.5 GB POST to /q/ kept a worker busy for 20 s. The check runs in process_view, before CSRF reads
request.POST, and looks only at the declared Content-Length. Someone without a login (parents, pupils,
the login and password-reset forms, invitations) may send a small form; a signed-in person a form of
at most 256 KiB; only the family import accepts more (a file), up to its own limit. A body without a declared length
(chunked) is refused: Django would silently read it as empty.
"""

from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse

from engagement.families.importing import MAX_UPLOAD_BYTES

# A questionnaire page with a 2,000-character open answer in any script fits many times over.
ANONYMOUS_BODY_LIMIT = 64 * 1024
# A signed-in form: the declaration editor's twelve parts of 6,000 characters in a two-byte script fit.
SIGNED_IN_BODY_LIMIT = 256 * 1024
# Multipart headers and the CSRF field around the CSV file.
UPLOAD_LIMITS = {"engagement:family_import": MAX_UPLOAD_BYTES + 64 * 1024}


def body_limit(view_name: str, signed_in: bool) -> int:
    """The largest body, in bytes, a request to `view_name` may carry."""
    if not signed_in:
        return ANONYMOUS_BODY_LIMIT
    return UPLOAD_LIMITS.get(view_name, SIGNED_IN_BODY_LIMIT)


def declared_length(meta: dict[str, Any]) -> int | None:
    """The Content-Length as a number; None when the body's length is not declared or not a number."""
    raw = meta.get("CONTENT_LENGTH") or ""
    if raw == "":
        return None if meta.get("HTTP_TRANSFER_ENCODING") else 0
    return int(raw) if raw.isdigit() else None


class RequestBodyLimitMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self, request: HttpRequest, view: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any]
    ) -> HttpResponse | None:
        length = declared_length(request.META)
        if length is None:
            return HttpResponse("Length Required", status=411, content_type="text/plain")
        if length <= ANONYMOUS_BODY_LIMIT:  # the common case decides without looking at the session
            return None
        view_name = request.resolver_match.view_name if request.resolver_match else ""
        if length > body_limit(view_name, request.user.is_authenticated):
            return HttpResponse("Request Entity Too Large", status=413, content_type="text/plain")
        return None
