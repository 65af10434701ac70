"""Issue 10, point 3: typing a code at /q/ does not tell whether its family handed in.

The attack: a coordinator sees a new open answer on the profile, types a family's code (from a letter
left behind, or remembered) on a fresh device, and reads from the answer whether that family has
handed in. A handed-in code and a code started on another device now get the very same page (status,
Content-Language, no cookie, body apart from a CSRF token should the page ever carry a form), so the
answer says only "this code is in use", which is true of every family that opened its letter.
Figures are also released in batches (point 2, results/), so even "in use" cannot be tied to one
new answer.
"""

import re

import pytest
from django.http import HttpResponse
from django.test import Client
from django.urls import reverse

from surveys.devices import COOKIE_NAME
from tests.helpers.respondent_helpers import (
    answer_everything,
    answer_page,
    enter_code,
    hand_in,
    issue,
    said,
    start,
    text_of,
)
from tests.helpers.world import World

pytestmark = pytest.mark.usefixtures("compiled_messages", "fast_password_hashing")

CSRF_TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')


def without_csrf_token(page: HttpResponse) -> str:
    return CSRF_TOKEN.sub('name="csrfmiddlewaretoken" value=""', page.content.decode())


def test_a_handed_in_code_and_a_started_code_look_the_same_on_a_fresh_device(world: World) -> None:
    handed_in_code, started_code = issue(world, "ar", size=2).codes
    first = Client()
    handed_in = start(first, handed_in_code, "ar")
    answer_everything(first, handed_in)
    assert hand_in(first, handed_in, "Meer Arabische brieven").status_code == 302
    second = Client()
    started = start(second, started_code, "ar")
    answer_page(second, started, 1)

    pages = {
        name: enter_code(Client(), code, "10.8.8.8")
        for name, code in (("handed in", handed_in_code), ("started", started_code))
    }
    assert {page.status_code for page in pages.values()} == {200}
    assert pages["handed in"].headers["Content-Language"] == pages["started"].headers["Content-Language"] == "ar"
    assert all(COOKIE_NAME not in page.cookies for page in pages.values())
    assert without_csrf_token(pages["handed in"]) == without_csrf_token(pages["started"])
    # Both are the "in use" message in the family's language, not, say, two empty pages.
    in_use = "Did you start on another phone or computer? Go on there. Answers are never shown on another device."
    assert said("ar", in_use) in text_of(pages["started"])
    assert said("ar", in_use) != in_use


def test_the_opened_count_on_the_invitations_page_does_not_move_at_hand_in(world: World, alice_client: Client) -> None:
    """Counting only started codes would drop by one the moment a family hands in: a clock for new answers."""
    code = issue(world, size=6).codes[0]
    phone = Client()
    response = start(phone, code)
    answer_everything(phone, response)

    def opened() -> list[int]:
        page = alice_client.get(reverse("surveys:invitations", args=[world.school.id, world.round.id]))
        return [batch.opened for batch, _kept_until, _name in page.context["batches"]]

    before = opened()
    assert before == [1]
    assert hand_in(phone, response).status_code == 302
    assert opened() == before
