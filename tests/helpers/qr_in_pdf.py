"""Reading a QR code back from a printed PDF without a QR decoder: the page is rendered with pdftoppm, the code is
found as the tallest band of rows with dark pixels (text lines are separated by blank rows, a QR code is not), and
its modules are sampled at their centres and compared with segno's matrix of the link that should be in it.

A poster's QR code that holds another link, or is cut, scaled unevenly or missing, does not match.
"""

import io
import subprocess
import tempfile
from pathlib import Path

import segno
from PIL import Image

DARK = 128
DPI = 150


def rendered_page(pdf: bytes, page: int = 1, dpi: int = DPI) -> Image.Image:
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder, "in.pdf")
        source.write_bytes(pdf)
        subprocess.run(
            [
                "pdftoppm",
                "-png",
                "-r",
                str(dpi),
                "-f",
                str(page),
                "-l",
                str(page),
                "-singlefile",
                source,
                Path(folder, "out"),
            ],
            check=True,
        )
        return Image.open(io.BytesIO(Path(folder, "out.png").read_bytes())).convert("L")


def _dark_rows(image: Image.Image) -> list[bool]:
    width, height = image.size
    pixels = image.load()
    assert pixels is not None
    return [any(pixels[x, y] < DARK for x in range(0, width, 2)) for y in range(height)]


def qr_box(image: Image.Image) -> tuple[int, int, int, int]:
    """(left, top, right, bottom) of the tallest run of rows holding dark pixels: the QR code on a poster or letter."""
    rows = _dark_rows(image)
    best, start = (0, 0), None
    for y, dark in enumerate([*rows, False]):
        if dark and start is None:
            start = y
        elif not dark and start is not None:
            if y - start > best[1] - best[0]:
                best = (start, y)
            start = None
    top, bottom = best
    pixels = image.load()
    assert pixels is not None
    columns = [x for x in range(image.size[0]) if any(pixels[x, y] < DARK for y in range(top, bottom, 2))]
    return columns[0], top, columns[-1] + 1, bottom


def qr_matches(image: Image.Image, link: str, error: str = "m") -> bool:
    """Whether the QR code on `image` draws exactly the modules of `link`'s code."""
    expected = [[bool(dark) for dark in row] for row in segno.make(link, error=error).matrix]
    size = len(expected)
    left, top, right, bottom = qr_box(image)
    if abs((right - left) - (bottom - top)) > (right - left) / size:  # not square: not a QR code
        return False
    module_w, module_h = (right - left) / size, (bottom - top) / size
    pixels = image.load()
    assert pixels is not None
    seen = [
        [
            pixels[int(left + (column + 0.5) * module_w), int(top + (row + 0.5) * module_h)] < DARK
            for column in range(size)
        ]
        for row in range(size)
    ]
    return seen == expected
