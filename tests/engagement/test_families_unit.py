"""Reading a family list (CSV export): rows, or every bad row with its line and reason. No database."""

from collections.abc import Iterator

import pytest
from django.utils import translation
from hypothesis import given, settings
from hypothesis import strategies as st

from engagement.families.importing import (
    MAX_CLASS_LENGTH,
    MAX_FAMILIES,
    MAX_REFERENCE_LENGTH,
    MAX_UPLOAD_BYTES,
    FamilyRow,
    ParsedFamilies,
    find_language,
    language_lookup,
    parse_families_csv,
)


@pytest.fixture(autouse=True)
def in_english() -> Iterator[None]:
    """The reasons as written in the code (the UI shows them in Dutch through the catalogue)."""
    with translation.override("en"):
        yield


def reasons(parsed: ParsedFamilies) -> list[tuple[int | None, str]]:
    return [(error.line, error.reason) for error in parsed.errors]


def test_belgian_excel_export_with_semicolons_in_windows_1252() -> None:
    data = "Referentie;Klas;Taal\r\nG-0012;1A;\r\nG-0013;1A;Turks\r\nG-0020;2B;Français\r\n".encode("cp1252")
    parsed = parse_families_csv(data)
    assert parsed.ok
    assert parsed.rows == (
        FamilyRow(2, "G-0012", "1A", "nl"),
        FamilyRow(3, "G-0013", "1A", "tr"),
        FamilyRow(4, "G-0020", "2B", "fr"),
    )


def test_utf8_with_bom_commas_and_flexible_headers() -> None:
    data = "\ufeffFamily reference,Class,Preferred language\nA1,3A,Türkçe\nA2,3A,العربية\nA3,3B,EN\n".encode()
    parsed = parse_families_csv(data)
    assert [(row.reference, row.class_name, row.language) for row in parsed.rows] == [
        ("A1", "3A", "tr"),
        ("A2", "3A", "ar"),
        ("A3", "3B", "en"),
    ]


def test_utf16_tab_separated_unicode_text_export() -> None:
    parsed = parse_families_csv("gezin\tklas\ttaal\nX\t1A\tpl\n".encode("utf-16"))
    assert parsed.rows == (FamilyRow(2, "X", "1A", "pl"),)


def test_language_column_is_optional_and_other_columns_are_ignored() -> None:
    parsed = parse_families_csv(b"naam;klas;gezin;opmerking\nJan;1A;G1;=SUM(A1)\n")
    assert parsed.rows == (FamilyRow(2, "G1", "1A", "nl"),)


def test_quoted_values_and_whitespace_are_cleaned() -> None:
    parsed = parse_families_csv(b'reference,class\n"  G  1 ","1A"\n\n\n')
    assert parsed.rows == (FamilyRow(2, "G 1", "1A", "nl"),)


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("", "nl"),
        ("NL", "nl"),
        ("nl-BE", "nl"),
        ("fr_BE", "fr"),
        ("Türkçe", "tr"),
        ("turkce", "tr"),
        ("Turks", "tr"),
        ("Arabisch", "ar"),
        ("فارسی", "fa"),
        ("Dari", "prs"),
        ("دری", "prs"),
        ("fa-AF", "prs"),
        ("Pasjtoe", "ps"),
        ("پښتو", "ps"),
        ("Tigrijnya", "ti"),
        ("ትግርኛ", "ti"),
        ("Oekraiens", "uk"),
        ("Klingon", None),
        ("xx-YY", None),
    ],
)
def test_languages_as_codes_or_names(typed: str, code: str | None) -> None:
    assert find_language(typed, language_lookup()) == code


def test_every_bad_row_is_reported_with_its_line_and_nothing_is_kept() -> None:
    long_reference = "R" * (MAX_REFERENCE_LENGTH + 1)
    long_class = "K" * (MAX_CLASS_LENGTH + 1)
    data = "\n".join(
        [
            "reference;class;language",
            "G1;1A;nl",  # 2: fine
            ";1A;nl",  # 3: empty reference
            f"{long_reference};1A;nl",  # 4
            "G4;;nl",  # 5: no class
            f"G5;{long_class};nl",  # 6
            "G6;1A;klingon",  # 7
            "G1;1B;fr",  # 8: duplicate of line 2
            "G8",  # 9: a short row: no class
        ]
    ).encode()
    parsed = parse_families_csv(data)
    assert parsed.rows == ()
    assert reasons(parsed) == [
        (3, "The family reference is empty."),
        (4, "The family reference is longer than 64 characters."),
        (5, "The class is empty."),
        (6, "The class is longer than 40 characters."),
        (7, "Unknown language “klingon”."),
        (8, "The family reference “G1” is also on line 2."),
        (9, "The class is empty."),
    ]


