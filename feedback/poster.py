"""The QR poster for the school gate, A4 or A3 (WeasyPrint, as the letters): the page's title, a large QR code,
the short address under it, and the languages families can read it in (each in its own name and script).

The poster is Dutch, the school's language; the translations are on the page itself, beside the Dutch.
"""

import segno
from django.template.loader import render_to_string
from django.utils import translation
from weasyprint import HTML

from feedback.models import FeedbackPage
from feedback.reach import public_link, published_languages, short_address
from respondents.languages import MASTER, is_right_to_left, native_name
from respondents.letters import isolated

# Paper sizes and how large the QR code is printed on each: readable from a step away at the gate.
POSTER_SIZES = {"a4": ("A4", 110), "a3": ("A3", 160)}  # CSS page size, QR side in mm


def poster_qr_svg(link: str) -> str:
    """The QR code as SVG, scaled by CSS to its printed size (quiet zone of four modules included)."""
    return str(segno.make(link, error="m").svg_inline(scale=1, border=4, omitsize=True))


def poster_pdf(page: FeedbackPage, size: str) -> bytes:
    page_size, qr_mm = POSTER_SIZES[size]
    link = public_link(page)
    languages = [
        {"code": code, "name": native_name(code), "rtl": is_right_to_left(code)}
        for code in published_languages(page)
        if code != MASTER
    ]
    context = {
        "school": page.round.school,
        "page_size": page_size,
        "qr_mm": qr_mm,
        "qr_svg": poster_qr_svg(link),
        "address": isolated(short_address(page)),
        "languages": languages,
        "large": size == "a3",
    }
    with translation.override(MASTER):
        html = render_to_string("feedback/reach/poster.html", context)
    return HTML(string=html).write_pdf()
