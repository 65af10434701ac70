"""The spreadsheet writer shared by every download: formula guard, decimal comma, semicolons, XLSX cell types."""

import csv
import io
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from reports.spreadsheets import DECIMAL_FORMAT, PART_SEPARATORS, decimal_comma, safe_text, write_csv, write_xlsx

FORMULA_CHARACTERS = ("=", "+", "-", "@")
# Texts that are dangerous exactly at a separator, a formula character or the spaces and quotes before one.
TRICKY_TEXT = st.text(alphabet=st.sampled_from(list("=+-@;,\t\r\n \"'aZ1é(")), max_size=40) | st.text(max_size=40)


def parts_that_would_be_formulas(text: str) -> list[str]:
    """What a program that splits the cell at ; , tab or a line break would read as a formula."""
    return [part for part in PART_SEPARATORS.split(text) if part.lstrip(' "').startswith(FORMULA_CHARACTERS)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jan;=2+5;x", "Jan;'=2+5;x"),
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t'=1"),
        ("\r=1", "'\r'=1"),
        ("a\n=1", "a\n'=1"),
        ("a,+1", "a,'+1"),
        (" =1", "' =1"),
        ('a;"=1"', 'a;\'"=1"'),
        ("De Smet-Peeters, Jan", "De Smet-Peeters, Jan"),
        ("", ""),
    ],
)
def test_every_part_that_could_start_a_formula_gets_an_apostrophe(text: str, expected: str) -> None:
    assert safe_text(text) == expected


@settings(max_examples=500, deadline=None)
@given(TRICKY_TEXT)
def test_no_guarded_text_starts_a_formula_anywhere_and_only_apostrophes_are_added(text: str) -> None:
    safe = safe_text(text)
    assert not safe.startswith(("=", "+", "-", "@", "\t", "\r"))
    assert parts_that_would_be_formulas(safe) == []
    assert safe.replace("'", "") == text.replace("'", "")
    assert safe_text(safe) == safe


@pytest.mark.parametrize(
    ("number", "expected"),
    [(3.25, "3,25"), (3.0, "3,0"), (-1.5, "-1,5"), (1e-05, "0,00001"), (12, "12"), (0, "0"), (1234567.5, "1234567,5")],
)
def test_numbers_use_the_decimal_comma(number: float, expected: str) -> None:
    assert decimal_comma(number) == expected


@settings(max_examples=300, deadline=None)
@given(st.floats(allow_nan=False, allow_infinity=False))
def test_a_decimal_comma_number_reads_back_as_the_same_number(number: float) -> None:
    written = decimal_comma(number)
    assert "." not in written and "e" not in written.lower()
    assert float(Decimal(written.replace(",", "."))) == number


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(TRICKY_TEXT | st.integers() | st.none(), min_size=1, max_size=5), min_size=1, max_size=5))
def test_the_csv_reads_back_with_semicolons_to_the_guarded_cells(rows: list[list[str | int | None]]) -> None:
    content = write_csv(rows)
    assert content.startswith("\ufeff".encode())
    read = list(csv.reader(io.StringIO(content.decode("utf-8-sig"), newline=""), delimiter=";"))
    expected = [
        [safe_text(cell) if isinstance(cell, str) else "" if cell is None else str(cell) for cell in row]
        for row in rows
    ]
    assert read == expected


def test_numbers_stay_numbers_in_the_csv_even_when_negative() -> None:
    line = write_csv([["=1", -1.5, 2, None, "x"]]).decode("utf-8-sig")
    assert line == "'=1;-1,5;2;;x\r\n"


def test_xlsx_holds_no_formula_no_error_value_and_survives_control_characters() -> None:
    rows = [["=1+1", "#N/A", "Jan;=2+5;x", "a\x01b", 2.5, None, 7]]
    sheet = load_workbook(io.BytesIO(write_xlsx(rows, "Results: [all]"))).active
    assert sheet is not None and sheet.title == "Results   all"
    cells = sheet[1]
    assert [cell.data_type for cell in cells] == ["s", "s", "s", "s", "n", "n", "n"]
    assert [cell.value for cell in cells] == ["'=1+1", "#N/A", "Jan;'=2+5;x", "ab", 2.5, None, 7]


def test_decimals_in_a_workbook_are_numbers_with_a_one_decimal_format() -> None:
    sheet = load_workbook(io.BytesIO(write_xlsx([[3.5, 4.0, 12]], "Results"))).active
    assert sheet is not None
    decimal, whole_decimal, count = sheet[1]
    assert (decimal.value, decimal.data_type, decimal.number_format) == (3.5, "n", DECIMAL_FORMAT)
    assert (whole_decimal.value, whole_decimal.number_format) == (4.0, DECIMAL_FORMAT)
    assert (count.value, count.number_format) == (12, "General")
