"""Pashto and Dari apart from Persian: in every list, right to left, in the catalogues, questionnaire and letters."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django.utils.translation import npgettext, pgettext

from engagement.domains import DOMAIN_KEYS
from engagement.families.importing import find_language, language_lookup
from engagement.template_content import read_template
from framework.models import ItemText
from respondents.languages import (
    CHOICES,
    LANGUAGES,
    STAFF_CHOICES,
    STAFF_TRANSLATION_CHOICES,
    TRANSLATION_CHOICES,
    dutch_name,
    has_voice,
    staff_label,
)
from tests.helpers.letter_jobs import download_letters
from tests.helpers.respondent_helpers import html_element, issue, start
from tests.helpers.survey_data import invitations_url, make_batch
from tests.helpers.tools import run_poppler
from tests.helpers.world import World
from tests.respondents.test_read_aloud_promises import comparable

pytestmark = pytest.mark.usefixtures("compiled_messages")

NEW = ("ps", "prs")


def test_pashto_and_dari_are_languages_of_their_own_beside_persian() -> None:
    codes = [code for code, _name in settings.RESPONDENT_LANGUAGES]
    assert {"ps", "prs", "fa"} <= set(codes)
    assert (LANGUAGES["ps"].name, LANGUAGES["prs"].name, LANGUAGES["fa"].name) == ("پښتو", "دری", "فارسی")
    assert all(LANGUAGES[code].right_to_left for code in (*NEW, "fa"))
    assert (dutch_name("ps"), dutch_name("prs"), dutch_name("fa")) == ("Pasjtoe", "Dari", "Perzisch")


@pytest.mark.parametrize("choices", [CHOICES, TRANSLATION_CHOICES, STAFF_CHOICES, STAFF_TRANSLATION_CHOICES])
def test_every_list_of_languages_offers_both(choices: list[tuple[str, str]]) -> None:
    assert set(NEW) <= {code for code, _label in choices}


@pytest.mark.parametrize(
    ("typed", "code"), [("Dari", "prs"), ("دری", "prs"), ("Pasjtoe", "ps"), ("Pashto", "ps"), ("Perzisch", "fa")]
)
def test_a_family_list_names_them_apart(typed: str, code: str) -> None:
    assert find_language(typed, language_lookup()) == code


def test_read_aloud_is_promised_only_where_espeak_has_a_voice() -> None:
    assert LANGUAGES["ps"].espeak_voice is None and not has_voice("ps")
    assert LANGUAGES["prs"].espeak_voice == "fa" and has_voice("prs")  # Dari is written Persian


CATALOGUED = [
    ("ps", "پیل", "خپله ژبه وټاکئ", "شاوخوا %(minutes)s دقیقې وخت نیسي."),
    ("prs", "شروع", "زبان خود را انتخاب کنید", "حدود %(minutes)s دقیقه طول می‌کشد."),
]


@pytest.mark.parametrize(("language", "start_button", "choose", "ten_minutes"), CATALOGUED)
def test_django_finds_their_catalogues(language: str, start_button: str, choose: str, ten_minutes: str) -> None:
    with translation.override(language):
        assert translation.get_language_bidi()
        assert pgettext("respondent", "Start") == start_button
        assert pgettext("respondent", "Choose your language") == choose
        singular, plural = "It takes about %(minutes)s minute.", "It takes about %(minutes)s minutes."
        assert npgettext("respondent", singular, plural, 10) == ten_minutes


@pytest.mark.parametrize(
    ("code", "label"),
    [
        ("ti", "Tigrijnya (ትግርኛ)"),
        ("ps", "Pasjtoe (پښتو)"),
        ("prs", "Dari (دری)"),
        ("fa", "Perzisch (فارسی)"),
        ("nl", "Nederlands"),
    ],
)
def test_staff_name_a_language_in_dutch_then_in_its_own_script(code: str, label: str) -> None:
    assert staff_label(code) == label


def test_the_batch_form_lists_home_languages_with_both_names(world: World, alice_client: Client) -> None:
    page = alice_client.get(invitations_url(world)).content.decode()
    options = dict(re.findall(r'<option value="(\w+)"[^>]*>([^<]+)</option>', page))
    assert options["ti"] == "Tigrijnya (ትግርኛ)"
    assert options["ps"] == "Pasjtoe (پښتو)"
    assert options["prs"] == "Dari (دری)"


@pytest.mark.parametrize("audience", ["parent", "pupil_12_18", "pupil_10_12"])
@pytest.mark.parametrize("language", NEW)
def test_the_questionnaire_reads_right_to_left_in_its_own_words(world: World, language: str, audience: str) -> None:
    client = Client()
    response = start(client, issue(world, home_language=language, audience=audience).codes[0], language)
    page = client.get(reverse("surveys:page", args=[1]), {"lang": language})
    assert page.status_code == 200
    root = html_element(page)
    assert (root.attrs["lang"], root.attrs["dir"]) == (language, "rtl")
    shown = page.content.decode()
    translated = ItemText.objects.filter(language=language, item__key__startswith=f"{audience}.")
    assert {text.status for text in translated} == {"draft"}
    first_questions = [text.text for text in translated if text.text in shown]
    assert first_questions, "no question of page 1 in its translation"
    assert ("<audio" in shown) is (language == "prs")
    assert response.language == language


@pytest.mark.parametrize(("language", "word"), [("ps", "مننه"), ("prs", "مکتب")])  # "thank you", "school"
def test_a_letter_prints_in_naskh_beside_the_dutch(
    world: World, alice_client: Client, tmp_path: Path, language: str, word: str
) -> None:
    batch, _codes = make_batch(alice_client, world, home_language=language, size="1")
    _response, pdf = download_letters(alice_client, world, batch)
    assert pdf.startswith(b"%PDF")
    path = tmp_path / "letter.pdf"
    path.write_bytes(pdf)
    assert "Noto-Naskh-Arabic" in run_poppler("pdffonts", path)
    text = comparable(run_poppler("pdftotext", path, "-"))
    assert word in text
    assert "Beste ouder," in text  # the Dutch column stays beside it
    run_poppler("pdftoppm", "-r", "50", "-png", "-f", "1", "-l", "1", path, tmp_path / "page")
    assert (tmp_path / "page-1.png").stat().st_size > 5_000


@pytest.mark.parametrize("language", NEW)
def test_the_engagementsverklaring_template_is_a_draft_in_both(language: str) -> None:
    template = read_template()[language]
    assert template.status == "draft"
    assert list(template.domains) == list(DOMAIN_KEYS)


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("ps", "ما تعهدنامه لوستې ده."),
        ("prs", "تعهدنامه را خواندم."),
    ],
)
def test_the_kennisname_words_are_ready_for_the_reading_page(language: str, words: str) -> None:
    """Worded for the law branch's reading page (issue 12 point 7), so its strings are complete in both."""
    with translation.override(language):
        assert pgettext("respondent", "I have read the engagementsverklaring.") == words
