"""The one place that knows the languages parents and pupils answer in.

For each language: its name in its own script (for the language menu), its name in Dutch (for the
fixed Dutch labels beside a translation), its writing direction and its espeak-ng voice. Staff
screens use Django's own LANGUAGES; this module is for respondents only.
"""

import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from django.conf import settings
from django.utils import translation

MASTER = "nl"  # the Dutch text is the master; every other language is an aid beside it


@dataclass(frozen=True)
class RespondentLanguage:
    code: str
    name: str  # in its own script: "العربية"
    right_to_left: bool
    espeak_voice: str | None  # None: espeak-ng has no voice, so no read-aloud button is offered


# espeak-ng voice per respondent language; Somali and Tigrinya have none.
_ESPEAK_VOICES = {
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
# Django's own catalogue names most languages in Dutch ("Turks"); these two it does not know.
_DUTCH_NAMES_DJANGO_LACKS = {"so": "Somalisch", "ti": "Tigrinya"}


def is_right_to_left(code: str) -> bool:
    return code.split("-")[0] in settings.LANGUAGES_BIDI


LANGUAGES: dict[str, RespondentLanguage] = {
    code: RespondentLanguage(code, name, is_right_to_left(code), _ESPEAK_VOICES.get(code))
    for code, name in settings.RESPONDENT_LANGUAGES
}
CHOICES: list[tuple[str, str]] = [(language.code, language.name) for language in LANGUAGES.values()]
TRANSLATION_CHOICES: list[tuple[str, str]] = [choice for choice in CHOICES if choice[0] != MASTER]


def is_supported(code: object) -> bool:
    return isinstance(code, str) and code in LANGUAGES


def native_name(code: str) -> str:
    """The language's name in its own script; an unknown code is shown as it is."""
    language = LANGUAGES.get(code)
    return language.name if language else code


def dutch_name(code: str) -> str:
    if code in _DUTCH_NAMES_DJANGO_LACKS:
        return _DUTCH_NAMES_DJANGO_LACKS[code]
    try:
        with translation.override("nl"):
            return str(translation.get_language_info(code)["name_translated"])
    except KeyError:
        return code


def espeak_voice(code: str) -> str:
    """The espeak-ng voice of a language that has one (check has_voice first)."""
    voice = LANGUAGES[code].espeak_voice
    if voice is None:
        raise KeyError(code)
    return voice


def has_voice(code: str) -> bool:
    """Whether read-aloud can be offered: an installed voice, and a cache the clips can be written to.

    An unwritable cache (a full disk, a read-only mount) hides the button instead of a 500 on the click.
    """
    return _voice_installed(code) and audio_cache_writable(Path(settings.AUDIO_CACHE_DIR))


_CACHE_CHECK_SECONDS = 60.0
_cache_checks: dict[Path, tuple[float, bool]] = {}


def audio_cache_writable(directory: Path) -> bool:
    """Whether a file can be made in `directory` (made if missing); tried for real, as root ignores permissions."""
    checked = _cache_checks.get(directory)
    if checked is not None and time.monotonic() - checked[0] < _CACHE_CHECK_SECONDS:
        return checked[1]
    try:
        directory.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=directory, prefix=".probe-"):
            writable = True
    except OSError:
        writable = False
    _cache_checks[directory] = (time.monotonic(), writable)
    return writable


@lru_cache(maxsize=32)
def _voice_installed(code: str) -> bool:
    """The language has a voice and espeak-ng has it installed."""
    language = LANGUAGES.get(code)
    executable = shutil.which("espeak-ng")
    if language is None or language.espeak_voice is None or executable is None:
        return False
    voice = language.espeak_voice
    listing = subprocess.run([executable, f"--voices={voice}"], capture_output=True, text=True, check=False, timeout=10)
    rows = [line.split() for line in listing.stdout.splitlines()[1:]]
    # Columns: priority, language, age/gender, voice name, file. MBROLA voices ("mb/…") need extra packages.
    return any(len(row) >= 5 and row[1] == voice and not row[4].startswith("mb/") for row in rows)
