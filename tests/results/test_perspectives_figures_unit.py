"""The rule of five on single figures, on the perspective figures and on breakdowns: pure functions, no database."""

import pytest

from results.perspectives import (
    MIN_GROUP_SIZE,
    Figure,
    GroupRow,
    breakdown,
    figure_of,
    perspective_figures,
    shown,
)
from results.profile import PARENT_SIDE, SCHOOL_SIDE
from tests.helpers.perspective_tallies import (
    DIMENSIONS,
    PUPIL_OLD,
    PUPIL_YOUNG,
    by_group,
    by_home_language,
    size,
    tally,
)


def test_the_rule_is_five() -> None:
    assert MIN_GROUP_SIZE == 5


# shown() ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("respondents", [1, 2, 3, 4])
def test_an_anonymous_figure_of_fewer_than_five_people_is_hidden(respondents: int) -> None:
    figure = shown(2.5, respondents, anonymous=True)
    assert figure == Figure(None, respondents, suppressed=True)


@pytest.mark.parametrize("respondents", [5, 6, 40])
def test_an_anonymous_figure_of_five_or_more_people_is_shown(respondents: int) -> None:
    assert shown(2.5, respondents, anonymous=True) == Figure(2.5, respondents, suppressed=False)


def test_no_respondents_is_no_data_not_a_hidden_figure() -> None:
    """Nothing to hide: the cell says "—", not "hidden"."""
    assert shown(None, 0, anonymous=True) == Figure(None, 0, suppressed=False)


def test_five_people_without_answers_on_the_scale_give_no_mean() -> None:
    assert shown(None, 5, anonymous=True) == Figure(None, 5, suppressed=False)


@pytest.mark.parametrize("respondents", [1, 4])
def test_the_team_is_not_anonymous_so_its_small_figures_are_shown(respondents: int) -> None:
    assert shown(3.0, respondents, anonymous=False) == Figure(3.0, respondents, suppressed=False)


# figure_of() -----------------------------------------------------------------------------------


def test_no_tallies_is_no_data() -> None:
    assert figure_of([]) == Figure(None, 0)


def test_four_people_are_hidden_and_five_are_shown() -> None:
    assert figure_of([tally([2, 2, 3, 3])]) == Figure(None, 4, suppressed=True)
    assert figure_of([tally([2, 2, 3, 3, 5])]) == Figure(3.0, 5)


def test_a_mean_of_four_answers_stays_hidden_when_a_fifth_person_said_dont_know() -> None:
    """Five people handed in, but the mean rests on four of them: it could point at a family."""
    assert figure_of([tally([1, 1, 1, 1, None])]) == Figure(None, 4, suppressed=True)
    assert figure_of([tally([1, 1, 1, 1, None, None, None])]) == Figure(None, 4, suppressed=True)
    assert figure_of([tally([1, 1, 1, 1, None, 5])]) == Figure(1.8, 5)


def test_only_dont_know_is_no_data_not_a_hidden_figure() -> None:
    assert figure_of([tally([None] * 3)]) == Figure(None, 0)
    assert figure_of([tally([None] * 9), tally([None] * 9, item="item-2")]) == Figure(None, 0)


def test_the_items_of_one_audience_are_answered_by_the_same_people() -> None:
    """Three parents answering two items are three people, not six answers' worth of people."""
    tallies = [tally([4, 4, 4]), tally([2, 2, 2], item="item-2")]
    assert figure_of(tallies) == Figure(None, 3, suppressed=True)


def test_the_people_are_those_of_the_most_answered_item() -> None:
    """Five answered the first item, two the second: at least five people, and the mean takes all seven answers."""
    tallies = [tally([5, 5, 5, 5, 5]), tally([1, 1, None, None, None], item="item-2")]
    figure = figure_of(tallies)
    assert figure.respondents == 5 and not figure.suppressed
    assert figure.mean == pytest.approx(27 / 7)


def test_an_item_answered_in_two_groups_adds_their_people() -> None:
    tallies = [tally([3, 3, 3], group="3A"), tally([4, 4], group="3B")]
    assert figure_of(tallies) == Figure(pytest.approx(3.4), 5)  # type: ignore[arg-type]
    assert figure_of([tally([3, 3, 3], group="3A"), tally([4], group="3B")]).suppressed


