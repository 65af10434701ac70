"""Letters as a shared page with each letter's own part stamped over it.

Every letter of a batch shares its school name and its two columns of text; only the code, the link, the QR
code and the recipient differ. Laying the columns out once per language and drawing them under every page
as one form XObject makes 1,000 letters about as cheap as their small own parts, and stores the shared text
once in the file instead of 1,000 times.
"""

from collections.abc import Iterable, Sequence
from io import BytesIO
from typing import cast

from pypdf import PageObject, PdfReader, PdfWriter
from pypdf.generic import ArrayObject, DecodedStreamObject, DictionaryObject, IndirectObject, NameObject

PT_PER_PX = 0.75  # a CSS px is 1/96 inch, a PDF point 1/72


def _form_of(writer: PdfWriter, page: PageObject) -> IndirectObject:
    """The page as a form XObject in `writer`: its drawing, its resources (fonts, images) and its box."""
    form = DecodedStreamObject()
    form.set_data(page.get_contents().get_data())  # type: ignore[union-attr]
    form.update(
        {
            NameObject("/Type"): NameObject("/XObject"),
            NameObject("/Subtype"): NameObject("/Form"),
            NameObject("/BBox"): ArrayObject(page.mediabox),
            NameObject("/Resources"): page["/Resources"].clone(writer),
        }
    )
    return writer._add_object(form.flate_encode())


def _draw_first(writer: PdfWriter, name: str, form: IndirectObject) -> IndirectObject:
    """Draws the form, then saves the state for the page's own drawing (closed in _drawn_on_top)."""
    stream = DecodedStreamObject()
    stream.set_data(f"q {name} Do Q\nq\n".encode())
    return writer._add_object(stream)


def _put_under(page: PageObject, name: str, form: IndirectObject, first: IndirectObject) -> None:
    resources = cast(DictionaryObject, page["/Resources"].get_object())
    if "/XObject" not in resources:
        resources[NameObject("/XObject")] = DictionaryObject()
    cast(DictionaryObject, resources["/XObject"].get_object())[NameObject(name)] = form
    contents = page[NameObject("/Contents")]
    drawn = contents.get_object()
    own = list(drawn) if isinstance(drawn, ArrayObject) else [contents]
    page[NameObject("/Contents")] = ArrayObject([first, *own])


def _drawn_on_top(writer: PdfWriter, page: PageObject, drawing: bytes) -> None:
    """Add `drawing` (PDF operators in CSS px from the top left, as WeasyPrint lays out) over the page, once the
    page's own drawing has restored the state it left (a WeasyPrint page does not restore its transformation)."""
    height = float(page.mediabox.height)
    stream = DecodedStreamObject()
    start = f"Q\nq {PT_PER_PX} 0 0 {-PT_PER_PX} 0 {height:.4f} cm\n"
    stream.set_data(start.encode() + drawing + b"\nQ\n")
    contents = page[NameObject("/Contents")]
    assert isinstance(contents, ArrayObject)
    contents.append(writer._add_object(stream.flate_encode()))


def stamp_over_backgrounds(
    backgrounds: Sequence[bytes],
    foregrounds: Iterable[tuple[bytes, Sequence[bytes]]],
    background_of_page: Sequence[int],
) -> bytes:
    """One page per page of the foreground PDFs (in order), each drawn over the first page of its background.

    A foreground is a PDF with, per page, a drawing of its own to add on top (may be b""): vector squares
    of a QR code are far cheaper to write here than to have WeasyPrint parse and draw an SVG path.
    `background_of_page[i]` is the index in `backgrounds` of the i-th foreground page's background.
    """
    writer = PdfWriter()
    layers = []
    for index, background in enumerate(backgrounds):
        name = f"/BetrokkenShared{index}"
        form = _form_of(writer, PdfReader(BytesIO(background)).pages[0])
        layers.append((name, form, _draw_first(writer, name, form)))
    count = 0
    for foreground, drawings in foregrounds:
        pages = PdfReader(BytesIO(foreground)).pages
        if len(pages) != len(drawings):
            raise ValueError(f"{len(pages)} pages for {len(drawings)} drawings")
        for page, drawing in zip(pages, drawings, strict=True):
            if count == len(background_of_page):
                raise ValueError(f"More foreground pages than the {count} letters")
            added = writer.add_page(page)
            _put_under(added, *layers[background_of_page[count]])
            _drawn_on_top(writer, added, drawing)
            count += 1
    if count != len(background_of_page):
        raise ValueError(f"{count} foreground pages for {len(background_of_page)} letters")
    output = BytesIO()
    writer.write(output)
    return output.getvalue()
