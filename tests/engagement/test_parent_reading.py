"""The parent's side of the engagementsverklaring, reading: a family code, the Dutch text with the translation
beside it (never alone), right to left where needed, read-aloud, and pages that need no JavaScript."""

import re
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.test import Client, override_settings
from django.urls import reverse

from engagement.drafting import start_declaration
from engagement.families.codes import issue_code
from engagement.models import (
    Acknowledgment,
    Declaration,
    Family,
)
from engagement.parents.views import FAMILY_KEY
from framework.models import TranslationStatus
from respondents.codes import format_code
from tests.helpers.engagement_parent_steps import (
    CODE,
    LEAVE,
    READ,
    THANKS,
    add_translation,
    columns,
    dutch_words,
    enter,
    make_family,
    opened_client,
    pairs,
)
from tests.helpers.respondent_helpers import Node, html_element, parse, said, text_of
from tests.helpers.tools import require_tool
from tests.helpers.world import World

pytestmark = pytest.mark.usefixtures("compiled_messages")


@pytest.fixture
def family(world: World, published_declaration: Declaration) -> Family:
    return make_family(world)


def test_a_wrong_code_is_refused_next_to_the_field_in_the_parents_language(family: Family) -> None:
    client = Client()
    page = client.post(CODE + "?lang=tr", {"code": "ABCDE-FGHJK"}, REMOTE_ADDR="10.0.0.1")
    assert page.status_code == 200
    field = next(node for node in parse(page.content).iter("input") if node.attrs.get("name") == "code")
    assert field.attrs.get("aria-invalid") == "true" and field.attrs["value"] == "ABCDE-FGHJK"
    message = said("tr", "We do not know this code. Check the code on your letter and try again.")
    assert message != "We do not know this code. Check the code on your letter and try again."  # really Turkish
    assert message in text_of(page)
    assert html_element(page).attrs["lang"] == "tr"
    assert FAMILY_KEY not in client.session


def test_the_right_code_opens_the_declaration_in_the_familys_language(family: Family) -> None:
    client = Client()
    opened = enter(client, format_code(issue_code(family)).lower())  # typed in lower case
    assert opened.status_code == 302 and opened["Location"] == READ
    assert client.session[FAMILY_KEY] == str(family.id)
    page = client.get(READ)
    assert page.status_code == 200 and html_element(page).attrs["lang"] == "tr"
    assert client.get(READ, {"lang": "nl"}).status_code == 200
    assert html_element(client.get(READ)).attrs["lang"] == "nl"  # the switch holds on the next pages


def test_the_qr_link_fills_in_the_code_but_does_not_open_it(family: Family) -> None:
    code = issue_code(family)
    client = Client()
    page = client.get(reverse("engagement:parent_code_link", args=[code]))
    assert page.status_code == 200
    field = next(node for node in parse(page.content).iter("input") if node.attrs.get("name") == "code")
    assert field.attrs["value"] == format_code(code)
    assert FAMILY_KEY not in client.session


@override_settings(CODE_FAILURES_PER_ADDRESS=2, CODE_FAILURES_OVERALL=1000)
def test_guessing_codes_is_throttled(family: Family) -> None:
    client = Client()
    for _ in range(2):
        assert enter(client, "ABCDE-FGHJK", "10.3.3.3").status_code == 200
    blocked = enter(client, issue_code(family), "10.3.3.3")  # even the right code waits now
    assert blocked.status_code == 429 and FAMILY_KEY not in client.session
    assert said("nl", "Too many tries") in text_of(blocked)
    assert enter(Client(), issue_code(family), "10.4.4.4").status_code == 302  # another address is not blocked


def test_no_published_declaration_for_the_familys_year_gets_a_friendly_message(
    world: World, published_declaration: Declaration
) -> None:
    last_year = make_family(world, "nl", "2025-2026", "OLD")
    start_declaration(world.school, "2027-2028", world.alice)  # drafted, not published
    next_year = make_family(world, "nl", "2027-2028", "NEXT")
    for family in (last_year, next_year):
        client = Client()
        page = enter(client, issue_code(family))
        assert page.status_code == 200
        assert said("nl", "Not available yet") in text_of(page)
        assert FAMILY_KEY not in client.session