def test_two_age_bands_are_different_people_and_add_up_to_five() -> None:
    young = tally([2, 2, 2], item="young-1", audience=PUPIL_YOUNG)
    old = tally([4, 4], item="old-1", audience=PUPIL_OLD)
    assert figure_of([young, old]) == Figure(pytest.approx(2.8), 5)  # type: ignore[arg-type]
    assert figure_of([young, tally([4], item="old-1", audience=PUPIL_OLD)]) == Figure(None, 4, suppressed=True)


def test_two_items_of_one_age_band_do_not_add_up() -> None:
    tallies = [tally([2, 2, 2], item="young-1", audience=PUPIL_YOUNG)]
    tallies.append(tally([4, 4], item="young-2", audience=PUPIL_YOUNG))
    assert figure_of(tallies) == Figure(None, 3, suppressed=True)


# perspective_figures() -------------------------------------------------------------------------


def test_perspective_figures_hide_four_parents_and_show_five() -> None:
    tallies = [tally([2, 2, 2, 2], dimension="kennis"), tally([4, 4, 4, 4, 4], item="item-2", dimension="tijd")]
    figures = perspective_figures(tallies, PARENT_SIDE, DIMENSIONS)
    assert set(figures) == set(DIMENSIONS)
    assert figures["kennis"] == Figure(None, 4, suppressed=True)
    assert figures["tijd"] == Figure(4.0, 5)
    assert figures["emotie"] == Figure(None, 0)  # no data at all: nothing to hide
    school_side = perspective_figures(tallies, SCHOOL_SIDE, DIMENSIONS)
    assert all(figure == Figure(None, 0) for figure in school_side.values())


def test_perspective_figures_keep_the_two_sides_apart() -> None:
    tallies = [
        tally([5] * 5, item="to-school", direction=PARENT_SIDE),
        tally([1] * 6, item="to-parents", direction=SCHOOL_SIDE),
    ]
    assert perspective_figures(tallies, PARENT_SIDE, DIMENSIONS)["kennis"] == Figure(5.0, 5)
    assert perspective_figures(tallies, SCHOOL_SIDE, DIMENSIONS)["kennis"] == Figure(1.0, 6)


def test_a_dimension_outside_the_list_and_an_unknown_direction_are_left_out() -> None:
    tallies = [tally([3] * 6, dimension="elders"), tally([3] * 6, item="item-2", direction="sideways")]
    figures = perspective_figures(tallies, PARENT_SIDE, DIMENSIONS)
    assert set(figures) == set(DIMENSIONS)
    assert all(figure == Figure(None, 0) for figure in figures.values())


def test_perspective_figures_of_nothing_are_empty() -> None:
    for side in (PARENT_SIDE, SCHOOL_SIDE):
        figures = perspective_figures([], side, DIMENSIONS)
        assert set(figures) == set(DIMENSIONS)
        assert all(figure == Figure(None, 0) for figure in figures.values())
    assert perspective_figures([], PARENT_SIDE, []) == {}


# breakdown() -----------------------------------------------------------------------------------


def test_breakdown_of_nothing_is_empty() -> None:
    assert breakdown([], [], by_group, DIMENSIONS) == []
    assert breakdown([tally([3] * 6)], [], by_group, DIMENSIONS) == []  # nobody in a known group


def test_a_group_of_four_is_hidden_whole_and_a_group_of_five_is_shown() -> None:
    tallies = [tally([1] * 4, group="3B"), tally([4] * 5, group="3A")]
    rows = breakdown(tallies, [size(4, group="3B"), size(5, group="3A")], by_group, DIMENSIONS)
    assert [row.group for row in rows] == ["3A", "3B"]
    shown_row, hidden_row = rows
    assert not shown_row.suppressed and shown_row.respondents == 5
    assert shown_row.figures[0] == Figure(4.0, 5)
    assert all(figure == Figure(None, 0) for figure in shown_row.figures[1:])  # answered nothing there
    assert hidden_row.suppressed and hidden_row.respondents == 4
    assert len(hidden_row.figures) == len(DIMENSIONS)
    assert all(figure == Figure(None, 4, suppressed=True) for figure in hidden_row.figures)


