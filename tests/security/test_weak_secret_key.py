"""Finding 9: production must not start with the development key or a short one (not only warn in check --deploy)."""

import os
import secrets
import subprocess
import sys

import pytest
from django.conf import settings

from betrokken.settings import DEVELOPMENT_SECRET_KEY

LOAD_SETTINGS = "import django; django.setup(); from django.conf import settings; print(len(settings.SECRET_KEY))"


def _start_production(secret_key: str) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if key not in {"DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE"}}
    env.update(
        DJANGO_SETTINGS_MODULE="betrokken.settings",
        BETROKKEN_ENV="production",
        SECRET_KEY=secret_key,
        ALLOWED_HOSTS="betrokken.example.org",
        DATABASE_URL="sqlite:///:memory:",
    )
    return subprocess.run(
        [sys.executable, "-c", LOAD_SETTINGS],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.mark.parametrize(
    "secret_key",
    [
        DEVELOPMENT_SECRET_KEY,
        "x" * 48 + "abc",  # long enough, but four different characters
        secrets.token_urlsafe(36)[:49],  # random but one character short
        "django-insecure-" + secrets.token_urlsafe(50),  # what startproject writes
    ],
    ids=["development-key", "few-characters", "49-characters", "django-insecure"],
)
def test_production_refuses_to_load_settings_with_a_weak_key(secret_key: str) -> None:
    result = _start_production(secret_key)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "SECRET_KEY" in result.stderr
    assert secret_key not in result.stderr  # the refusal does not print the key into the log


def test_production_loads_settings_with_a_long_random_key() -> None:
    key = secrets.token_urlsafe(38)[:50]
    result = _start_production(key)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "50"
