"""What every printed letter to a family shares: the public address, the QR code and one language's text."""

from collections.abc import Mapping
from dataclasses import dataclass

import segno
from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from weasyprint import HTML

from respondents.languages import is_right_to_left, native_name

# A web address reads left to right, also inside an Arabic or Persian sentence: without this isolate
# the bidi algorithm shows 127.0.0.1:8000/q/ as /q/127.0.0.1:8000.
LEFT_TO_RIGHT_ISOLATE, POP_DIRECTIONAL_ISOLATE = "\u2066", "\u2069"


@dataclass(frozen=True)
class LetterText:
    language: str
    language_name: str
    rtl: bool
    html: str


@dataclass(frozen=True)
class Letter:
    """One A4 letter: the code as printed, its link and QR code, the translation beside the Dutch, and for whom."""

    code: str
    link: str
    qr_svg: str
    translated: LetterText | None
    recipient: str  # a class or group, or a family's class and reference: how the school hands it out


def code_link(url_name: str, code: str) -> str:
    # The plain code: the code page formats what it is given, and a formatted code would get a second dash.
    return settings.PUBLIC_BASE_URL.rstrip("/") + reverse(url_name, args=[code])


def short_address(url_name: str) -> str:
    """The code page's address without the scheme, as a parent types it: "school.example/q/"."""
    return settings.PUBLIC_BASE_URL.rstrip("/").split("://", 1)[-1] + reverse(url_name)


def isolated(address: str) -> str:
    return LEFT_TO_RIGHT_ISOLATE + address + POP_DIRECTIONAL_ISOLATE


def qr_svg(link: str) -> str:
    return str(segno.make(link, error="m").svg_inline(scale=3))


def letter_text(template: str, context: Mapping[str, object], language: str) -> LetterText:
    """One language's text of a letter, rendered in that language."""
    with translation.override(language):
        html = render_to_string(template, dict(context))
    return LetterText(language, native_name(language), is_right_to_left(language), html)


def letters_pdf(school_name: str, dutch: LetterText, letters: list[Letter]) -> bytes:
    html = render_to_string(
        "respondents/letters.html", {"school_name": school_name, "dutch": dutch, "letters": letters}
    )
    pdf: bytes = HTML(string=html).write_pdf()
    return pdf
