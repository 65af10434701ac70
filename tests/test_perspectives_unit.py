"""Team, parents and pupils side by side under the rule of five: pure functions, no database.

Parents' and pupils' answers come in as tallies (per item, group and home language) and group sizes
(handed-in questionnaires per group and home language); the helpers below build them.
"""

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import pytest
from hypothesis import given
from hypothesis import strategies as st

from analysis.perspectives import (
    MIN_GROUP_SIZE,
    ConstructScore,
    Figure,
    Gap,
    GroupRow,
    GroupSize,
    ResponseRate,
    Tally,
    breakdown,
    construct_scores,
    figure_of,
    mirror_gaps,
    open_answers_to_show,
    perspective_figures,
    response_rates,
    shown,
)
from analysis.profile import PARENT_SIDE, SCHOOL_SIDE

DIMENSIONS = ("kennis", "rationeel", "overtuiging", "gedrag", "tijd", "emotie", "competentie")
PARENT, PUPIL_YOUNG, PUPIL_OLD = "parent", "pupil_10_12", "pupil_12_18"


def tally(
    values: Sequence[int | None],
    *,
    item: str = "item-1",
    dimension: str = "kennis",
    direction: str = PARENT_SIDE,
    construct: str = "construct-1",
    audience: str = PARENT,
    group: str = "3A",
    home_language: str = "",
) -> Tally:
    """The tally of one item in one group: `values` are the people's answers, None for "weet ik niet"."""
    on_scale = [value for value in values if value is not None]
    return Tally(
        audience,
        group,
        home_language,
        item,
        dimension,
        direction,
        construct,
        total=sum(on_scale),
        answered=len(on_scale),
        dont_know=len(values) - len(on_scale),
    )


def size(responses: int, *, audience: str = PARENT, group: str = "3A", home_language: str = "") -> GroupSize:
    return GroupSize(audience, group, home_language, responses)


def by_group(row: Tally | GroupSize) -> str:
    return row.group


def by_home_language(row: Tally | GroupSize) -> str:
    return row.home_language


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


# the rule of five, whatever the answers ------------------------------------------------------


@dataclass(frozen=True)
class Question:
    item: str
    dimension: str
    direction: str
    construct: str


QUESTIONS = {
    PARENT: (
        Question("p-kennis-1", "kennis", PARENT_SIDE, "informed"),
        Question("p-kennis-2", "kennis", SCHOOL_SIDE, "informing"),
        Question("p-tijd-1", "tijd", PARENT_SIDE, "time"),
        Question("p-tijd-2", "tijd", PARENT_SIDE, "informed"),
    ),
    PUPIL_YOUNG: (
        Question("y-kennis-1", "kennis", PARENT_SIDE, "informed"),
        Question("y-emotie-1", "emotie", SCHOOL_SIDE, "welcome"),
        Question("y-emotie-2", "emotie", SCHOOL_SIDE, "time"),
        Question("y-tijd-1", "tijd", PARENT_SIDE, "time"),
    ),
    PUPIL_OLD: (
        Question("o-kennis-1", "kennis", PARENT_SIDE, "informed"),
        Question("o-emotie-1", "emotie", SCHOOL_SIDE, "welcome"),
        Question("o-tijd-1", "tijd", SCHOOL_SIDE, "time"),
        Question("o-tijd-2", "tijd", PARENT_SIDE, "informing"),
    ),
}
NOT_ASKED = 0  # the page with this item was never saved
answer = st.one_of(st.none(), st.integers(1, 5), st.just(NOT_ASKED))


@dataclass(frozen=True)
class Person:
    audience: str
    group: str
    home_language: str
    answers: tuple[int | None, ...]  # one per question of the audience

    def scale_answers(self) -> list[tuple[Question, int]]:
        return [
            (question, value)
            for question, value in zip(QUESTIONS[self.audience], self.answers, strict=True)
            if value is not None and value != NOT_ASKED
        ]


people_strategy = st.lists(
    st.builds(
        Person,
        st.sampled_from(sorted(QUESTIONS)),
        st.sampled_from(["3A", "3B", "5A", ""]),
        st.sampled_from(["", "ar", "tr"]),
        st.tuples(answer, answer, answer, answer),
    ),
    max_size=40,
)


