"""The round's PDF report and the exports of aggregated results (issue 4, points 6 and 8)."""

import csv
import io
import re
from datetime import date
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from actions.models import Action, ActionStatus
from analysis.models import Round
from analysis.rounds import save_conclusion
from framework.localized import show_dimensions
from framework.models import Dimension
from jobs.models import Job
from reports.round_files import RESULTS_CSV, RESULTS_XLSX, RoundFile
from schools.models import Membership, Role
from tests.helpers.job_downloads import made_file
from tests.helpers.survey_data import constant, hand_in_surveys, team_answers
from tests.helpers.tools import run_poppler
from tests.helpers.world import World, make_user


def url(name: str, world: World) -> str:
    return reverse(f"reports:{name}", args=[world.school.id, world.round.id])


def english(client: Client) -> Client:
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def pdf_facts(pdf: bytes, tmp_path: Path) -> tuple[Path, dict[str, str], str]:
    assert pdf.startswith(b"%PDF")
    path = tmp_path / "report.pdf"
    path.write_bytes(pdf)
    info_text = run_poppler("pdfinfo", path)
    info = {key.strip(): value.strip() for key, value in (line.split(":", 1) for line in info_text.splitlines())}
    text = run_poppler("pdftotext", path, "-")
    # Words the layout hyphenated (U+2010, never a typed hyphen) are read whole again.
    return path, info, " ".join(text.split()).replace("\u2010 ", "")


def csv_rows(client: Client, world: World) -> list[list[str]]:
    response = made_file(client, url("results_csv", world))
    assert response.content.startswith("\ufeff".encode())
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))


def xlsx_rows(client: Client, world: World) -> list[tuple[object, ...]]:
    response = made_file(client, url("results_xlsx", world))
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet is not None
    return list(sheet.iter_rows(values_only=True))


def plan_action(world: World, title: str, keys: list[str]) -> Action:
    action = Action.objects.create(
        school=world.school,
        round=world.round,
        title=title,
        owner=world.bob,
        due_on=date(2027, 3, 1),
        status=ActionStatus.PLANNED,
    )
    action.dimensions.set(Dimension.objects.filter(key__in=keys))
    return action


def test_the_pdf_report_is_a4_and_holds_profiles_conclusions_and_the_plan(
    world: World, alice_client: Client, tmp_path: Path
) -> None:
    team_answers(world.round, world.alice)
    hand_in_surveys(world.round, "parent", 6, constant(2))
    dimension = Dimension.objects.order_by("position").first()
    assert dimension is not None
    save_conclusion(world.round, dimension, "Ouders kennen de schoolwerking weinig.", world.alice)
    plan_action(world, "Koffiemoment aan de schoolpoort", [dimension.key, "emotion"])
    response = made_file(english(alice_client), url("round_pdf", world))
    assert response["Content-Type"] == "application/pdf"
    path, info, text = pdf_facts(response.content, tmp_path)
    assert info["Page size"].endswith("(A4)")
    names = [shown.name for shown in show_dimensions("en")]
    assert len(names) == 7
    for name in names:
        assert name in text
    assert "Ouders kennen de schoolwerking weinig." in text
    assert "Koffiemoment aan de schoolpoort" in text
    assert "2.0 (n=6)" in text  # the parents' figure
    assert "dashed line" in text  # the legend does not rely on colour
    run_poppler("pdftoppm", "-r", "30", "-png", "-f", "1", "-l", "1", path, tmp_path / "p")
    assert list(tmp_path.glob("p*.png"))


def test_the_pdf_follows_the_readers_language(world: World, alice_client: Client, tmp_path: Path) -> None:
    alice_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "nl"
    response = made_file(alice_client, url("round_pdf", world))
    _path, _info, text = pdf_facts(response.content, tmp_path)
    assert "Actieplan" in text


def test_four_parents_give_no_parent_mean_in_the_exports(world: World, alice_client: Client) -> None:
    team_answers(world.round, world.alice)
    hand_in_surveys(world.round, "parent", 4, constant(2))
    english(alice_client)
    rows = csv_rows(alice_client, world)
    header, body = rows[0], rows[1:]
    assert header[:2] == ["Perspective", "Side"]
    parents = [row for row in body if row[0] == "Parents"]
    assert parents
    # The four wait for a fifth of their group: they are in no figure and no count yet.
    assert all(row[5] == "" and row[6] == "0" and row[2] == "Everyone" for row in parents)
    team = [row for row in body if row[0] == "Team"]
    assert any(row[5] == "4,0" for row in team)
    sheet = xlsx_rows(alice_client, world)
    assert sheet[0][0] == "Perspective"
    parent_cells = [row for row in sheet[1:] if row[0] == "Parents"]
    assert parent_cells and all(row[5] is None and row[6] == 0 for row in parent_cells)
    assert any(row[0] == "Team" and row[5] == 4 for row in sheet[1:])


