"""Read-aloud: questions spoken by espeak-ng, made once per text and language, then served from disk."""

import hashlib
import logging
import os
import signal
import subprocess
import tempfile
from pathlib import Path

from django.conf import settings
from django.http import FileResponse, HttpRequest, HttpResponse, HttpResponseBase
from django.utils.http import parse_etags

from respondents.languages import espeak_voice

logger = logging.getLogger(__name__)


# Far below gunicorn's 30-second worker timeout: a hanging espeak-ng must cost one request, not a worker.
ESPEAK_SECONDS = 10.0


class ReadAloudFailed(Exception):
    """espeak-ng failed or hung, or the clip could not be stored."""


def speak_to_file(command: list[str], text: str, seconds: float = ESPEAK_SECONDS) -> None:
    """Run `command` with `text` on standard input; past `seconds` its whole process group is killed."""
    # A session of its own, so that the kill reaches anything espeak-ng started, and nothing else.
    with subprocess.Popen(
        command,
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        text=True,
        start_new_session=True,
    ) as process:
        try:
            process.communicate(text, timeout=seconds)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
            raise ReadAloudFailed(f"{command[0]} did not finish within {seconds} s") from None
    if process.returncode != 0:
        raise ReadAloudFailed(f"{command[0]} exited with {process.returncode}")


def audio_file(language: str, text: str) -> Path:
    """The cached WAV of `text` in `language`; made with espeak-ng the first time it is asked for."""
    digest = hashlib.sha256(f"{language}\0{text}".encode()).hexdigest()[:40]
    path = Path(settings.AUDIO_CACHE_DIR) / f"{language}-{digest}.wav"
    if path.exists():
        return path
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".wav")
    except OSError as error:
        raise ReadAloudFailed(f"the audio cache cannot be written: {error}") from error
    os.close(handle)
    try:
        # The text goes in on standard input, so nothing in it can be read as an option.
        speak_to_file(["espeak-ng", "-v", espeak_voice(language), "-s", "140", "-w", temporary, "--stdin"], text)
        Path(temporary).replace(path)  # atomic: a parallel request never serves half a file
    except OSError as error:
        raise ReadAloudFailed(f"the clip cannot be stored: {error}") from error
    finally:
        Path(temporary).unlink(missing_ok=True)
    return path


def etag_for(path: Path) -> str:
    return f'"{path.stem}"'


def audio_response(request: HttpRequest, language: str, text: str, cache_control: str) -> HttpResponseBase:
    """The spoken `text` as a WAV, 304 when the browser already holds this clip, 503 when it cannot be made."""
    try:
        path = audio_file(language, text)
    except ReadAloudFailed:
        logger.exception("Read-aloud failed")
        unavailable = HttpResponse(status=503)
        unavailable.headers["Retry-After"] = "60"
        return unavailable
    etag = etag_for(path)
    # If-None-Match compares weakly and may list several tags (RFC 9110, 13.1.2).
    asked = {tag.removeprefix("W/") for tag in parse_etags(request.headers.get("If-None-Match", ""))}
    audio: HttpResponseBase
    if etag in asked or "*" in asked:
        audio = HttpResponse(status=304)
    else:
        audio = FileResponse(path.open("rb"), content_type="audio/wav")
    audio.headers["Cache-Control"] = cache_control
    audio.headers["ETag"] = etag
    return audio
