"""Issue 10, point 2: no set of one to four respondents can be worked out from the figures shown, by any linear
combination of figures of one page or of any two moments (differencing across hand-ins), for random layouts of
groups × home languages × languages answered in and random orders of hand-in.

The shown sets are read back from the real tallies after every hand-in (surveys.tallies.count_handed_in and, at the
close, release_the_rest), keyed as results.voices keys its rows: per group, per home language, per language answered
in, the pooled rest ("other groups" / "other languages") and the total. Every figure (mean, count, response rate,
open answers) is a function of one such set, so a set of people is exposed exactly when its indicator vector lies in
the span of the shown sets' indicator vectors (tests/helpers/disclosure.py).
"""

from collections import defaultdict

from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis.models import ResponseStatus, RoundStatus
from framework.models import Audience
from surveys.models import AnswerTally, GroupTally, Release, SurveyResponse
from surveys.tallies import MIN_CHUNK, POOL, count_handed_in, release_the_rest
from tests.helpers.disclosure import People, exposed_sets
from tests.helpers.world import World


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
    cell = ("group_label", "home_language", "language")
    atoms: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for pk, release, *key in released.values_list("pk", "release", *cell):
        atoms[(POOL, POOL, POOL) if release == Release.POOL else tuple(key)].add(str(pk))
    counts = {
        tuple(key): responses
        for *key, responses in GroupTally.objects.filter(round=world.round).values_list(*cell, "responses")
    }
    assert counts == {key: len(people) for key, people in atoms.items()}
    rows: dict[tuple[int, str], set[str]] = defaultdict(set)  # (which breakdown, row label) → people
    for key, people in atoms.items():
        for breakdown, label in enumerate(key):
            rows[(breakdown, label)] |= people
    total = set().union(*atoms.values()) if atoms else set()
    return [frozenset(people) for people in [*rows.values(), total]]


layouts = st.dictionaries(
    st.tuples(
        st.sampled_from(["1A", "2A", "3C", "4B"]), st.sampled_from(["", "ar", "tr"]), st.sampled_from(["nl", "fr"])
    ),
    st.integers(min_value=1, max_value=11),
    min_size=1,
    max_size=8,
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(layout=layouts, order=st.randoms(use_true_random=False), close=st.booleans())
def test_no_set_of_fewer_than_five_can_be_worked_out(
    world: World, layout: dict[tuple[str, str, str], int], order: object, close: bool
) -> None:
    SurveyResponse.objects.filter(round=world.round).delete()
    AnswerTally.objects.filter(round=world.round).delete()
    GroupTally.objects.filter(round=world.round).delete()
    hand_ins = [key for key, size in layout.items() for _n in range(size)]
    order.shuffle(hand_ins)  # type: ignore[attr-defined]
    moments: list[People] = []
    for group, home_language, language in hand_ins:
        with transaction.atomic():
            response = SurveyResponse.objects.create(
                school=world.school,
                round=world.round,
                audience=Audience.PARENT,
                group_label=group,
                home_language=home_language,
                language=language,
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
    per_cell: dict[tuple[str, str, str], int] = defaultdict(int)
    for cell in waiting.values_list("group_label", "home_language", "language"):
        per_cell[cell] += 1
    assert all(count < MIN_CHUNK for count in per_cell.values())  # nothing waits that could have been released
    if close:
        assert waiting.count() < MIN_CHUNK
