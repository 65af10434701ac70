"""Issue 10, point 2: the three inferences a coordinator made from ordinary pages and exports, repeated on a
realistic school through the real hand-in path. Each test states the attack and asserts that it now fails.

Attack model: docs/privacy.md. The defence: questionnaires enter the figures only in chunks of at least five
with the same audience, group and home language (surveys.tallies), the rest of a closed round pooled as
"other groups"; open answers need ten people in the figures and come in an order set by a key.
"""

import re
from collections.abc import Sequence

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from analysis.rounds import close_round
from framework.localized import show_dimensions
from framework.models import Audience, Item
from reports.round_report import export_rows
from results.round_results import round_results
from surveys.batches import issue_codes
from surveys.models import AnswerTally
from surveys.respond import Opening, hand_in, open_with_code
from tests.helpers.hand_ins import answer, items_of, start
from tests.helpers.job_downloads import made_file
from tests.helpers.survey_data import in_english, invitations_url, profile_url, section
from tests.helpers.world import World

Cell = str | float | int | None


def parent(world: World, group: str, values: Sequence[int], home_language: str = "", text: str = "") -> None:
    """One parent opens a code, answers page by page and hands in, as on the phone."""
    response = start(world, Audience.PARENT, group, home_language)
    items = items_of(response.round, Audience.PARENT)
    answer(response, {item: values[index % len(values)] for index, item in enumerate(items)})
    assert hand_in(response, text)


def exported(world: World) -> list[list[Cell]]:
    """The rows of results.csv / results.xlsx, in English."""
    with translation.override("en"):
        return export_rows(round_results(world.round, "en"))


def breakdown_figures(rows: list[list[Cell]], kind: str) -> dict[tuple[str, str], tuple[float, int]]:
    """(row label, dimension) → (mean, people) of the parents' breakdown by `kind` ("Group", a language)."""
    return {
        (str(row[3]), str(row[4])): (float(row[5]), int(row[6]))  # type: ignore[arg-type]
        for row in rows
        if row[0] == "Parents" and row[2] == kind and row[5] is not None
    }


def school_with_a_lone_parent_in_3c(world: World) -> list[int]:
    """Batches per class, none with a home language: 7 parents of 2A, 8 of 4A and one of 3C answer."""
    for index in range(7):
        parent(world, "2A", [3, 4, 3] if index % 2 else [2, 3, 4])
    for index in range(8):
        parent(world, "4A", [4] if index % 2 else [3])
    lone = [5, 1, 4, 2, 5, 1, 3]
    parent(world, "3C", lone)
    return lone


@pytest.mark.django_db
def test_complement_subtraction_no_longer_gives_the_lone_parent_of_3c(world: World) -> None:
    school_with_a_lone_parent_in_3c(world)
    for moment in ("while the round is open", "after the round closed"):
        rows = exported(world)
        groups = breakdown_figures(rows, "Group")
        languages = breakdown_figures(rows, "Language of the letter (batch)")
        assert not any(label == "3C" for label, _dimension in groups), moment
        # The attack: "no home language" minus the visible classes without a home language is 3C.
        for (label, dimension), (mean, people) in languages.items():
            if label != "no language chosen":
                continue
            visible = [groups[key] for key in groups if key[1] == dimension and key[0] in ("2A", "4A")]
            rest_people = people - sum(n for _mean, n in visible)
            rest_sum = mean * people - sum(m * n for m, n in visible)
            rounding = 0.05 * (people + sum(n for _mean, n in visible))  # means carry one decimal
            assert rest_people == 0 and rest_sum == pytest.approx(0, abs=rounding), (moment, dimension)
        if moment == "while the round is open":
            close_round(world.round)
    # At the close the rest (two of 2A, three of 4A, the one of 3C) enters together, as "other groups".
    groups = breakdown_figures(exported(world), "Group")
    assert {label for label, _dimension in groups} == {"2A", "4A", "other groups"}
    assert {people for (label, _dimension), (_mean, people) in groups.items() if label == "other groups"} == {6}


