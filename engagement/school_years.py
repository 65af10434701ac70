"""School years as Flemish schools write them: "2026-2027", starting on 1 September."""

import re
from datetime import date

SCHOOL_YEAR = re.compile(r"^(\d{4})-(\d{4})$")
FIRST_MONTH = 9  # September


def school_year_of(day: date) -> str:
    start = day.year if day.month >= FIRST_MONTH else day.year - 1
    return f"{start}-{start + 1}"


def is_school_year(text: str) -> bool:
    match = SCHOOL_YEAR.match(text)
    if match is None:
        return False
    start, end = int(match.group(1)), int(match.group(2))
    return end == start + 1 and 2000 <= start <= 2100


def next_school_year(year: str) -> str:
    start = int(year[:4]) + 1
    return f"{start}-{start + 1}"


def previous_school_year(year: str) -> str:
    start = int(year[:4]) - 1
    return f"{start}-{start + 1}"


def first_day_of(year: str) -> date:
    return date(int(year[:4]), FIRST_MONTH, 1)


def change_waits_for_next_school_year(year: str, published_on: date) -> bool:
    """Whether the school year the declaration is for had begun on `published_on`: from then on, a change to
    it (a re-publication) takes effect only from the next school year."""
    return published_on >= first_day_of(year)


# What a publication once the school year has begun means for the families (publication_during_school_year).
FIRST_TEXT_OF_THE_YEAR = "first_text"
CHANGE_DURING_THE_YEAR = "change"


def publication_during_school_year(year: str, published_on: date, replaces_a_published_version: bool) -> str:
    """Empty before the school year begins. Once it has begun, the first published text is what families agree
    to; publishing again changes the schoolreglement, which takes effect from the next school year and needs
    every family's written agreement again."""
    if not change_waits_for_next_school_year(year, published_on):
        return ""
    return CHANGE_DURING_THE_YEAR if replaces_a_published_version else FIRST_TEXT_OF_THE_YEAR
