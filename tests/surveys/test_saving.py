"""Double submits and saving the questionnaire page by page."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from analysis.models import ResponseStatus
from surveys.models import (
    SurveyAnswer,
    SurveyResponse,
)
from tests.helpers.respondent_helpers import (
    answer_everything,
    answers_of,
    checked_values,
    enter_code,
    hand_in,
    issue,
    item_names,
    page_total,
    page_url,
    parse,
    said,
    start,
    text_of,
)
from tests.helpers.world import World

pytestmark = pytest.mark.usefixtures("compiled_messages", "fast_password_hashing")


# ---------------------------------------------------------------- double submits and saving page by page


def test_a_page_posted_twice_stores_one_answer_per_item(world: World) -> None:
    client = Client()
    response = start(client, issue(world).codes[0])
    shown = client.get(page_url(response, 1))
    names = item_names(shown)
    for value in ("2", "5"):  # the second post (a double click, a resend) wins, and stores once
        posted = client.post(page_url(response, 1), dict.fromkeys(names, value) | {"action": "next"})
        assert posted.status_code == 302
        assert posted["Location"] == page_url(response, 2) + "?lang=nl"
    answers = SurveyAnswer.objects.filter(response=response)
    assert answers.count() == len(names)
    assert {f"item-{a.item_id}" for a in answers} == set(names)
    assert set(answers.values_list("value", flat=True)) == {5}


def test_handing_in_twice_keeps_one_submitted_response(world: World) -> None:
    client = Client()
    response = start(client, issue(world, "ar").codes[0], "ar")
    answer_everything(client, response)
    first = hand_in(client, response, "Graag meer avondmomenten")
    second = hand_in(client, response, "iets anders")
    for result in (first, second):
        assert result.status_code == 302
        assert result["Location"] == reverse("surveys:thanks") + "?lang=ar"
    stored = SurveyResponse.objects.get()
    assert stored.status == ResponseStatus.SUBMITTED
    assert stored.open_answer == "Graag meer avondmomenten"
    assert stored.submitted_on == timezone.localdate()
    thanks = client.get(second["Location"])
    assert said("ar", "Thank you!") in text_of(thanks)


def test_a_page_posted_after_handing_in_changes_nothing(world: World) -> None:
    client = Client()
    response = start(client, issue(world).codes[0])
    answer_everything(client, response, "2")
    hand_in(client, response)
    before = answers_of(response)
    names = [f"item-{item_id}" for item_id in before]
    for page in (1, page_total(response)):
        late = client.post(page_url(response, page), dict.fromkeys(names, "5") | {"action": "next"})
        assert late.status_code == 302
        assert late["Location"].startswith(reverse("surveys:thanks"))
    late_language = client.post(reverse("surveys:language"), {"lang": "ar"})
    assert late_language["Location"].startswith(reverse("surveys:thanks"))
    response.refresh_from_db()
    assert answers_of(response) == before
    assert response.language == "nl" and response.status == ResponseStatus.SUBMITTED


def test_each_page_is_saved_and_the_same_phone_resumes_with_the_choices_checked(world: World) -> None:
    code = issue(world, "ar").codes[0]
    client = Client()
    response = start(client, code, "ar")
    shown = client.get(page_url(response, 1), {"lang": "ar"})
    names = item_names(shown)
    assert len(names) >= 2
    chosen = dict(zip(names, ["1", "dk", "5", "2", "3"], strict=False))
    posted = client.post(page_url(response, 1), chosen | {"action": "next", "lang": "ar"})
    assert posted["Location"] == page_url(response, 2) + "?lang=ar"
    stored = answers_of(response)  # on the server as soon as the respondent goes on
    assert {f"item-{item}": ("dk" if value is None else str(value)) for item, value in stored.items()} == chosen

    phone = client  # the browser was closed: the device cookie stays (another device: tests/security)
    resumed = enter_code(phone, code)
    assert resumed["Location"] == page_url(response, 2) + "?lang=ar"
    page_two = phone.get(resumed["Location"])
    assert page_two.status_code == 200
    back = phone.post(page_url(response, 2), {"action": "back", "lang": "ar"})
    assert back["Location"] == page_url(response, 1) + "?lang=ar"
    page_one = phone.get(back["Location"])
    assert checked_values(page_one) == chosen


def test_the_end_page_keeps_the_open_answer_and_the_dutch_text_when_going_back(world: World) -> None:
    code = issue(world, "ar").codes[0]
    client = Client()
    response = start(client, code, "ar")
    answer_everything(client, response)
    end = reverse("surveys:end")
    shown = client.get(end, {"lang": "ar", "nl": "1"})
    hidden = {n.attrs["name"]: n.attrs.get("value") for n in parse(shown.content).iter("input")}
    assert hidden.get("nl") == "1" and hidden.get("lang") == "ar"
    back = client.post(end, {"open_answer": "  Meer tolken graag ", "action": "back", "lang": "ar", "nl": "1"})
    assert back["Location"] == page_url(response, page_total(response)) + "?lang=ar&nl=1"
    response.refresh_from_db()
    assert response.status == ResponseStatus.IN_PROGRESS and response.open_answer == "Meer tolken graag"

    phone = client  # the same device resumes on the last step, with the text typed before
    resumed = enter_code(phone, code)
    assert resumed["Location"] == end + "?lang=ar"
    textarea = next(parse(phone.get(resumed["Location"]).content).iter("textarea"))
    assert textarea.text() == "Meer tolken graag"
    refused = phone.post(end, {"open_answer": "x" * 2001, "action": "hand_in", "lang": "ar"})
    assert refused.status_code == 400
    assert hand_in(phone, response, "Meer tolken graag, ook 's avonds")["Location"].startswith(
        reverse("surveys:thanks")
    )
    response.refresh_from_db()
    assert response.open_answer == "Meer tolken graag, ook 's avonds"
    assert response.status == ResponseStatus.SUBMITTED
