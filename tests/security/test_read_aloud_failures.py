"""Finding 7c: a hanging espeak-ng costs one request, not a worker; an unwritable audio cache hides the button."""

import time
from pathlib import Path

import pytest
from django.test import Client, RequestFactory, override_settings

from respondents.languages import audio_cache_writable, has_voice
from respondents.read_aloud import ESPEAK_SECONDS, ReadAloudFailed, audio_response, speak_to_file
from tests.helpers.respondent_helpers import issue, page_url, parse, start
from tests.helpers.tools import require_tool
from tests.helpers.world import World

GUNICORN_WORKER_TIMEOUT = 30  # gunicorn's default


def _is_gone(pid: int) -> bool:
    """The process no longer runs (exited, or a zombie waiting for its new parent to reap it)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return True
    return state in {"Z", "X"}


def test_a_hanging_speaker_is_killed_with_everything_it_started(tmp_path: Path) -> None:
    pid_file = tmp_path / "child.pid"
    # The "speaker" starts a child of its own and then hangs: both must go.
    hanging = ["sh", "-c", f"sleep 60 & echo $! > {pid_file}; wait"]
    with pytest.raises(ReadAloudFailed, match=r"did not finish within 0\.5 s"):
        speak_to_file(hanging, "Hallo", seconds=0.5)
    child = int(pid_file.read_text())
    deadline = time.monotonic() + 5
    while not _is_gone(child) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert _is_gone(child)


def test_the_speaker_gets_far_less_time_than_a_worker() -> None:
    assert ESPEAK_SECONDS <= GUNICORN_WORKER_TIMEOUT / 3


def test_a_failing_speaker_is_reported_not_ignored() -> None:
    with pytest.raises(ReadAloudFailed, match="exited with 3"):
        speak_to_file(["sh", "-c", "exit 3"], "Hallo")


def _unwritable(tmp_path: Path) -> Path:
    """A cache directory that cannot be made, even by root: a file stands where its parent should be."""
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    return blocker / "audio"


@pytest.mark.django_db
def test_an_unwritable_cache_switches_read_aloud_off(tmp_path: Path) -> None:
    require_tool("espeak-ng", "espeak-ng")
    writable = tmp_path / "audio"
    assert audio_cache_writable(writable)
    with override_settings(AUDIO_CACHE_DIR=writable):
        assert has_voice("nl")
    assert not audio_cache_writable(_unwritable(tmp_path))
    with override_settings(AUDIO_CACHE_DIR=_unwritable(tmp_path)):
        assert not has_voice("nl")


def test_an_unwritable_cache_hides_the_button_on_the_questionnaire(world: World, tmp_path: Path) -> None:
    require_tool("espeak-ng", "espeak-ng")
    client = Client()
    response = start(client, issue(world).codes[0], "nl")
    with override_settings(AUDIO_CACHE_DIR=tmp_path / "audio"):
        shown = client.get(page_url(response, 1), {"lang": "nl"})
        assert len(list(parse(shown.content).iter("audio"))) > 0
    with override_settings(AUDIO_CACHE_DIR=_unwritable(tmp_path)):
        hidden = client.get(page_url(response, 1), {"lang": "nl"})
        assert hidden.status_code == 200
        assert list(parse(hidden.content).iter("audio")) == []


def test_a_cache_that_breaks_after_the_page_was_shown_answers_503_not_500(tmp_path: Path) -> None:
    require_tool("espeak-ng", "espeak-ng")
    request = RequestFactory().get("/q/audio/")
    with override_settings(AUDIO_CACHE_DIR=_unwritable(tmp_path)):
        response = audio_response(request, "nl", "Hallo", "private, no-cache")
    assert response.status_code == 503
    assert response["Retry-After"] == "60"
