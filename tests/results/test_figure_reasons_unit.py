"""Issue 12 walk-through, point 1: a figure without a mean says the true reason — hidden, not asked or no answers —
and a mean that leaves out held-back answers says so."""

from dataclasses import replace

from results.perspectives import HIDDEN, NO_ANSWERS, NOT_ASKED, Figure, Tally, figure_of, perspective_figures
from results.profile import PARENT_SIDE


def tally(group: str, answered: int, total: int, held_back: int = 0, dimension: str = "gedrag") -> Tally:
    return Tally("parent", group, "", "item-1", dimension, "parent_to_school", "c", total, answered, 0, "nl", held_back)


def test_answers_held_back_in_every_group_are_hidden_not_missing() -> None:
    # The walk-through's case: 4 of 2A and 3 of K3 answered; each chunk held its answers back.
    figure = figure_of([tally("2A", 0, 0, held_back=1), tally("K3", 0, 0, held_back=1)])
    assert figure.mean is None and figure.reason == HIDDEN


def test_a_question_nobody_answered_has_no_answers() -> None:
    assert figure_of([tally("2A", 0, 0)]).reason == NO_ANSWERS


def test_a_mean_that_leaves_out_a_held_back_group_is_partial() -> None:
    # 2A's five answered; K3's answers were held back: the mean rests on 5 of the 10 in the figures.
    figure = figure_of([tally("2A", 5, 15), tally("K3", 0, 0, held_back=1)], in_figures=10)
    assert figure == Figure(3.0, 5, partial=True)
    assert figure.reason == ""
    assert not figure_of([tally("2A", 5, 15)], in_figures=10).partial  # nothing held back: others said "weet niet"
    # Held back for one item, but another item of the dimension reached all ten: it rests on everyone.
    everyone = [tally("2A", 5, 15), tally("K3", 5, 15), replace(tally("K3", 0, 0, held_back=1), item="item-2")]
    assert not figure_of(everyone, in_figures=10).partial


def test_a_dimension_the_questionnaire_does_not_ask_about_is_not_asked() -> None:
    asked = {("gedrag", "parent_to_school"), ("tijd", "school_to_parent")}
    figures = perspective_figures([tally("2A", 5, 15)], PARENT_SIDE, ["gedrag", "tijd", "kennis"], asked)
    assert figures["gedrag"] == Figure(3.0, 5)
    assert figures["tijd"].reason == NOT_ASKED  # asked, but on the other side
    assert figures["kennis"].reason == NOT_ASKED
    unknown = perspective_figures([], PARENT_SIDE, ["kennis"])  # without the questionnaire: never "not asked"
    assert unknown["kennis"].reason == NO_ANSWERS
