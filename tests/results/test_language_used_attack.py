"""Issue 12, point 2: the coordinator as attacker against the breakdown by the language a parent answered in.

Parents hand in one by one through the real path; after every hand-in the attacker reads every figure of the profile
page and of the CSV and XLSX downloads and compares them with what they read before. The test knows who handed in
what, so it can tell which parents each figure rests on (and checks that the figure is indeed their mean); it then
asks whether any linear combination of all figures at all moments gives the answers of fewer than five parents.

Why the breakdown is cut from the same chunks as the others (docs/privacy.md): released apart, by language on its
own, the two partitions leave different remainders when the voice closes. In the school below, groups pool six
parents at the close while the language answered in leaves one parent out, so "all parents by group" minus "all
parents by language" would be that one parent. The control test shows the check finds exactly that.
"""

import io
from collections import defaultdict
from dataclasses import dataclass
from statistics import mean

import pytest
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from analysis.rounds import close_round
from respondents.languages import staff_label
from results.perspectives import GroupRow
from results.voices import Voices
from surveys.models import Release, SurveyResponse
from surveys.respond import hand_in, record_language_choice
from tests.helpers.disclosure import MIN_GROUP, People, exposed_sets
from tests.helpers.hand_ins import answer, items_of, start
from tests.helpers.job_downloads import made_file
from tests.helpers.survey_data import in_english, profile_url
from tests.helpers.world import World

# (group, language of the letter, language answered in, value given to every item, open answer), in hand-in order
HAND_INS = [
    ("2B", "", "nl", 2, ""),
    ("2B", "", "nl", 3, "De juf is erg lief"),
    ("2B", "", "nl", 4, ""),
    ("2B", "", "nl", 2, ""),
    ("2A", "", "nl", 5, ""),
    ("2A", "", "nl", 1, "Ik begrijp de brieven niet"),
    ("2A", "", "nl", 3, ""),
    ("2B", "", "nl", 4, ""),
    ("2A", "", "nl", 2, ""),
    ("2B", "", "nl", 5, ""),
    ("2B", "", "nl", 1, "Mijn zoon wordt gepest"),  # the parent the independent release would give away
    ("2A", "", "fr", 4, "Je ne comprends pas les devoirs"),
    ("2A", "", "so", 1, ""),
    ("3C", "ar", "ar", 2, ""),
    ("3C", "ar", "ar", 5, "شكرا"),
    ("3C", "ar", "nl", 3, ""),
    ("3C", "ar", "ar", 4, ""),
    ("3C", "ar", "ar", 3, ""),
    ("3C", "ar", "ar", 1, ""),
]
PARENTS_BY = {"group": "Group", "letter": "Language of the letter (batch)", "answered in": "Language answered in"}


@dataclass(frozen=True)
class Reading:
    """Everything the attacker reads at one moment: the page's figures, the CSV's bytes, the XLSX's cells."""

    page: tuple[object, ...]
    csv: bytes
    xlsx: tuple[tuple[object, ...], ...]


def read_everything(client: Client, world: World) -> tuple[Reading, Voices]:
    voices: Voices = client.get(profile_url(world)).context["voices"]
    args = [world.school.id, world.round.id]
    csv = made_file(client, reverse("reports:results_csv", args=args)).content
    workbook = load_workbook(io.BytesIO(made_file(client, reverse("reports:results_xlsx", args=args)).content))
    sheet = workbook.active
    assert sheet is not None
    xlsx = tuple(tuple(row) for row in sheet.iter_rows(values_only=True))
    page = (
        voices.parents,
        tuple(voices.rates),
        tuple(voices.gaps),
        tuple(_breakdowns(voices).items()),
        tuple(voices.open_answers),
        voices.open_answers_held,
    )
    return Reading(page, csv, xlsx), voices


def _breakdowns(voices: Voices) -> dict[str, list[GroupRow]]:
    return {
        "group": voices.parents_by_group,
        "letter": voices.parents_by_language,
        "answered in": voices.parents_by_answered_language,
    }


def _label(breakdown: str, response: SurveyResponse) -> str:
    if response.release == Release.POOL:
        return "other groups" if breakdown == "group" else "other languages"
    if breakdown == "group":
        return response.group_label
    code = response.home_language if breakdown == "letter" else response.language
    return staff_label(code) if code else "no language chosen"


