"""Reading a school's family list (a CSV export) into rows, or into every reason it cannot be imported.

Pure: bytes in, rows or errors out. Line numbers are the lines a spreadsheet shows (the header is line 1),
so a coordinator can find and fix each bad row. The list is all-or-nothing: one bad row and no row is kept.
"""

import csv
import io
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date

from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.plain_text import has_hidden_controls
from engagement.families.translation_columns import (
    REASON_HEADERS,
    UNTIL_HEADERS,
    TranslationCells,
    read_translation_cells,
)
from engagement.families.translation_need import latest_until
from respondents.languages import CHOICES

MAX_UPLOAD_BYTES = 2 * 1024 * 1024  # a school of 5000 families fits in a few hundred kilobytes
MAX_FAMILIES = 5000
MAX_REFERENCE_LENGTH = 64  # Family.reference
MAX_CLASS_LENGTH = 40  # Family.class_name
DEFAULT_LANGUAGE = "nl"

# Column headers as school administrations (Dutch, English, French) write them, compared without case,
# accents, spaces or punctuation.
REFERENCE_HEADERS = frozenset(
    {"reference", "referentie", "ref", "gezin", "family", "familyreference", "gezinsreferentie", "gezinsnummer"}
    | {"familyid", "gezinsid", "gezinscode", "referencefamille", "famille", "id", "nummer", "number"}
)
CLASS_HEADERS = frozenset({"class", "klas", "klasgroep", "klasnaam", "classname", "group", "groep", "classe"})
LANGUAGE_HEADERS = frozenset(
    {"language", "taal", "preferredlanguage", "voorkeurtaal", "voorkeurstaal", "thuistaal", "homelanguage"}
    | {"langue", "lang", "gezinstaal"}
)

# Language names as a Dutch- or English-speaking secretariat types them, beside the codes and own names.
LANGUAGE_ALIASES = {
    "nl": ("dutch", "nederlands", "vlaams", "flemish"),
    "fr": ("french", "frans", "francais"),
    "en": ("english", "engels"),
    "ar": ("arabic", "arabisch", "arabe"),
    "tr": ("turkish", "turks", "turkce"),
    "pl": ("polish", "pools", "polski"),
    "ro": ("romanian", "roemeens", "romana"),
    "bg": ("bulgarian", "bulgaars"),
    "ru": ("russian", "russisch"),
    "uk": ("ukrainian", "oekraiens", "oekraïens"),
    "fa": ("persian", "perzisch", "farsi"),
    "prs": ("dari", "dari persian", "afghan persian", "fa-af"),
    "ps": ("pashto", "pasjtoe", "pashtu", "pushto", "pasjto"),
    "so": ("somali", "somalisch"),
    "ti": ("tigrinya", "tigrijnya", "tigrinia", "tigrinisch"),
    "es": ("spanish", "spaans", "espanol"),
}

SEPARATORS = (";", ",", "\t")


@dataclass(frozen=True)
class FamilyRow:
    line: int
    reference: str
    class_name: str
    language: str
    translation: TranslationCells | None = None  # None: the list has no translation columns, keep what is stored


@dataclass(frozen=True)
class RowError:
    line: int | None  # None: the file as a whole
    reason: str


@dataclass(frozen=True)
class ParsedFamilies:
    """Either rows (no errors) or errors (no rows): a list with a bad row is never half imported."""

    rows: tuple[FamilyRow, ...] = ()
    errors: tuple[RowError, ...] = field(default=())

    @property
    def ok(self) -> bool:
        return not self.errors


def _fold(text: str) -> str:
    """Lower case without accents: "Türkçe" and "turkce", "Oekraïens" and "oekraiens" are the same."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char)).strip()


def _header_key(text: str) -> str:
    return re.sub(r"[\W_]+", "", _fold(text))


def language_lookup() -> dict[str, str]:
    """Every accepted way to write a language (folded) -> its code in respondents.languages.CHOICES."""
    lookup: dict[str, str] = {}
    for code, name in CHOICES:
        lookup[_fold(code)] = code
        lookup[_fold(name)] = code
        for part in name.split("/"):  # "فارسی / دری"
            lookup[_fold(part)] = code
        for alias in LANGUAGE_ALIASES.get(code, ()):
            lookup[_fold(alias)] = code
    return lookup


def find_language(text: str, lookup: dict[str, str]) -> str | None:
    """The language code for what was typed; empty means Dutch, "nl-BE" and "fr_BE" their language."""
    folded = _fold(text)
    if not folded:
        return DEFAULT_LANGUAGE
    if folded in lookup:
        return lookup[folded]
    primary = re.split(r"[-_]", folded, maxsplit=1)[0]
    if primary != folded and primary in lookup and len(primary) <= 3:
        return lookup[primary]
    return None


def decode(data: bytes) -> str | None:
    """The text of an export: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252 (older Excel)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encodings: tuple[str, ...] = ("utf-16",)
    else:
        encodings = ("utf-8-sig", "cp1252")
    for encoding in encodings:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return None


def _separator(header_line: str) -> str:
    """Belgian Excel separates with ';', most others with ','; tab for "Unicode text" exports."""
    return max(SEPARATORS, key=header_line.count)


