"""The profile computation: pure functions, no database."""

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from results.profile import (
    PARENT_SIDE,
    SCHOOL_SIDE,
    AnswerRow,
    ItemInfo,
    ScoreCell,
    build_profile,
    cells_from_answers,
)

DIMENSIONS = ("kennis", "rationeel", "overtuiging", "gedrag", "tijd", "emotie", "competentie")
ITEMS = {
    f"{dimension}.{direction}": ItemInfo(dimension, direction)
    for dimension in DIMENSIONS
    for direction in ("parent_to_school", "school_to_parent", "team_self")
}


def profile_of(answers: list[AnswerRow], items: dict[str, ItemInfo] = ITEMS):  # type: ignore[no-untyped-def]
    return build_profile(cells_from_answers(answers, items), DIMENSIONS)


def test_no_answers_gives_an_empty_profile() -> None:
    profile = profile_of([])
    assert profile.is_empty
    for side in (PARENT_SIDE, SCHOOL_SIDE):
        for result in profile.side(side).dimensions:
            assert result.mean is None
            assert result.answers == 0
            assert result.spread is None
            assert result.dont_know_share is None
            assert not result.weakest and not result.disagreement


def test_only_dont_know_counts_respondents_but_no_mean() -> None:
    profile = profile_of([AnswerRow(1, "kennis.parent_to_school", None), AnswerRow(2, "kennis.parent_to_school", None)])
    kennis = profile.side(PARENT_SIDE).result("kennis")
    assert profile.respondents == 2
    assert kennis.mean is None
    assert kennis.answers == 0
    assert kennis.dont_know_share == 1.0
    assert kennis.spread is None


def test_single_respondent_has_a_mean_but_no_spread() -> None:
    profile = profile_of([AnswerRow(7, "tijd.school_to_parent", 2), AnswerRow(7, "tijd.team_self", 4)])
    tijd = profile.side(SCHOOL_SIDE).result("tijd")
    assert tijd.mean == 3.0
    assert tijd.answers == 2
    assert tijd.spread is None  # one person cannot disagree with themselves
    assert tijd.dont_know_share == 0.0


def test_items_hidden_after_answers_were_given_no_longer_count() -> None:
    answers = [AnswerRow(1, "kennis.parent_to_school", 1), AnswerRow(1, "gedrag.parent_to_school", 5)]
    visible = {key: info for key, info in ITEMS.items() if key != "kennis.parent_to_school"}
    profile = profile_of(answers, visible)
    assert profile.side(PARENT_SIDE).result("kennis").mean is None
    assert profile.side(PARENT_SIDE).result("gedrag").mean == 5.0


def test_team_self_items_count_on_the_school_side() -> None:
    profile = profile_of([AnswerRow(1, "emotie.team_self", 4)])
    assert profile.side(SCHOOL_SIDE).result("emotie").mean == 4.0
    assert profile.side(PARENT_SIDE).result("emotie").mean is None


def test_mean_spread_and_dont_know_share() -> None:
    answers = [
        AnswerRow(1, "kennis.parent_to_school", 1),
        AnswerRow(1, "kennis.parent_to_school", 1),
        AnswerRow(2, "kennis.parent_to_school", 5),
        AnswerRow(3, "kennis.parent_to_school", None),
    ]
    kennis = profile_of(answers).side(PARENT_SIDE).result("kennis")
    assert kennis.mean == pytest.approx(7 / 3)
    assert kennis.answers == 3
    assert kennis.respondents == 3
    assert kennis.spread == pytest.approx(2.0)  # respondent means 1 and 5
    assert kennis.dont_know_share == pytest.approx(1 / 4)


def test_marks_the_two_weakest_and_the_largest_disagreement() -> None:
    answers = []
    means = {"kennis": 1, "rationeel": 4, "overtuiging": 4, "gedrag": 5, "tijd": 2, "emotie": 3, "competentie": 4}
    for dimension, value in means.items():
        answers += [
            AnswerRow(1, f"{dimension}.parent_to_school", value),
            AnswerRow(2, f"{dimension}.parent_to_school", value),
        ]
    answers += [AnswerRow(1, "emotie.parent_to_school", 1), AnswerRow(2, "emotie.parent_to_school", 5)]
    side = profile_of(answers).side(PARENT_SIDE)
    assert {r.dimension for r in side.dimensions if r.weakest} == {"kennis", "tijd"}
    assert {r.dimension for r in side.dimensions if r.disagreement} == {"emotie"}


def test_no_weakest_marks_when_too_few_dimensions_have_answers() -> None:
    side = profile_of([AnswerRow(1, "kennis.parent_to_school", 1)]).side(PARENT_SIDE)
    assert not any(r.weakest for r in side.dimensions)


def test_cells_from_unknown_dimensions_are_ignored() -> None:
    profile = build_profile([ScoreCell(1, "onbekend", "parent_to_school", 5, 1, 0)], DIMENSIONS)
    assert profile.side(PARENT_SIDE).result("kennis").mean is None


@given(
    st.lists(
        st.tuples(st.integers(1, 20), st.sampled_from(sorted(ITEMS)), st.one_of(st.none(), st.integers(1, 5))),
        max_size=200,
    )
)
def test_means_stay_on_the_scale_and_shares_between_zero_and_one(rows: list[tuple[int, str, int | None]]) -> None:
    profile = profile_of([AnswerRow(*row) for row in rows])
    for side in profile.sides:
        for result in side.dimensions:
            if result.mean is not None:
                assert 1 <= result.mean <= 5
            if result.dont_know_share is not None:
                assert 0 <= result.dont_know_share <= 1
            if result.spread is not None:
                assert 0 <= result.spread <= 2 and not math.isnan(result.spread)