def test_line_numbers_count_lines_of_a_value_that_spans_lines() -> None:
    parsed = parse_families_csv(b'reference,class,note\nG1,1A,"two\nlines"\n,1B,\n')
    assert reasons(parsed) == [(4, "The family reference is empty.")]


def test_missing_columns_are_named() -> None:
    parsed = parse_families_csv(b"naam;taal\nJan;nl\n")
    assert [line for line, _reason in reasons(parsed)] == [1, 1]
    assert "family reference" in parsed.errors[0].reason
    assert "class" in parsed.errors[1].reason


def test_a_column_given_twice_is_refused() -> None:
    parsed = parse_families_csv(b"klas;gezin;class\n1A;G1;1B\n")
    assert reasons(parsed) == [(1, "The column “class” appears twice.")]


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "The file is empty."),
        (b"\n\n", "The file is empty."),
        (b"reference;class\n", "The file has a header but no families."),
        (b"%PDF-1.7\x00\x01\x02", "This is not a CSV file. Save the list as CSV (comma or semicolon)."),
        (b"reference;class\n\x81\x8d;1A\n", "This is not a CSV file. Save the list as CSV (comma or semicolon)."),
    ],
)
def test_files_that_are_no_family_list(data: bytes, reason: str) -> None:
    assert reasons(parse_families_csv(data)) == [(None, reason)]


def test_too_many_families() -> None:
    data = ("reference;class\n" + "".join(f"G{i};1A\n" for i in range(MAX_FAMILIES + 1))).encode()
    parsed = parse_families_csv(data)
    assert reasons(parsed) == [(MAX_FAMILIES + 2, "More than 5000 families: split the list.")]
    just_enough = ("reference;class\n" + "".join(f"G{i};1A\n" for i in range(MAX_FAMILIES))).encode()
    assert len(parse_families_csv(just_enough).rows) == MAX_FAMILIES


def test_a_file_over_the_size_limit_is_not_read() -> None:
    parsed = parse_families_csv(b"reference;class\n" + b"G;1A\n" * (MAX_UPLOAD_BYTES // 5 + 1))
    assert reasons(parsed) == [(None, "The file is larger than 2 MB.")]


def test_a_value_beyond_the_csv_field_limit_is_an_error_not_a_crash() -> None:
    parsed = parse_families_csv(b'reference;class\n"' + b"x" * 200_000 + b'";1A\n')
    assert not parsed.ok and parsed.errors[0].line is None


def test_control_characters_are_refused() -> None:
    parsed = parse_families_csv(b"reference;class\nG\x071;1A\n")
    assert reasons(parsed) == [(2, "The row contains characters that cannot be printed.")]


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=400))
def test_arbitrary_bytes_give_rows_or_errors_never_an_exception(data: bytes) -> None:
    parsed = parse_families_csv(data)
    assert parsed.ok == (not parsed.errors)
    assert not (parsed.rows and parsed.errors)
    assert parsed.rows or parsed.errors


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.text(max_size=30), min_size=0, max_size=5), max_size=20), st.sampled_from([";", ","]))
def test_arbitrary_tables_under_a_header_give_rows_or_errors(table: list[list[str]], separator: str) -> None:
    lines = [separator.join(["reference", "class", "language"])]
    lines += [separator.join(cell.replace(separator, " ") for cell in row) for row in table]
    text = "\n".join(lines)
    parsed = parse_families_csv(text.encode())
    assert not (parsed.rows and parsed.errors)
    for row in parsed.rows:
        assert 0 < len(row.reference) <= MAX_REFERENCE_LENGTH and 0 < len(row.class_name) <= MAX_CLASS_LENGTH
    for error in parsed.errors:
        assert error.line is None or 1 <= error.line <= len(text.splitlines())
