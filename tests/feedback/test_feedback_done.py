"""Issue 14, point 5: “wij deden”. When plan actions are done or stopped with their evaluation, the coordinator adds
what happened (a new version, consulted and published again); the page shows it; the next round's invitation
letter carries one sentence of it and the address, in the letter's language beside the Dutch."""

import io
import subprocess
import tempfile
from datetime import date

import pytest
from django.test import Client
from django.urls import reverse
from pypdf import PdfReader

from actions.models import Action, ActionStatus
from analysis.models import Round
from feedback.models import FeedbackPage, FeedbackState, FeedbackTranslation
from feedback.public import public_path
from feedback.reach import short_address
from feedback.texts import DoneAction
from feedback.versions import latest_version, take_step, version_text
from framework.models import TranslationStatus
from surveys.batches import issue_codes
from surveys.letters import letters_pdf
from tests.feedback.test_feedback_consultation import compose_data
from tests.helpers.feedback_rounds import OPEN_ANSWER
from tests.helpers.feedback_rounds import published_page as published
from tests.helpers.world import World

pytestmark = pytest.mark.django_db

WHAT_HAPPENED = "Elke vrijdag stond er koffie klaar aan de poort. Veel ouders kwamen een praatje maken."
TURKISH_SAID = "Birçok veli sınıfta ne olduğunu tam bilmiyor."
TURKISH_DID = "Her cuma kapıda kahve hazırdı. Birçok veli sohbete geldi."


def done_url(page: FeedbackPage) -> str:
    return reverse("feedback:done", args=[page.school_id, page.round_id])


def finish_the_action(world: World) -> Action:
    action = Action.objects.get(round=world.round, title="Koffiemoment aan de schoolpoort")
    action.status = ActionStatus.DONE
    action.evaluation = "Goed opgevolgd; 12 ouders per week."
    action.save()
    return action


def tell(client: Client, page: FeedbackPage, action: Action, text: str = WHAT_HAPPENED) -> None:
    response = client.post(done_url(page), {f"done_{action.id}_include": "on", f"done_{action.id}_text": text})
    assert response.status_code == 302, response.content.decode()[:2000]


def told(world: World, client: Client) -> tuple[FeedbackPage, Action]:
    """A published page whose action is done, and the coordinator has said what happened (a draft, not published)."""
    page = published(world)
    action = finish_the_action(world)
    tell(client, page, action)
    return page, action


def republish(page: FeedbackPage) -> None:
    page.refresh_from_db()
    take_step(page, "consult")
    take_step(page, "publish")
    page.refresh_from_db()


def test_the_form_lists_finished_actions_prefilled_with_their_evaluation(world: World, alice_client: Client) -> None:
    page = published(world)
    empty = alice_client.get(done_url(page)).content.decode()
    assert "Nog geen actie van het plan van deze ronde is klaar of gestopt." in empty
    finish_the_action(world)
    shown = alice_client.get(done_url(page)).content.decode()
    assert "Koffiemoment aan de schoolpoort" in shown and "Goed opgevolgd; 12 ouders per week." in shown


def test_what_happened_is_a_new_version_that_families_read_once_it_is_published_again(
    world: World, alice_client: Client
) -> None:
    page, action = told(world, alice_client)
    page.refresh_from_db()
    assert page.state == FeedbackState.DRAFT and latest_version(page).number == 3
    assert page.published_version is not None and page.published_version.number == 2  # frozen, still online
    assert WHAT_HAPPENED not in Client().get(public_path(page)).content.decode()
    republish(page)
    html = Client().get(public_path(page)).content.decode()
    assert "Wat de school deed" in html and WHAT_HAPPENED in html and 'data-outcome="done"' in html
    assert version_text(latest_version(page)).done == (
        DoneAction(str(action.id), action.title, ActionStatus.DONE, WHAT_HAPPENED),
    )


def test_composing_again_keeps_what_the_school_did(world: World, alice_client: Client) -> None:
    page, _action = told(world, alice_client)
    compose = reverse("feedback:compose", args=[world.school.id, world.round.id])
    assert alice_client.post(compose, compose_data(world, team="Een andere conclusie.")).status_code == 302
    assert version_text(latest_version(page)).done[0].what_happened == WHAT_HAPPENED