def tallies_and_sizes(people: list[Person]) -> tuple[list[Tally], list[GroupSize]]:
    """What the tallies hold after these people handed in."""
    values: dict[tuple[str, str, str, Question], list[int | None]] = defaultdict(list)
    sizes: dict[tuple[str, str, str], int] = defaultdict(int)
    for person in people:
        sizes[(person.audience, person.group, person.home_language)] += 1
        for question, value in zip(QUESTIONS[person.audience], person.answers, strict=True):
            if value != NOT_ASKED:
                values[(person.audience, person.group, person.home_language, question)].append(value)
    tallies = [
        tally(
            answers,
            item=question.item,
            dimension=question.dimension,
            direction=question.direction,
            construct=question.construct,
            audience=audience,
            group=group,
            home_language=language,
        )
        for (audience, group, language, question), answers in values.items()
    ]
    return tallies, [size(n, audience=a, group=g, home_language=lang) for (a, g, lang), n in sizes.items()]


def check(figure: Figure, behind: list[tuple[int, int]]) -> None:
    """`behind`: who (by index) gave which scale answer that went into this figure."""
    people = len({index for index, _value in behind})
    assert figure.respondents <= people  # a lower bound: never more people than there are
    if figure.suppressed:
        assert figure.mean is None
        assert 0 < figure.respondents < MIN_GROUP_SIZE
    if figure.mean is not None:
        assert people >= MIN_GROUP_SIZE
        assert figure.mean == pytest.approx(sum(value for _index, value in behind) / len(behind))
    elif not figure.suppressed:
        assert not behind


def member_of(group_of: Callable[[Tally | GroupSize], str], person: Person) -> str:
    return group_of(size(1, audience=person.audience, group=person.group, home_language=person.home_language))


@given(people_strategy)
def test_no_shown_figure_rests_on_fewer_than_five_people(people: list[Person]) -> None:
    """Whatever people answered, a mean is shown only when five or more of them gave it a scale answer."""
    tallies, sizes = tallies_and_sizes(people)
    answers = [
        (index, person, question, value)
        for index, person in enumerate(people)
        for question, value in person.scale_answers()
    ]

    for side in (PARENT_SIDE, SCHOOL_SIDE):
        for dimension, figure in perspective_figures(tallies, side, DIMENSIONS).items():
            check(figure, [(i, v) for i, _p, q, v in answers if q.direction == side and q.dimension == dimension])

    for group_of in (by_group, by_home_language):
        for row in breakdown(tallies, sizes, group_of, DIMENSIONS):
            members = {index for index, person in enumerate(people) if member_of(group_of, person) == row.group}
            assert row.respondents == len(members)
            for dimension, figure in zip(DIMENSIONS, row.figures, strict=True):
                if row.suppressed:
                    assert figure.suppressed and figure.mean is None
                else:
                    check(figure, [(i, v) for i, _p, q, v in answers if q.dimension == dimension and i in members])
            if any(figure.mean is not None for figure in row.figures):
                assert row.respondents >= MIN_GROUP_SIZE

    parents = construct_scores([tally for tally in tallies if tally.audience == PARENT])
    for score in parents:
        behind = {i for i, p, q, _v in answers if p.audience == PARENT and q.construct == score.construct}
        assert 0 < score.respondents <= len(behind)
    for gap in mirror_gaps([ConstructScore(score.construct, 3.0, 2) for score in parents], parents):
        behind = {i for i, p, q, _v in answers if p.audience == PARENT and q.construct == gap.construct}
        assert gap.parent_respondents >= MIN_GROUP_SIZE and len(behind) >= MIN_GROUP_SIZE


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


# open_answers_to_show() ------------------------------------------------------------------------


def test_no_open_answers() -> None:
    assert open_answers_to_show([], {}) == []
    assert open_answers_to_show([], {"parent:3A": 30}) == []


def test_open_answers_only_of_groups_of_five_or_more() -> None:
    answers = [("parent:3A", "Meer avondmomenten"), ("parent:3B", "Ik werk in ploegen"), ("parent:3C", "Onbekend")]
    sizes = {"parent:3A": 5, "parent:3B": 4}
    assert open_answers_to_show(answers, sizes) == ["Meer avondmomenten"]
    assert open_answers_to_show(answers, {"parent:3A": 5, "parent:3B": 5}) == [
        "Ik werk in ploegen",
        "Meer avondmomenten",
    ]


def test_empty_open_answers_are_left_out() -> None:
    answers = [("pupil_10_12:5A", ""), ("pupil_10_12:5A", "   \n"), ("pupil_10_12:5A", "Fijne juf")]
    assert open_answers_to_show(answers, {"pupil_10_12:5A": 12}) == ["Fijne juf"]


def test_open_answers_carry_no_group_and_come_in_a_neutral_order() -> None:
    answers = [("parent:3A", "zebra"), ("parent:", "aap"), ("parent:3A", "Mier")]
    shown_texts = open_answers_to_show(answers, {"parent:3A": 9, "parent:": 6})
    assert shown_texts == sorted(["zebra", "aap", "Mier"])
    assert all(isinstance(text, str) and "3A" not in text and "parent" not in text for text in shown_texts)
