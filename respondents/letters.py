"""What every printed letter to a family shares: the public address, the QR code and one language's text.

A PDF of letters is made in two layers (respondents/letter_stamping.py): the school name and the two columns,
the same on every letter in one language, are laid out once per language; each letter's own part (QR code,
link, code, recipient) is laid out in chunks and drawn over it. Laying the columns out for every letter took
~0.1 s a letter, most of it WeasyPrint's line breaking and flex layout of the same text again and again.
"""

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass

import segno
from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from weasyprint import HTML

from accounts.staff_mail import public_url
from respondents.languages import is_right_to_left, native_name
from respondents.letter_stamping import stamp_over_backgrounds

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
    """One A4 letter: the code as printed, its link (also drawn as a QR code), the translation beside the Dutch, and
    for whom."""

    code: str
    link: str
    translated: LetterText | None
    recipient: str  # a class or group, or a family's class and reference: how the school hands it out


def code_link(url_name: str, code: str) -> str:
    # The plain code: the code page formats what it is given, and a formatted code would get a second dash.
    return public_url(reverse(url_name, args=[code]))


def short_address(url_name: str) -> str:
    """The code page's address without the scheme, as a parent types it: "school.example/q/"."""
    return settings.PUBLIC_BASE_URL.rstrip("/").split("://", 1)[-1] + reverse(url_name)


def isolated(address: str) -> str:
    return LEFT_TO_RIGHT_ISOLATE + address + POP_DIRECTIONAL_ISOLATE


QR_ERROR_LEVEL, QR_PX_PER_MODULE, QR_QUIET_MODULES = "m", 3, 4


def qr_svg(link: str) -> str:
    return str(segno.make(link, error=QR_ERROR_LEVEL).svg_inline(scale=QR_PX_PER_MODULE))


@dataclass(frozen=True)
class QrCode:
    rows: list[list[bool]]  # dark modules, with the quiet zone around them

    @classmethod
    def of(cls, link: str) -> "QrCode":
        matrix = segno.make(link, error=QR_ERROR_LEVEL).matrix_iter(scale=1, border=QR_QUIET_MODULES)
        return cls([[bool(dark) for dark in row] for row in matrix])

    @property
    def size_px(self) -> int:
        return len(self.rows) * QR_PX_PER_MODULE

    def squares(self, left: float, top: float) -> bytes:
        """PDF operators filling each row's runs of dark modules, in CSS px from the page's top left."""
        module = QR_PX_PER_MODULE
        operators = ["0 g"]
        for row_number, row in enumerate(self.rows):
            start = None
            for column, dark in enumerate([*row, False]):
                if dark and start is None:
                    start = column
                elif not dark and start is not None:
                    width = (column - start) * module
                    operators.append(f"{left + start * module:.2f} {top + row_number * module:.2f} {width} {module} re")
                    start = None
        operators.append("f")
        return "\n".join(operators).encode()


def letter_text(template: str, context: Mapping[str, object], language: str) -> LetterText:
    """One language's text of a letter, rendered in that language."""
    with translation.override(language):
        html = render_to_string(template, dict(context))
    return LetterText(language, native_name(language), is_right_to_left(language), html)


# Letters' own parts laid out at once: small enough to keep the worker's memory flat, large enough to be cheap.
CHUNK = 100


@dataclass(frozen=True)
class SharedPage:
    pdf: bytes
    columns_height: float  # CSS px from the top of the letter to where its own part begins


def _shared_page(school_name: str, dutch: LetterText, translated: LetterText | None) -> SharedPage:
    html = render_to_string(
        "respondents/letter_shared.html", {"school_name": school_name, "dutch": dutch, "translated": translated}
    )
    document = HTML(string=html).render()
    if len(document.pages) != 1:
        raise ValueError("A letter's text does not fit on one page")
    anchors = document.pages[0].anchors
    top, own_part = anchors["letter-top"][1], anchors["letter-own-part"][1]
    return SharedPage(document.write_pdf(), own_part - top)


def _own_parts(letters: Sequence[Letter], columns_height: Sequence[float]) -> tuple[bytes, list[bytes]]:
    """The letters' own parts laid out (the QR code left as a space of its size) and their QR codes' squares."""
    codes = [QrCode.of(letter.link) for letter in letters]
    rows = zip(letters, columns_height, (code.size_px for code in codes), strict=True)
    document = HTML(string=render_to_string("respondents/letters.html", {"letters": rows})).render()
    drawings = []
    for number, (page, code) in enumerate(zip(document.pages, codes, strict=True)):
        left, top, _right, _bottom = page.anchors[f"qr-{number}"]
        drawings.append(code.squares(left, top))
    return document.write_pdf(), drawings


def letters_pdf(
    school_name: str,
    dutch: LetterText,
    letters: list[Letter],
    progress: Callable[[int, int], None] | None = None,
) -> bytes:
    """One A4 per letter, in order; `progress(done, total)` is told at the start and after every chunk of letters."""
    if progress is not None:
        progress(0, len(letters))  # the job's page shows how many letters are coming while the first chunk is made
    shared: dict[LetterText | None, int] = {}
    pages: list[SharedPage] = []
    for letter in letters:
        if letter.translated not in shared:
            shared[letter.translated] = len(pages)
            pages.append(_shared_page(school_name, dutch, letter.translated))
    heights = [pages[shared[letter.translated]].columns_height for letter in letters]

    def own_parts() -> Iterator[tuple[bytes, list[bytes]]]:
        for start in range(0, len(letters), CHUNK):
            yield _own_parts(letters[start : start + CHUNK], heights[start : start + CHUNK])
            if progress is not None:
                progress(min(start + CHUNK, len(letters)), len(letters))

    background_of_page = [shared[letter.translated] for letter in letters]
    return stamp_over_backgrounds([page.pdf for page in pages], own_parts(), background_of_page)
