"""Issue 10, point 5: a questionnaire in progress belongs to the device that started it.

Whoever holds a code (a sibling, an ex-partner, a teacher who saw the letter) and types it on another
device must not see the answers stored so far. Decision: the other device does not continue; it gets
the same "in use" page as for a handed-in code (see tests/security/test_no_code_oracle.py), and the
device that started goes on as before.
"""

from django.test import Client, override_settings
from django.urls import reverse

from analysis.models import ResponseStatus
from surveys.devices import COOKIE_NAME, device_digest
from surveys.models import SurveyResponse
from tests.helpers.respondent_helpers import (
    answer_page,
    answers_of,
    checked_values,
    enter_code,
    issue,
    page_url,
    start,
    text_of,
)
from tests.helpers.world import World

OPEN_ANSWER = "Mijn zoon wordt gepest op de speelplaats"


def busy_questionnaire(world: World) -> tuple[str, Client, SurveyResponse]:
    """A parent answered two pages with 1s and typed an open answer, then went back (kept, not handed in)."""
    code = issue(world, "fr").codes[0]
    phone = Client()
    response = start(phone, code, "fr")
    answer_page(phone, response, 1, "1")
    answer_page(phone, response, 2, "1")
    SurveyResponse.objects.filter(pk=response.pk).update(open_answer=OPEN_ANSWER)
    return code, phone, response


def test_a_started_code_on_another_device_shows_nothing_of_the_answers(world: World) -> None:
    code, phone, response = busy_questionnaire(world)
    stored = answers_of(response)
    other = Client()
    typed = enter_code(other, code, "10.7.7.7")
    assert typed.status_code == 200 and typed.context["reason"] == "in_use"
    assert COOKIE_NAME not in typed.cookies  # the other device gets no hold on the questionnaire
    for url in (reverse("surveys:language"), page_url(response, 1), page_url(response, 2), reverse("surveys:end")):
        shown = other.get(url, {"lang": "fr"})
        assert shown.status_code == 302 and shown["Location"].startswith(reverse("surveys:code")), url
    for item_id in stored:  # read-aloud is no way in either
        assert other.get(reverse("surveys:audio", args=[item_id]), {"lang": "nl"}).status_code == 404
    posted = other.post(reverse("surveys:end"), {"open_answer": "overschreven", "action": "hand_in"})
    assert posted["Location"].startswith(reverse("surveys:code"))
    response.refresh_from_db()
    assert response.status == ResponseStatus.IN_PROGRESS and response.open_answer == OPEN_ANSWER
    assert answers_of(response) == stored

    # The device that started goes on and sees its own answers.
    own = phone.get(reverse("surveys:end"), {"lang": "fr"})
    assert own.status_code == 200 and OPEN_ANSWER in text_of(own)
    again = enter_code(phone, code)
    assert again.status_code == 302 and again["Location"] == page_url(response, 3) + "?lang=fr"


def test_a_guessed_or_copied_cookie_value_opens_nothing(world: World) -> None:
    _code, phone, response = busy_questionnaire(world)
    token = phone.cookies[COOKIE_NAME].value
    assert SurveyResponse.objects.get(pk=response.pk).device_digest == device_digest(token)  # only the hash
    assert not SurveyResponse.objects.filter(device_digest=token).exists()
    forged = Client()
    forged.cookies[COOKIE_NAME] = device_digest(token)  # what a database reader knows is not the key
    shown = forged.get(page_url(response, 1))
    assert shown.status_code == 302 and shown["Location"].startswith(reverse("surveys:code"))


def test_the_device_cookie_is_http_only_same_site_and_secure_in_production(world: World) -> None:
    with override_settings(SESSION_COOKIE_SECURE=True):
        opened = enter_code(Client(), issue(world).codes[0])
    cookie = opened.cookies[COOKIE_NAME]
    assert cookie["httponly"] is True and cookie["samesite"] == "Lax" and cookie["secure"] is True
    assert cookie["path"] == "/q/"


def test_handing_in_forgets_the_device_and_a_new_code_on_it_starts_afresh(world: World) -> None:
    code, phone, response = busy_questionnaire(world)
    for page in range(3, 100):
        if phone.get(page_url(response, page)).status_code != 200:
            break
        answer_page(phone, response, page, "1")
    thanked = phone.post(reverse("surveys:end"), {"open_answer": OPEN_ANSWER, "action": "hand_in"})
    assert thanked["Location"] == reverse("surveys:thanks") + "?lang=fr"
    response.refresh_from_db()
    assert response.status == ResponseStatus.SUBMITTED and response.device_digest is None
    assert phone.get(page_url(response, 1))["Location"] == reverse("surveys:thanks") + "?lang=fr"
    assert enter_code(phone, code).context["reason"] == "in_use"  # the same device: spent is spent

    second = start(phone, issue(world).codes[0])  # a brother's letter, on the same phone
    page = phone.get(page_url(second, 1))
    assert page.status_code == 200 and checked_values(page) == {}


def test_a_questionnaire_started_before_devices_existed_is_taken_over_once(world: World) -> None:
    """A draft stored before the device rule has no device: the first device that types its code continues
    it (what the parent saved is not lost), and from then on it is that device's alone."""
    code, _phone, response = busy_questionnaire(world)
    stored = answers_of(response)
    SurveyResponse.objects.filter(pk=response.pk).update(device_digest=None)  # as migration 0005 left it
    first = Client()
    typed = enter_code(first, code, "10.7.7.8")
    assert typed.status_code == 302 and COOKIE_NAME in typed.cookies
    response.refresh_from_db()
    assert response.device_digest == device_digest(typed.cookies[COOKIE_NAME].value)
    shown = checked_values(first.get(page_url(response, 1), {"lang": "fr"}))
    assert shown and set(shown.values()) == {"1"}  # its own saved answers, on the device that took it over
    assert answers_of(response) == stored
    later = Client()
    again = enter_code(later, code, "10.7.7.9")
    assert again.status_code == 200 and again.context["reason"] == "in_use"
