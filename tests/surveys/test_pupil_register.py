"""Pupils are spoken to as pupils: "je", never "u" or "uw", and never as a family or as parents.

Every page a pupil meets and the pupil letter are rendered in Dutch for both pupil audiences; the
same pages for parents still say "u", so the check would catch a page that fell back to them.
"""

import html
import re
from pathlib import Path

import pytest
from django.http import HttpResponse
from django.test import Client
from django.urls import reverse

from analysis.rounds import close_round
from framework.models import PUPIL_AUDIENCES, Audience, Item, ItemText, ScaleText
from respondents.codes import format_code
from surveys.addressing import words_for
from tests.helpers.letter_jobs import download_letters
from tests.helpers.respondent_helpers import answer_everything, answer_page, enter_code, hand_in, issue, start
from tests.helpers.survey_data import make_batch
from tests.helpers.tools import run_poppler
from tests.helpers.world import World

pytestmark = pytest.mark.usefixtures("compiled_messages")

POLITE = re.compile(r"\b(?:u|uw|U|Uw)\b")
FAMILY = re.compile(r"\b(?:gezin|gezinnen|ouders|ouder)\b", re.IGNORECASE)
ATTRIBUTE_TEXT = re.compile(r'\s(?:aria-label|title|alt|placeholder)="([^"]*)"')


def visible_text(page: HttpResponse, questions: bool = True) -> str:
    """What a pupil reads or hears: the text between the tags and the labels read out by a screen reader.

    Without `questions`: only the page around them (a question may rightly ask about "je ouders").
    """
    markup = page.content.decode()
    if not questions:
        markup = re.sub(r'<fieldset class="r-q">.*?</fieldset>', " ", markup, flags=re.DOTALL)
    markup = re.sub(r"<svg class=\"r-sprite\".*?</svg>", " ", markup, flags=re.DOTALL)  # pictograms only
    labels = " ".join(ATTRIBUTE_TEXT.findall(markup))
    return html.unescape(re.sub(r"<[^>]+>", " ", markup) + " " + labels)


def pupil_pages(world: World, audience: str, language: str = "nl") -> dict[str, str]:
    """Each page of a pupil's questionnaire as its text, in Dutch or in the batch's `language`."""
    issued = issue(world, home_language="" if language == "nl" else language, size=3, audience=audience)
    pupil, other_device = Client(), Client()
    pages = {"code page": visible_text(pupil.get(reverse("surveys:code")))}
    unknown = enter_code(pupil, "AAAAA-AAAAA")
    assert unknown.status_code == 200
    pages["unknown code"] = visible_text(unknown)
    response = start(pupil, issued.codes[0], language)
    pages["language"] = visible_text(pupil.get(reverse("surveys:language"), {"lang": language}))
    first_page = pupil.get(reverse("surveys:page", args=[1]), {"lang": language})
    pages["question page"] = visible_text(first_page, questions=False)
    pages["questions"] = visible_text(first_page)
    answer_everything(pupil, response)
    pages["end"] = visible_text(pupil.get(reverse("surveys:end"), {"lang": language}))
    thanked = hand_in(pupil, response)
    pages["thanks"] = visible_text(pupil.get(thanked["Location"]))
    in_use = enter_code(other_device, format_code(issued.codes[0]), address="10.1.1.2")
    assert in_use.status_code == 200
    pages["code in use"] = visible_text(in_use)
    busy = Client()
    answer_page(busy, start(busy, issued.codes[1], language), 1)  # one page saved: handed in at closing
    close_round(world.round)
    pages["closed while busy"] = visible_text(busy.get(reverse("surveys:page", args=[1]), {"lang": language}))
    pages["closed"] = visible_text(enter_code(Client(), format_code(issued.codes[2]), address="10.1.1.3"))
    return pages


