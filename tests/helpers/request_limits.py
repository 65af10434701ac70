"""What the fuzzing helpers expect when a generated body is larger than the page allows (with or without a login)."""

from urllib.parse import unquote, urlsplit

from django.http import HttpResponse
from django.test import Client
from django.urls import Resolver404, resolve
from hypothesis import reject

from betrokken.request_bodies import ANONYMOUS_BODY_LIMIT, body_limit


def refused_unread_if_too_large(client: Client, url: str, body: str, response: HttpResponse) -> None:
    """A body over the page's limit is refused with 413 and nothing else happens; such examples stop.

    An address no page answers stays a plain 404 for the test to check. The refusal itself (and that nothing
    was read) is tested in tests/security/test_request_bodies.py.
    """
    size = len(body.encode())
    if size <= ANONYMOUS_BODY_LIMIT:
        return
    try:
        match = resolve(unquote(urlsplit(url).path))  # the server routes the decoded path (%2F is a slash)
    except Resolver404:
        return
    if size <= body_limit(match.view_name, signed_in="_auth_user_id" in client.session):
        return
    assert response.status_code == 413
    reject()
