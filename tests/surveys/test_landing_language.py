"""Issue 11, point 2: a code link opens in the batch's (the family's) language, and the first screen says, in
that language with the Dutch beside it, what this is, how long it takes and that it is anonymous."""

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django.utils.translation import npgettext, pgettext

from analysis.models import Voice
from analysis.windows import close_voice
from engagement.families.codes import issue_code
from engagement.models import Declaration
from framework.models import Audience
from respondents.models import ThrottleBucket
from surveys.landing import minutes_to_answer
from surveys.texts import questionnaire_pages
from tests.helpers.engagement_parent_steps import make_family
from tests.helpers.respondent_helpers import enter_code, html_element, issue, parse, said, text_of
from tests.helpers.throttle_clock import pin_throttle_clock
from tests.helpers.world import World

pytestmark = pytest.mark.usefixtures("compiled_messages")

PARENT_WHAT = "The school wants to know how you and the school work together, so that it can do better."
PUPIL_WHAT = "Your school wants to know what you think about how school and home work together."
ANONYMOUS = "Your answers are anonymous: the school cannot see who answered what."


def takes(language: str, minutes: int) -> str:
    with translation.override(language):
        return npgettext(
            "respondent", "It takes about %(minutes)s minute.", "It takes about %(minutes)s minutes.", minutes
        ) % {"minutes": minutes}


def said_to_pupils(language: str, message: str) -> str:
    with translation.override(language):
        return pgettext("respondent-pupil", message)


def link(code: str, **query: str) -> str:
    url = reverse("surveys:code_link", args=[code])
    return url + ("?" + "&".join(f"{key}={value}" for key, value in query.items()) if query else "")


def dutch_beside(page_content: bytes) -> str:
    """The Dutch text beside the translated welcome."""
    nodes = parse(page_content).iter()
    return " ".join(node.text() for node in nodes if node.attrs.get("lang") == "nl" and "r-nl" in node.classes())


def expected_minutes(world: World, audience: str = "parent") -> int:
    return minutes_to_answer(sum(len(page) for page in questionnaire_pages(world.round.id, audience)))


def test_the_estimate_grows_with_the_questions_in_steps_of_five_minutes() -> None:
    assert [minutes_to_answer(count) for count in (0, 9, 10, 24, 25, 60)] == [5, 5, 10, 10, 15, 25]


def test_an_arabic_letters_link_opens_in_arabic_with_what_how_long_and_anonymous(world: World) -> None:
    code = issue(world, "ar").codes[0]
    page = Client().get(link(code), REMOTE_ADDR="10.2.0.1")
    assert page.status_code == 200
    root = html_element(page)
    assert root.attrs["lang"] == "ar" and root.attrs["dir"] == "rtl"
    minutes = expected_minutes(world)
    assert minutes == 10  # the demo round's parent questionnaire: 20 questions
    shown = text_of(page)
    for arabic in (said("ar", PARENT_WHAT), takes("ar", minutes), said("ar", ANONYMOUS)):
        assert arabic in shown
    assert said("ar", PARENT_WHAT) != PARENT_WHAT  # really Arabic
    beside = dutch_beside(page.content)
    assert said("nl", PARENT_WHAT) in beside and takes("nl", minutes) in beside
    assert "Het duurt ongeveer 10 minuten." in beside
    # The language switch is still one tap away, and the code waits in its field.
    switch = {node.attrs["hreflang"] for node in parse(page.content).iter("a") if node.attrs.get("hreflang")}
    assert switch == {code for code, _name in settings.RESPONDENT_LANGUAGES}
    field = next(node for node in parse(page.content).iter("input") if node.attrs.get("name") == "code")
    assert field.attrs["value"].replace("-", "") == code


def test_a_language_the_respondent_chose_wins_over_the_batch(world: World) -> None:
    code = issue(world, "ar").codes[0]
    page = Client().get(link(code, lang="fr"), REMOTE_ADDR="10.2.0.2")
    assert html_element(page).attrs["lang"] == "fr"
    assert said("fr", ANONYMOUS) in text_of(page)


def test_a_batch_without_a_language_keeps_the_dutch_welcome(world: World) -> None:
    code = issue(world, "").codes[0]
    page = Client().get(link(code), REMOTE_ADDR="10.2.0.3")
    assert html_element(page).attrs["lang"] == "nl"
    assert "Het duurt ongeveer" in text_of(page)  # the estimate is there too
    assert not dutch_beside(page.content)  # nothing to put beside: the page is Dutch


