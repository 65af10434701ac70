"""Construct scores, the mirror's gaps, response rates and open answers: pure functions, no database."""

import pytest

from results.perspectives import (
    ConstructScore,
    Gap,
    ResponseRate,
    construct_scores,
    mirror_gaps,
    open_answers_to_show,
    response_rates,
)
from results.profile import SCHOOL_SIDE
from tests.helpers.perspective_tallies import (
    tally,
)

# construct_scores() ----------------------------------------------------------------------------


def test_no_tallies_give_no_construct_scores() -> None:
    assert construct_scores([]) == []


def test_construct_scores_pool_items_and_groups_and_count_people() -> None:
    tallies = [
        tally([4, 4, 4], construct="b", group="3A"),
        tally([2, 2], construct="b", group="3B"),
        tally([3, 3, 3, 3, 3], item="item-2", construct="b", group="3A", direction=SCHOOL_SIDE),
        tally([5, None], item="item-3", construct="a"),
    ]
    assert construct_scores(tallies) == [ConstructScore("a", 5.0, 1), ConstructScore("b", pytest.approx(31 / 10), 5)]


def test_a_construct_with_only_dont_know_has_no_score() -> None:
    assert construct_scores([tally([None] * 8, construct="a"), tally([2] * 5, item="item-2", construct="b")]) == [
        ConstructScore("b", 2.0, 5)
    ]


def test_a_construct_of_four_parents_reaches_no_gap() -> None:
    parents = construct_scores(
        [tally([1, 1, 1, 1, None], construct="four"), tally([1] * 5, item="item-2", construct="five")]
    )
    gaps = mirror_gaps([ConstructScore("four", 5.0, 3), ConstructScore("five", 5.0, 3)], parents)
    assert gaps == [Gap("five", 5.0, 1.0, 5)]


# mirror_gaps() ---------------------------------------------------------------------------------


def team(**means: float) -> list[ConstructScore]:
    return [ConstructScore(construct, mean, 3) for construct, mean in means.items()]


def test_no_data_gives_no_gaps() -> None:
    assert mirror_gaps([], []) == []
    assert mirror_gaps(team(a=4.0), []) == []
    assert mirror_gaps([], [ConstructScore("a", 2.0, 10)]) == []


def test_gaps_come_largest_first_whatever_their_sign() -> None:
    parents = [
        ConstructScore("small", 3.8, 6),
        ConstructScore("blind_spot", 1.5, 7),
        ConstructScore("parents_happier", 4.5, 5),
        ConstructScore("none", 3.0, 9),
    ]
    gaps = mirror_gaps(team(small=4.0, blind_spot=4.5, parents_happier=2.5, none=3.0), parents)
    assert [gap.construct for gap in gaps] == ["blind_spot", "parents_happier", "small", "none"]
    assert gaps[0] == Gap("blind_spot", 4.5, 1.5, 7)
    assert gaps[0].difference == pytest.approx(3.0)  # the team thinks better of it: a blind spot
    assert gaps[1].difference == pytest.approx(-2.0)
    assert gaps[3].difference == 0


def test_equal_gaps_are_ordered_by_construct() -> None:
    parents = [ConstructScore("b", 2.0, 5), ConstructScore("a", 4.0, 5)]
    assert [gap.construct for gap in mirror_gaps(team(a=3.0, b=3.0), parents)] == ["a", "b"]


def test_a_construct_answered_by_four_parents_is_left_out_and_five_is_shown() -> None:
    parents = [ConstructScore("four", 1.0, 4), ConstructScore("five", 1.0, 5)]
    gaps = mirror_gaps(team(four=5.0, five=5.0), parents)
    assert [gap.construct for gap in gaps] == ["five"]
    assert gaps[0].parent_respondents == 5


def test_a_construct_missing_on_one_side_is_left_out() -> None:
    parents = [ConstructScore("both", 2.0, 8), ConstructScore("only_parents", 1.0, 8)]
    gaps = mirror_gaps(team(both=4.0, only_team=5.0), parents)
    assert [gap.construct for gap in gaps] == ["both"]


# response_rates() ------------------------------------------------------------------------------


def test_no_batches_and_no_answers_give_no_rates() -> None:
    assert response_rates({}, {}) == []


def test_response_rates_per_audience_and_group() -> None:
    invited = {("parent", "3A"): 20, ("parent", "3B"): 8, ("pupil_10_12", "5A"): 3, ("parent", ""): 50}
    answered = {("parent", "3A"): 5, ("parent", "3B"): 3, ("parent", ""): 0}
    rates = response_rates(invited, answered)
    assert rates == [
        ResponseRate("parent", "", 50, 0),
        ResponseRate("parent", "3A", 20, 5),
        ResponseRate("parent", "3B", 8, 3),
        ResponseRate("pupil_10_12", "5A", 3, 0),
    ]
    assert [rate.percent for rate in rates] == [0, 25, 38, 0]


def test_answers_without_invitations_do_not_divide_by_zero() -> None:
    (rate,) = response_rates({}, {("parent", "3A"): 4})
    assert rate == ResponseRate("parent", "3A", 0, 4)
    assert rate.percent == 0


def test_everybody_answered_is_one_hundred_percent() -> None:
    assert response_rates({("parent", "3A"): 7}, {("parent", "3A"): 7})[0].percent == 100


def test_more_answers_than_codes_still_in_use_is_one_hundred_percent() -> None:
    """A withdrawn batch's letters leave "invited"; what was answered with them before stays answered."""
    assert response_rates({("parent", "3A"): 5}, {("parent", "3A"): 10})[0].percent == 100


# open_answers_to_show() ------------------------------------------------------------------------


KEY = b"test key"


def test_no_open_answers() -> None:
    assert open_answers_to_show([], {}, KEY) == []
    assert open_answers_to_show([], {"parent": 30}, KEY) == []


def test_open_answers_only_of_audiences_of_ten_or_more() -> None:
    answers = [("parent", "Meer avondmomenten"), ("pupil_10_12", "Fijne juf"), ("pupil_12_18", "Onbekend")]
    assert open_answers_to_show(answers, {"parent": 10, "pupil_10_12": 9}, KEY) == ["Meer avondmomenten"]


def test_empty_open_answers_are_left_out() -> None:
    answers = [("pupil_10_12", ""), ("pupil_10_12", "   \n"), ("pupil_10_12", "Fijne juf")]
    assert open_answers_to_show(answers, {"pupil_10_12": 12}, KEY) == ["Fijne juf"]


def test_open_answers_come_in_an_order_set_by_the_key_not_by_the_text_or_the_hand_in() -> None:
    texts = [f"antwoord {number}" for number in range(12)]
    answers = [("parent", text) for text in texts]
    first = open_answers_to_show(answers, {"parent": 12}, KEY)
    assert sorted(first) == sorted(texts)
    assert open_answers_to_show(list(reversed(answers)), {"parent": 12}, KEY) == first  # stable
    assert open_answers_to_show(answers, {"parent": 12}, b"another key") != first
    assert first not in (texts, sorted(texts), list(reversed(texts)))
