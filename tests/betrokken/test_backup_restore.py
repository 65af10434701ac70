"""A backup restored into a fresh database gives the same profile: answers, tallies, the CSV export, families.

SQLite: the online backup API (`sqlite3.Connection.backup`, what README's backup command uses; safe while the
server writes) copies the test database to a file. PostgreSQL: `pg_dump -Fc` of the test database, `pg_restore`
into a new database. Either way a process of its own, knowing only the restored database's URL, reads the
figures (tests/helpers/database_copies.py), which must equal those of the original.
"""

import os
import random
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.db import connection

from engagement.models import Acknowledgment, Declaration, Family
from tests.fixtures.upgrade_figures import figures
from tests.helpers.database_copies import figures_of
from tests.helpers.hand_ins import parent_answers_in, respond
from tests.helpers.team_answers import answer_everything
from tests.helpers.world import World

ENGINE = settings.DATABASES["default"]["ENGINE"]


@pytest.fixture
def school_with_answers(world: World, published_declaration: Declaration) -> Iterator[World]:
    """The team's answers, parents' hand-ins in chunks of five (two groups, two languages), pupils', families."""
    rng = random.Random(6)
    for member in (world.alice, world.bob):
        answer_everything(world.round, member, rng, note="Wat we zagen")
    for value in (1, 2, 3, 4, 5, 4, 3):
        parent_answers_in(world, "nl", value, group="3A")
    for value in (2, 3, 4, 5, 5):
        parent_answers_in(world, "ar", value, group="4B", home_language="ar", text="شكرا")
    for _ in range(5):
        respond(world, [rng.choice([1, 2, 3, 4, 5, None]) for _ in range(30)], audience="pupil_10_12", group="6A")
    family = Family.objects.create(school=world.school, school_year="2026-2027", reference="G1", class_name="3A")
    Family.objects.create(school=world.school, school_year="2026-2027", reference="G2", class_name="4B", language="ar")
    version = published_declaration.published_version
    assert version is not None
    Acknowledgment.objects.create(family=family, school=world.school, version=version, name="Sara", language="nl")
    yield world


def same_after_restore(original: dict[str, Any], restored_url: str, var_dir: Path) -> None:
    unapplied, restored = figures_of(restored_url, var_dir, "Oudercontact")
    assert unapplied == []
    assert len(original["survey_answers"]) > 250 and len(original["team_answers"]) > 100  # there is much to lose
    assert "Ouders;" in original["profile_csv"] and original["acknowledgments"]
    for part in original:
        assert restored[part] == original[part], part


@pytest.mark.skipif(ENGINE != "django.db.backends.sqlite3", reason="the SQLite suite's backup")
@pytest.mark.django_db(transaction=True)
def test_a_sqlite_online_backup_restores_the_same_profile(school_with_answers: World, tmp_path: Path) -> None:
    original = figures("Oudercontact")
    backup = tmp_path / "backup.sqlite3"
    connection.ensure_connection()
    with sqlite3.connect(backup) as target:
        connection.connection.backup(target)  # the online backup API: page by page, while others may write
    target.close()

    restored = tmp_path / "restored" / "db.sqlite3"
    restored.parent.mkdir()
    restored.write_bytes(backup.read_bytes())  # restoring is putting the file in place, the server stopped
    same_after_restore(original, f"sqlite:///{restored}", tmp_path)


def postgres_env() -> dict[str, str]:
    database = settings.DATABASES["default"]
    return {
        **os.environ,
        "PGHOST": str(database["HOST"] or "127.0.0.1"),
        "PGPORT": str(database["PORT"] or 5432),
        "PGUSER": str(database["USER"]),
        "PGPASSWORD": str(database["PASSWORD"]),
    }


@pytest.mark.skipif(ENGINE != "django.db.backends.postgresql", reason="the PostgreSQL suite's backup")
@pytest.mark.django_db(transaction=True)
def test_a_pg_dump_restored_into_a_new_database_gives_the_same_profile(
    school_with_answers: World, tmp_path: Path
) -> None:
    original = figures("Oudercontact")
    database = settings.DATABASES["default"]
    backup = tmp_path / "betrokken.dump"
    env = postgres_env()
    subprocess.run(["pg_dump", "-Fc", "-f", str(backup), database["NAME"]], env=env, check=True, timeout=300)

    restored_name = f"betrokken_backup_restored_{os.getpid()}"
    subprocess.run(["dropdb", "--if-exists", restored_name], env=env, check=True, timeout=60)
    subprocess.run(["createdb", restored_name], env=env, check=True, timeout=60)
    try:
        subprocess.run(
            ["pg_restore", "--no-owner", "--exit-on-error", "-d", restored_name, str(backup)],
            env=env,
            check=True,
            timeout=300,
        )
        url = f"postgres://{env['PGUSER']}:{env['PGPASSWORD']}@{env['PGHOST']}:{env['PGPORT']}/{restored_name}"
        same_after_restore(original, url, tmp_path)
    finally:
        subprocess.run(["dropdb", "--if-exists", restored_name], env=env, check=True, timeout=60)