def test_five_parents_show_their_mean(world: World, alice_client: Client) -> None:
    hand_in_surveys(world.round, "parent", 5, constant(2))
    rows = csv_rows(english(alice_client), world)
    assert any(row[0] == "Parents" and row[2] == "Everyone" and row[5] == "2,0" and row[6] == "5" for row in rows)


def test_formulas_in_group_names_are_neutralised(world: World, alice_client: Client) -> None:
    hand_in_surveys(world.round, "parent", 5, constant(3), group='=HYPERLINK("http://evil.invalid")')
    hand_in_surveys(world.round, "parent", 5, constant(3), group="@SUM(A1)")
    rows = csv_rows(english(alice_client), world)
    groups = {row[3] for row in rows}
    assert '\'=HYPERLINK("http://evil.invalid")' in groups and "'@SUM(A1)" in groups
    assert not any(cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)
    sheet = xlsx_rows(alice_client, world)
    cells = [cell for row in sheet for cell in row if isinstance(cell, str)]
    assert '\'=HYPERLINK("http://evil.invalid")' in cells
    assert not any(cell.startswith(("=", "+", "-", "@")) for cell in cells)


@pytest.mark.parametrize("name", ["round_pdf", "results_csv", "results_xlsx"])
def test_outsiders_get_404_and_parent_representatives_403(world: World, charlie_client: Client, name: str) -> None:
    assert charlie_client.get(url(name, world)).status_code == 404
    assert charlie_client.post(url(name, world)).status_code == 404
    anonymous = Client().post(url(name, world))
    assert anonymous.status_code == 302 and "/login/" in anonymous["Location"]
    dora = make_user("Dora Ouderraad", "dora@example.org")
    Membership.objects.create(school=world.school, user=dora, role=Role.PARENT_REP)
    assert world.client_for(dora).get(url(name, world)).status_code == 403
    assert world.client_for(dora).post(url(name, world)).status_code == 403
    assert not Job.objects.exists()


@pytest.mark.parametrize("role", [Role.TEAM, Role.COACH])
def test_team_and_coach_may_download(world: World, role: str) -> None:
    person = make_user("Erik", "erik@example.org")
    Membership.objects.create(school=world.school, user=person, role=role)
    content = made_file(world.client_for(person), url("results_csv", world)).content
    assert content.startswith("\ufeffPerspectief;".encode())


def count_queries(round_file: RoundFile, world: World) -> int:
    """The queries the worker's builder makes for the file (the worker's own queue work left out)."""
    with CaptureQueriesContext(connection) as context:
        assert round_file.make(Round.objects.get(pk=world.round.pk), "nl")
    return len(context.captured_queries)


@pytest.mark.parametrize("round_file", [RESULTS_CSV, RESULTS_XLSX], ids=["csv", "xlsx"])
def test_the_exports_need_the_same_number_of_queries_for_more_answers(world: World, round_file: RoundFile) -> None:
    team_answers(world.round, world.alice)
    hand_in_surveys(world.round, "parent", 5, group="3A")
    few = count_queries(round_file, world)
    team_answers(world.round, world.bob)
    hand_in_surveys(world.round, "parent", 12, group="3B", home_language="ar")
    hand_in_surveys(world.round, "pupil_10_12", 6, group="5A")
    assert count_queries(round_file, world) == few


def test_the_profile_page_links_to_the_downloads(world: World, alice_client: Client) -> None:
    html = alice_client.get(reverse("results:profile", args=[world.school.id, world.round.id])).content.decode()
    for name in ("round_pdf", "results_csv", "results_xlsx"):
        assert url(name, world) in html


def test_the_csv_download_is_for_excel_in_belgium_and_the_profile_page_says_so(
    world: World, alice_client: Client
) -> None:
    team_answers(world.round, world.alice, constant(4))
    hand_in_surveys(world.round, "parent", 5, constant(2))
    content = made_file(alice_client, url("results_csv", world)).content
    assert content.startswith("\ufeffPerspectief;Richting;Uitsplitsing;".encode())
    lines = content.decode("utf-8-sig").splitlines()
    assert any(line.startswith("Ouders;") and ";2,0;5;" in line for line in lines)
    assert not any(re.search(r"\d\.\d", line) for line in lines)
    html = alice_client.get(reverse("results:profile", args=[world.school.id, world.round.id])).content.decode()
    assert "resultaten (csv voor Excel in België: puntkomma's, decimale komma)" in html