def test_ticked_without_words_and_a_quoted_open_answer_are_refused(world: World, alice_client: Client) -> None:
    page = published(world)
    action = finish_the_action(world)
    empty = alice_client.post(done_url(page), {f"done_{action.id}_include": "on", f"done_{action.id}_text": " "})
    assert empty.status_code == 400 and "Schrijf wat er gebeurde" in empty.content.decode()
    quoted = alice_client.post(
        done_url(page), {f"done_{action.id}_include": "on", f"done_{action.id}_text": f"U schreef: {OPEN_ANSWER}"}
    )
    assert quoted.status_code == 400 and "Open antwoorden worden nooit geciteerd" in quoted.content.decode()
    assert latest_version(page).number == 2


def test_a_team_member_cannot_write_it(world: World, bob_client: Client) -> None:
    page = published(world)
    assert bob_client.get(done_url(page)).status_code == 403


# --- the next round's invitation letter -----------------------------------------------------------------------------


def next_round(world: World) -> Round:
    return Round.objects.create(
        school=world.school,
        title="Oudercontact 2027",
        starts_on=date(2027, 10, 1),
        ends_on=date(2027, 11, 1),
        previous=world.round,
        created_by=world.alice,
    )


def letter_text(round_: Round, world: World, language: str) -> str:
    issued = issue_codes(round_, "parent", "class", "3A", language, 1, world.alice)
    pdf = letters_pdf(issued.batch, issued.codes)
    assert len(PdfReader(io.BytesIO(pdf)).pages) == 1
    with tempfile.NamedTemporaryFile(suffix=".pdf") as file:
        file.write(pdf)
        file.flush()
        text = subprocess.run(["pdftotext", file.name, "-"], capture_output=True, check=True).stdout.decode()
    return " ".join(text.split())


def test_the_next_rounds_letter_says_what_parents_said_and_what_the_school_did(
    world: World, alice_client: Client
) -> None:
    page, _action = told(world, alice_client)
    republish(page)
    FeedbackTranslation.objects.create(
        version=page.published_version,
        school=world.school,
        language="tr",
        status=TranslationStatus.REVIEWED,
        fields={"parents.0": TURKISH_SAID, "done.0.what_happened": TURKISH_DID},
    )
    text = letter_text(next_round(world), world, "tr")
    said = version_text(latest_version(page)).parents[0].text
    # Without the texts' own full stops: the sentence goes on after them.
    assert f"Vorig jaar zei u: “{said[:-1]}”; de school deed: “{WHAT_HAPPENED[:-1]}”." in text
    assert f"Geçen yıl şunu söylediniz: “{TURKISH_SAID[:-1]}”; okul şunu yaptı: “{TURKISH_DID[:-1]}”." in text
    assert "".join(text.split()).count(short_address(page)) == 2  # in both columns (wrapped where it is long)


@pytest.mark.parametrize("case", ["no wij deden", "not republished", "no previous round"])
def test_no_sentence_without_a_published_wij_deden_of_the_previous_round(
    world: World, alice_client: Client, case: str
) -> None:
    page = published(world)
    if case != "no wij deden":
        tell(alice_client, page, finish_the_action(world))  # a draft: families have not read it
    round_ = next_round(world)
    if case == "no previous round":
        republish(page)
        round_.previous = None
        round_.save()
    text = letter_text(round_, world, "nl")
    assert "Vorig jaar zei u" not in text and "/terug/" not in text


def test_a_translation_without_both_parts_leaves_the_sentence_to_the_dutch_column(
    world: World, alice_client: Client
) -> None:
    page = published(world)
    tell(alice_client, page, finish_the_action(world))
    republish(page)
    FeedbackTranslation.objects.create(
        version=page.published_version, school=world.school, language="tr", fields={"parents.0": TURKISH_SAID}
    )
    text = letter_text(next_round(world), world, "tr")
    assert "Vorig jaar zei u" in text and "Geçen yıl" not in text
