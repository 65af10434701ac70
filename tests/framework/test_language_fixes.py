"""Known translation errors stay fixed; Pashto and Dari cover the questionnaire as drafts; the first parent
question asks one thing."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import translation
from django.utils.translation import pgettext

from framework.content_files import read_content

CONTENT = read_content()
ITEMS = {item.key: item for item in CONTENT.items}
LOCALE = Path(settings.BASE_DIR) / "locale"


def texts_in(language: str) -> list[str]:
    return [item.texts[language][0] for item in CONTENT.items if language in item.texts]


def test_the_first_parent_question_asks_about_one_thing() -> None:
    text = ITEMS["parent.kennis.school_werking"].texts["nl"][0]
    assert text.startswith("Hoe goed weet u hoe het onderwijs in Vlaanderen werkt")
    assert "de school van uw kind werkt" not in text  # no longer this school's daily running beside the system


def test_the_reworded_question_is_a_draft_in_every_translation() -> None:
    texts = ITEMS["parent.kennis.school_werking"].texts
    translated = {language: status for language, (_text, status) in texts.items() if language != "nl"}
    assert len(translated) == len(settings.RESPONDENT_LANGUAGES) - 1
    assert set(translated.values()) == {"draft"}


def test_polish_parent_questions_speak_of_panstwa_dziecko() -> None:
    parent_texts = [item.texts["pl"][0] for item in CONTENT.items if item.audience == "parent"]
    assert not [text for text in parent_texts if re.search(r"\bswo(jego|je|im|jemu) dzieck?", text)]
    assert "dla Państwa dziecka?" in ITEMS["parent.kennis.wat_belangrijk"].texts["pl"][0]
    assert "Państwa dziecko?" in ITEMS["parent.overtuiging.ouder_kent_kind"].texts["pl"][0]


def test_somali_says_nameless_rather_than_secret() -> None:
    catalogue = (LOCALE / "so" / "LC_MESSAGES" / "django.po").read_text()
    assert "qarsoodi" not in catalogue and "qarsoodi" not in " ".join(texts_in("so"))
    assert catalogue.count("magac ma laha") == 6  # each "your answers are anonymous"


def test_french_asks_plainly() -> None:
    assert not [text for text in texts_in("fr") if "quel point" in text]
    assert ITEMS["parent.kennis.aanspreekpunt"].texts["fr"][0].startswith("Savez-vous bien ")


@pytest.mark.parametrize("language", ["ps", "prs"])
def test_pashto_and_dari_translate_every_parent_and_pupil_question_as_a_draft(language: str) -> None:
    for item in CONTENT.items:
        if item.audience != "team":
            assert language in item.texts, item.key
            assert item.texts[language][1] == "draft", item.key
    for scale in CONTENT.scales:
        assert scale.texts[language]["status"] == "draft"
        assert len(scale.texts[language]["labels"]) == 5


CODE_PAGE_SENTENCE = (
    "The school asks a few questions. The answers are anonymous: the school cannot see who answered what."
)


@pytest.mark.usefixtures("compiled_messages")
@pytest.mark.parametrize("language", [code for code, _name in settings.RESPONDENT_LANGUAGES if code != "en"])
def test_the_code_page_sentence_is_translated_under_its_context(language: str) -> None:
    """The catalogues held it without the "respondent" context the template asks for, so it showed in English."""
    with translation.override(language):
        assert pgettext("respondent", CODE_PAGE_SENTENCE) != CODE_PAGE_SENTENCE