def test_without_a_family_on_this_device_the_pages_send_to_the_code(family: Family) -> None:
    client = Client()
    for url in (READ, THANKS):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"] == CODE
    assert client.post(READ, {"name": "X", "confirmed": "on"})["Location"] == CODE
    assert client.get(READ, {"lang": "ar"})["Location"] == CODE + "?lang=ar"
    assert not Acknowledgment.objects.exists()


def test_leaving_forgets_the_family_on_this_device(family: Family) -> None:
    client = opened_client(family)
    assert client.get(LEAVE).status_code == 200 and FAMILY_KEY in client.session  # GET only asks
    left = client.post(LEAVE)
    assert left.status_code == 200 and FAMILY_KEY not in client.session
    assert client.get(READ)["Location"] == CODE


# ---------------------------------------------------------------- reading


def test_dutch_and_turkish_side_by_side_labelled(family: Family, published_declaration: Declaration) -> None:
    add_translation(published_declaration, "tr", skip="aanwezigheid.parents_commit")
    page = opened_client(family).get(READ)
    assert page.status_code == 200
    for pair in pairs(page):
        kinds = [classes for node in pair.children if isinstance(node, Node) for classes in [node.classes()]]
        assert len(kinds) == 2
        assert "d-master" in kinds[0] and "d-translation" in kinds[1]  # Dutch first, then the translation
    masters, translations = columns(page, "d-master"), columns(page, "d-translation")
    assert len(masters) == len(translations) > 8
    for master in masters:
        assert (master.attrs["lang"], master.attrs["dir"]) == ("nl", "ltr")
        assert "Nederlands (officiële tekst)" in master.text()
    for translated in translations:
        assert (translated.attrs["lang"], translated.attrs["dir"]) == ("tr", "ltr")
        assert "Vertaling — Turks" in translated.text() and said("tr", "Translation") in translated.text()
    assert "d-wide" in next(parse(page.content).iter("main")).classes()  # room for two columns
    css = Path(finders.find("css/declaration.css") or "").read_text()
    assert re.search(r"@media \(min-width:[^)]+\)\{\s*\.d-two\{grid-template-columns:1fr 1fr\}", css)
    text = text_of(page)
    assert "TR-oudercontact-school_offers" in text and dutch_words(published_declaration) in text
    assert "TR-INTRODUCTION" in text and "TR-TITLE-oudercontact" in text
    for label in ("What the school offers", "What the school asks of you", "What the school asks of your child"):
        assert said("tr", label) in text
    assert said("tr", "This part has not been translated yet: read the Dutch text.") in text
    assert (
        said(
            "tr",
            "This translation is a draft: the school has not checked it yet. When in doubt, the Dutch text counts.",
        )
        in text
    )


def test_a_reviewed_translation_has_no_draft_note(family: Family, published_declaration: Declaration) -> None:
    add_translation(published_declaration, "tr", TranslationStatus.REVIEWED)
    text = text_of(opened_client(family).get(READ))
    assert "TR-INTRODUCTION" in text
    assert (
        said(
            "tr",
            "This translation is a draft: the school has not checked it yet. When in doubt, the Dutch text counts.",
        )
        not in text
    )


def test_arabic_is_right_to_left_and_the_dutch_stays_left_to_right(
    world: World, published_declaration: Declaration
) -> None:
    add_translation(published_declaration, "ar")
    page = opened_client(make_family(world, "ar")).get(READ)
    assert html_element(page).attrs["dir"] == "rtl" and html_element(page).attrs["lang"] == "ar"
    assert {(node.attrs["lang"], node.attrs["dir"]) for node in columns(page, "d-translation")} == {("ar", "rtl")}
    assert {(node.attrs["lang"], node.attrs["dir"]) for node in columns(page, "d-master")} == {("nl", "ltr")}


@pytest.mark.parametrize("language", ["pl", "fa", "so"])
def test_a_language_without_translation_shows_the_dutch_with_a_note(
    world: World, published_declaration: Declaration, language: str
) -> None:
    add_translation(published_declaration, "tr")  # another language's translation is never shown instead
    page = opened_client(make_family(world, language)).get(READ)
    assert page.status_code == 200 and html_element(page).attrs["lang"] == language
    assert columns(page, "d-translation") == [] and len(columns(page, "d-master")) > 8
    assert html_element(page).attrs["dir"] == ("rtl" if language == "fa" else "ltr")
    assert {node.attrs["dir"] for node in columns(page, "d-master")} == {"ltr"}
    text = text_of(page)
    assert dutch_words(published_declaration) in text and "TR-" not in text
    note = next(node for node in parse(page.content).iter("p") if "d-note" in node.classes())
    assert dict(settings.RESPONDENT_LANGUAGES)[language] in note.text()


