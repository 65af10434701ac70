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
import shutil
import sqlite3
from pathlib import Path

import pytest
from django.conf import settings

from tests.helpers.database_copies import figures_of, run_against

FIXTURES = Path(settings.BASE_DIR) / "tests" / "fixtures"
PREVIOUS_RELEASE = "efc4f74"


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

    url = f"sqlite:///{database}"
    run_against(url, tmp_path, "manage.py", "migrate", "--no-input", "-v", "0")
    run_against(url, tmp_path, "manage.py", "load_framework")
    unapplied, figures = figures_of(url, tmp_path, "Ronde van de vorige versie")

    assert "jobs" in applied_apps(database)
    assert unapplied == []
    assert len(figures["survey_answers"]) == 426 and len(figures["team_answers"]) == 207
    for part in expected:
        assert figures[part] == expected[part], part