def test_a_group_of_four_without_any_answers_is_still_hidden_whole() -> None:
    (row,) = breakdown([], [size(4)], by_group, DIMENSIONS)
    assert row.suppressed and all(figure.suppressed and figure.mean is None for figure in row.figures)


def test_a_dimension_answered_by_four_of_a_group_of_five_is_hidden() -> None:
    tallies = [
        tally([3] * 5, item="k", dimension="kennis", direction=SCHOOL_SIDE),
        tally([2, 2, 2, 2, None], item="t", dimension="tijd"),  # the fifth said "weet ik niet"
    ]
    (row,) = breakdown(tallies, [size(5)], by_group, DIMENSIONS)
    assert row.respondents == 5 and not row.suppressed
    figures = dict(zip(DIMENSIONS, row.figures, strict=True))
    assert figures["kennis"] == Figure(3.0, 5)
    assert figures["tijd"] == Figure(None, 4, suppressed=True)


def test_a_group_counts_questionnaires_not_tallies() -> None:
    """Both directions and all items of five people are five respondents, and their answers are pooled."""
    tallies = [
        tally([5] * 5, item="g1", dimension="gedrag", direction=PARENT_SIDE),
        tally([1] * 5, item="g2", dimension="gedrag", direction=SCHOOL_SIDE),
        tally([1] * 5, item="g3", dimension="gedrag", direction=SCHOOL_SIDE),
    ]
    (row,) = breakdown(tallies, [size(5)], by_group, DIMENSIONS)
    assert row == GroupRow("3A", 5, row.figures)
    assert row.figures[DIMENSIONS.index("gedrag")] == Figure(pytest.approx(7 / 3), 5)  # type: ignore[arg-type]


def test_a_group_of_five_who_only_said_dont_know_shows_no_mean() -> None:
    (row,) = breakdown([tally([None] * 5)], [size(5)], by_group, DIMENSIONS)
    assert not row.suppressed and all(figure == Figure(None, 0) for figure in row.figures)


def test_tallies_of_groups_without_a_size_are_left_out() -> None:
    tallies = [tally([5] * 5, group=""), tally([1] * 3, group="elders")]
    (row,) = breakdown(tallies, [size(5, group="")], by_group, DIMENSIONS)
    assert row.group == "" and row.respondents == 5 and row.figures[0] == Figure(5.0, 5)


def test_two_age_bands_in_one_group_add_up_to_five() -> None:
    tallies = [
        tally([2, 2, 2], item="young", audience=PUPIL_YOUNG, group="5A"),
        tally([4, 4], item="old", audience=PUPIL_OLD, group="5A"),
    ]
    sizes = [size(3, audience=PUPIL_YOUNG, group="5A"), size(2, audience=PUPIL_OLD, group="5A")]
    (row,) = breakdown(tallies, sizes, by_group, DIMENSIONS)
    assert row.respondents == 5 and not row.suppressed
    assert row.figures[0] == Figure(pytest.approx(2.8), 5)  # type: ignore[arg-type]


def test_a_breakdown_by_home_language_pools_groups_that_are_too_small_alone() -> None:
    tallies = [tally([2] * 3, group="3A", home_language="ar"), tally([4] * 2, group="3B", home_language="ar")]
    tallies.append(tally([5] * 4, group="3A", home_language="tr"))
    sizes = [size(3, group="3A", home_language="ar"), size(2, group="3B", home_language="ar")]
    sizes.append(size(4, group="3A", home_language="tr"))
    by_language = breakdown(tallies, sizes, by_home_language, DIMENSIONS)
    assert [(row.group, row.respondents, row.suppressed) for row in by_language] == [("ar", 5, False), ("tr", 4, True)]
    assert by_language[0].figures[0] == Figure(pytest.approx(2.8), 5)  # type: ignore[arg-type]
    by_class = breakdown(tallies, sizes, by_group, DIMENSIONS)
    assert [(row.group, row.respondents, row.suppressed) for row in by_class] == [("3A", 7, False), ("3B", 2, True)]
    assert by_class[0].figures[0] == Figure(pytest.approx(26 / 7), 7)  # type: ignore[arg-type]
