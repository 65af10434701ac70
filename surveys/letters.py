"""Printable invitation letters: one A4 per family, Dutch beside the family's language, with QR code."""

from respondents.codes import format_code
from respondents.languages import has_voice
from respondents.letters import Letter, LetterText, code_link, isolated, letter_text, qr_svg, short_address
from respondents.letters import letters_pdf as print_letters
from surveys.addressing import letter_template_for
from surveys.models import CodeBatch


def questionnaire_link(code: str) -> str:
    return code_link("surveys:code_link", code)


def _letter_text(batch: CodeBatch, language: str) -> LetterText:
    context = {
        "batch": batch,
        "school": batch.round.school,
        "address": isolated(short_address("surveys:code")),
        # Both columns promise read-aloud only when the family's language has a voice: a Somali family
        # reading "listen to the questions" in the Dutch column would look for it in vain.
        "read_aloud": has_voice(batch.home_language or "nl"),
    }
    return letter_text(letter_template_for(batch.audience), context, language)


def letters_pdf(batch: CodeBatch, codes: list[str]) -> bytes:
    dutch = _letter_text(batch, "nl")
    translated = _letter_text(batch, batch.home_language) if batch.home_language not in ("", "nl") else None
    letters = [
        Letter(format_code(code), link, qr_svg(link), translated, batch.group_label)
        for code, link in ((code, questionnaire_link(code)) for code in codes)
    ]
    return print_letters(batch.round.school.name, dutch, letters)
