"""Issue 12, point 2: parents broken down by the language they answered in, beside the language of their letter
(the batch's tag), under the rules of issue 7; and how many open answers are held back, and why.

Chunks are cut per group, letter language AND language answered in (surveys.tallies), so every breakdown is a sum
over the same chunks of at least five (docs/privacy.md, "The language a parent answered in").
"""

from uuid import uuid4

import pytest
from django.test import Client
from django.utils import translation

from analysis.rounds import close_round
from reports.round_report import export_rows
from respondents.languages import staff_label
from results.perspectives import GroupRow, open_answers_held_back
from results.round_results import round_results
from results.voices import Voices
from surveys.models import AnswerTally, GroupTally, Release, SurveyResponse
from surveys.tallies import POOL, rebuild_tallies
from tests.helpers.hand_ins import parent_answers_in, tallies_of
from tests.helpers.migrations import migrate_to, migrate_to_latest
from tests.helpers.survey_data import in_english, profile_url
from tests.helpers.world import World


def voices_of(client: Client, world: World) -> Voices:
    voices: Voices = client.get(profile_url(world)).context["voices"]
    return voices


def people(rows: list[GroupRow]) -> dict[str, int]:
    return {row.group: row.respondents for row in rows}


def means(rows: list[GroupRow]) -> dict[str, set[float | None]]:
    """Per row, the set of its dimensions' means (every parent here gives one value to every item)."""
    return {row.group: {figure.mean for figure in row.figures} for row in rows}


@pytest.mark.django_db
def test_parents_of_an_untagged_letter_are_shown_by_the_language_they_answered_in(
    world: World, alice_client: Client
) -> None:
    for _n in range(5):
        parent_answers_in(world, "fr", 2)
        parent_answers_in(world, "nl", 4)
    voices = voices_of(alice_client, world)
    french, dutch = staff_label("fr"), staff_label("nl")
    assert people(voices.parents_by_answered_language) == {french: 5, dutch: 5}
    assert means(voices.parents_by_answered_language) == {french: {2.0}, dutch: {4.0}}
    assert people(voices.parents_by_language) == {"geen taal gekozen": 10}  # the letter had no language: said so
    page = in_english(alice_client).get(profile_url(world)).content.decode()
    assert page.index("Parents by the language they answered in") < page.index(
        "Parents by the language of their letter (batch)"
    )
    assert f'<th scope="row">{french}</th>' in page


@pytest.mark.django_db
def test_a_chunk_waits_for_five_answered_in_the_same_language(world: World, alice_client: Client) -> None:
    for _n in range(4):
        parent_answers_in(world, "nl", 4, group="2A")
    parent_answers_in(world, "so", 1, group="2A")  # five of 2A, but one answered in Somali
    voices = voices_of(alice_client, world)
    assert (voices.parents, voices.waiting) == (0, 5)
    assert not GroupTally.objects.exists()
    parent_answers_in(world, "nl", 4, group="2A")
    voices = voices_of(alice_client, world)
    assert (voices.parents, voices.waiting) == (5, 1)
    assert people(voices.parents_by_answered_language) == {staff_label("nl"): 5}
    assert people(voices.parents_by_group) == {"2A": 5}
    assert SurveyResponse.objects.get(language="so").release == Release.WAITING


@pytest.mark.django_db
def test_the_rest_is_pooled_as_other_languages_when_the_voice_closes(world: World, alice_client: Client) -> None:
    for _n in range(5):
        parent_answers_in(world, "nl", 4, group="2A")
    for language in ("fr", "so", "uk", "tr", "pl", "nl"):
        parent_answers_in(world, language, 3, group="2A")
    close_round(world.round)
    voices = voices_of(alice_client, world)
    assert people(voices.parents_by_answered_language) == {staff_label("nl"): 5, "andere talen": 6}
    assert people(voices.parents_by_language) == {"geen taal gekozen": 5, "andere talen": 6}
    assert people(voices.parents_by_group) == {"2A": 5, "andere groepen": 6}
    assert [row.group for row in voices.parents_by_answered_language][-1] == "andere talen"  # the pool comes last
    assert means(voices.parents_by_answered_language)["andere talen"] == {3.0}


@pytest.mark.django_db
def test_every_breakdown_adds_up_to_the_same_parents_at_every_moment(world: World, alice_client: Client) -> None:
    layout = [("1A", "", "nl"), ("1A", "", "fr"), ("1A", "ar", "ar"), ("2B", "ar", "nl"), ("2B", "", "nl")]
    for index in range(23):
        group, tag, language = layout[(index * 3) % len(layout)] if index % 4 else layout[0]
        parent_answers_in(world, language, 1 + index % 5, group=group, home_language=tag)
        voices = voices_of(alice_client, world)
        totals = {
            sum(people(rows).values())
            for rows in (voices.parents_by_group, voices.parents_by_language, voices.parents_by_answered_language)
        }
        assert totals == {voices.parents}, index
    close_round(world.round)
    voices = voices_of(alice_client, world)
    assert sum(people(voices.parents_by_answered_language).values()) == voices.parents == 23


