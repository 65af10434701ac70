"""Issue 11, point 3: the Dutch toggle and the language switch submit the page, so what was ticked (or typed in
the open question) is saved and shown again, without JavaScript; the place in the questionnaire does not move."""

import pytest
from django.http import HttpResponse
from django.test import Client
from django.urls import reverse

from surveys.models import SurveyResponse
from tests.helpers.respondent_helpers import (
    answers_of,
    checked_values,
    html_element,
    issue,
    item_names,
    page_total,
    page_url,
    parse,
    start,
    text_of,
)
from tests.helpers.world import World

pytestmark = pytest.mark.usefixtures("compiled_messages")


def page_with_three_questions(client: Client, response: SurveyResponse) -> tuple[int, list[str]]:
    for page in range(1, page_total(response) + 1):
        names = item_names(client.get(page_url(response, page), {"lang": response.language}))
        if len(names) >= 3:
            return page, names
    raise AssertionError("no page with three questions")


def ticked(names: list[str]) -> dict[str, str]:
    return {names[0]: "4", names[1]: "dk", names[2]: "2"}


def post_page(client: Client, page: int, fields: dict[str, str]) -> HttpResponse:
    return client.post(reverse("surveys:page", args=[page]), fields)


def test_showing_the_dutch_text_keeps_three_ticks(world: World) -> None:
    client = Client()
    response = start(client, issue(world, "ar").codes[0], "ar")
    page, names = page_with_three_questions(client, response)
    posted = post_page(client, page, ticked(names) | {"lang": "ar", "action": "show_dutch"})
    assert posted.status_code == 302
    assert posted["Location"] == page_url(response, page) + "?lang=ar&nl=1"  # the same page, now with Dutch
    shown = client.get(posted["Location"])
    assert checked_values(shown) == ticked(names)  # 3 of 3 kept
    assert any(node.attrs.get("lang") == "nl" and "r-nl" in node.classes() for node in parse(shown.content).iter())
    hidden = post_page(client, page, ticked(names) | {"lang": "ar", "nl": "1", "action": "hide_dutch"})
    assert hidden["Location"] == page_url(response, page) + "?lang=ar"
    assert checked_values(client.get(hidden["Location"])) == ticked(names)


def test_switching_language_and_back_keeps_the_ticks_and_the_language(world: World) -> None:
    client = Client()
    response = start(client, issue(world, "ar").codes[0], "ar")
    page, names = page_with_three_questions(client, response)
    to_french = post_page(client, page, ticked(names) | {"lang": "ar", "nl": "1", "switch_to": "fr"})
    assert to_french["Location"] == page_url(response, page) + "?lang=fr&nl=1"  # the Dutch text stays on
    french = client.get(to_french["Location"])
    assert html_element(french).attrs["lang"] == "fr" and checked_values(french) == ticked(names)
    back = post_page(client, page, checked_values(french) | {"lang": "fr", "switch_to": "ar"})
    assert checked_values(client.get(back["Location"])) == ticked(names)
    response.refresh_from_db()
    assert response.language == "ar"  # the next pages and a resume follow the last choice


def test_a_toggle_saves_only_what_was_ticked_and_does_not_move_the_resume_point(world: World) -> None:
    client = Client()
    response = start(client, issue(world, "tr").codes[0], "tr")
    page, names = page_with_three_questions(client, response)
    post_page(client, page, {names[1]: "5", "lang": "tr", "action": "show_dutch"})
    assert answers_of(response) == {names[1].removeprefix("item-"): 5}
    response.refresh_from_db()
    assert response.last_page == 0  # a code typed again opens this page, not the one after it


def test_an_unknown_language_saves_the_ticks_and_stays(world: World) -> None:
    client = Client()
    response = start(client, issue(world, "tr").codes[0], "tr")
    page, names = page_with_three_questions(client, response)
    for unknown in ("xx", "", "../nl"):
        posted = post_page(client, page, ticked(names) | {"lang": "tr", "switch_to": unknown})
        assert posted.status_code == 302 and posted["Location"] == page_url(response, page) + "?lang=tr"
    assert checked_values(client.get(page_url(response, page), {"lang": "tr"})) == ticked(names)


def test_the_page_offers_both_as_buttons_of_its_form(world: World) -> None:
    client = Client()
    response = start(client, issue(world, "fa").codes[0], "fa")
    shown = client.get(page_url(response, 1), {"lang": "fa"})
    root = parse(shown.content)
    buttons = [node for node in root.iter("button") if node.attrs.get("form") == "r-answers"]
    switches = [node.attrs["value"] for node in buttons if node.attrs.get("name") == "switch_to"]
    assert "fr" in switches and "nl" in switches and len(switches) == len(set(switches))
    assert any(node.attrs.get("value") == "show_dutch" for node in buttons)
    assert not [node for node in root.iter("a") if node.attrs.get("hreflang")]  # no link loses a tick
    # Enter in the form presses the first submit button: it must go on, not switch to the first language.
    first = next(node for node in root.iter("button") if node.attrs.get("form") == "r-answers")
    assert "hidden" in first.attrs and "name" not in first.attrs  # no action: the page goes on
    assert any(node.attrs.get("id") == "r-answers" and node.tag == "form" for node in root.iter("form"))


def test_the_end_page_keeps_the_open_answer_on_toggle_and_switch(world: World) -> None:
    client = Client()
    response = start(client, issue(world, "ar").codes[0], "ar")
    end = reverse("surveys:end")
    note = "نريد لقاءات أكثر في المساء"
    toggled = client.post(end, {"open_answer": note, "lang": "ar", "action": "show_dutch"})
    assert toggled["Location"] == end + "?lang=ar&nl=1"
    shown = client.get(toggled["Location"])
    assert note in text_of(shown)
    assert "Wilt u de school nog iets vertellen?" in text_of(shown)  # the question in Dutch beside it
    switched = client.post(end, {"open_answer": note + " !", "lang": "ar", "nl": "1", "switch_to": "fr"})
    assert switched["Location"] == end + "?lang=fr&nl=1"
    french = client.get(switched["Location"])
    assert html_element(french).attrs["lang"] == "fr" and note + " !" in text_of(french)
    response.refresh_from_db()
    assert response.open_answer == note + " !" and response.language == "fr"
    assert response.status == "in_progress"  # nothing was handed in