def test_after_the_code_the_language_choice_greets_in_the_batchs_language(world: World) -> None:
    client = Client()
    code = issue(world, "tr").codes[0]
    opened = enter_code(client, code)
    assert opened["Location"] == reverse("surveys:language") + "?lang=tr"
    page = client.get(opened["Location"])
    assert html_element(page).attrs["lang"] == "tr"
    assert said("tr", ANONYMOUS) in text_of(page) and takes("tr", expected_minutes(world)) in text_of(page)
    assert said("nl", ANONYMOUS) in dutch_beside(page.content)
    choices = [n for n in parse(page.content).iter("button") if n.attrs.get("name") == "lang"]
    assert len(choices) == len(settings.RESPONDENT_LANGUAGES)  # the choice is still on the first screen


def test_pupils_are_greeted_as_pupils(world: World) -> None:
    code = issue(world, "uk", audience=Audience.PUPIL_10_12).codes[0]
    page = Client().get(link(code), REMOTE_ADDR="10.2.0.4")
    beside = dutch_beside(page.content)
    assert "Je school wil weten wat jij vindt" in beside and "Je antwoorden zijn anoniem" in beside
    assert " u " not in f" {beside} " and "Uw " not in beside
    assert said_to_pupils("uk", ANONYMOUS) in text_of(page)
    assert takes("uk", expected_minutes(world, Audience.PUPIL_10_12)) in text_of(page)


def test_an_unknown_code_in_a_link_counts_as_a_wrong_code(world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    pin_throttle_clock(monkeypatch)
    arabic = issue(world, "ar").codes[0]
    client = Client()
    unknown = client.get(link("ABCDE-FGHJK"), REMOTE_ADDR="10.2.0.5")
    assert unknown.status_code == 200 and html_element(unknown).attrs["lang"] == "nl"
    assert ThrottleBucket.objects.get(scope="address").count == 1
    for _ in range(settings.CODE_FAILURES_PER_ADDRESS - 1):
        client.get(link("ABCDE-FGHJK"), REMOTE_ADDR="10.2.0.5")
    # A client that has to wait is not looked up: a link tells no more than the code form does.
    waiting = client.get(link(arabic), REMOTE_ADDR="10.2.0.5")
    assert html_element(waiting).attrs["lang"] == "nl"
    assert html_element(client.get(link(arabic), REMOTE_ADDR="10.2.0.6")).attrs["lang"] == "ar"


def test_a_family_letters_link_opens_in_the_familys_language(world: World, published_declaration: Declaration) -> None:
    code = issue_code(make_family(world, language="ar"))
    page = Client().get(reverse("engagement:parent_code_link", args=[code]), REMOTE_ADDR="10.2.0.7")
    assert html_element(page).attrs["lang"] == "ar"
    # The switch offers the family's own languages only: the Dutch, and the translation the school offers it.
    dutch = Client().get(reverse("engagement:parent_code_link", args=[code]) + "?lang=nl", REMOTE_ADDR="10.2.0.7")
    assert html_element(dutch).attrs["lang"] == "nl"
    other = Client().get(reverse("engagement:parent_code_link", args=[code]) + "?lang=fr", REMOTE_ADDR="10.2.0.7")
    assert html_element(other).attrs["lang"] == "ar"


def test_the_code_form_of_an_arabic_link_carries_arabic_even_into_a_failed_csrf_check(world: World) -> None:
    """A phone that lost its cookie between the link and the button still reads what went wrong in Arabic."""
    code = issue(world, "ar").codes[0]
    phone = Client(enforce_csrf_checks=True)
    landing = phone.get(link(code))
    hidden = [node.attrs for node in parse(landing.content).iter("input") if node.attrs.get("type") == "hidden"]
    assert {"type": "hidden", "name": "lang", "value": "ar"} in hidden
    refused = phone.post(link(code), {"code": code, "lang": "ar", "csrfmiddlewaretoken": "stale"})
    assert refused.status_code == 403
    assert html_element(refused).attrs["lang"] == "ar"


def test_a_link_of_a_closed_voice_says_so_at_once_in_the_batchs_language(world: World) -> None:
    code = issue(world, "ar").codes[0]
    close_voice(world.round, Voice.PARENTS)
    page = Client().get(link(code))
    assert page.status_code == 200 and html_element(page).attrs["lang"] == "ar"
    assert said("ar", "The school no longer collects answers with this code. Thank you for your interest.") in text_of(
        page
    )
    assert not [node for node in parse(page.content).iter("input") if node.attrs.get("name") == "code"]
    pupil_code = issue(world, audience=Audience.PUPIL_10_12).codes[0]  # the pupils' voice is still open
    assert [
        node for node in parse(Client().get(link(pupil_code)).content).iter("input") if node.attrs.get("name") == "code"
    ]