@pytest.mark.django_db
def test_the_export_carries_the_breakdown_by_the_language_answered_in(world: World) -> None:
    for _n in range(5):
        parent_answers_in(world, "fr", 2, group="3B", home_language="ar")
    with translation.override("en"):
        rows = export_rows(round_results(world.round, "en"))
    answered_in = {(row[3], row[5], row[6]) for row in rows if row[2] == "Language answered in"}
    letter = {(row[3], row[5], row[6]) for row in rows if row[2] == "Language of the letter (batch)"}
    assert answered_in == {(staff_label("fr"), 2.0, 5)}
    assert letter == {(staff_label("ar"), 2.0, 5)}


@pytest.mark.django_db
def test_a_rebuild_keeps_each_chunk_under_its_language(world: World) -> None:
    for _n in range(5):
        parent_answers_in(world, "uk", 2)
        parent_answers_in(world, "nl", 5)
    parent_answers_in(world, "uk", 1)
    before = tallies_of(world.round)
    assert {row[-1] for row in before[1]} == {5}
    rebuild_tallies(world.round)
    assert tallies_of(world.round) == before
    assert set(GroupTally.objects.values_list("language", "responses")) == {("uk", 5), ("nl", 5)}


# Open answers held back --------------------------------------------------------------------------


def test_held_back_open_answers_are_those_of_audiences_under_ten_people() -> None:
    answers = [("parent", "a"), ("parent", "b"), ("parent", "  "), ("pupil_10_12", "c"), ("pupil_12_18", "d")]
    assert open_answers_held_back(answers, {"parent": 9, "pupil_10_12": 10, "pupil_12_18": 5}) == 3
    assert open_answers_held_back(answers, {"parent": 10, "pupil_10_12": 10, "pupil_12_18": 10}) == 0


@pytest.mark.django_db
def test_the_page_says_how_many_open_answers_are_held_back_and_why(world: World, alice_client: Client) -> None:
    for index in range(5):
        parent_answers_in(world, "nl", 3, text=f"Opmerking {index}" if index < 3 else "")
    client = in_english(alice_client)
    page = client.get(profile_url(world)).content.decode()
    assert "3 open answers are held back: open answers appear once at least 10 people" in page
    assert "Opmerking" not in page
    assert 'id="open-answers-waiting"' not in page  # nothing waits
    # A hand-in with an open answer waits: the count does not move, so it does not tell that this parent wrote.
    parent_answers_in(world, "nl", 3, text="Mijn kind voelt zich niet welkom")
    page = client.get(profile_url(world)).content.decode()
    assert "3 open answers are held back" in page
    assert "Open answers of questionnaires not yet in the figures are not counted" in page
    for _n in range(4):
        parent_answers_in(world, "nl", 3)
    voices = voices_of(client, world)
    assert (voices.parents, voices.open_answers_held, len(voices.open_answers)) == (10, 0, 4)
    assert 'id="open-answers-held"' not in client.get(profile_url(world)).content.decode()


@pytest.mark.django_db
def test_one_held_back_open_answer_reads_in_the_singular_in_dutch(world: World, alice_client: Client) -> None:
    for index in range(5):
        parent_answers_in(world, "nl", 3, text="Graag meer info" if index == 0 else "")
    page = alice_client.get(profile_url(world)).content.decode()
    assert "1 open antwoord wacht: open antwoorden verschijnen zodra minstens 10 mensen" in page
    assert "Ouders per taal waarin ze antwoordden" in page
    assert "Ouders per taal van de brief (batch)" in page


# The migration -----------------------------------------------------------------------------------

BEFORE = [("surveys", "0009_handed_in_at_closing")]
AFTER = [("surveys", "0010_tallies_by_language_answered_in")]


@pytest.mark.django_db(transaction=True)
def test_the_migration_tallies_old_chunks_under_their_language_or_as_mixed(world: World) -> None:
    """Chunks released before were cut per group and letter language only: one answered in a single language gets
    it, a mixed one is never split (a part could be fewer than five) and shows as "other languages"."""
    for _n in range(5):
        parent_answers_in(world, "fr", 2, group="1A")
    for language in ("nl", "nl", "so", "nl", "tr"):
        parent_answers_in(world, language, 4, group="2A")
    parent_answers_in(world, "nl", 4, group="3A")
    # 2A waits under the new rule; the old rule released its five as one chunk.
    SurveyResponse.objects.filter(group_label="2A").update(release=Release.CELL, chunk=uuid4())
    chunks_before = set(SurveyResponse.objects.values_list("pk", "release", "chunk"))
    old_apps = migrate_to(BEFORE)
    for name in ("AnswerTally", "GroupTally"):  # the migration recounts from the answers, whatever was kept
        old_apps.get_model("surveys", name).objects.all().delete()
    migrate_to(AFTER)
    migrate_to_latest()
    assert set(GroupTally.objects.values_list("group_label", "language", "responses")) == {
        ("1A", "fr", 5),
        ("2A", POOL, 5),
    }
    assert set(AnswerTally.objects.filter(group_label="2A").values_list("language", "total", "answered")) == {
        (POOL, 20, 5)
    }
    assert set(AnswerTally.objects.filter(group_label="1A").values_list("language", "total", "answered")) == {
        ("fr", 10, 5)
    }
    assert set(SurveyResponse.objects.values_list("pk", "release", "chunk")) == chunks_before  # 3A still waits
