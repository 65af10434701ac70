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
    """The engagementsverklaring is part of the schoolreglement: a version published once the school year
    it is for has begun takes effect from the next school year, after every family has agreed to it again."""
    return published_on >= first_day_of(year)