def test_in_dutch_the_text_stands_alone_without_a_note(family: Family, published_declaration: Declaration) -> None:
    add_translation(published_declaration, "tr")
    page = opened_client(family).get(READ, {"lang": "nl"})
    assert columns(page, "d-translation") == [] and columns(page, "d-master")
    assert not [node for node in parse(page.content).iter("p") if "d-note" in node.classes()]
    assert "TR-" not in text_of(page)


# ---------------------------------------------------------------- acknowledging


def body_of(response: Any) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else bytes(response.content)


def test_read_aloud_serves_the_dutch_and_the_translation(
    family: Family, published_declaration: Declaration, tmp_path: Path
) -> None:
    require_tool("espeak-ng", "espeak-ng")
    add_translation(published_declaration, "tr")
    client = opened_client(family)
    with override_settings(AUDIO_CACHE_DIR=tmp_path):
        sources = [node.attrs["src"] for node in parse(client.get(READ).content).iter("audio")]
        dutch = [src for src in sources if "/audio/nl/" in src]
        turkish = [src for src in sources if "/audio/tr/" in src]
        assert len(dutch) == len(columns(client.get(READ), "d-master")) and turkish
        first = client.get(dutch[0])
        assert first.status_code == 200 and first["Content-Type"] == "audio/wav"
        wav = body_of(first)
        assert wav[:4] == b"RIFF" and wav[8:12] == b"WAVE" and len(wav) > 1000
        assert client.get(dutch[0], HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
        assert client.get(dutch[0], HTTP_IF_NONE_MATCH='"other"').status_code == 200
        assert client.get(turkish[0]).status_code == 200
        unknown = [
            reverse("engagement:parent_audio", args=["nl", "oudercontact.nothing"]),
            reverse("engagement:parent_audio", args=["so", "introduction"]),  # no Somali voice
            reverse("engagement:parent_audio", args=["pl", "introduction"]),  # no Polish translation
            reverse("engagement:parent_audio", args=["xx", "introduction"]),
        ]
        for url in unknown:
            assert client.get(url).status_code == 404, url
        assert Client().get(dutch[0]).status_code == 404  # only for the family on this device
        assert len(list(tmp_path.glob("*.wav"))) == 2


# ---------------------------------------------------------------- every page: phone, no JavaScript


def test_every_parent_page_works_without_javascript(family: Family, published_declaration: Declaration) -> None:
    add_translation(published_declaration, "ar")
    client = Client()
    pages = [client.get(CODE), client.get(reverse("engagement:parent_code_link", args=["ABCDE-FGHJK"]))]
    pages.append(enter(client, "ABCDE-FGHJK"))  # an unknown code: the form again, with its error
    enter(client, issue_code(family))
    pages += [client.get(READ, {"lang": "ar"}), client.post(READ, {"name": ""}), client.get(LEAVE)]
    client.post(READ, {"name": "Ayşe", "confirmed": "on"})
    pages += [client.get(THANKS), client.get(READ), client.post(LEAVE)]
    # only acknowledging without a name is refused (400); an unknown code shows its form again (200)
    assert [page.status_code for page in pages] == [200, 200, 200, 200, 400, 200, 200, 200, 200]
    # Before the family is known every language is offered; once known, the Dutch and its own translation.
    every, families = {code for code, _name in settings.RESPONDENT_LANGUAGES}, {"nl", "tr"}
    offered = [every] * 3 + [families] * 5 + [every]
    for page, languages in zip(pages, offered, strict=True):
        content = page.content.decode()
        assert "<script" not in content and " style=" not in content and "onclick" not in content
        assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in content
        assert '<meta name="robots" content="noindex">' in content
        assert page["Cache-Control"] == "no-store"
        assert content.count("<form") == content.count('name="csrfmiddlewaretoken"')
        switch = [node for node in parse(page.content).iter("a") if node.attrs.get("hreflang")]
        assert {node.attrs["hreflang"] for node in switch} == languages
        assert "css/declaration.css" in content
