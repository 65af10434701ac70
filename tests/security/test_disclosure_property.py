"""Issue 10, point 2: no set of one to four respondents can be worked out from the figures shown, by any linear
combination of figures of one page or of any two moments (differencing across hand-ins), for random layouts of
groups × home languages and random orders of hand-in.

The shown sets are read back from the real tallies after every hand-in (surveys.tallies.count_handed_in and, at the
close, release_the_rest), keyed as results.voices keys its rows: per group, per home language, the pooled rest
("other groups" / "other languages") and the total. Every figure (mean, count, response rate, open answers) is a
function of one such set, so a set of people is exposed exactly when its indicator vector lies in the span of the
shown sets' indicator vectors. The check is exact rational Gaussian elimination.
"""

from collections import defaultdict
from collections.abc import Iterable
from fractions import Fraction
from itertools import combinations

from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis.models import ResponseStatus, RoundStatus
from framework.models import Audience
from surveys.models import AnswerTally, GroupTally, Release, SurveyResponse
from surveys.tallies import MIN_CHUNK, POOL, count_handed_in, release_the_rest
from tests.helpers.world import World

MIN_GROUP = 5
People = frozenset[str]


def _reduce(basis: list[list[Fraction]], vector: list[Fraction]) -> list[Fraction]:
    vector = list(vector)
    for row in basis:
        pivot = next(index for index, value in enumerate(row) if value)
        if vector[pivot]:
            factor = vector[pivot] / row[pivot]
            vector = [value - factor * other for value, other in zip(vector, row, strict=True)]
    return vector


def exposed_sets(shown: Iterable[People], everyone: People) -> list[People]:
    """Sets of 1–4 people whose indicator is a linear combination of the shown sets' indicators.

    Vectors in the span are constant on classes of people who appear in exactly the same shown sets, so only
    unions of classes can be exposed; those of fewer than five people are tried one by one.
    """
    shown = [set_ for set_ in shown if set_]
    signature: dict[str, tuple[int, ...]] = {
        person: tuple(index for index, set_ in enumerate(shown) if person in set_) for person in everyone
    }
    classes: dict[tuple[int, ...], set[str]] = defaultdict(set)
    for person, key in signature.items():
        classes[key].add(person)
    members = list(classes.values())
    basis: list[list[Fraction]] = []
    for set_ in shown:
        vector = [Fraction(1 if next(iter(group)) in set_ else 0) for group in members]
        reduced = _reduce(basis, vector)
        if any(reduced):
            basis.append(reduced)
    small = [index for index, group in enumerate(members) if len(group) < MIN_GROUP]
    exposed = []
    for size in range(1, len(small) + 1):
        for chosen in combinations(small, size):
            people = sum(len(members[index]) for index in chosen)
            if people >= MIN_GROUP:
                continue
            vector = [Fraction(1 if index in chosen else 0) for index in range(len(members))]
            if not any(_reduce(basis, vector)):
                exposed.append(frozenset().union(*(members[index] for index in chosen)))
    return exposed


def test_the_check_finds_the_complement_and_the_difference_attacks() -> None:
    """The check itself can fail: per-hand-in figures of the issue's school are caught."""
    class_2a, lone_3c = {f"2A-{n}" for n in range(7)}, {"3C-0"}
    everyone = frozenset(class_2a | lone_3c)
    no_language = frozenset(class_2a | lone_3c)
    assert exposed_sets([frozenset(class_2a), no_language], everyone) == [frozenset(lone_3c)]
    before, after = frozenset(list(class_2a)[:6]), frozenset(class_2a)
    assert frozenset(class_2a - before) in exposed_sets([before, after], everyone)


def shown_sets(world: World) -> list[People]:
    """What the figures rest on now, per row of the page; checked against the tallies' counts."""
    released = SurveyResponse.objects.filter(round=world.round).exclude(release=Release.WAITING)
    atoms: dict[tuple[str, str], set[str]] = defaultdict(set)
    for pk, group, language, release in released.values_list("pk", "group_label", "home_language", "release"):
        atoms[(POOL, POOL) if release == Release.POOL else (group, language)].add(str(pk))
    counts = {
        (group, language): responses
        for group, language, responses in GroupTally.objects.filter(round=world.round).values_list(
            "group_label", "home_language", "responses"
        )
    }
    assert counts == {key: len(people) for key, people in atoms.items()}
    by_group: dict[str, set[str]] = defaultdict(set)
    by_language: dict[str, set[str]] = defaultdict(set)
    for (group, language), people in atoms.items():
        by_group[group] |= people
        by_language[language] |= people
    total = set().union(*atoms.values()) if atoms else set()
    return [frozenset(people) for people in [*by_group.values(), *by_language.values(), total]]


layouts = st.dictionaries(
    st.tuples(st.sampled_from(["1A", "2A", "3C", "4B"]), st.sampled_from(["", "ar", "tr"])),
    st.integers(min_value=1, max_value=11),
    min_size=1,
    max_size=8,
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(layout=layouts, order=st.randoms(use_true_random=False), close=st.booleans())
def test_no_set_of_fewer_than_five_can_be_worked_out(
    world: World, layout: dict[tuple[str, str], int], order: object, close: bool
) -> None:
    SurveyResponse.objects.filter(round=world.round).delete()
    AnswerTally.objects.filter(round=world.round).delete()
    GroupTally.objects.filter(round=world.round).delete()
    hand_ins = [key for key, size in layout.items() for _n in range(size)]
    order.shuffle(hand_ins)  # type: ignore[attr-defined]
    moments: list[People] = []
    for group, language in hand_ins:
        with transaction.atomic():
            response = SurveyResponse.objects.create(
                school=world.school,
                round=world.round,
                audience=Audience.PARENT,
                group_label=group,
                home_language=language,
                status=ResponseStatus.SUBMITTED,
            )
            count_handed_in(response)
        moments += shown_sets(world)
    if close:
        world.round.status = RoundStatus.CLOSED
        release_the_rest(world.round)
        moments += shown_sets(world)
    everyone = frozenset(
        str(pk) for pk in SurveyResponse.objects.filter(round=world.round).values_list("pk", flat=True)
    )
    assert exposed_sets(moments, everyone) == []
    waiting = SurveyResponse.objects.filter(round=world.round, release=Release.WAITING)
    per_cell: dict[tuple[str, str], int] = defaultdict(int)
    for group, language in waiting.values_list("group_label", "home_language"):
        per_cell[(group, language)] += 1
    assert all(count < MIN_CHUNK for count in per_cell.values())  # nothing waits that could have been released
    if close:
        assert waiting.count() < MIN_CHUNK
