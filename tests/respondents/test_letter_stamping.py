"""Letters are a shared page per language with each letter's own part stamped over it (respondents/letter_stamping.py):
every page gets its own background, own text and own QR squares, in order, whatever languages are mixed."""

from pathlib import Path

import segno
from PIL import Image
from weasyprint import HTML

from respondents.letter_stamping import stamp_over_backgrounds
from respondents.letters import Letter, LetterText, QrCode, letters_pdf, qr_svg
from tests.helpers.tools import run_poppler


def pdf_of(*pages: str) -> bytes:
    body = "".join(
        f'<p style="break-before: {"auto" if number == 0 else "page"}">{text}</p>' for number, text in enumerate(pages)
    )
    pdf: bytes = HTML(string=f"<html><body>{body}</body></html>").write_pdf()
    return pdf


def page_texts(pdf: bytes, tmp_path: Path, name: str = "stamped.pdf") -> list[str]:
    path = tmp_path / name
    path.write_bytes(pdf)
    return [" ".join(page.split()) for page in run_poppler("pdftotext", path, "-").split("\f") if page.strip()]


def test_each_page_is_its_own_part_over_its_background_in_order(tmp_path: Path) -> None:
    backgrounds = [pdf_of("SHARED-A"), pdf_of("SHARED-B")]
    foregrounds = [(pdf_of("OWN-1", "OWN-2"), [b"", b""]), (pdf_of("OWN-3"), [b""])]
    stamped = stamp_over_backgrounds(backgrounds, foregrounds, [0, 1, 0])
    try:
        stamp_over_backgrounds(backgrounds, foregrounds, [0, 1, 0, 1])
    except ValueError as refused:
        assert "3 foreground pages for 4 letters" in str(refused)
    else:
        raise AssertionError("three pages for four letters were accepted")
    pages = [sorted(page.split()) for page in page_texts(stamped, tmp_path)]  # both at the top: any order
    assert pages == [["OWN-1", "SHARED-A"], ["OWN-2", "SHARED-B"], ["OWN-3", "SHARED-A"]]


def test_a_drawing_lands_where_it_says_in_css_pixels(tmp_path: Path) -> None:
    square = b"0 g 96 192 96 96 re f"  # one inch square, one inch from the left and two from the top
    stamped = stamp_over_backgrounds([pdf_of("SHARED")], [(pdf_of("OWN"), [square])], [0])
    path = tmp_path / "square.pdf"
    path.write_bytes(stamped)
    run_poppler("pdftoppm", "-r", "10", "-png", "-gray", path, tmp_path / "page")
    (png,) = tmp_path.glob("page*.png")
    image = Image.open(png).convert("L")  # 10 dpi: the square is 10 px from x 10 and y 20

    def shade(x: int, y: int) -> int:
        value = image.getpixel((x, y))
        assert isinstance(value, int)
        return value

    assert shade(15, 25) < 64
    assert shade(15, 35) > 192 and shade(25, 25) > 192 and shade(15, 15) > 192


def test_a_page_count_that_does_not_match_the_letters_is_refused() -> None:
    try:
        stamp_over_backgrounds([pdf_of("SHARED")], [(pdf_of("OWN-1", "OWN-2"), [b"", b""])], [0])
    except ValueError as refused:
        assert "More foreground pages than the 1 letters" in str(refused)
    else:
        raise AssertionError("two pages for one letter were accepted")


def test_the_qr_squares_fill_each_run_of_dark_modules() -> None:
    code = QrCode([[True, False, True, True], [False, False, False, True]])
    assert code.squares(10, 20).decode().splitlines() == [
        "0 g",
        "10.00 20.00 3 3 re",
        "16.00 20.00 6 3 re",
        "19.00 23.00 3 3 re",
        "f",
    ]


def test_the_qr_code_is_segnos_with_its_quiet_zone_at_the_size_of_the_old_svg() -> None:
    link = "https://school.example/q/c/ABCDEFGHJK/"
    code = QrCode.of(link)
    matrix = [[bool(dark) for dark in row] for row in segno.make(link, error="m").matrix_iter(scale=1, border=4)]
    assert code.rows == matrix
    assert f'width="{code.size_px}" height="{code.size_px}"' in qr_svg(link)


def text_in(language: str, words: str) -> LetterText:
    return LetterText(language, language.upper(), language == "ar", f"<p>{words}</p>")


def test_letters_in_mixed_languages_keep_their_order_and_their_own_translation(tmp_path: Path) -> None:
    dutch = text_in("nl", "Beste ouder")
    arabic, turkish = text_in("ar", "عزيزي ولي الأمر"), text_in("tr", "Sayın veli")
    translations = [arabic, None, turkish, arabic]
    letters = [
        Letter(f"CODE{number}-ABCDE", f"https://school.example/q/c/CODE{number}ABCDE/", translated, f"G-{number}")
        for number, translated in enumerate(translations)
    ]
    progress: list[tuple[int, int]] = []
    pages = page_texts(
        letters_pdf("De Regenboog", dutch, letters, lambda done, total: progress.append((done, total))), tmp_path
    )
    assert len(pages) == 4 and progress == [(0, 4), (4, 4)]
    for number, (page, translated) in enumerate(zip(pages, translations, strict=True)):
        assert (
            "De Regenboog" in page and "Beste ouder" in page and f"CODE{number}-ABCDE" in page and f"G-{number}" in page
        )
        assert ("Sayın veli" in page) is (translated is turkish)
        assert ("Vertaling – AR" in page) is (translated is arabic)
        assert ("Vertaling" in page) is (translated is not None)
