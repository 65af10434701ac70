"""Typed readers for the environment variables the settings use.

A typo in a production environment (`DEBUG=flase`, `EMAIL_PORT=58 7`) must stop the server at
start with a message naming the variable, not silently switch a feature on or off. So every
reader here accepts only well-formed values and raises `ImproperlyConfigured` on anything else,
as healthchecks' `envbool`/`envint` do. An unset variable, or one set to the empty string, gives
the default.
"""

import ipaddress
import os
import re
from pathlib import Path
from typing import overload

from django.core.exceptions import ImproperlyConfigured

_BOOLEANS = {"1": True, "true": True, "0": False, "false": False}
_INTEGER = re.compile(r"[+-]?[0-9]+")


def _raw(name: str) -> str | None:
    """The variable's value, or None when it is unset or the empty string."""
    value = os.environ.get(name, "")
    return value if value != "" else None


def env_str(name: str, default: str | None = None) -> str:
    """The value as is; without a default the variable is required."""
    value = _raw(name)
    if value is not None:
        return value
    if default is None:
        raise ImproperlyConfigured(f"The environment variable {name} is required but is not set.")
    return default


def env_secret_key(name: str, minimum_length: int, refused: tuple[str, ...]) -> str:
    """A required signing key that is long, varied and not one published in this repository.

    Codes are stored as an HMAC under this key and sessions are signed with it, so a short or known key
    lets anyone forge a session or test codes offline. The rules follow Django's own deploy check (W009),
    but stop the start instead of only warning in `check --deploy`.
    """
    value = env_str(name)
    if value in refused or value.startswith("django-insecure-"):
        raise ImproperlyConfigured(f"The environment variable {name} holds a published development key.")
    if len(value) < minimum_length or len(set(value)) < 5:
        raise ImproperlyConfigured(
            f"The environment variable {name} must be at least {minimum_length} characters of varied text."
        )
    return value


def env_choice(name: str, default: str, choices: tuple[str, ...]) -> str:
    """One of `choices`, exactly as written there."""
    value = env_str(name, default)
    if value not in choices:
        raise ImproperlyConfigured(f"The environment variable {name}={value!r} must be one of {', '.join(choices)}.")
    return value


def env_bool(name: str, default: bool) -> bool:
    """1/true or 0/false, case-insensitive and with surrounding whitespace ignored."""
    value = _raw(name)
    if value is None or not value.strip():
        return default
    try:
        return _BOOLEANS[value.strip().lower()]
    except KeyError:
        raise ImproperlyConfigured(
            f"The environment variable {name}={value!r} is not a boolean: use 1, 0, true or false."
        ) from None


def env_int(name: str, default: int, minimum: int | None = None) -> int:
    """A whole number in decimal digits, at least `minimum` when one is given."""
    value = _raw(name)
    if value is None or not value.strip():
        return default
    if not _INTEGER.fullmatch(value.strip()):
        raise ImproperlyConfigured(f"The environment variable {name}={value!r} is not an integer.")
    number = int(value.strip())
    if minimum is not None and number < minimum:
        raise ImproperlyConfigured(f"The environment variable {name}={value!r} must be at least {minimum}.")
    return number


def env_list(name: str, default: list[str]) -> list[str]:
    """Comma separated items, each stripped of surrounding whitespace; empty items are dropped."""
    value = _raw(name)
    if value is None:
        return list(default)
    return [item.strip() for item in value.split(",") if item.strip()]


def env_networks(name: str, default: list[str]) -> list[ipaddress.IPv4Network | ipaddress.IPv6Network]:
    """Comma separated IP addresses or networks, e.g. `127.0.0.1,10.0.0.0/8,fd00::/8`."""
    networks = []
    for item in env_list(name, default):
        try:
            networks.append(ipaddress.ip_network(item, strict=False))
        except ValueError:
            raise ImproperlyConfigured(
                f"The environment variable {name} holds {item!r}, which is not an IP address or network."
            ) from None
    return networks


@overload
def env_path(name: str, default: Path) -> Path: ...
@overload
def env_path(name: str, default: None) -> Path | None: ...
def env_path(name: str, default: Path | None) -> Path | None:
    """A filesystem path; the default may be None for an optional path."""
    value = _raw(name)
    return Path(value) if value is not None else default
