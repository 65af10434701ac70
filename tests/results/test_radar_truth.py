"""Issue 12 point 1: a hidden or missing value is a gap with a hollow marker and a note, on the page and in the PDF."""

import re
from collections.abc import Callable
from pathlib import Path

from django.template.loader import render_to_string
from django.test import Client
from django.urls import reverse
from django.utils import translation

from framework.models import Item
from reports.round_report import build_report
from results.radar import SeriesInput, build_radar
from tests.helpers.report_pdf import english_report_text
from tests.helpers.survey_data import hand_in_surveys, in_english, team_answers
from tests.helpers.world import World


def dont_know_on(key: str) -> Callable[[Item], int | None]:
    return lambda item: None if item.dimension.key == key else 2


def a_round_where_parents_skip_time(world: World) -> None:
    team_answers(world.round, world.alice)
    hand_in_surveys(world.round, "parent", 5, dont_know_on("tijd"))


def radar_of(page: str, side: str) -> str:
    match = re.search(rf'<svg class="radar"[^>]*aria-labelledby="radar-{side}-title.*?</svg>', page, re.S)
    assert match is not None
    return match.group(0)


def series_in(svg: str, css_class: str) -> str:
    match = re.search(rf'<g class="{css_class}">(.*?)</g>', svg, re.S)
    assert match is not None
    return match.group(1)


def test_the_profile_breaks_the_parents_line_where_they_gave_no_answers(world: World, alice_client: Client) -> None:
    a_round_where_parents_skip_time(world)
    page = in_english(alice_client).get(reverse("results:profile", args=[world.school.id, world.round.id]))
    html = page.content.decode()
    svg = radar_of(html, "parent_to_school")
    parents = series_in(svg, "series-parents")
    assert parents.count("<polyline") == 1 and "<polygon" not in parents  # one open line, broken at Time
    assert parents.count('<circle class="gap"') == 1
    assert "<title>Parents, Time: no answers</title>" in parents
    team = series_in(svg, "series-team")
    assert team.count("<polygon") == 1 and "gap" not in team  # the team answered everything: a closed shape
    assert [f">{level}</text>" in svg for level in "12345"] == [True] * 5  # the scale is labelled, 1 to 5
    text = " ".join(html.split())
    assert text.count("Parents: no point on Time — no answers.") == 2  # under both radars


def test_a_hidden_value_is_worded_as_the_rule_of_five() -> None:
    radar = build_radar(
        ["Knowledge", "Time", "Emotion"], [SeriesInput("Pupils", "series-pupils", [3.0, None, 4.0], [False, True])]
    )
    with translation.override("en"):
        svg = render_to_string("results/radar.html", {"radar": radar, "title": "t", "chart_id": "c"})
        note = render_to_string("results/radar_gaps.html", {"radar": radar})
    assert "<title>Pupils, Time: hidden, fewer than 5 answers per group</title>" in svg
    assert "Pupils: no point on Time — fewer than 5 answers per group, hidden so that nobody can be recognised." in note
    with translation.override("nl"):
        note = render_to_string("results/radar_gaps.html", {"radar": radar})
    assert "minder dan 5 antwoorden per groep, verborgen" in note


def test_the_pdf_report_draws_the_gap_and_says_why(world: World, alice_client: Client, tmp_path: Path) -> None:
    a_round_where_parents_skip_time(world)
    text = english_report_text(alice_client, world, tmp_path)
    assert text.count("Parents: no point on Time — no answers.") == 2
    first_svg = str(build_report(world.round, "en").radars[0][1])
    parents = series_in(first_svg, "series-parents")
    assert parents.count("<polyline") == 1 and parents.count('<circle class="gap"') == 1