@pytest.mark.django_db
def test_two_downloads_one_hand_in_apart_are_the_same(world: World, alice_client: Client) -> None:
    for index in range(12):
        parent(world, "2A" if index < 6 else "2B", [3, 2, 4] if index % 3 else [4])
    url = reverse("reports:results_csv", args=[world.school.id, world.round.id])
    before = made_file(alice_client, url).content
    rows_before = exported(world)
    parent(world, "2A", [5, 1, 4, 1, 5, 2, 4])  # the new respondent's distinctive answers
    assert made_file(alice_client, url).content == before
    assert exported(world) == rows_before  # so no difference can be taken
    # Four more of 2A make a chunk of five: now the figures move, by five people at once.
    for _index in range(4):
        parent(world, "2A", [3])
    after = exported(world)
    changes = [
        int(new[6]) - int(old[6])  # type: ignore[arg-type]
        for old, new in zip(rows_before, after, strict=True)
        if old[0] == "Parents" and old[6] not in (None, "") and new[6] != old[6]
    ]
    assert changes and all(change >= 5 for change in changes)


@pytest.mark.django_db
def test_a_new_open_answer_does_not_appear_right_after_its_hand_in(world: World, alice_client: Client) -> None:
    for index in range(10):
        parent(world, "2A" if index < 5 else "2B", [3], text=f"Gewoon een opmerking {index}")
    page = alice_client.get(profile_url(world)).content.decode()
    assert "Gewoon een opmerking 0" in page  # ten in the figures: open answers are shown
    secret = "Mijn zoon wordt gepest in de klas"
    parent(world, "2A", [2], text=secret)
    assert secret not in alice_client.get(profile_url(world)).content.decode()
    # It appears only together with a chunk of five: one of at least five families that handed in since.
    for index in range(3):
        parent(world, "2A", [4], text=f"Nog een opmerking {index}")
        assert secret not in alice_client.get(profile_url(world)).content.decode()
    parent(world, "2A", [4])
    voices = alice_client.get(profile_url(world)).context["voices"]
    assert secret in voices.open_answers
    assert voices.parents == 15
    assert voices.open_answers != sorted(voices.open_answers)  # no order that hints at who wrote when


@pytest.mark.django_db
def test_the_invitations_page_shows_no_count_of_one_to_four(world: World, alice_client: Client) -> None:
    """ "3D: 1 of 5": one opened code of a small batch is not counted on the page."""
    codes = issue_codes(world.round, Audience.PARENT, "class", "3D", "", 5, world.alice).codes
    assert open_with_code(codes[0]).outcome == Opening.OPENED

    def row_3d() -> str:
        page = in_english(alice_client).get(invitations_url(world)).content.decode()
        return re.sub(r">\s+<", "><", section(page, "3D</td>", "</tr>"))

    assert "<td>5</td><td>fewer than 5</td>" in row_3d()
    for code in codes[1:]:
        open_with_code(code)
    assert "<td>5</td><td>5</td>" in row_3d()  # five codes, five opened


@pytest.mark.django_db
def test_a_dimension_only_one_of_a_chunk_answered_does_not_move_with_that_one(world: World) -> None:
    """Four of a chunk of five answer "weet ik niet" on every question of one dimension, one answers them: the
    chunk's answers to those questions are held back, so the dimension's figure cannot be differenced down to
    one parent (before and after the release it rests on the same people)."""
    items = Item.objects.filter(id__in=items_of(world.round, Audience.PARENT)).select_related("dimension")
    dimension = items[0].dimension.key
    in_dimension = {item.id for item in items if item.dimension.key == dimension}
    earlier = [start(world, Audience.PARENT, "5B") for _ in range(5)]
    for response in earlier:  # a first chunk that answers everything
        answer(response, {item.id: 3 for item in items})
        assert hand_in(response, "")
    name = next(shown.name for shown in show_dimensions("en") if shown.key == dimension)
    before = {tuple(row[1:5]): tuple(row[5:7]) for row in exported(world) if row[0] == "Parents" and row[4] == name}
    assert before and all(people == 5 for _mean, people in before.values()), before
    for index in range(5):
        response = start(world, Audience.PARENT, "5B")
        lone = index == 2
        answer(response, {item.id: (5 if lone else None) if item.id in in_dimension else 3 for item in items})
        assert hand_in(response, "")
    tallies = AnswerTally.objects.filter(round=world.round, item_id__in=in_dimension)
    assert {(tally.answered, tally.total) for tally in tallies} == {(5, 15)}  # the first chunk only
    after = {tuple(row[1:5]): tuple(row[5:7]) for row in exported(world) if row[0] == "Parents" and row[4] == name}
    assert after == before
