"""Issue 12 walk-through, point 1, through the real hand-in path: where parents' answers exist but are held back
(fewer than five in a chunk), the page, the radar, the PDF and the export say "hidden", never "no answers"; a
figure that leaves such a group out is marked; what the questionnaire does not ask is "not asked"."""

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from django.test import Client
from django.utils import translation

from framework.models import Audience, Item
from reports.round_report import build_report, export_rows
from results.round_results import round_results
from tests.helpers.report_pdf import english_report_text
from tests.helpers.survey_data import constant, hand_in_surveys, in_english, profile_url, team_answers
from tests.helpers.world import World

pytestmark = pytest.mark.django_db

HIDDEN_NOTE = "hidden: fewer than 5 answers per group"


def dont_know_on(key: str) -> Callable[[Item], int | None]:
    return lambda item: None if item.dimension.key == key else 3


def gedrag_held_back_in_2a(world: World) -> None:
    """2A: four parents answer Behaviour, one says "weet ik niet" — one chunk of five, Behaviour held back."""
    team_answers(world.round, world.alice)
    hand_in_surveys(world.round, Audience.PARENT, 4, constant(3), group="2A")
    hand_in_surveys(world.round, Audience.PARENT, 1, dont_know_on("gedrag"), group="2A")


def parents_behaviour_rows(world: World) -> list[list[object]]:
    with translation.override("en"):
        rows = export_rows(round_results(world.round, "en"))
    return [row for row in rows if row[0] == "Parents" and row[2] == "Everyone" and row[4] == "Behaviour"]


def test_held_back_answers_are_hidden_on_the_page_and_in_the_export(world: World, alice_client: Client) -> None:
    gedrag_held_back_in_2a(world)
    html = in_english(alice_client).get(profile_url(world)).content.decode()
    text = " ".join(re.sub(r"<[^>]+>", " ", html).split())
    assert "Parents: no point on Behaviour — fewer than 5 answers per group, hidden" in text
    assert "Parents, Behaviour: hidden, fewer than 5 answers per group" in html
    assert "Parents: no point on Behaviour — no answers" not in text
    assert "Behaviour: no answers" not in html
    asked = [row for row in parents_behaviour_rows(world) if row[7] != "not asked"]
    assert asked and all(row[5] is None and row[7] == HIDDEN_NOTE for row in asked)


def test_a_mean_without_a_held_back_group_is_marked(world: World, alice_client: Client) -> None:
    gedrag_held_back_in_2a(world)
    hand_in_surveys(world.round, Audience.PARENT, 5, constant(4), group="3B")
    response = in_english(alice_client).get(profile_url(world))
    html = response.content.decode()
    assert '<sup class="partial-mark"' in html
    assert "* This figure rests on fewer people than are counted in the figures" in html
    asked = [row for row in parents_behaviour_rows(world) if row[7] != "not asked"]
    assert asked and all(row[5] == 4.0 and row[6] == 5 for row in asked)  # 3B's five, not the ten in the figures
    assert all(row[7] == "rests on fewer people: some groups' answers are held back" for row in asked)


def test_the_pdf_says_hidden_too(world: World, alice_client: Client, tmp_path: Path) -> None:
    gedrag_held_back_in_2a(world)
    text = english_report_text(alice_client, world, tmp_path)
    assert "Parents: no point on Behaviour — fewer than 5 answers per group, hidden" in text
    assert "Parents: no point on Behaviour — no answers" not in text


def test_what_the_pupils_are_not_asked_is_said_so(world: World, alice_client: Client) -> None:
    team_answers(world.round, world.alice)
    hand_in_surveys(world.round, Audience.PUPIL_10_12, 5, constant(3), group="5A")
    results = round_results(world.round, "en")
    reasons = {row.pupils.reason for side in results.sides for row in side.rows}
    assert "not_asked" in reasons
    with translation.override("en"):
        rows = export_rows(results)
    assert any(row[0] == "Pupils" and row[7] == "not asked" for row in rows)
    html = in_english(alice_client).get(profile_url(world)).content.decode()
    assert "their questionnaire does not ask about it." in html


def test_the_pdf_draws_pupils_as_filled_squares_and_says_so(world: World, alice_client: Client, tmp_path: Path) -> None:
    team_answers(world.round, world.alice)
    hand_in_surveys(world.round, Audience.PUPIL_10_12, 5, constant(3), group="5A")
    report = build_report(world.round, "en")
    svg = str(report.radars[0][1])
    pupils = re.search(r'<g class="series-pupils">(.*?)</g>', svg, re.S)
    assert pupils is not None and "<rect " in pupils.group(1) and "<circle cx" not in pupils.group(1)
    assert ".series-pupils rect { fill: #000; }" in svg  # filled, in black and white
    assert "dotted line, filled squares: Pupils" in english_report_text(alice_client, world, tmp_path)
