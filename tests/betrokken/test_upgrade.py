"""Upgrading: a database made by the previous release (efc4f74, issue 12) is migrated to today's schema and
loaded with today's framework, and keeps every answer, tally and figure of its profile.

The fixture (tests/fixtures/upgrade-efc4f74.sqlite3.gz) and the figures the old code read from it
(upgrade-efc4f74.json) were made by tests/fixtures/make_upgrade_fixture.py running the old checkout. Here
today's `manage.py migrate` and `load_framework` run on a copy, in their own processes, as an upgrade does,
and tests/fixtures/upgrade_figures.py reads the same figures with today's code. It runs on SQLite only: the
previous release's schema can only be made by its own code, and that code made this SQLite file (README).
"""

import gzip
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

FIXTURES = Path(settings.BASE_DIR) / "tests" / "fixtures"
PREVIOUS_RELEASE = "efc4f74"

READ_FIGURES = """
import json
import django
django.setup()
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from tests.fixtures.upgrade_figures import figures
executor = MigrationExecutor(connection)
unapplied = [str(migration) for migration, _ in executor.migration_plan(executor.loader.graph.leaf_nodes())]
print(json.dumps({"unapplied": unapplied, "figures": figures()}))
"""


def manage(database: Path, *arguments: str) -> str:
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{database}", "BETROKKEN_VAR_DIR": str(database.parent)}
    done = subprocess.run(
        [sys.executable, *arguments], cwd=settings.BASE_DIR, env=env, check=True, capture_output=True, text=True
    )
    return done.stdout


def applied_apps(database: Path) -> set[str]:
    with sqlite3.connect(database) as connection:
        return {app for (app,) in connection.execute("SELECT DISTINCT app FROM django_migrations")}


@pytest.mark.skipif(
    settings.DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3",
    reason="the previous release's database is a SQLite file; the SQLite suite runs this",
)
def test_a_database_of_the_previous_release_keeps_its_answers_and_profile_after_the_upgrade(tmp_path: Path) -> None:
    database = tmp_path / "db.sqlite3"
    with gzip.open(FIXTURES / f"upgrade-{PREVIOUS_RELEASE}.sqlite3.gz", "rb") as source, database.open("wb") as copy:
        shutil.copyfileobj(source, copy)
    expected = json.loads((FIXTURES / f"upgrade-{PREVIOUS_RELEASE}.json").read_text())
    assert "jobs" not in applied_apps(database)  # the previous release had no background jobs: there is work to do

    manage(database, "manage.py", "migrate", "--no-input", "-v", "0")
    manage(database, "manage.py", "load_framework")
    read = json.loads(manage(database, "-c", READ_FIGURES))

    assert "jobs" in applied_apps(database)
    assert read["unapplied"] == []
    figures = read["figures"]
    assert len(figures["survey_answers"]) == 426 and len(figures["team_answers"]) == 207
    for part in expected:
        assert figures[part] == expected[part], part
