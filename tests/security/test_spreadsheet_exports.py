"""Issue 10, point 8: exports safe for Belgian Excel.

A name a parent types or a reference an import brought in must not run as a formula when the coordinator opens
the families list or the round's results, whichever program splits the file and wherever it splits a cell;
CSV files use the semicolon and the decimal comma Flemish Excel expects; each CSV has an XLSX beside it.
"""

import csv
import io
import re

from django.conf import settings
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from engagement.models import Acknowledgment, Declaration, Family
from tests.helpers.job_downloads import made_file
from tests.helpers.survey_data import constant, hand_in_surveys
from tests.helpers.world import World

FORMULA_CHARACTERS = ("=", "+", "-", "@")
HOSTILE_NAMES = ["Jan;=2+5;x", '=HYPERLINK("http://x")', "+1", "-1", "@SUM(A1)", "\t=1", "a\n=1"]
# Where a program may cut a cell into parts: the CSV separators, a tab (TSV, "text to columns") and line breaks.
CUTS = re.compile(r"[;,\t\r\n]")


def english(client: Client) -> Client:
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def families_url(name: str, declaration: Declaration) -> str:
    return reverse(f"engagement:{name}", args=[declaration.school_id, declaration.id])


def results_url(name: str, world: World) -> str:
    return reverse(f"reports:{name}", args=[world.school.id, world.round.id])


def add_hostile_families(world: World, declaration: Declaration) -> None:
    """A family per hostile text, as its reference, its class and the name typed at acknowledgment."""
    version = declaration.published_version
    assert version is not None
    for index, text in enumerate(HOSTILE_NAMES):
        family = Family.objects.create(
            school=world.school, school_year=declaration.school_year, reference=text, class_name=f"{index}{text}"
        )
        Acknowledgment.objects.create(family=family, school=world.school, version=version, name=text, language="nl")


def results_with_hostile_groups(world: World, client: Client, name: str) -> bytes:
    """Ten parents in two groups whose names are formulas: mean 2.5 for everyone."""
    hand_in_surveys(world.round, "parent", 5, constant(2), group='=HYPERLINK("http://x")')
    hand_in_surveys(world.round, "parent", 5, constant(3), group="Jan;=2+5;x")
    response = made_file(english(client), results_url(name, world))
    return bytes(response.content)


def would_be_formulas(text: str) -> list[str]:
    """The parts of a text a spreadsheet would run as a formula, however it cuts the text into cells."""
    return [part for part in CUTS.split(text) if part.lstrip(' "').startswith(FORMULA_CHARACTERS)]


def read_csv(content: bytes) -> list[list[str]]:
    assert content.startswith("\ufeff".encode()), "Excel needs the BOM to read accents as UTF-8"
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"), newline=""), delimiter=";"))


def test_the_families_csv_holds_no_formula_in_any_cell_or_part_of_a_cell(
    world: World, published_declaration: Declaration, alice_client: Client
) -> None:
    add_hostile_families(world, published_declaration)
    response = made_file(english(alice_client), families_url("family_export", published_declaration))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = read_csv(response.content)
    assert rows[0][:2] == ["Family reference", "Class"] and len(rows) == 1 + len(HOSTILE_NAMES)
    cells = [cell for row in rows for cell in row]
    assert [cell for cell in cells if cell.startswith(("=", "+", "-", "@", "\t", "\r"))] == []
    assert [part for cell in cells for part in would_be_formulas(cell)] == []
    # A program that ignores the quotes and cuts the raw text at every ; and line break finds no formula either.
    assert would_be_formulas(response.content.decode("utf-8-sig")) == []
    # The names stay readable: only apostrophes were added.
    references = sorted(row[0] for row in rows[1:])
    assert references == sorted(
        ["Jan;'=2+5;x", '\'=HYPERLINK("http://x")', "'+1", "'-1", "'@SUM(A1)", "'\t'=1", "a\n'=1"]
    )
    assert {row[5] for row in rows[1:]} == set(references)


def test_the_families_list_is_also_offered_as_xlsx_without_any_formula_cell(
    world: World, published_declaration: Declaration, alice_client: Client
) -> None:
    add_hostile_families(world, published_declaration)
    overview = english(alice_client).get(families_url("family_overview", published_declaration)).content.decode()
    assert families_url("family_export_xlsx", published_declaration) in overview
    response = made_file(alice_client, families_url("family_export_xlsx", published_declaration))
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert response["Content-Disposition"] == 'attachment; filename="gezinnen-de-regenboog-2026-2027.xlsx"'
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet is not None
    cells = [cell for row in sheet.iter_rows() for cell in row]
    assert [cell.coordinate for cell in cells if cell.data_type == "f"] == []
    texts = [cell.value for cell in cells if isinstance(cell.value, str)]
    assert [part for text in texts for part in would_be_formulas(text)] == []
    assert "Jan;'=2+5;x" in texts
    assert [row[6] for row in sheet.iter_rows(min_row=2, values_only=True)] == [1] * len(HOSTILE_NAMES)


def test_the_results_csv_uses_semicolons_and_decimal_commas_and_guards_group_names(
    world: World, alice_client: Client
) -> None:
    rows = read_csv(results_with_hostile_groups(world, alice_client, "results_csv"))
    assert all(len(row) == 8 for row in rows), "every row splits into the eight columns at the semicolons"
    parents = [row for row in rows if row[0] == "Parents" and row[2] == "Everyone"]
    assert parents and {(row[5], row[6]) for row in parents} == {("2,5", "10")}
    numbers = [cell for row in rows[1:] for cell in row[5:7] if cell]
    assert numbers and all(re.fullmatch(r"\d+(,\d+)?", cell) for cell in numbers), numbers
    assert {"Jan;'=2+5;x", '\'=HYPERLINK("http://x")'} <= {row[3] for row in rows}
    assert [part for row in rows for cell in row for part in would_be_formulas(cell)] == []


def test_the_results_xlsx_keeps_numbers_as_numbers_and_holds_no_formula_cell(
    world: World, alice_client: Client
) -> None:
    sheet = load_workbook(io.BytesIO(results_with_hostile_groups(world, alice_client, "results_xlsx"))).active
    assert sheet is not None
    cells = [cell for row in sheet.iter_rows() for cell in row]
    assert [cell.coordinate for cell in cells if cell.data_type == "f"] == []
    texts = [cell.value for cell in cells if isinstance(cell.value, str)]
    assert '\'=HYPERLINK("http://x")' in texts and "Jan;'=2+5;x" in texts
    assert [part for text in texts for part in would_be_formulas(text)] == []
    means = [
        row[5] for row in sheet.iter_rows(min_row=2, values_only=True) if row[0] == "Parents" and row[2] == "Everyone"
    ]
    assert means and set(means) == {2.5}
