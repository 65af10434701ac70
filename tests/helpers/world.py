"""The test base: three people — an owner, a member and an outsider — and how to log in as one of them.

alice coordinates "De Regenboog", bob is a team member there, charlie coordinates another school
and must never see anything of De Regenboog. The `world` fixture in tests/conftest.py builds it.
"""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.test import Client
from django.utils import translation

from accounts.models import User
from analysis.models import Round
from schools.models import School

PASSWORD = "a-long-test-password-2026"


@dataclass
class World:
    school: School
    other_school: School
    alice: User  # coordinator of school
    bob: User  # team member of school
    charlie: User  # coordinator of other_school: an outsider to school
    round: Round
    other_round: Round

    def client_for(self, user: User) -> Client:
        client = Client()
        client.force_login(user)
        return client


def make_user(name: str, email: str) -> User:
    """A person who logs in with PASSWORD, through the same hasher as everyone (argon2 unless a test switched)."""
    user = User.objects.create_user(email, None, name=name)
    user.password = password_hash()
    user.save(update_fields=["password"])
    return user


_hashes: dict[tuple[str, ...], str] = {}


def password_hash() -> str:
    """PASSWORD hashed once per set of hashers: argon2 costs about 0.2 s of CPU a hash on purpose, and the
    `world` alone makes three people per test. Sharing the salt changes nothing a test checks."""
    hashers = tuple(settings.PASSWORD_HASHERS)
    if hashers not in _hashes:
        _hashes[hashers] = make_password(PASSWORD)
    return _hashes[hashers]


def in_dutch(message: str, context: str | None = None) -> str:
    """What the Dutch interface says for `message` (Dutch is the default language of every page)."""
    with translation.override("nl"):
        return translation.pgettext(context, message) if context else translation.gettext(message)