def sets_behind(reading: Reading, voices: Voices, world: World, values: dict[str, int]) -> list[People]:
    """The parents behind every row of the page and the downloads, checked against the figures shown."""
    released = list(SurveyResponse.objects.filter(round=world.round).exclude(release=Release.WAITING))
    everyone = frozenset(str(response.pk) for response in released)
    assert voices.parents == len(everyone)
    shown = [everyone]
    exported: dict[tuple[object, str], list[tuple[object, ...]]] = defaultdict(list)  # one row per dimension
    for cells in reading.xlsx:
        if cells[0] == "Parents" and cells[2] != "Everyone":
            exported[(cells[2], str(cells[3] or ""))].append(cells)
    for breakdown, rows in _breakdowns(voices).items():
        for row in rows:
            people = frozenset(str(r.pk) for r in released if _label(breakdown, r) == row.group)
            assert row.respondents == len(people), (breakdown, row.group)
            exact = mean(values[person] for person in people)
            assert all(figure.suppressed or figure.mean == pytest.approx(exact) for figure in row.figures)
            for cells in exported.pop((PARENTS_BY[breakdown], row.group)):
                shown_people, shown_mean = (None, None) if row.suppressed else (len(people), round(exact, 1))
                assert (cells[6], cells[5]) == (shown_people, shown_mean), (breakdown, row.group)
            shown.append(people)
    assert not exported  # the downloads hold no row the page does not
    return shown


@pytest.mark.django_db
def test_the_attacker_cannot_compute_anyone_from_the_page_and_the_downloads(world: World, alice_client: Client) -> None:
    client = in_english(alice_client)
    values: dict[str, int] = {}
    moments: list[People] = []
    released_before = 0
    for group, letter, language, value, text in HAND_INS:
        response = start(world, "parent", group, letter)  # the code is opened and answered: the attacker reads
        record_language_choice(response, language)
        answer(response, dict.fromkeys(items_of(world.round, "parent"), value))
        before, _voices = read_everything(client, world)
        assert hand_in(response, text)  # then this parent hands in, and the attacker reads again
        values[str(response.pk)] = value
        reading, voices = read_everything(client, world)
        released = SurveyResponse.objects.exclude(release=Release.WAITING).count()
        if released == released_before:  # no chunk: the hand-in alone changes nothing the attacker can read
            assert reading == before
        else:
            assert released - released_before >= MIN_GROUP
        moments += sets_behind(reading, voices, world, values)
        released_before = released
    close_round(world.round)
    reading, voices = read_everything(client, world)
    moments += sets_behind(reading, voices, world, values)
    assert exposed_sets(moments, frozenset(values)) == []
    by_answered_language = {row.group: row.respondents for row in voices.parents_by_answered_language}
    print("parents by the language they answered in, at the close:", by_answered_language)
    # Five Dutch of 2B and five Arabic of 3C in their own chunks; the nine left at the close pooled together.
    assert by_answered_language == {staff_label("nl"): 5, staff_label("ar"): 5, "other languages": 9}


def released_apart(hand_ins: list[tuple[str, str, str]]) -> list[People]:
    """The sets the figures would rest on if the language answered in were chunked on its own, apart from the
    chunks of group and letter language: the design this module's rule forbids."""
    waiting_by_cell: dict[tuple[str, str], list[str]] = defaultdict(list)
    waiting_by_language: dict[str, list[str]] = defaultdict(list)
    rows: dict[tuple[str, str], set[str]] = defaultdict(set)
    moments: list[People] = []
    for person, (group, letter, language) in enumerate(hand_ins):
        waiting_by_cell[(group, letter)].append(str(person))
        waiting_by_language[language].append(str(person))
        if len(waiting_by_cell[(group, letter)]) == MIN_GROUP:
            for member in waiting_by_cell.pop((group, letter)):
                rows[("group", group)].add(member)
                rows[("letter", letter)].add(member)
        if len(waiting_by_language[language]) == MIN_GROUP:
            rows[("answered in", language)].update(waiting_by_language.pop(language))
        moments += [frozenset(people) for people in rows.values()]
    for kind, waiting in (("group", waiting_by_cell), ("answered in", waiting_by_language)):
        rest = [person for members in waiting.values() for person in members]
        if len(rest) >= MIN_GROUP:
            rows[(kind, "pool")].update(rest)
    moments += [frozenset(people) for people in rows.values()]
    return moments


def test_released_apart_the_language_answered_in_would_give_a_parent_away() -> None:
    """The control: after the first eleven hand-ins of this school and the close, the check finds the parent that two
    separately released partitions expose (groups pool six at the close, the language answered in leaves one out)."""
    hand_ins = [(group, letter, language) for group, letter, language, _value, _text in HAND_INS[:11]]
    everyone = frozenset(str(person) for person in range(len(hand_ins)))
    assert frozenset({"10"}) in exposed_sets(released_apart(hand_ins), everyone)
