"""The running sums of handed-in answers (AnswerTally, GroupTally) always equal a rebuild from the answers.

Parents and pupils answer through the real functions — a code from a batch, open_with_code,
save_answers page by page, hand_in — and afterwards the tallies kept at hand-in are compared with
what `rebuild_tallies` computes from the stored answers, and with what the test itself expects.
"""

from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from analysis.models import Round
from surveys import tallies
from surveys.batches import issue_codes
from surveys.models import AnswerTally, GroupTally, SurveyResponse
from surveys.respond import AlreadyHandedIn, hand_in, open_with_code
from surveys.tallies import rebuild_tallies
from tests.helpers.hand_ins import AnswerRow, GroupRow, answer, items_of, respond, start, tallies_of
from tests.helpers.world import World

AUDIENCES = ("parent", "pupil_10_12", "pupil_12_18")


@pytest.fixture(autouse=True)
def fast_password_hashing(settings: Any) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def one_by_one(monkeypatch: pytest.MonkeyPatch) -> None:
    """These tests are about the sums: every hand-in is released at once here. Release in chunks of five:
    tests/surveys/test_release.py and tests/security/."""
    monkeypatch.setattr(tallies, "MIN_CHUNK", 1)


# comparing -------------------------------------------------------------------------------------


def assert_equal_to_a_rebuild(round_: Round) -> tuple[list[AnswerRow], list[GroupRow]]:
    kept = tallies_of(round_)
    rebuild_tallies(round_)
    assert tallies_of(round_) == kept
    return kept


@dataclass(frozen=True)
class Respondent:
    audience: str
    group: str
    home_language: str
    values: tuple[int | None, ...]
    handed_in: bool = True


def expected(world: World, respondents: list[Respondent]) -> tuple[list[AnswerRow], list[GroupRow]]:
    """The tallies worked out in Python from what the respondents handed in."""
    sums: dict[tuple[str, str, str, str], list[int]] = defaultdict(lambda: [0, 0, 0])
    sizes: dict[tuple[str, str, str], int] = defaultdict(int)
    for person in respondents:
        if not person.handed_in:
            continue
        sizes[(person.audience, person.group, person.home_language)] += 1
        items = items_of(world.round, person.audience)
        for item, value in zip(items, person.values, strict=False):
            row = sums[(person.audience, person.group, person.home_language, str(item))]
            if value is None:
                row[2] += 1
            else:
                row[0] += value
                row[1] += 1
    school = str(world.school.id)
    answers = sorted((school, a, g, lang, item, *row) for (a, g, lang, item), row in sums.items())
    groups = sorted((school, a, g, lang, n) for (a, g, lang), n in sizes.items())
    return answers, groups


# examples --------------------------------------------------------------------------------------


def test_a_round_without_questionnaires_has_no_tallies(world: World) -> None:
    assert assert_equal_to_a_rebuild(world.round) == ([], [])


def test_parents_and_pupils_handing_in_keep_the_tallies_equal_to_a_rebuild(world: World) -> None:
    people = [
        Respondent("parent", "3A", "", (4, 4, None, 2, 5)),
        Respondent("parent", "3A", "", (2, None, None, 1, 5, 3)),
        Respondent("parent", "3A", "ar", (1, 1, 1)),
        Respondent("parent", "3B", "ar", (None, None)),
        Respondent("pupil_10_12", "5A", "", (3, 3, 3, 3)),
        Respondent("pupil_12_18", "5A", "tr", (5, None, 4)),
    ]
    for person in people:
        respond(world, list(person.values), person.audience, person.group, person.home_language)
    kept = assert_equal_to_a_rebuild(world.round)
    assert kept == expected(world, people)
    assert ("parent", "3A", "", 2) in [row[1:] for row in kept[1]]


def test_only_dont_know_and_no_answers_at_all_count_as_a_questionnaire(world: World) -> None:
    respond(world, [None, None, None])
    respond(world, [])
    answers, groups = assert_equal_to_a_rebuild(world.round)
    assert [row[1:] for row in groups] == [("parent", "3A", "", 2)]
    assert [row[5:] for row in answers] == [(0, 0, 1)] * 3


