"""Issue 11, point 9 (parents and pupils): handing in nothing at all asks once; the open answer shows its limit
before it is reached, and a longer text comes back with a clear message, whole."""

import pytest
from django.http import HttpResponse
from django.test import Client
from django.urls import reverse

from analysis.models import ResponseStatus
from framework.models import Audience
from surveys.forms import OPEN_ANSWER_LIMIT
from surveys.models import SurveyResponse
from tests.helpers.respondent_helpers import answer_page, issue, parse, said, start, text_of
from tests.helpers.world import World

pytestmark = pytest.mark.usefixtures("compiled_messages")

END = reverse("surveys:end")
NOTHING_YET = "You have not filled in anything yet. Send anyway?"


def status_of(response: SurveyResponse) -> str:
    response.refresh_from_db()
    return response.status


def hidden_fields(page: HttpResponse) -> dict[str, str]:
    return {
        node.attrs["name"]: node.attrs.get("value", "")
        for node in parse(page.content).iter("input")
        if node.attrs.get("type") == "hidden"
    }


def textarea_of(page: HttpResponse) -> str:
    return next(parse(page.content).iter("textarea")).text()


def test_handing_in_nothing_asks_once_then_sends(world: World) -> None:
    client = Client()
    response = start(client, issue(world).codes[0])
    asked = client.post(END, {"open_answer": "  ", "lang": "nl", "action": "hand_in"})
    assert asked.status_code == 200
    assert "U hebt nog niets ingevuld. Toch versturen?" in text_of(asked)
    assert status_of(response) == ResponseStatus.IN_PROGRESS  # the code is not spent yet
    assert hidden_fields(asked)["confirm_empty"] == "1"
    sent = client.post(END, {**hidden_fields(asked), "open_answer": "", "action": "hand_in"})
    assert sent.status_code == 302 and sent["Location"].startswith(reverse("surveys:thanks"))
    assert status_of(response) == ResponseStatus.SUBMITTED


def test_pupils_are_asked_in_the_je_form(world: World) -> None:
    client = Client()
    start(client, issue(world, audience=Audience.PUPIL_12_18).codes[0])
    asked = client.post(END, {"open_answer": "", "lang": "nl", "action": "hand_in"})
    assert "Je hebt nog niets ingevuld. Toch versturen?" in text_of(asked)
    assert "U hebt" not in text_of(asked)


def test_the_question_comes_in_the_respondents_language(world: World) -> None:
    client = Client()
    start(client, issue(world, "ar").codes[0], "ar")
    asked = client.post(END, {"open_answer": "", "lang": "ar", "action": "hand_in"})
    assert said("ar", NOTHING_YET) != NOTHING_YET and said("ar", NOTHING_YET) in text_of(asked)


@pytest.mark.parametrize("given", ["a tick", "I don't know", "an open answer"])
def test_anything_given_is_sent_without_asking(world: World, given: str) -> None:
    client = Client()
    response = start(client, issue(world).codes[0])
    if given != "an open answer":
        answer_page(client, response, 1, "4" if given == "a tick" else "dk")
    sent = client.post(END, {"open_answer": "Graag" if given == "an open answer" else "", "action": "hand_in"})
    assert sent.status_code == 302
    assert status_of(response) == ResponseStatus.SUBMITTED


def test_the_open_answer_shows_its_limit_before_it_is_reached(world: World) -> None:
    client = Client()
    start(client, issue(world).codes[0])
    page = client.get(END, {"lang": "nl"})
    assert "Maximaal 2.000 tekens." in text_of(page)
    field = next(parse(page.content).iter("textarea"))
    assert "maxlength" not in field.attrs  # a browser would cut a pasted text without a word
    assert "open-limit" in field.attrs["aria-describedby"].split()


def test_a_text_over_the_limit_comes_back_whole_with_a_clear_message(world: World) -> None:
    client = Client()
    response = start(client, issue(world).codes[0])
    too_long = " ".join(["Meer avondmomenten graag."] * 80)  # 2,079 characters
    assert len(too_long) > OPEN_ANSWER_LIMIT
    for action in ({"action": "hand_in"}, {"action": "back"}, {"switch_to": "fr"}):
        refused = client.post(END, {"open_answer": too_long, "lang": "nl", **action})
        assert refused.status_code == 400
        assert "Deze tekst telt 2079 tekens; er passen er maximaal 2000." in text_of(refused)
        assert textarea_of(refused) == too_long  # never cut
        assert status_of(response) == ResponseStatus.IN_PROGRESS
    response.refresh_from_db()
    assert response.open_answer == ""  # nothing half stored
    fits = client.post(END, {"open_answer": too_long[:OPEN_ANSWER_LIMIT], "lang": "nl", "action": "hand_in"})
    assert fits.status_code == 302 and status_of(response) == ResponseStatus.SUBMITTED
