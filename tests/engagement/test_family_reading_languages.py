"""The reading page offers a family only what the school decided for it: the Dutch, and the translation
the school offers this family (the Flemish language rule). Another ?lang= falls back to that, a Dutch-only
family gets no language menu, and read-aloud of a language not offered is not there. The questionnaire is
another case and keeps every language."""

from pathlib import Path

import pytest
from django.http import HttpResponse
from django.test import Client, override_settings
from django.urls import reverse

from engagement.families.codes import issue_code
from engagement.models import Declaration
from tests.helpers.engagement_parent_steps import LEAVE, READ, THANKS, add_translation, make_family, opened_client
from tests.helpers.respondent_helpers import html_element, parse, said, text_of
from tests.helpers.tools import require_tool
from tests.helpers.world import World

pytestmark = pytest.mark.usefixtures("compiled_messages")

DUTCH_ONLY = "This text is in Dutch only: the school offers a translation only to families who do not yet speak Dutch, and only for a while."  # noqa: E501


def menu_languages(page: HttpResponse) -> list[str]:
    """The languages of the page's language menu ([] when the page has no menu)."""
    menus = [node for node in parse(page.content).iter("details") if "r-lang" in node.classes()]
    return [link.attrs["hreflang"] for menu in menus for link in menu.iter("a")]


@pytest.fixture
def arabic_client(world: World, published_declaration: Declaration) -> Client:
    """A phone that opened the text of a family offered Arabic; the school published Arabic and Turkish."""
    add_translation(published_declaration, "ar")
    add_translation(published_declaration, "tr")
    return opened_client(make_family(world, language="ar"))


def test_a_family_offered_arabic_chooses_between_the_dutch_and_arabic_only(arabic_client: Client) -> None:
    page = arabic_client.get(READ)
    assert html_element(page).attrs["lang"] == "ar"
    assert menu_languages(page) == ["nl", "ar"]
    assert menu_languages(arabic_client.get(READ + "?lang=nl")) == ["nl", "ar"]


def test_another_language_falls_back_to_the_translation_offered(arabic_client: Client) -> None:
    page = arabic_client.get(READ + "?lang=tr")
    assert page.status_code == 200
    assert html_element(page).attrs["lang"] == "ar"
    assert "TR-INTRODUCTION" not in text_of(page) and "AR-INTRODUCTION" in text_of(page)
    # Nor does Turkish stick for the next pages.
    assert html_element(arabic_client.get(READ)).attrs["lang"] == "ar"
    assert html_element(arabic_client.get(LEAVE + "?lang=tr")).attrs["lang"] == "ar"


def test_the_dutch_chosen_holds_and_arabic_comes_back_when_chosen(arabic_client: Client) -> None:
    assert html_element(arabic_client.get(READ + "?lang=nl")).attrs["lang"] == "nl"
    assert html_element(arabic_client.get(READ + "?lang=tr")).attrs["lang"] == "nl"  # the choice made stays
    assert html_element(arabic_client.get(READ + "?lang=ar")).attrs["lang"] == "ar"


@pytest.mark.parametrize("language", ["nl", "tr"], ids=["dutch-family", "no-reason-recorded"])
def test_a_dutch_only_family_has_no_language_menu_and_the_note_says_so_in_dutch(
    world: World, published_declaration: Declaration, language: str
) -> None:
    family = make_family(world, language=language, translated=False)
    add_translation(published_declaration, "tr")
    client = opened_client(family)
    for url in (READ, READ + "?lang=tr", READ + "?lang=ar", LEAVE + "?lang=fr"):
        page = client.get(url)
        assert html_element(page).attrs["lang"] == "nl", url
        assert menu_languages(page) == [], url
    page = client.get(READ + "?lang=tr")
    assert said("nl", DUTCH_ONLY) in text_of(page)
    assert "TR-INTRODUCTION" not in text_of(page)


def test_the_thanks_page_offers_the_same_languages(arabic_client: Client) -> None:
    arabic_client.post(READ, {"name": "Samira", "confirmed": "on"})
    page = arabic_client.get(THANKS + "?lang=tr")
    assert page.status_code == 200
    assert html_element(page).attrs["lang"] == "ar"
    assert menu_languages(page) == ["nl", "ar"]


def test_read_aloud_of_a_language_not_offered_is_not_there(arabic_client: Client, tmp_path: Path) -> None:
    require_tool("espeak-ng", "espeak-ng")
    with override_settings(AUDIO_CACHE_DIR=tmp_path):
        turkish = arabic_client.get(reverse("engagement:parent_audio", args=["tr", "introduction"]))
        arabic = arabic_client.get(reverse("engagement:parent_audio", args=["ar", "introduction"]))
    assert turkish.status_code == 404
    assert arabic.status_code == 200


def test_the_questionnaire_keeps_every_language(client: Client) -> None:
    page = client.get(reverse("surveys:code"))
    assert len(menu_languages(page)) == 16


def test_the_letters_link_offers_the_familys_languages_only(world: World, published_declaration: Declaration) -> None:
    add_translation(published_declaration, "ar")
    offered = issue_code(make_family(world, language="ar"))
    dutch_only = issue_code(make_family(world, language="tr", reference="F002", translated=False))
    landing = Client().get(reverse("engagement:parent_code_link", args=[offered]), {"lang": "tr"})
    assert html_element(landing).attrs["lang"] == "ar"
    assert menu_languages(landing) == ["nl", "ar"]
    landing = Client().get(reverse("engagement:parent_code_link", args=[dutch_only]), {"lang": "tr"})
    assert html_element(landing).attrs["lang"] == "nl"
    assert menu_languages(landing) == []
    assert len(menu_languages(Client().get(reverse("engagement:parent_code")))) == 16  # no family known yet