def _clean(value: str) -> str:
    return " ".join(value.split())


def _records(text: str, separator: str) -> Iterator[tuple[int, list[str]]]:
    """Each record with the line it starts on (a quoted value can span lines)."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator)
    start = 1
    for record in reader:
        yield start, record
        start = reader.line_num + 1


def _columns(line: int, header: list[str]) -> tuple[dict[str, int], list[RowError]]:
    kinds = {
        "reference": REFERENCE_HEADERS,
        "class": CLASS_HEADERS,
        "language": LANGUAGE_HEADERS,
        "reason": REASON_HEADERS,
        "until": UNTIL_HEADERS,
    }
    found: dict[str, int] = {}
    errors: list[RowError] = []
    for index, title in enumerate(header):
        key = _header_key(title)
        for kind, names in kinds.items():
            if key not in names:
                continue
            if kind in found:
                errors.append(RowError(line, _("The column “%(title)s” appears twice.") % {"title": _clean(title)}))
            found[kind] = index
    if "reference" not in found:
        errors.append(
            RowError(line, _("No column with the family reference (a header such as “reference” or “gezin”)."))
        )
    if "class" not in found:
        errors.append(RowError(line, _("No column with the class (a header such as “class” or “klas”).")))
    return found, errors


def _row_errors(reference: str, class_name: str, language_text: str, language: str | None) -> list[str]:
    reasons = []
    if not reference:
        reasons.append(_("The family reference is empty."))
    elif len(reference) > MAX_REFERENCE_LENGTH:
        reasons.append(_("The family reference is longer than %(max)d characters.") % {"max": MAX_REFERENCE_LENGTH})
    if not class_name:
        reasons.append(_("The class is empty."))
    elif len(class_name) > MAX_CLASS_LENGTH:
        reasons.append(_("The class is longer than %(max)d characters.") % {"max": MAX_CLASS_LENGTH})
    if language is None:
        reasons.append(_("Unknown language “%(language)s”.") % {"language": language_text[:40]})
    if any(has_hidden_controls(value) for value in (reference, class_name, language_text)):
        reasons.append(_("The row contains characters that cannot be printed."))
    return reasons


def parse_families_csv(data: bytes, today: date | None = None) -> ParsedFamilies:
    """The families in a CSV export with a header row, or every reason (with its line) it cannot be imported.

    `today` (the local day when left out) bounds how long a translation may be given for."""
    if len(data) > MAX_UPLOAD_BYTES:
        return _failed(RowError(None, _("The file is larger than 2 MB.")))
    text = decode(data)
    if text is None or "\x00" in text:
        return _failed(RowError(None, _("This is not a CSV file. Save the list as CSV (comma or semicolon).")))
    first_line = next((line for line in text.splitlines() if line.strip()), "")
    try:
        return _parse_text(text, _separator(first_line), latest_until(today or timezone.localdate()))
    except csv.Error as error:  # e.g. a value longer than the csv module's field limit
        return _failed(RowError(None, _("This is not a readable CSV file (%(error)s).") % {"error": error}))


def _failed(error: RowError) -> ParsedFamilies:
    return ParsedFamilies(errors=(error,))


def _parse_text(text: str, separator: str, latest: date) -> ParsedFamilies:
    records = _records(text, separator)
    header = next(((line, record) for line, record in records if any(cell.strip() for cell in record)), None)
    if header is None:
        return _failed(RowError(None, _("The file is empty.")))
    columns, errors = _columns(*header)
    if errors:
        return ParsedFamilies(errors=tuple(errors))
    lookup = language_lookup()
    rows: list[FamilyRow] = []
    first_line_of: dict[str, int] = {}
    families = 0
    for line, record in records:
        if not any(cell.strip() for cell in record):
            continue  # empty lines at the end of an export
        families += 1
        if families > MAX_FAMILIES:
            errors.append(RowError(line, _("More than %(max)d families: split the list.") % {"max": MAX_FAMILIES}))
            break
        reference, class_name, language_text, reason_text, until_text = (
            _clean(record[columns[kind]]) if columns.get(kind, len(record)) < len(record) else ""
            for kind in ("reference", "class", "language", "reason", "until")
        )
        language = find_language(language_text, lookup)
        reasons = _row_errors(reference, class_name, language_text, language)
        translation, translation_errors = read_translation_cells(reason_text, until_text, latest)
        reasons.extend(translation_errors)
        if "reason" not in columns and "until" not in columns:
            translation = None
        if reference and reference in first_line_of:
            reasons.append(
                _("The family reference “%(reference)s” is also on line %(line)d.")
                % {"reference": reference[:MAX_REFERENCE_LENGTH], "line": first_line_of[reference]}
            )
        first_line_of.setdefault(reference, line)
        if reasons:
            errors.extend(RowError(line, reason) for reason in reasons)
        else:
            rows.append(FamilyRow(line, reference, class_name, language or DEFAULT_LANGUAGE, translation))
    if errors:
        return ParsedFamilies(errors=tuple(errors))
    if not rows:
        return _failed(RowError(None, _("The file has a header but no families.")))
    return ParsedFamilies(rows=tuple(rows))
