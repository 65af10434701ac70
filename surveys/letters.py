"""Printable invitation letters: one A4 per family, Dutch beside the family's language, with QR code."""

from dataclasses import dataclass

import segno
from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from weasyprint import HTML

from surveys.codes import format_code
from surveys.models import CodeBatch


@dataclass(frozen=True)
class LetterText:
    language: str
    language_name: str
    rtl: bool
    html: str


@dataclass(frozen=True)
class Letter:
    code: str
    link: str
    qr_svg: str


def code_link(code: str) -> str:
    # The plain code: the code page formats what it is given, and a formatted code would get a second dash.
    return settings.PUBLIC_BASE_URL.rstrip("/") + reverse("surveys:code_link", args=[code])


# A web address reads left to right, also inside an Arabic or Persian sentence: without this isolate
# the bidi algorithm shows 127.0.0.1:8000/q/ as /q/127.0.0.1:8000.
LEFT_TO_RIGHT_ISOLATE, POP_DIRECTIONAL_ISOLATE = "\u2066", "\u2069"


def short_address() -> str:
    return settings.PUBLIC_BASE_URL.rstrip("/").split("://", 1)[-1] + reverse("surveys:code")


def _letter_text(batch: CodeBatch, language: str) -> LetterText:
    with translation.override(language):
        html = render_to_string(
            "surveys/letter_text.html",
            {
                "batch": batch,
                "school": batch.round.school,
                "address": LEFT_TO_RIGHT_ISOLATE + short_address() + POP_DIRECTIONAL_ISOLATE,
                "audience": batch.audience,
            },
        )
        return LetterText(
            language, dict(settings.RESPONDENT_LANGUAGES)[language], translation.get_language_bidi(), html
        )


def letters_pdf(batch: CodeBatch, codes: list[str]) -> bytes:
    dutch = _letter_text(batch, "nl")
    translated = _letter_text(batch, batch.home_language) if batch.home_language not in ("", "nl") else None
    letters = [
        Letter(format_code(code), code_link(code), segno.make(code_link(code), error="m").svg_inline(scale=3))
        for code in codes
    ]
    html = render_to_string(
        "surveys/letters.html", {"batch": batch, "letters": letters, "dutch": dutch, "translated": translated}
    )
    pdf: bytes = HTML(string=html).write_pdf()
    return pdf
