"""The codes and tokens in paths stay out of every log: betrokken/secret_paths.py, its gunicorn logger and its
logging filter (issue 13's red team)."""

import io
import logging
import re
import uuid
from collections.abc import Iterator
from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from gunicorn.config import Config

from betrokken.access_log import MaskedAccessLogger
from betrokken.secret_paths import MaskSecretPaths, mask_secret_paths

SECRET = "Secret7Value"
# Parameters in a path that name no secret: what the page shows, never who may see it.
PUBLIC_PARAMETERS = {
    "audience",
    "name",
    "language",
    "block_key",
    "voice",
    "slug",
    "band",
    "key",
    "size",
}  # slug: a feedback page's public address, printed on posters; size: a poster's paper size
OPAQUE_CONVERTERS = {"uuid", "int"}  # an object's id, useless without a signed-in session that may see it


def routes(patterns: list[URLPattern | URLResolver], prefix: str = "") -> Iterator[str]:
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            if pattern.app_name != "admin":  # the superuser's own pages, keyed by database ids
                yield from routes(pattern.url_patterns, prefix + str(pattern.pattern))
        else:
            yield prefix + str(pattern.pattern)


def example_path(route: str) -> str:
    def value(match: re.Match[str]) -> str:
        converter, name = match["converter"] or "str", match["name"]
        if converter == "uuid":
            return str(uuid.uuid4())
        if converter == "int":
            return "3"
        return "nl" if name in PUBLIC_PARAMETERS else SECRET

    return "/" + re.sub(r"<(?:(?P<converter>\w+):)?(?P<name>\w+)>", value, route)


def test_every_route_with_a_code_or_token_in_its_path_is_masked_and_no_other_route_is() -> None:
    secret_routes = []
    for route in routes(get_resolver().url_patterns):
        path = example_path(route)
        if SECRET in path:
            secret_routes.append(route)
            assert SECRET not in mask_secret_paths(path), route
        else:
            assert mask_secret_paths(path) == path, route
    assert sorted(secret_routes) == [
        "accounts/password-reset/<uidb64>/<token>/",
        "invitations/<str:token>/",
        "invitations/<str:token>/organisation/",
        "q/c/<str:code>/",
        "v/c/<str:code>/",
    ]


@pytest.mark.parametrize(
    ("path", "logged"),
    [
        ("/q/c/K7PX2M9Q/", "/q/c/***/"),
        ("/q/c/K7PX2M9Q", "/q/c/***"),  # before the redirect that adds the slash
        ("/q/c/k7px2m9q/", "/q/c/***/"),
        ("/Q/C/K7PX2M9Q/", "/Q/C/***/"),  # a 404, but the code in it still works on /q/
        ("/q/c/K7PX2M9Q/?utm_source=qr", "/q/c/***/?utm_source=qr"),
        ("//q//c/K7PX2M9Q/", "//q//c/***/"),
        ("/v/c/F4MILY7C/", "/v/c/***/"),
        ("/v/c/f4mily7c", "/v/c/***"),
        ("/v/c/F4MILY7C/?lang=ar", "/v/c/***/?lang=ar"),
        ("/invitations/x1Y2-z3_t0ken/", "/invitations/***/"),
        ("/invitations/x1Y2-z3_t0ken", "/invitations/***"),
        ("/invitations/x1Y2-z3_t0ken/?next=/", "/invitations/***/?next=/"),
        ("/accounts/password-reset/MTI/cbx1a2-0f9e8d7c6b5a/", "/accounts/password-reset/***/***/"),
        ("/accounts/password-reset/MTI/set-password/", "/accounts/password-reset/***/***/"),
        ("/accounts/password-reset/MTI/cbx1a2-0f9e8d7c6b5a", "/accounts/password-reset/***/***"),
        ("/accounts/password-reset/mti/cbx1a2/?x=1", "/accounts/password-reset/***/***/?x=1"),
        ("/accounts/password-reset/done/", "/accounts/password-reset/done/"),
        ("/accounts/password-reset/sent/", "/accounts/password-reset/sent/"),
        ("/q/", "/q/"),
        ("/q/2/", "/q/2/"),
        ("/v/verklaring/", "/v/verklaring/"),
    ],
)
def test_a_path_is_logged_with_its_secret_segments_masked(path: str, logged: str) -> None:
    assert mask_secret_paths(path) == logged


def test_a_secret_path_inside_a_request_line_a_referer_or_a_message_is_masked() -> None:
    assert mask_secret_paths("GET /q/c/K7PX2M9Q/ HTTP/1.1") == "GET /q/c/***/ HTTP/1.1"
    assert mask_secret_paths("https://school.example/v/c/F4MILY7C/") == "https://school.example/v/c/***/"
    assert mask_secret_paths("Not Found: /invitations/x1Y2/") == "Not Found: /invitations/***/"
    # The same words deeper in a staff path are not a route with a secret.
    staff = "/s/1/rounds/2/invitations/3/letters.pdf"
    assert mask_secret_paths(staff) == staff


def gunicorn_atoms(path: str, raw_uri: str, referer: str) -> dict[str, object]:
    logger = MaskedAccessLogger(Config())
    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path,
        "RAW_URI": raw_uri,
        "QUERY_STRING": "",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_REFERER": referer,
    }
    response = SimpleNamespace(status="200 OK", sent=10, headers=[])
    return logger.atoms(response, SimpleNamespace(headers=[("REFERER", referer)]), environ, timedelta(0))  # type: ignore[no-any-return]


def test_gunicorns_atoms_that_carry_the_path_are_masked() -> None:
    atoms = gunicorn_atoms("/q/c/K7PX2M9Q/", "/q/c/K7PX2M9Q/?a=1", "https://school.example/invitations/t0k/")
    assert atoms["U"] == "/q/c/***/"
    assert atoms["r"] == "GET /q/c/***/?a=1 HTTP/1.1"
    assert atoms["f"] == atoms["{referer}i"] == "https://school.example/invitations/***/"
    assert atoms["{path_info}e"] == "/q/c/***/" and atoms["{raw_uri}e"] == "/q/c/***/?a=1"
    assert not [name for name, value in atoms.items() if "K7PX2M9Q" in str(value) or "t0k" in str(value)]


def test_djangos_log_records_name_a_secret_path_masked() -> None:
    record = logging.LogRecord(
        "django.request", logging.WARNING, __file__, 1, "Not Found: %s", ("/v/c/F4MILY7C/",), None
    )
    assert MaskSecretPaths().filter(record) is True
    assert record.getMessage() == "Not Found: /v/c/***/"
    plain = logging.LogRecord("django.request", logging.WARNING, __file__, 1, "Not Found: %s", ("/q/2/",), None)
    assert MaskSecretPaths().filter(plain) and plain.getMessage() == "Not Found: /q/2/"


@pytest.mark.django_db
def test_the_configured_handlers_mask_what_django_request_and_runserver_log(client: Client) -> None:
    server_filters = [type(f) for handler in logging.getLogger("django.server").handlers for f in handler.filters]
    assert MaskSecretPaths in server_filters
    (console,) = [handler for handler in logging.getLogger().handlers if type(handler) is logging.StreamHandler]
    written = io.StringIO()
    stream = console.setStream(written)
    try:
        assert client.get("/invitations/x1Y2-z3_t0ken/").status_code == 404
    finally:
        console.setStream(stream)
    assert written.getvalue() == "Not Found: /invitations/***/\n"
