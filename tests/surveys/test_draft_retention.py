"""What questionnaires in progress leave behind, and code files, are removed by chores once past their time.

Every "now" is fixed (and files get fixed times): nothing depends on the wall clock's date.
"""

import logging
import os
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from django.utils import timezone

from analysis.models import CollectionWindow, Round
from analysis.windows import close_voice
from jobs.schedule import registered_chores, run_chore
from surveys.batches import issue_codes
from surveys.code_files import keep_codes
from surveys.draft_retention import forget_devices_of_closed_voices
from surveys.models import HandedInAtClosing, SurveyResponse
from surveys.respond import Opening, open_with_code, save_answers
from surveys.texts import questionnaire_pages
from tests.helpers.world import World

CLOSED_AT = timezone.make_aware(datetime(2026, 12, 1, 12, 0))


def every(name: str) -> timedelta:
    return next(chore.every for chore in registered_chores() if chore.name == name)


def answering_on_a_device(world: World, round_: Round) -> tuple[SurveyResponse, str]:
    """A parent opens a code on a new device and saves a page; returns the questionnaire and the device's token."""
    coordinator = world.alice if round_.school_id == world.school.id else world.charlie
    (code,) = issue_codes(round_, "parent", "class", "3A", "", 1, coordinator).codes
    opened = open_with_code(code)
    assert opened.outcome == Opening.OPENED and opened.response is not None and opened.device_token
    first_page = questionnaire_pages(round_.id, "parent")[0]
    save_answers(opened.response, 1, {first_page[0]: 4}, "nl")
    return opened.response, opened.device_token


def closed_on(round_: Round, closed_at: datetime) -> None:
    assert close_voice(round_, "parents")
    CollectionWindow.objects.filter(round=round_, voice="parents").update(closed_at=closed_at)


def test_devices_remembered_at_a_closing_are_forgotten_when_no_cookie_can_come_back(
    world: World, caplog: pytest.LogCaptureFixture
) -> None:
    _draft, device = answering_on_a_device(world, world.round)
    answering_on_a_device(world, world.other_round)
    closed_on(world.round, CLOSED_AT)
    closed_on(world.other_round, CLOSED_AT + timedelta(days=30))
    assert HandedInAtClosing.objects.count() == 2
    handed_in = SurveyResponse.objects.filter(status="submitted").count()
    (code,) = issue_codes(world.round, "parent", "class", "3B", "", 1, world.alice).codes
    assert open_with_code(code, device).outcome == Opening.HANDED_IN_AT_CLOSING

    with caplog.at_level(logging.INFO, logger="betrokken.retention"):
        assert forget_devices_of_closed_voices(CLOSED_AT + timedelta(days=60) - timedelta(minutes=1)) == 0
        assert forget_devices_of_closed_voices(CLOSED_AT + timedelta(days=60, minutes=1)) == 1
    assert list(HandedInAtClosing.objects.values_list("round_id", flat=True)) == [world.other_round.id]
    assert SurveyResponse.objects.filter(status="submitted").count() == handed_in == 2  # the answers stay
    assert [record.getMessage() for record in caplog.records] == [
        f"Forgot 1 device(s) of round {world.round.id}'s parents voice, closed on 2026-12-01"
    ]
    # Once forgotten, the device is told what any other device is told: the voice is closed.
    assert open_with_code(code, device).outcome == Opening.CLOSED


def test_a_voice_still_open_keeps_its_questionnaires_in_progress(world: World) -> None:
    draft, _device = answering_on_a_device(world, world.round)
    assert forget_devices_of_closed_voices(CLOSED_AT + timedelta(days=365)) == 0
    assert SurveyResponse.objects.get(pk=draft.pk).status == "in_progress"


def test_the_worker_forgets_devices_daily(world: World) -> None:
    assert every("surveys.forget_devices_of_closed_voices") == timedelta(days=1)
    answering_on_a_device(world, world.round)
    closed_on(world.round, CLOSED_AT)
    run_chore("surveys.forget_devices_of_closed_voices", CLOSED_AT + timedelta(days=61))
    assert not HandedInAtClosing.objects.exists()


def made_at(path: Path, when: datetime) -> None:
    os.utime(path, (when.timestamp(), when.timestamp()))


def test_the_worker_deletes_code_files_past_24_hours_every_hour(
    world: World, code_files_dir: Path, caplog: pytest.LogCaptureFixture
) -> None:
    assert every("surveys.delete_expired_code_files") == timedelta(hours=1)
    old, fresh = world.round.id, world.other_round.id  # any ids: the files are named after batches
    keep_codes(old, ["ABCDEFGHJK"])
    keep_codes(fresh, ["KJHGFEDCBA"])
    made_at(code_files_dir / f"{old}.codes", CLOSED_AT - timedelta(hours=24, minutes=1))
    made_at(code_files_dir / f"{fresh}.codes", CLOSED_AT - timedelta(hours=23))
    with caplog.at_level(logging.INFO, logger="betrokken.retention"):
        run_chore("surveys.delete_expired_code_files", CLOSED_AT)
    assert [path.name for path in code_files_dir.iterdir()] == [f"{fresh}.codes"]
    assert [record.getMessage() for record in caplog.records if record.name == "betrokken.retention"] == [
        f"Deleted the code file {old}.codes, past its 24 hours"
    ]
