"""Read-aloud: questions spoken by espeak-ng, made once per text and language, then served from disk."""

import hashlib
import os
import shutil
import subprocess
import tempfile
from functools import lru_cache
from pathlib import Path

from django.conf import settings

# espeak-ng voice per respondent language; Somali and Tigrinya have no voice, so they get no button.
VOICES = {
    "nl": "nl",
    "en": "en-gb",
    "fr": "fr-fr",
    "ar": "ar",
    "tr": "tr",
    "pl": "pl",
    "ro": "ro",
    "bg": "bg",
    "ru": "ru",
    "uk": "uk",
    "fa": "fa",
    "es": "es",
}


@lru_cache(maxsize=32)
def has_voice(language: str) -> bool:
    voice = VOICES.get(language)
    executable = shutil.which("espeak-ng")
    if voice is None or executable is None:
        return False
    listing = subprocess.run([executable, f"--voices={voice}"], capture_output=True, text=True, check=False, timeout=10)
    rows = [line.split() for line in listing.stdout.splitlines()[1:]]
    # Columns: priority, language, age/gender, voice name, file. MBROLA voices ("mb/…") need extra packages.
    return any(len(row) >= 5 and row[1] == voice and not row[4].startswith("mb/") for row in rows)


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
            ["espeak-ng", "-v", VOICES[language], "-s", "140", "-w", temporary, "--stdin"],
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
