"""The test base: three people — an owner, a member and an outsider — and how to log in as one of them.

alice coordinates "De Regenboog", bob is a team member there, charlie coordinates another school
and must never see anything of De Regenboog. The `world` fixture in tests/conftest.py builds it.
"""

from dataclasses import dataclass

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
    return User.objects.create_user(email, PASSWORD, name=name)


def in_dutch(message: str, context: str | None = None) -> str:
    """What the Dutch interface says for `message` (Dutch is the default language of every page)."""
    with translation.override("nl"):
        return translation.pgettext(context, message) if context else translation.gettext(message)
