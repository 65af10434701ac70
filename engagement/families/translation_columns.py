"""The optional columns of a family list that say why a family is offered a translation and until when.

Pure: the cells in, a reason, a note and a date out, or the reasons they cannot be read. A known reason
("nieuwkomer", "volgt Nederlandse les", ...) is stored as that choice; any other text as "another reason"
with the text as its note. A reason without a date holds until the end of the school year (set on storing).
"""

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext as _

from accounts.plain_text import has_hidden_controls
from engagement.models import TranslationReason

REASON_HEADERS = frozenset({"reason", "translationreason", "reden", "vertaalreden", "redenvertaling", "waarom"})
UNTIL_HEADERS = frozenset({"until", "translationuntil", "tot", "vertalingtot", "totwanneer", "einddatum", "vertaaltot"})
MAX_NOTE_LENGTH = 200  # Family.translation_note

# What a secretariat types for each choice, folded (lower case, no accents, no punctuation).
REASON_WORDS = {
    TranslationReason.NO_DUTCH_YET: (
        "nodutchyet",
        "geennederlands",
        "spreektnoggeennederlands",
        "ouderspreektnoggeennederlands",
        "nognietnederlands",
    ),
    TranslationReason.LEARNING_DUTCH: (
        "learningdutch",
        "nederlandseles",
        "volgtnederlandseles",
        "nt2",
        "leertnederlands",
    ),
    TranslationReason.NEWCOMER: ("newcomer", "nieuwkomer", "nieuwkomers", "anderstaligenieuwkomer"),
    TranslationReason.OTHER: ("other", "ander", "andere", "anders"),
    TranslationReason.EXISTING: ("existing", "bestaandekeuze", "bestaandekeuzenatekijken"),
}
DATE_FORMATS = (
    re.compile(r"^(?P<day>\d{1,2})[/.-](?P<month>\d{1,2})[/.-](?P<year>\d{4})$"),  # 30/06/2027, as Belgians write
    re.compile(r"^(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})$"),  # 2027-06-30
)


@dataclass(frozen=True)
class TranslationCells:
    reason: str  # a TranslationReason value, or "" for no translation
    note: str
    until: date | None


def _key(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return re.sub(r"[\W_]+", "", "".join(char for char in decomposed if not unicodedata.combining(char)))


def read_date(text: str) -> date | None:
    """A day written 30/06/2027, 30-6-2027, 30.06.2027 or 2027-06-30; None when it is not a real day."""
    for pattern in DATE_FORMATS:
        match = pattern.match(text.strip())
        if match is None:
            continue
        try:
            return date(int(match["year"]), int(match["month"]), int(match["day"]))
        except ValueError:  # 31/02/2027
            return None
    return None


def until_too_late(latest: date) -> str:
    """The error for a last day beyond `latest` (translation_need.latest_until), on the page and in the import."""
    return _("A translation runs until the end of the next school year at the latest: choose a day until %(day)s.") % {
        "day": f"{latest:%d/%m/%Y}"
    }


def read_translation_cells(
    reason_text: str, until_text: str, latest: date
) -> tuple[TranslationCells | None, list[str]]:
    """The translation choice of one row, or the reasons it cannot be read; the last day at most `latest`."""
    errors = []
    until = read_date(until_text) if until_text else None
    if until_text and until is None:
        errors.append(
            _("“%(date)s” is not a date: write the day until which the translation is offered as 30/06/2027.")
            % {"date": until_text[:40]}
        )
    if until is not None and until > latest:
        errors.append(until_too_late(latest))
    if until_text and not reason_text:
        errors.append(_("A translation date without a reason: say why the family is offered a translation."))
    key = _key(reason_text)
    reason = next((choice for choice, words in REASON_WORDS.items() if key in words), None)
    if reason_text and reason is None:
        reason, note = TranslationReason.OTHER, reason_text
    else:
        note = ""
    if reason == TranslationReason.OTHER and not note:  # "andere" alone: the school must say which
        errors.append(_("Another reason: write the reason itself in the reason column."))
    if len(note) > MAX_NOTE_LENGTH:
        errors.append(_("The reason for the translation is longer than %(max)d characters.") % {"max": MAX_NOTE_LENGTH})
    if has_hidden_controls(reason_text):
        errors.append(_("The reason for the translation contains characters that cannot be printed."))
    if errors:
        return None, errors
    return TranslationCells(str(reason or ""), note, until), []
