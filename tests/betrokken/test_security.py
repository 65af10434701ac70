"""Production hardening, security headers and CSRF on every form."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from tests.helpers.world import World

ROOT = Path(settings.BASE_DIR)
PRODUCTION_ENV = {
    # The browser tests allow Django's ORM under Playwright's event loop; a deployment never does.
    **{key: value for key, value in os.environ.items() if key != "DJANGO_ALLOW_ASYNC_UNSAFE"},
    "BETROKKEN_ENV": "production",
    "SECRET_KEY": secrets.token_urlsafe(50),
    "ALLOWED_HOSTS": "betrokken.example.org",
    "DATABASE_URL": "sqlite:///:memory:",
    "TRUSTED_PROXIES": "127.0.0.1",
}


def test_check_deploy_reports_nothing_with_production_settings() -> None:
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "DEBUG"],
        cwd=ROOT,
        env=PRODUCTION_ENV,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key() -> None:
    env = {key: value for key, value in PRODUCTION_ENV.items() if key != "SECRET_KEY"}
    result = subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


PRODUCTION_PROBE = """
import django
django.setup()
from django.test import Client
client = Client()
plain = client.get("/accounts/login/", HTTP_HOST="betrokken.example.org")
secure = client.get("/accounts/login/", HTTP_HOST="betrokken.example.org", secure=True)
print(plain.status_code, plain.get("Location"))
print(secure.headers.get("Strict-Transport-Security"))
print(secure.cookies["csrftoken"]["secure"] if "csrftoken" in secure.cookies else "no-cookie")
from django.conf import settings
print(settings.SESSION_COOKIE_SECURE, settings.CSRF_COOKIE_SECURE, settings.DEBUG)
"""


def test_production_redirects_to_https_with_hsts_and_secure_cookies(tmp_path: Path) -> None:
    env = {**PRODUCTION_ENV, "DJANGO_SETTINGS_MODULE": "betrokken.settings", "STATIC_ROOT": str(tmp_path)}
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--no-input", "-v", "0"], cwd=ROOT, env=env, check=True
    )
    result = subprocess.run(
        [sys.executable, "-c", PRODUCTION_PROBE], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    redirect, hsts, _cookie, flags = result.stdout.strip().splitlines()
    assert redirect == "301 https://betrokken.example.org/accounts/login/"
    assert "max-age=31536000" in hsts and "includeSubDomains" in hsts
    assert flags == "True True False"


@pytest.mark.django_db
def test_security_headers_on_every_page(content: None) -> None:
    response = Client().get(reverse("accounts:login"))
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp and "unsafe-inline" not in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


def form_posts(world: World) -> list[tuple[str, dict[str, str]]]:
    school, round_ = world.school.id, world.round.id
    return [
        (reverse("accounts:signup"), {"name": "X", "email": "x@example.org", "password": "een-lang-wachtwoord"}),
        (reverse("accounts:login"), {"username": "alice@example.org", "password": "x"}),
        (reverse("accounts:password_reset"), {"email": "alice@example.org"}),
        (reverse("schools:create"), {"name": "X"}),
        (reverse("schools:members", args=[school]), {"email": "y@example.org", "role": "team"}),
        (reverse("analysis:round_create", args=[school]), {"title": "X"}),
        (reverse("analysis:round", args=[school, round_]), {"invitees": "1"}),
        (reverse("analysis:voice_close", args=[school, round_, "parents"]), {}),
        (reverse("analysis:answer", args=[school, round_, 1]), {"note": "x"}),
        (reverse("results:profile", args=[school, round_]), {"dimension": "tijd", "tijd-text": "x"}),
        (reverse("framework:items", args=[school]), {"text_nl": "x?"}),
        ("/i18n/setlang/", {"language": "en"}),
    ]


def test_every_form_needs_a_csrf_token(world: World) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.alice)
    for url, data in form_posts(world):
        assert client.post(url, data).status_code == 403, url


def test_every_form_carries_a_csrf_token(world: World, alice_client: Client) -> None:
    school, round_ = world.school.id, world.round.id
    for url in [
        reverse("schools:members", args=[school]),
        reverse("analysis:round_create", args=[school]),
        reverse("analysis:answer", args=[school, round_, 1]),
        reverse("results:profile", args=[school, round_]),
        reverse("framework:items", args=[school]),
        reverse("analysis:voice_close", args=[school, round_, "parents"]),
    ]:
        page = alice_client.get(url).content.decode()
        assert page.count("<form") == page.count('name="csrfmiddlewaretoken"'), url
