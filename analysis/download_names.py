"""What a round's downloads are called: the school, the round and the day, so that a folder of them stays readable.

A name is a slug (no quote, slash or line break can reach the header); letters outside ASCII are kept for the
browsers that read RFC 6266's filename*, and an ASCII spelling goes beside it for the ones that do not.
"""

import re
from datetime import date

from django.utils.text import slugify

from analysis.models import Round

PART_LENGTH = 50  # a long school or round name still leaves a name that every file system takes


def name_part(text: str) -> str:
    # Punctuation separates words ("zon/maan" is zon-maan), where slugify alone would glue them together.
    words = re.sub(r"[^\w\s-]", " ", text)
    return slugify(words, allow_unicode=True)[:PART_LENGTH].strip("-")


def round_file_name(round_: Round, stem: str, extension: str, on: date, group: str = "", language: str = "") -> str:
    """E.g. verslag-de-regenboog-najaar-2026-2026-11-29.pdf, or brieven-3a-ps-de-regenboog-… (a batch's group and
    language code, so that the Pashto and the Dari letters of one class differ); empty parts left out."""
    parts = [
        name_part(stem),
        name_part(group),
        name_part(language),
        name_part(round_.school.name),
        name_part(round_.title),
        on.isoformat(),
    ]
    return "-".join(part for part in parts if part) + "." + extension
