"""Read-aloud is promised only in a language with a voice: Somali and Tigrinya have none, Arabic has one."""

import re
import unicodedata
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django.utils.translation import pgettext

from respondents.languages import has_voice
from respondents.letters import letter_text as family_letter_text
from tests.helpers.letter_jobs import download_letters
from tests.helpers.respondent_helpers import issue, start
from tests.helpers.survey_data import make_batch
from tests.helpers.tools import run_poppler
from tests.helpers.world import World

pytestmark = pytest.mark.usefixtures("compiled_messages")

LISTEN = "You can also listen to the questions."


def letter_text(world: World, client: Client, home_language: str, audience: str, tmp_path: Path) -> str:
    batch, _codes = make_batch(client, world, home_language=home_language, audience=audience, size="1")
    _response, pdf = download_letters(client, world, batch)
    assert pdf.startswith(b"%PDF")
    path = tmp_path / "letters.pdf"
    path.write_bytes(pdf)
    return comparable(run_poppler("pdftotext", path, "-"))


def comparable(text: str) -> str:
    """Text without line breaks, bidi controls and presentation forms, to find a sentence in a PDF's text."""
    text = "".join(char for char in unicodedata.normalize("NFKC", text) if unicodedata.category(char) != "Cf")
    return re.sub(r"\s+", " ", text)


def listen_sentence(language: str, audience: str) -> str:
    context = "letter" if audience == "parent" else "letter-pupil"
    with translation.override(language):
        return comparable(pgettext(context, LISTEN))


def test_the_voices_are_what_the_letters_assume() -> None:
    assert has_voice("ar") and has_voice("nl")
    assert not has_voice("so") and not has_voice("ti")


@pytest.mark.parametrize("audience", ["parent", "pupil_12_18", "pupil_10_12"])
@pytest.mark.parametrize("language", ["so", "ti"])
def test_a_letter_in_a_language_without_a_voice_promises_no_listening(
    world: World, alice_client: Client, tmp_path: Path, language: str, audience: str
) -> None:
    text = letter_text(world, alice_client, language, audience, tmp_path)
    assert listen_sentence("nl", audience) not in text  # not in the Dutch column either
    if language == "so":  # Latin script: pdftotext gives the sentence back as written
        assert listen_sentence("so", audience) not in text
        assert "dhegaysan" not in text


@pytest.mark.parametrize("audience", ["parent", "pupil_12_18", "pupil_10_12"])
def test_an_arabic_letter_promises_listening_in_both_columns(
    world: World, alice_client: Client, tmp_path: Path, audience: str
) -> None:
    text = letter_text(world, alice_client, "ar", audience, tmp_path)
    assert listen_sentence("nl", audience) in text
    assert "الاستماع" in text  # "listening", from the Arabic sentence


def test_a_dutch_letter_promises_listening(world: World, alice_client: Client, tmp_path: Path) -> None:
    assert listen_sentence("nl", "parent") in letter_text(world, alice_client, "", "parent", tmp_path)


@pytest.mark.parametrize(("language", "offered"), [("so", False), ("ti", False), ("ar", True), ("nl", True)])
def test_the_question_page_offers_listening_only_with_a_voice(world: World, language: str, offered: bool) -> None:
    client = Client()
    start(client, issue(world, home_language=language).codes[0], language)
    page = client.get(reverse("surveys:page", args=[1]), {"lang": language}).content.decode()
    assert ("<audio" in page) is offered
    with translation.override(language):
        assert (pgettext("respondent", "Listen to the question") in page) is offered


@pytest.mark.parametrize("reminder", [False, True])
def test_the_family_letter_of_the_engagementsverklaring_promises_no_listening(world: World, reminder: bool) -> None:
    """The declaration's family letter goes to families of every language, Somali and Tigrinya too."""
    context = {"school": world.school, "school_year": "2026-2027", "address": "school.example/v/", "reminder": reminder}
    for shown_in in ("nl", "en"):  # the Dutch column, and the English source every translation follows
        text = family_letter_text("engagement/families/letter_text.html", context, shown_in).html
        assert "QR" in text  # the letter itself, not an empty template
        assert not re.search(r"luister|listen", text, re.IGNORECASE), text
