"""Plain codes wait for printing in a file for 24 hours at most; never in the session or the database."""

import importlib
import os
import stat
from datetime import timedelta
from io import StringIO
from pathlib import Path

from django.apps import apps as django_apps
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from surveys.code_files import kept_codes, kept_until
from tests.helpers.database_scan import places_holding
from tests.helpers.letter_jobs import download_letters
from tests.helpers.survey_data import batch_url, in_english, invitations_url, make_batch, messages_of
from tests.helpers.world import World

DAY = 24 * 60 * 60


def age(path: Path, seconds: int) -> None:
    """Make the file look `seconds` old."""
    when = path.stat().st_mtime - seconds
    os.utime(path, (when, when))


def test_codes_are_in_a_private_file_and_nowhere_else(world: World, alice_client: Client, code_files_dir: Path) -> None:
    batch, codes = make_batch(alice_client, world, size="5")
    (path,) = code_files_dir.iterdir()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert path.read_text().split() == codes
    assert places_holding(set(codes)) == []  # no table, no session
    assert places_holding({str(batch.id), batch.id.hex}) != []  # the scan does read the tables
    other_session = in_english(world.client_for(world.alice))  # a coordinator's other session may print them too
    assert other_session.get(batch_url("links", world, batch)).status_code == 200
    assert download_letters(other_session, world, batch)[1].startswith(b"%PDF")


def test_after_24_hours_the_codes_are_deleted_and_the_page_says_so(
    world: World, alice_client: Client, code_files_dir: Path
) -> None:
    client = in_english(alice_client)
    batch, _codes = make_batch(client, world)
    page = client.get(invitations_url(world))
    assert "The codes are kept for 24 hours after they are made and then deleted" in page.content.decode()
    until = kept_until(batch.id)
    assert until is not None and timedelta(hours=23, minutes=59) < until - timezone.now() <= timedelta(hours=24)
    (path,) = code_files_dir.iterdir()
    age(path, DAY + 1)
    for name in ("letters", "links"):
        gone = client.get(batch_url(name, world, batch), follow=True)
        assert "The codes of this batch are no longer available. Make a new batch." in messages_of(gone)
    assert not path.exists() and kept_codes(batch.id) is None
    page = client.get(invitations_url(world))
    assert "The codes are deleted: they can no longer be printed." in page.content.decode()


def test_the_command_deletes_expired_code_files_and_keeps_fresh_ones(
    world: World, alice_client: Client, code_files_dir: Path
) -> None:
    old, _ = make_batch(alice_client, world)
    fresh, _ = make_batch(alice_client, world, group_label="3B")
    age(code_files_dir / f"{old.id}.codes", DAY + 60)
    age(code_files_dir / f"{fresh.id}.codes", DAY - 60)
    out = StringIO()
    call_command("delete_expired_code_files", stdout=out)
    assert out.getvalue().strip() == "1 code file(s) deleted."
    assert sorted(path.name for path in code_files_dir.iterdir()) == [f"{fresh.id}.codes"]


def test_the_migration_removes_codes_that_earlier_sessions_held(world: World, alice_client: Client) -> None:
    migration = importlib.import_module("surveys.migrations.0006_forget_codes_in_sessions")
    session = alice_client.session
    session["issued-codes"] = {"3f1c0b9e-0000-4000-8000-000000000000": ["ABCDEFGHJK", "KJHGFEDCBA"]}
    session["kept"] = "yes"
    session.save()
    assert places_holding({"ABCDEFGHJK"}) != []
    migration.forget_codes_in_sessions(django_apps, None)
    assert places_holding({"ABCDEFGHJK", "KJHGFEDCBA"}) == []
    after = Session.objects.get(session_key=session.session_key).get_decoded()
    assert after["kept"] == "yes" and "issued-codes" not in after
