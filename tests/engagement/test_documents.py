"""The declaration's PDFs, read back with poppler: pdftotext for the words, -bbox-layout for where they stand,
pdftoppm for a picture of the page."""

import io
import re
import xml.etree.ElementTree as ElementTree
from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from PIL import Image

from engagement.documents.pdf import labels
from engagement.drafting import start_declaration, version_text
from engagement.models import Declaration, DeclarationTranslation
from engagement.translations.translating import field_values, translation_from_values
from framework.models import TranslationStatus
from tests.helpers.tools import run_poppler
from tests.helpers.world import World

pytestmark = pytest.mark.django_db

# An Arabic sentence for the first part of "oudercontact" (what the school offers), and the domain's title.
ARABIC_SENTENCE = "ننظم لقاءات ثابتة مع الأولياء كل سنة دراسية"
ARABIC_TITLE = "التواصل مع الأولياء"
ARABIC = re.compile("[\u0600-\u06ff\ufb50-\ufdff\ufe70-\ufeff]")
# pdftotext marks runs of right-to-left text with embedding controls; they are not part of the words.
BIDI_CONTROLS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def pdf_url(declaration: Declaration) -> str:
    return reverse("engagement:declaration_pdf", args=[declaration.school_id, declaration.id])


def bilingual_url(declaration: Declaration, language: str) -> str:
    return reverse("engagement:declaration_pdf_bilingual", args=[declaration.school_id, declaration.id, language])


def poppler(tmp_path: Path, pdf: bytes, *args: str) -> str:
    path = tmp_path / "document.pdf"
    path.write_bytes(pdf)
    return run_poppler("pdftotext", *args, path, "-")


def words_of(text: str) -> str:
    """The text as one line of words: no bidi controls, line ends or runs of spaces."""
    return " ".join(BIDI_CONTROLS.sub("", text).split())


def first_sentence(markdown: str) -> str:
    line = next(line for line in markdown.splitlines() if line.strip())
    return line.lstrip("- ").split(". ")[0].rstrip(".")


def arabic_translation(declaration: Declaration, status: str = TranslationStatus.REVIEWED) -> DeclarationTranslation:
    """Every part of the published version in "Arabic": a recognisable sentence first, then filler words."""
    version = declaration.published_version
    assert version is not None
    dutch = version_text(version)
    values = {
        key: f"ترجمة عربية {number}." for number, key in enumerate(field_values(dutch)) if field_values(dutch)[key]
    }
    values["oudercontact.title"] = ARABIC_TITLE
    values["oudercontact.school_offers"] = f"- {ARABIC_SENTENCE}.\n- نخبركم بالمواعيد في الوقت المناسب."
    text = translation_from_values(dutch, values)
    return DeclarationTranslation.objects.create(
        version=version,
        school=declaration.school,
        language="ar",
        status=status,
        title=text.title,
        introduction=text.introduction,
        domains=text.domains_json(),
    )


def test_the_dutch_pdf_holds_the_published_text(
    published_declaration: Any, alice_client: Client, tmp_path: Path
) -> None:
    response = alice_client.get(pdf_url(published_declaration))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    text = words_of(poppler(tmp_path, response.content))
    version = published_declaration.published_version
    assert words_of(version.title) in text
    for domain in version.domains.values():
        assert words_of(domain["title"]) in text
    assert first_sentence(version.domains["aanwezigheid"]["school_offers"]) in text
    assert first_sentence(version.introduction) in text
    assert "De Regenboog" in text and "2026-2027" in text
    assert "15 september 2026" in text  # the schoolraad's date, printed in Dutch
    assert not ARABIC.search(text)


