"""Names and labels as one printable line.

A school name with a line break broke every invitation e-mail (a subject may not hold one), and a
right-to-left override in a family reference or member name shows other people a reversed text. Names,
labels and references typed into forms or imported pass through here before they are stored.
"""

import unicodedata

from django.core.exceptions import ValidationError
from django_stubs_ext import StrOrPromise

# Embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069): they reorder the text around them.
# Joiners (U+200C, U+200D) and the marks U+200E/U+200F stay: Persian and Arabic spelling needs them.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# Control characters (tab, CR, LF, …), line and paragraph separators, and lone surrogates.
BREAKING_CATEGORIES = frozenset({"Cc", "Zl", "Zp", "Cs"})


def has_hidden_controls(text: str) -> bool:
    """Whether `text` holds a character that `single_line` would take out."""
    return any(char in BIDI_CONTROLS or unicodedata.category(char) in BREAKING_CATEGORIES for char in text)


def required_single_line(text: str, required_message: StrOrPromise) -> str:
    """`single_line(text)`, refused as missing when nothing printable is left (a name of only controls)."""
    line = single_line(text)
    if not line:
        raise ValidationError(required_message, code="required")
    return line


def single_line(text: str) -> str:
    """`text` without bidi controls, with every line break or control as a space and runs of spaces as one."""
    kept = (
        " " if unicodedata.category(char) in BREAKING_CATEGORIES else char for char in text if char not in BIDI_CONTROLS
    )
    return " ".join("".join(kept).split())
