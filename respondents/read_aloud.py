"""Read-aloud: questions spoken by espeak-ng, made once per text and language, then served from disk."""

import hashlib
import os
import subprocess
import tempfile
from pathlib import Path

from django.conf import settings
from django.http import FileResponse, HttpRequest, HttpResponse, HttpResponseBase
from django.utils.http import parse_etags

from respondents.languages import espeak_voice


def audio_file(language: str, text: str) -> Path:
    """The cached WAV of `text` in `language`; made with espeak-ng the first time it is asked for."""
    digest = hashlib.sha256(f"{language}\0{text}".encode()).hexdigest()[:40]
    path = Path(settings.AUDIO_CACHE_DIR) / f"{language}-{digest}.wav"
    if path.exists():
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".wav")
    os.close(handle)
    try:
        # The text goes in on standard input, so nothing in it can be read as an option.
        subprocess.run(
            ["espeak-ng", "-v", espeak_voice(language), "-s", "140", "-w", temporary, "--stdin"],
            input=text,
            text=True,
            check=True,
            capture_output=True,
            timeout=60,
        )
        Path(temporary).replace(path)  # atomic: a parallel request never serves half a file
    finally:
        Path(temporary).unlink(missing_ok=True)
    return path


def etag_for(path: Path) -> str:
    return f'"{path.stem}"'


def audio_response(request: HttpRequest, language: str, text: str, cache_control: str) -> HttpResponseBase:
    """The spoken `text` as a WAV, or 304 when the browser already holds this clip."""
    path = audio_file(language, text)
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