def test_the_bilingual_pdf_puts_dutch_left_and_arabic_right(
    published_declaration: Any, alice_client: Client, tmp_path: Path
) -> None:
    arabic_translation(published_declaration)
    response = alice_client.get(bilingual_url(published_declaration, "ar"))
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    pdf = response.content
    version = published_declaration.published_version

    text = words_of(poppler(tmp_path, pdf))
    assert first_sentence(version.domains["oudercontact"]["school_offers"]) in text
    assert ARABIC.search(text)
    # Shaped and laid out right to left by Pango, yet pdftotext gives the words back in reading (logical) order.
    assert ARABIC_SENTENCE in text
    assert ARABIC_TITLE in text
    assert "Arabisch" in text  # the translation's column is labelled with the language, in Dutch
    assert words_of(labels("nl", "ar").column) in text
    assert words_of(labels("nl", "ar").draft) not in text  # a reviewed translation

    layout = words_of(poppler(tmp_path, pdf, "-layout"))
    assert ARABIC_SENTENCE in layout

    # pdftotext's XHTML about a PDF this test just made: trusted input
    page = ElementTree.fromstring(poppler(tmp_path, pdf, "-bbox-layout"))  # noqa: S314
    namespace = {"x": "http://www.w3.org/1999/xhtml"}
    first_page = page.find(".//x:page", namespace)
    assert first_page is not None
    half = float(first_page.get("width", "0")) / 2
    words = [
        (word.text or "", float(word.get("xMin", "0")), float(word.get("xMax", "0")))
        for word in first_page.iterfind(".//x:word", namespace)
    ]
    arabic_words = [word for word in words if ARABIC.search(word[0])]
    # words of the Dutch text itself (the labels above the parts are in either language)
    dutch_words = [word for word in words if word[0] in {"Engagementsverklaring", "Oudercontact", "organiseren"}]
    assert len(arabic_words) > 20 and dutch_words
    assert all(x_min > half for _text, x_min, _x_max in arabic_words)
    assert all(x_max < half for _text, _x_min, x_max in dutch_words)


def test_the_pages_render_to_a_picture_that_is_not_blank(
    published_declaration: Any, alice_client: Client, tmp_path: Path
) -> None:
    arabic_translation(published_declaration)
    pdf = alice_client.get(bilingual_url(published_declaration, "ar")).content
    (tmp_path / "bilingual.pdf").write_bytes(pdf)
    run_poppler("pdftoppm", "-r", "30", "-png", "-f", "1", "-l", "1", tmp_path / "bilingual.pdf", tmp_path / "page")
    pictures = sorted(tmp_path.glob("page*.png"))
    assert len(pictures) == 1
    image = Image.open(io.BytesIO(pictures[0].read_bytes())).convert("L")
    assert image.size[0] < image.size[1]  # A4, portrait
    dark = sum(image.histogram()[:200])
    assert dark > 0.01 * image.size[0] * image.size[1]
    # text on both halves of the page
    width, height = image.size
    for half in (image.crop((0, 0, width // 2, height)), image.crop((width // 2, 0, width, height))):
        assert sum(half.histogram()[:128]) > 0.005 * half.size[0] * half.size[1]


def test_a_draft_translation_is_printed_too_and_a_missing_part_points_to_the_dutch(
    published_declaration: Any, alice_client: Client, tmp_path: Path
) -> None:
    translated = arabic_translation(published_declaration, TranslationStatus.DRAFT)
    translated.domains["nederlands"]["parents_commit"] = ""
    translated.save()
    response = alice_client.get(bilingual_url(published_declaration, "ar"))
    assert response.status_code == 200
    text = words_of(poppler(tmp_path, response.content))
    version = published_declaration.published_version
    assert first_sentence(version.domains["nederlands"]["parents_commit"]) in text  # the Dutch is always there
    assert ARABIC_SENTENCE in text
    assert words_of(labels("nl", "ar").draft) in text  # said in Dutch, whatever the catalogue of the language holds


def test_every_member_may_download_and_outsiders_may_not(
    published_declaration: Any, bob_client: Client, charlie_client: Client
) -> None:
    arabic_translation(published_declaration)
    assert bob_client.get(pdf_url(published_declaration)).status_code == 200
    assert bob_client.get(bilingual_url(published_declaration, "ar")).status_code == 200
    assert charlie_client.get(pdf_url(published_declaration)).status_code == 404
    assert charlie_client.get(bilingual_url(published_declaration, "ar")).status_code == 404
    assert Client().get(pdf_url(published_declaration)).status_code == 302  # to the login page


def test_404_when_nothing_is_published_or_not_translated(
    world: World, published_declaration: Any, alice_client: Client
) -> None:
    draft = start_declaration(world.school, "2027-2028", world.alice)
    assert alice_client.get(pdf_url(draft)).status_code == 404
    assert alice_client.get(bilingual_url(draft, "ar")).status_code == 404
    for language in ("ar", "tr", "nl", "xx"):  # no translation yet, Dutch itself, no such language
        assert alice_client.get(bilingual_url(published_declaration, language)).status_code == 404
