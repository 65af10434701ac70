"""The one place that knows the languages parents and pupils answer in.

For each language: its name in its own script (for the language menu), its name in Dutch (for the
fixed Dutch labels beside a translation, and first in staff dropdowns: "Tigrijnya (ትግርኛ)"), its
writing direction and its espeak-ng voice. The staff interface's own languages are Django's LANGUAGES.
"""

import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from django.conf import settings

MASTER = "nl"  # the Dutch text is the master; every other language is an aid beside it


@dataclass(frozen=True)
class RespondentLanguage:
    code: str
    name: str  # in its own script: "العربية"
    right_to_left: bool
    espeak_voice: str | None  # None: espeak-ng has no voice, so no read-aloud button is offered


# espeak-ng voice per respondent language; Somali, Tigrinya and Pashto have none. Dari is written Persian:
# the Persian voice reads it with an Iranian accent, which Dari speakers understand.
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
    "prs": "fa",
    "es": "es",
}
# In Dutch spelling (Django's catalogue knows neither Dari nor Pashto nor Tigrinya, and writes some otherwise).
_DUTCH_NAMES = {
    "nl": "Nederlands",
    "fr": "Frans",
    "en": "Engels",
    "ar": "Arabisch",
    "tr": "Turks",
    "pl": "Pools",
    "ro": "Roemeens",
    "bg": "Bulgaars",
    "ru": "Russisch",
    "uk": "Oekraïens",
    "fa": "Perzisch",
    "prs": "Dari",
    "ps": "Pasjtoe",
    "so": "Somalisch",
    "ti": "Tigrijnya",
    "es": "Spaans",
}


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
    """The language's name in Dutch ("Pasjtoe"); an unknown code is shown as it is."""
    return _DUTCH_NAMES.get(code, code)


def staff_label(code: str) -> str:
    """How staff screens name a language: in Dutch, then in its own script, "Tigrijnya (ትግርኛ)"."""
    dutch, native = dutch_name(code), native_name(code)
    return dutch if dutch == native else f"{dutch} ({native})"


# Staff dropdowns (a batch's home language, a family's language, a declaration's translation).
STAFF_CHOICES: list[tuple[str, str]] = [(code, staff_label(code)) for code in LANGUAGES]
STAFF_TRANSLATION_CHOICES: list[tuple[str, str]] = [choice for choice in STAFF_CHOICES if choice[0] != MASTER]


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
