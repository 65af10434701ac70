"""Finding 10: a Permissions-Policy header (and the Content-Security-Policy) on every response."""

import pytest
from django.test import Client

from tests.helpers.world import World

DENIED = ("camera=()", "microphone=()", "geolocation=()", "payment=()")


def _assert_policies(headers: dict[str, str] | object) -> None:
    policy = headers["Permissions-Policy"]  # type: ignore[index]
    for feature in DENIED:
        assert feature in policy
    assert "default-src 'self'" in headers["Content-Security-Policy"]  # type: ignore[index]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "status"),
    [("/q/", 200), ("/v/", 200), ("/accounts/login/", 200), ("/does-not-exist/", 404), ("/static/css/app.css", 200)],
)
def test_every_public_response_carries_the_policies(path: str, status: int) -> None:
    response = Client().get(path)
    assert response.status_code == status
    _assert_policies(response.headers)


def test_staff_pages_and_refusals_carry_the_policies(world: World, alice_client: Client) -> None:
    _assert_policies(alice_client.get("/").headers)
    refused = Client().generic("POST", "/q/", b"x", CONTENT_LENGTH="100000000")
    assert refused.status_code == 413
    _assert_policies(refused.headers)
