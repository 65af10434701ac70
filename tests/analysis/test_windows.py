"""A round's three voices (team, parents, pupils), each with its own period, closed on its own (issue 11, point 1)."""

from datetime import date

import pytest
from django.http import HttpResponse
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django.utils.formats import date_format

from analysis.models import CollectionWindow, ResponseStatus, Round, RoundStatus, TeamResponse, Voice
from analysis.rounds import save_page
from analysis.windows import VoiceClosed, close_voice
from framework.models import Dimension
from respondents.codes import format_code
from surveys.models import CodeBatch, HandedInAtClosing, Release, SurveyResponse
from surveys.respond import Opening, hand_in, open_with_code
from surveys.tallies import POOL
from tests.helpers.hand_ins import group_tallies, respond, start
from tests.helpers.respondent_helpers import answer_page, enter_code, issue, said, text_of
from tests.helpers.respondent_helpers import start as start_on_phone
from tests.helpers.world import World, in_dutch

BATCH = {"audience": "parent", "group_kind": "class", "group_label": "3A", "home_language": "", "size": "2"}


def windows(round_: Round) -> dict[str, CollectionWindow]:
    return {window.voice: window for window in CollectionWindow.objects.filter(round=round_)}


def round_url(world: World) -> str:
    return reverse("analysis:round", args=[world.school.id, world.round.id])


def close_url(world: World, voice: str) -> str:
    return reverse("analysis:voice_close", args=[world.school.id, world.round.id, voice])


def start_in_march(client: Client, world: World, title: str, **voice_dates: str) -> HttpResponse:
    """The coordinator starts a round for the first half of March 2027, with `voice_dates` for parents or pupils."""
    fields = {"title": title, "scope": "whole_school", "starts_on": "2027-03-01", "ends_on": "2027-03-15"}
    return client.post(reverse("analysis:round_create", args=[world.school.id]), fields | voice_dates)


def test_a_new_round_has_three_open_voices_with_their_own_periods(world: World, alice_client: Client) -> None:
    response = start_in_march(alice_client, world, "Voorjaar", parents_closes_on="2027-04-30")
    assert response.status_code == 302
    created = windows(Round.objects.get(title="Voorjaar"))
    periods = {voice: (w.opens_on, w.closes_on, w.closed_at) for voice, w in created.items()}
    assert periods == {
        Voice.TEAM: (date(2027, 3, 1), date(2027, 3, 15), None),
        Voice.PARENTS: (date(2027, 3, 1), date(2027, 4, 30), None),  # its own end, the round's start
        Voice.PUPILS: (date(2027, 3, 1), date(2027, 3, 15), None),  # nothing given: the round's dates
    }


def test_a_voice_period_that_ends_before_it_starts_is_refused(world: World, alice_client: Client) -> None:
    response = start_in_march(
        alice_client, world, "Verkeerd", pupils_opens_on="2027-05-01", pupils_closes_on="2027-04-01"
    )
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"pupils_closes_on"}
    assert not Round.objects.filter(title="Verkeerd").exists()


def test_closing_the_team_reflection_never_stops_parents_or_pupils(world: World) -> None:
    parent_code = issue(world).codes[0]
    pupil = start(world, audience="pupil_10_12", group="5A")
    close_voice(world.round, Voice.TEAM)

    response = TeamResponse.objects.get(round=world.round, user=world.bob)
    with pytest.raises(VoiceClosed):
        save_page(response, Dimension.objects.first(), 1, {}, "")  # type: ignore[arg-type]
    assert open_with_code(parent_code).outcome == Opening.OPENED
    pupil.refresh_from_db()
    assert pupil.status == ResponseStatus.IN_PROGRESS
    world.round.refresh_from_db()
    assert world.round.status == RoundStatus.OPEN


def test_codes_are_made_while_the_parents_voice_is_open_and_refused_after(world: World, alice_client: Client) -> None:
    url = reverse("surveys:invitations", args=[world.school.id, world.round.id])
    close_voice(world.round, Voice.TEAM)
    assert alice_client.post(url, BATCH).status_code == 302
    assert CodeBatch.objects.filter(round=world.round, audience="parent").count() == 1

    close_voice(world.round, Voice.PARENTS)
    refused = alice_client.post(url, BATCH)
    assert refused.status_code == 400 and "audience" in refused.context["form"].errors
    assert alice_client.post(url, {**BATCH, "audience": "pupil_12_18"}).status_code == 302
    assert list(
        CodeBatch.objects.filter(round=world.round).values_list("audience", flat=True).order_by("audience")
    ) == [
        "parent",
        "pupil_12_18",
    ]


def test_closing_the_parents_voice_hands_in_what_was_saved_removes_empty_ones_and_releases(world: World) -> None:
    for group in ("3A", "3A", "3B", "3B", "3C"):
        respond(world, [4], group=group, handed_in=False)  # busy, one answer saved
    empty = start(world, group="3D")
    waiting = respond(world, [2], group="3E")  # handed in, alone in its cell: waits
    pupil = respond(world, [5], audience="pupil_12_18", group="5A", handed_in=False)
    assert group_tallies(world.round) == []

    close_voice(world.round, Voice.PARENTS)

    parents = SurveyResponse.objects.filter(round=world.round, audience="parent")
    assert parents.count() == 6 and not parents.filter(pk=empty.pk).exists()
    assert set(parents.values_list("status", "release")) == {(ResponseStatus.SUBMITTED, Release.POOL)}
    assert set(parents.values_list("resume_digest", "device_digest")) == {(None, None)}
    assert [row[1:] for row in group_tallies(world.round)] == [("parent", POOL, POOL, 6)]
    waiting.refresh_from_db()
    assert waiting.release == Release.POOL
    pupil.refresh_from_db()
    assert (pupil.status, pupil.release) == (ResponseStatus.IN_PROGRESS, Release.WAITING)  # the pupils still answer
    world.round.refresh_from_db()
    assert world.round.status == RoundStatus.OPEN


