"""The rule of five, whatever the answers: no shown figure rests on fewer than five people."""

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from hypothesis import given
from hypothesis import strategies as st

from results.perspectives import (
    MIN_GROUP_SIZE,
    ConstructScore,
    Figure,
    GroupSize,
    Tally,
    breakdown,
    construct_scores,
    mirror_gaps,
    perspective_figures,
)
from results.profile import PARENT_SIDE, SCHOOL_SIDE
from tests.helpers.perspective_tallies import (
    DIMENSIONS,
    PARENT,
    PUPIL_OLD,
    PUPIL_YOUNG,
    by_group,
    by_home_language,
    size,
    tally,
)

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
