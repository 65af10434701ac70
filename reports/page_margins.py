"""The text in the PDF's page margins (@page boxes), written as CSS: the school and round, and "pagina X van Y".

WeasyPrint fills a margin box only from CSS `content`, so names a school typed go into a CSS string. Every
character that could end the string or the <style> element is written as a CSS escape instead.
"""

import re

from django.utils.translation import gettext as _

# The placeholders a translation of the page counter keeps; anything else in it is literal text.
_COUNTERS = {"%(page)s": "counter(page)", "%(pages)s": "counter(pages)"}
_PLACEHOLDER = re.compile("(" + "|".join(re.escape(placeholder) for placeholder in _COUNTERS) + ")")


def css_string(text: str) -> str:
    """`text` as a quoted CSS string; letters, digits and spaces as they are, anything else escaped (\\3c for <)."""
    escaped = "".join(
        character if character.isalnum() or character == " " else f"\\{ord(character):x} " for character in text
    )
    return f'"{escaped}"'


def page_counter_content() -> str:
    """The CSS content for "page 2 of 9" in the reader's language."""
    text = _("page %(page)s of %(pages)s")
    pieces = [_COUNTERS.get(piece) or css_string(piece) for piece in _PLACEHOLDER.split(text) if piece]
    return " ".join(pieces)


def footer_content(school: str, round_title: str) -> str:
    """The CSS content naming the school and the round, on every page."""
    return css_string(f"{school} · {round_title}")
