"""Writing rows as the spreadsheet files staff download: CSV for Flemish Excel, and XLSX.

A coordinator opens these in Excel or LibreOffice; a name or reference a parent or an import brought in must
never run there as a formula (CSV injection). Texts are neutralised the same way in both formats: a text
whose first visible character would start a formula gets an apostrophe in front, and so does every part of
it after a ; , tab or line break, because a program that splits the cell there (a naive CSV reader, "text to
columns") would otherwise make a formula of that part. Numbers stay numbers.
"""

import csv
import io
import re
from collections.abc import Iterable, Sequence
from decimal import Decimal

Cell = str | float | int | None

CSV_CONTENT_TYPE = "text/csv; charset=utf-8"
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

# What makes a spreadsheet read a text as a formula; a leading tab or CR too (OWASP's list for CSV injection).
FORMULA_CHARACTERS = ("=", "+", "-", "@")
FORMULA_STARTS = (*FORMULA_CHARACTERS, "\t", "\r")
# Where a program that splits a cell would start a new one.
PART_SEPARATORS = re.compile(r"([;,\t\r\n])")
# Spaces and a quote before the = still let some programs read a formula (trimmed on import).
_IGNORED_BEFORE_FORMULA = ' "'
# The number format of a decimal in a workbook: the file always spells it with a point, Excel shows the reader's own.
DECIMAL_FORMAT = "0.0"
# Characters an XLSX file cannot hold at all (openpyxl refuses them); dropped rather than failing the download.
_NOT_IN_XLSX = re.compile(r"[\000-\010\013\014\016-\037]")


def _starts_a_formula(part: str) -> bool:
    return part.lstrip(_IGNORED_BEFORE_FORMULA).startswith(FORMULA_CHARACTERS)


def safe_text(text: str) -> str:
    """The text with an apostrophe before its start and before every split-off part that would be a formula."""
    parts = PART_SEPARATORS.split(text)
    # split() with a capturing group alternates part, separator, part, …: even indexes are the parts.
    guarded = ["'" + part if index % 2 == 0 and _starts_a_formula(part) else part for index, part in enumerate(parts)]
    safe = "".join(guarded)
    if safe.startswith(FORMULA_STARTS):
        safe = "'" + safe
    return safe


def decimal_comma(number: float | int) -> str:
    """A number as Flemish Excel reads it: 3,25 (never 3.25, nor 1e-05)."""
    if isinstance(number, int):
        return str(number)
    return format(Decimal(repr(number)), "f").replace(".", ",")


def _csv_cell(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return safe_text(value)
    return decimal_comma(value)


def write_csv(rows: Iterable[Sequence[Cell]]) -> bytes:
    """Semicolons and decimal commas as Excel in Belgium expects, UTF-8 with a BOM so that it reads accents."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    for row in rows:
        writer.writerow([_csv_cell(cell) for cell in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _sheet_title(title: str) -> str:
    """Excel's rules for a sheet name: at most 31 characters, none of []:*?/\\."""
    return re.sub(r"[\[\]:*?/\\]", " ", title).strip()[:31] or "Sheet"


def write_xlsx(rows: Iterable[Sequence[Cell]], sheet_title: str) -> bytes:
    """One sheet; every text is a plain string cell, never a formula or an error value such as #N/A."""
    from openpyxl import Workbook  # loaded only when someone downloads a workbook

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = _sheet_title(sheet_title)
    for row_number, row in enumerate(rows, start=1):
        for column_number, value in enumerate(row, start=1):
            if isinstance(value, str):
                cell = sheet.cell(row_number, column_number, _NOT_IN_XLSX.sub("", safe_text(value)))
                cell.data_type = "s"  # openpyxl would make a formula of "=…" and an error of "#N/A"
            elif isinstance(value, float):
                # A real number, shown with one decimal as on the page; Excel writes it 3,5 in Belgium.
                sheet.cell(row_number, column_number, value).number_format = DECIMAL_FORMAT
            elif value is not None:
                sheet.cell(row_number, column_number, value)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
