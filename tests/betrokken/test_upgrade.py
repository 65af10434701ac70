"""Upgrading: a database made by the previous release (efc4f74, issue 12) is migrated to today's schema and
loaded with today's framework, and keeps every answer, tally and figure of its profile.

The fixture (tests/fixtures/upgrade-efc4f74.sqlite3.gz) and the figures the old code read from it
(upgrade-efc4f74.json) were made by tests/fixtures/make_upgrade_fixture.py running the old checkout. Here
today's `manage.py migrate` and `load_framework` run on a copy, in their own processes, as an upgrade does,
and tests/fixtures/upgrade_figures.py reads the same figures with today's code.

The SQLite suite upgrades the old release's own file. The PostgreSQL suite cannot run the old release's code,
so tests/helpers/previous_release.py builds the old schema from today's migration files up to the ones the
old file records (checking the names are the same), copies the old rows in with that state's models, and
then the same `migrate` and `load_framework` run on PostgreSQL (README, "Backup, restore, upgrade, retention").
"""

import gzip
import json
import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest
from django.conf import settings

from tests.helpers.database_copies import figures_of, run_against

FIXTURES = Path(settings.BASE_DIR) / "tests" / "fixtures"
PREVIOUS_RELEASE = "efc4f74"
ENGINE = settings.DATABASES["default"]["ENGINE"]


def previous_release_file(directory: Path) -> Path:
    database = directory / "previous.sqlite3"
    with gzip.open(FIXTURES / f"upgrade-{PREVIOUS_RELEASE}.sqlite3.gz", "rb") as source, database.open("wb") as copy:
        shutil.copyfileobj(source, copy)
    return database


def applied_apps(database: Path) -> set[str]:
    with sqlite3.connect(database) as connection:
        return {app for (app,) in connection.execute("SELECT DISTINCT app FROM django_migrations")}


def upgrade_keeps_everything(url: str, var_dir: Path) -> None:
    """Today's upgrade steps on the database at `url`, then the figures the previous release recorded."""
    run_against(url, var_dir, "manage.py", "migrate", "--no-input", "-v", "0")
    run_against(url, var_dir, "manage.py", "load_framework")
    unapplied, figures = figures_of(url, var_dir, "Ronde van de vorige versie")
    expected = json.loads((FIXTURES / f"upgrade-{PREVIOUS_RELEASE}.json").read_text())
    assert unapplied == []
    assert len(figures["survey_answers"]) == 426 and len(figures["team_answers"]) == 207
    for part in expected:
        assert figures[part] == expected[part], part


@pytest.mark.skipif(ENGINE != "django.db.backends.sqlite3", reason="the SQLite suite upgrades the old file itself")
def test_a_sqlite_database_of_the_previous_release_keeps_its_answers_and_profile_after_the_upgrade(
    tmp_path: Path,
) -> None:
    database = previous_release_file(tmp_path)
    assert "jobs" not in applied_apps(database)  # the previous release had no background jobs: there is work to do
    upgrade_keeps_everything(f"sqlite:///{database}", tmp_path)
    assert "jobs" in applied_apps(database)


@pytest.mark.skipif(ENGINE != "django.db.backends.postgresql", reason="the PostgreSQL suite's upgrade")
def test_a_postgresql_database_at_the_previous_release_keeps_its_answers_and_profile_after_the_upgrade(
    tmp_path: Path,
) -> None:
    database = settings.DATABASES["default"]
    env = {
        **os.environ,
        "PGHOST": str(database["HOST"] or "127.0.0.1"),
        "PGPORT": str(database["PORT"] or 5432),
        "PGUSER": str(database["USER"]),
        "PGPASSWORD": str(database["PASSWORD"]),
    }
    name = f"betrokken_backup_upgrade_{os.getpid()}"
    url = f"postgres://{env['PGUSER']}:{env['PGPASSWORD']}@{env['PGHOST']}:{env['PGPORT']}/{name}"
    subprocess.run(["dropdb", "--if-exists", name], env=env, check=True, timeout=60)
    subprocess.run(["createdb", name], env=env, check=True, timeout=60)
    try:
        copied = run_against(
            url, tmp_path, "-m", "tests.helpers.previous_release", str(previous_release_file(tmp_path))
        )
        assert copied.startswith("59 tables")
        upgrade_keeps_everything(url, tmp_path)
    finally:
        subprocess.run(["dropdb", "--if-exists", name], env=env, check=True, timeout=60)