def test_a_typed_open_answer_alone_is_kept_at_closing(world: World) -> None:
    draft = start(world)
    SurveyResponse.objects.filter(pk=draft.pk).update(open_answer="Meer uitleg over het rapport")
    close_voice(world.round, Voice.PARENTS)
    draft.refresh_from_db()
    assert (draft.status, draft.open_answer) == (ResponseStatus.SUBMITTED, "Meer uitleg over het rapport")


def test_the_phone_that_was_answering_reads_that_its_answers_were_handed_in(world: World) -> None:
    code = issue(world, "fr").codes[0]
    phone = Client()
    response = start_on_phone(phone, code, "fr")
    answer_page(phone, response, 1)
    close_voice(world.round, Voice.PARENTS)
    handed_in = (
        "The school closed the questionnaire while you were answering. What you had saved was handed in. Thank you!"
    )

    typed_again = text_of(enter_code(phone, format_code(code)))
    assert said("fr", handed_in) in typed_again
    assert HandedInAtClosing.objects.filter(round=world.round).count() == 1
    other_device = text_of(enter_code(Client(), format_code(code), address="10.2.2.2"))
    assert said("fr", "The questionnaire is closed") in other_device
    assert said("fr", handed_in) not in other_device
    assert said("fr", handed_in) != handed_in  # the French catalogue has it


def test_the_round_closes_with_its_last_voice(world: World) -> None:
    close_voice(world.round, Voice.PUPILS)
    close_voice(world.round, Voice.TEAM)
    world.round.refresh_from_db()
    assert world.round.status == RoundStatus.OPEN and world.round.closed_at is None
    assert close_voice(world.round, Voice.PARENTS)
    assert not close_voice(world.round, Voice.PARENTS)  # closing twice changes nothing
    world.round.refresh_from_db()
    assert world.round.status == RoundStatus.CLOSED
    assert world.round.closed_at == windows(world.round)[Voice.PARENTS].closed_at


def test_the_round_page_shows_each_voice_its_end_and_its_counts_under_the_rule_of_five(
    world: World, alice_client: Client
) -> None:
    CollectionWindow.objects.filter(round=world.round, voice=Voice.PARENTS).update(closes_on=date(2027, 6, 30))
    for _n in range(5):
        respond(world, [3], group="3A")  # one chunk: in the figures
    for _n in range(2):
        respond(world, [3], group="3B", handed_in=False)  # busy
    for _n in range(6):
        respond(world, [3], audience="pupil_10_12", group="5A", handed_in=False)
    close_voice(world.round, Voice.TEAM)

    page = alice_client.get(round_url(world))
    rows = {state.window.voice: state for state in page.context["voices"]}
    assert (rows[Voice.PARENTS].progress.handed_in, rows[Voice.PARENTS].progress.busy) == (5, 2)
    assert (rows[Voice.PUPILS].progress.handed_in, rows[Voice.PUPILS].progress.busy) == (0, 6)
    html = page.content.decode()
    parents_row = html.split('id="voice-parents"')[1].split("</tr>")[0]
    with translation.override("nl"):
        assert date_format(date(2027, 6, 30), "SHORT_DATE_FORMAT") in parents_row
    assert in_dutch("fewer than 5") in parents_row and ">2<" not in parents_row
    team_row = html.split('id="voice-team"')[1].split("</tr>")[0]
    assert in_dutch("Closed on %(closed)s").split("%")[0] in team_row
    assert close_url(world, "parents") in parents_row and close_url(world, "team") not in team_row


def test_one_hand_in_does_not_move_the_counts_on_the_round_page(world: World, alice_client: Client) -> None:
    busy = respond(world, [3], group="3A", handed_in=False)
    before = [state.progress for state in alice_client.get(round_url(world)).context["voices"]]
    assert hand_in(busy, "")
    after = [state.progress for state in alice_client.get(round_url(world)).context["voices"]]
    assert after == before


def test_the_close_confirmation_says_what_happens_and_only_the_coordinator_closes(
    world: World, alice_client: Client, bob_client: Client
) -> None:
    for _n in range(3):
        respond(world, [3], handed_in=False)
    page = alice_client.get(close_url(world, "parents"))
    text = page.content.decode()
    assert in_dutch("fewer than 5") in text
    assert in_dutch("Closing is final: a closed voice cannot be opened again.") in text
    assert "wordt ingediend zoals ze is" in text  # what happens to questionnaires in progress
    assert bob_client.post(close_url(world, "parents")).status_code == 403
    assert windows(world.round)[Voice.PARENTS].is_open
    assert alice_client.post(close_url(world, "parents")).status_code == 302
    assert not windows(world.round)[Voice.PARENTS].is_open
    assert alice_client.get(close_url(world, "nobody")).status_code == 404