def test_a_double_hand_in_does_not_count_twice(world: World) -> None:
    response = respond(world, [5, 4, None])
    once = tallies_of(world.round)
    assert not hand_in(response, "nog eens")
    stale = SurveyResponse.objects.get(pk=response.pk)
    assert not hand_in(stale, "")
    assert tallies_of(world.round) == once
    assert assert_equal_to_a_rebuild(world.round) == once
    assert [row[1:] for row in once[1]] == [("parent", "3A", "", 1)]


def test_a_page_after_handing_in_is_refused_and_changes_no_tally(world: World) -> None:
    response = respond(world, [5, 4])
    once = tallies_of(world.round)
    with pytest.raises(AlreadyHandedIn):
        answer(response, dict.fromkeys(items_of(world.round, "parent")[:2], 1))
    assert tallies_of(world.round) == once == assert_equal_to_a_rebuild(world.round)


def test_a_draft_is_not_counted_until_it_is_handed_in(world: World) -> None:
    draft = respond(world, [1, 2, 3], handed_in=False)
    assert tallies_of(world.round) == ([], [])
    assert assert_equal_to_a_rebuild(world.round) == ([], [])
    assert hand_in(draft, "")
    kept = assert_equal_to_a_rebuild(world.round)
    assert kept == expected(world, [Respondent("parent", "3A", "", (1, 2, 3))])


def test_changed_answers_are_counted_as_they_were_handed_in(world: World) -> None:
    response = start(world)
    items = items_of(world.round, "parent")[:3]
    answer(response, dict.fromkeys(items, 1))
    answer(response, dict(zip(items, (5, None, 3), strict=True)))  # second thoughts, the same page again
    assert hand_in(response, "")
    assert assert_equal_to_a_rebuild(world.round) == expected(world, [Respondent("parent", "3A", "", (5, None, 3))])


def test_a_rebuild_touches_only_its_own_round(world: World) -> None:
    respond(world, [3, 3])
    issued = issue_codes(world.other_round, "parent", "class", "1A", "", 1, world.charlie)
    opened = open_with_code(issued.codes[0])
    assert opened.response is not None
    answer(opened.response, {items_of(world.other_round, "parent")[0]: 2})
    assert hand_in(opened.response, "")
    other = tallies_of(world.other_round)
    assert [row[1:] for row in other[1]] == [("parent", "1A", "", 1)]
    assert_equal_to_a_rebuild(world.round)
    assert tallies_of(world.other_round) == other
    assert assert_equal_to_a_rebuild(world.other_round) == other


def test_a_rebuild_repairs_tallies_that_went_wrong(world: World) -> None:
    respond(world, [4, 4])
    respond(world, [2])
    right = tallies_of(world.round)
    AnswerTally.objects.filter(round=world.round).update(total=99)
    GroupTally.objects.filter(round=world.round).delete()
    rebuild_tallies(world.round)
    assert tallies_of(world.round) == right


# whatever people answer --------------------------------------------------------------------------


class Rollback(Exception):
    """Undoes an example's writes."""


@contextmanager
def example() -> Iterator[None]:
    """One example in a savepoint that is rolled back, so the examples do not see each other."""
    try:
        with transaction.atomic():
            yield
            raise Rollback
    except Rollback:
        pass


respondents = st.lists(
    st.builds(
        Respondent,
        st.sampled_from(AUDIENCES),
        st.sampled_from(["", "3A", "5B"]),
        st.sampled_from(["", "ar", "tr"]),
        st.lists(st.one_of(st.none(), st.integers(1, 5)), max_size=30).map(tuple),
        st.sampled_from([True, True, True, False]),  # mostly handed in, some drafts
    ),
    max_size=8,
)


@hypothesis_settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(people=respondents)
def test_the_tallies_always_equal_a_rebuild(world: World, people: list[Respondent]) -> None:
    with example():
        assert tallies_of(world.round) == ([], [])
        for person in people:
            respond(world, list(person.values), person.audience, person.group, person.home_language, person.handed_in)
        kept = assert_equal_to_a_rebuild(world.round)
        assert kept == expected(world, people)
        assert sum(row[4] for row in kept[1]) == sum(person.handed_in for person in people)
