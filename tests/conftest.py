"""Shared test base: the framework content and three people — an owner, a member and an outsider.

alice coordinates "De Regenboog", bob is a team member there, charlie coordinates another school
and must never see anything of De Regenboog.
"""

import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings as django_settings
from django.test import Client
from django.utils import translation

from accounts.models import User
from actions.library_content import Library, read_library
from actions.library_loading import load_action_library
from analysis.rounds import start_round
from framework.content_files import Content, read_content
from framework.loading import load_framework
from schools.models import Membership, Role, School
from surveys.texts import forget_framework_texts
from tests.helpers.world import World, make_user


@pytest.fixture(scope="session")
def content_files() -> tuple[Content, Library]:
    """The framework and the action library as read from their files, once: reading them costs more than
    seeing in the database that they are loaded, which every test with `content` does."""
    return read_content(), read_library()


@pytest.fixture(scope="session")
def django_db_setup(
    django_db_setup: None, django_db_blocker: pytest.FixtureRequest, content_files: tuple[Content, Library]
) -> None:
    with django_db_blocker.unblock():  # type: ignore[attr-defined]
        load_framework(content_files[0])
        load_action_library(content_files[1])


@pytest.fixture
def content(db: None, content_files: tuple[Content, Library]) -> None:
    """The framework content; reloaded only when a transactional test flushed it."""
    load_framework(content_files[0])
    load_action_library(content_files[1])


@pytest.fixture
def world(content: None) -> World:
    school = School.objects.create(name="De Regenboog", town="Gent")
    other_school = School.objects.create(name="Het Anker", town="Antwerpen")
    alice = make_user("Alice Coördinator", "alice@example.org")
    bob = make_user("Bob Leraar", "bob@example.org")
    charlie = make_user("Charlie Buitenstaander", "charlie@example.org")
    Membership.objects.create(school=school, user=alice, role=Role.COORDINATOR)
    Membership.objects.create(school=school, user=bob, role=Role.TEAM)
    Membership.objects.create(school=other_school, user=charlie, role=Role.COORDINATOR)
    period = (date(2026, 10, 1), date(2026, 12, 1))
    round_ = start_round(school, alice, "Oudercontact", "whole_school", "", *period, [alice, bob])
    other_round = start_round(other_school, charlie, "Anker-ronde", "whole_school", "", *period, [charlie])
    return World(school, other_school, alice, bob, charlie, round_, other_round)


@pytest.fixture
def alice_client(world: World) -> Iterator[Client]:
    yield world.client_for(world.alice)


@pytest.fixture
def bob_client(world: World) -> Iterator[Client]:
    yield world.client_for(world.bob)


@pytest.fixture
def charlie_client(world: World) -> Iterator[Client]:
    yield world.client_for(world.charlie)


@pytest.fixture
def dave(world: World) -> User:
    """A team member not yet invited to the world's round."""
    user = make_user("Dave Nieuwkomer", "dave@example.org")
    Membership.objects.create(school=world.school, user=user, role=Role.TEAM)
    return user


@pytest.fixture(autouse=True)
def code_files_dir(settings: Any, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Plain codes waiting to be printed go to a directory of the test, not to var/codes."""
    settings.CODE_FILES_DIR = tmp_path_factory.mktemp("codes")
    return Path(settings.CODE_FILES_DIR)


@pytest.fixture(autouse=True)
def generated_files_dir(settings: Any, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Files the worker makes go to a directory of the test, not to var/generated."""
    settings.GENERATED_FILES_DIR = tmp_path_factory.mktemp("generated")
    return Path(settings.GENERATED_FILES_DIR)


@pytest.fixture(autouse=True)
def fresh_framework_texts() -> None:
    """Each test starts without cached framework texts: a test's changes are rolled back, the cache's are not."""
    forget_framework_texts()


@pytest.fixture
def fast_password_hashing(settings: Any) -> None:
    """Argon2 is slow on purpose; tests that are not about hashing skip its deliberate slowness."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(scope="session")
def compiled_messages() -> None:
    """Tests that assert translated messages need the catalogues compiled and current."""
    base_dir = Path(django_settings.BASE_DIR)
    stale = [
        po
        for po in (base_dir / "locale").glob("*/LC_MESSAGES/django.po")
        if not po.with_suffix(".mo").exists() or po.with_suffix(".mo").stat().st_mtime < po.stat().st_mtime
    ]
    if stale:
        subprocess.run(
            [sys.executable, "manage.py", "compilemessages", "--ignore=.venv", "-v", "0"],
            cwd=base_dir,
            check=True,
            timeout=120,
        )
        translation.trans_real._translations.clear()  # type: ignore[attr-defined]
        translation.trans_real._default = None  # type: ignore[attr-defined]


@pytest.fixture
def published_declaration(world: World) -> Any:
    """De Regenboog's declaration for 2026-2027, from the template, adopted and published (version 1)."""
    from engagement.drafting import start_declaration, take_step

    declaration = start_declaration(world.school, "2026-2027", world.alice)
    take_step(declaration, "consult")
    take_step(declaration, "adopt", adopted_on=date(2026, 9, 15))
    take_step(declaration, "publish")
    declaration.refresh_from_db()
    return declaration