def letter_text(world: World, alice_client: Client, audience: str, tmp_path: Path) -> str:
    batch, _codes = make_batch(alice_client, world, audience=audience, size="1")
    _response, pdf = download_letters(alice_client, world, batch)
    assert pdf.startswith(b"%PDF")
    path = tmp_path / f"{audience}.pdf"
    path.write_bytes(pdf)
    return run_poppler("pdftotext", path, "-")


@pytest.mark.parametrize("audience", PUPIL_AUDIENCES)
def test_no_pupil_page_says_u_or_speaks_of_families(world: World, audience: str) -> None:
    pages = pupil_pages(world, audience)
    for name, text in pages.items():
        assert not POLITE.findall(text), f"{audience}, {name}: {POLITE.findall(text)} in {text.split()}"
        if name != "questions":
            assert not FAMILY.findall(text), f"{audience}, {name}: {FAMILY.findall(text)} in {text.split()}"
    # The pages that speak to the pupil do so with "je", so the check above read real sentences.
    for name in ("language", "end", "thanks", "code in use", "closed", "closed while busy"):
        assert re.search(r"\b(?:je|jij|Je|Ben je|kun je)\b", pages[name]), f"{audience}, {name}: {pages[name]}"


@pytest.mark.parametrize("audience", PUPIL_AUDIENCES)
def test_a_french_speaking_pupil_is_told_tu_once_the_code_is_known(world: World, audience: str) -> None:
    """Before the code nobody knows who types it ("Votre code"); from the language choice on, a pupil is "tu"."""
    pages = pupil_pages(world, audience, "fr")
    for name in ("language", "question page", "end", "thanks", "code in use", "closed", "closed while busy"):
        assert not re.search(r"\b(?:vous|votre|vos|Vous|Votre|Vos)\b", pages[name]), (
            f"{audience}, {name}: {pages[name]}"
        )
    assert "Choisis ta langue" in pages["language"] and "N'écris pas de noms" in pages["end"]


@pytest.mark.parametrize("audience", PUPIL_AUDIENCES)
def test_every_pupil_question_and_answer_label_says_je(content: None, audience: str) -> None:
    items = Item.objects.filter(audience=audience, retired=False).select_related("scale")
    texts = list(ItemText.objects.filter(item__in=items, language="nl").values_list("text", flat=True))
    scales = ScaleText.objects.filter(scale__in={item.scale for item in items}, language="nl")
    labels = [label for scale in scales for label in scale.labels.values()]
    assert len(texts) == items.count() > 0 and labels
    assert [text for text in texts + labels if POLITE.search(text)] == []


def test_parents_are_still_spoken_to_with_u(world: World) -> None:
    pages = pupil_pages(world, Audience.PARENT)
    for name in ("end", "thanks", "code in use", "closed", "closed while busy"):
        assert POLITE.search(pages[name]), f"{name}: {pages[name]}"
    assert "andere gezinnen" in pages["thanks"]


def test_the_young_pupils_get_their_own_shorter_words(world: World) -> None:
    young = pupil_pages(world, Audience.PUPIL_10_12)
    assert "Vraag je leerkracht om een nieuwe code." in young["code in use"]
    assert "Dat hoeft niet." in young["end"]
    older = words_for(Audience.PUPIL_12_18)
    assert str(older.sent) not in young["thanks"]


@pytest.mark.parametrize("audience", PUPIL_AUDIENCES)
def test_the_pupil_letter_says_je(world: World, alice_client: Client, audience: str, tmp_path: Path) -> None:
    text = letter_text(world, alice_client, audience, tmp_path)
    assert "Hallo," in text and "Beste ouder" not in text
    assert not POLITE.findall(text), text
    assert not FAMILY.findall(text), text
    assert re.search(r"\b(?:je|jij|Je|Jouw)\b", text), text


def test_the_parent_letter_still_says_u(world: World, alice_client: Client, tmp_path: Path) -> None:
    text = letter_text(world, alice_client, Audience.PARENT, tmp_path)
    assert "Beste ouder," in text
    assert POLITE.search(text), text
