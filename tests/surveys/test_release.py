"""Handed-in questionnaires enter the tallies in chunks of five with the same audience, group and home language;
at the round's close the rest enters together as "other groups", if it is at least five."""

from typing import Any

import pytest

from analysis.rounds import close_round
from surveys.models import Release, SurveyResponse
from surveys.tallies import POOL, rebuild_tallies, waiting_count
from tests.helpers.hand_ins import group_tallies, respond, tallies_of
from tests.helpers.world import World

pytestmark = pytest.mark.usefixtures("fast_password_hashing")


def groups(world: World) -> list[tuple[Any, ...]]:
    return [row[1:] for row in group_tallies(world.round)]


def test_four_wait_and_the_fifth_brings_all_five_in(world: World) -> None:
    for _n in range(4):
        respond(world, [4, 2], group="3A")
    assert tallies_of(world.round) == ([], [])
    assert waiting_count(world.round) == {"parent": 4}
    respond(world, [1, 1], group="3A")
    answers, _groups = tallies_of(world.round)
    assert groups(world) == [("parent", "3A", "", 5)]
    assert sorted(row[5:] for row in answers) == [(9, 5, 0), (17, 5, 0)]  # 4 × 2 + 1 and 4 × 4 + 1
    assert waiting_count(world.round) == {}


def test_a_chunk_is_one_cell_not_a_mix_of_groups_or_languages(world: World) -> None:
    for group, language in [("3A", ""), ("3A", ""), ("3A", "ar"), ("3B", ""), ("3B", "ar")]:
        respond(world, [3], group=group, home_language=language)
    assert groups(world) == []
    assert waiting_count(world.round) == {"parent": 5}


def test_the_rest_enters_at_the_close_as_other_groups_when_it_is_five(world: World) -> None:
    for group in ["3A", "3A", "3B", "3C", "3D"]:
        respond(world, [2], group=group)
    respond(world, [5], audience="pupil_10_12", group="5A")
    close_round(world.round)
    assert groups(world) == [("parent", POOL, POOL, 5)]
    assert waiting_count(world.round) == {"pupil_10_12": 1}  # one pupil alone stays out for good
    assert set(SurveyResponse.objects.filter(audience="parent").values_list("release", flat=True)) == {Release.POOL}
    right = tallies_of(world.round)
    rebuild_tallies(world.round)
    assert tallies_of(world.round) == right


def test_fewer_than_five_left_at_the_close_stay_out(world: World) -> None:
    for _n in range(7):
        respond(world, [2], group="3A")
    close_round(world.round)
    assert groups(world) == [("parent", "3A", "", 5)]
    assert waiting_count(world.round) == {"parent": 2}


def test_a_rebuild_releases_what_the_hand_ins_would_have_and_counts_only_that(world: World) -> None:
    for _n in range(6):
        respond(world, [3], group="3A")
    right = tallies_of(world.round)
    SurveyResponse.objects.update(release=Release.WAITING)  # e.g. questionnaires stored before this rule
    rebuild_tallies(world.round)
    assert groups(world) == [("parent", "3A", "", 6)]  # one chunk of six: no figure moves by fewer than five
    assert right[1][0][-1] == 5
