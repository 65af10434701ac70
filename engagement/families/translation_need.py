"""Whether a family is offered a translation beside the Dutch: the Flemish language rule for schools.

Since June 2024 a school may translate its communication only where it is necessary, for parents who do
not yet speak Dutch, and always beside the Dutch text. So the school records per family why it offers a
translation and until when; without a reason, or after that date, the family reads the Dutch only (with
read-aloud and pictograms). The questionnaire is another case: hearing parents is not official
communication, so it is offered in every language (see the guide).
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal, Protocol

from engagement.school_years import school_year_of

MASTER = "nl"
EXPIRING_WITHIN = timedelta(days=30)

# Why a family gets (or does not get) a translation; the staff pages and tests use these words.
Why = Literal["offered", "dutch", "no_reason", "expired"]


class FamilyTranslation(Protocol):
    """What the rule reads of a family (engagement.models.Family has it)."""

    language: str
    translation_reason: str
    translation_until: date | None


@dataclass(frozen=True)
class TranslationOffer:
    offered: bool
    why: Why


def last_day_of(school_year: str) -> date:
    """31 August of "2026-2027": a school year runs from 1 September to 31 August."""
    return date(int(school_year[5:]), 8, 31)


def end_of_school_year(day: date) -> date:
    """The last day of the school year `day` falls in: the suggested end of a translation."""
    return last_day_of(school_year_of(day))


def latest_until(today: date) -> date:
    """The last day a translation may be given until: the end of the next school year (31 August). Beyond it
    the school would be deciding for parents it has not seen learn Dutch yet; it looks again each year."""
    return date(end_of_school_year(today).year + 1, 8, 31)


def translation_offered(family: FamilyTranslation, today: date) -> TranslationOffer:
    """A translation beside the Dutch only for a family with another language, a recorded reason and a
    date not yet passed (the translation holds through that day)."""
    if family.language in ("", MASTER):
        return TranslationOffer(False, "dutch")
    if not family.translation_reason or family.translation_until is None:
        return TranslationOffer(False, "no_reason")
    if family.translation_until < today:
        return TranslationOffer(False, "expired")
    return TranslationOffer(True, "offered")


def reading_languages(family: FamilyTranslation, today: date) -> tuple[str, ...]:
    """The languages the family may read its texts in: the Dutch, and the translation the school offers it.

    Any other language would be a translation the school decided not to give this family."""
    if translation_offered(family, today).offered:
        return (MASTER, family.language)
    return (MASTER,)


def expires_soon(family: FamilyTranslation, today: date) -> bool:
    """An offered translation that ends within 30 days: time for the school to look at it again."""
    until = family.translation_until
    return translation_offered(family, today).offered and until is not None and until - today <= EXPIRING_WITHIN


@dataclass(frozen=True)
class TranslationCounts:
    offered: int  # families who read a translation beside the Dutch today
    expiring: int  # of those, the ones whose translation ends within 30 days
    dutch_only: int  # families with another language who read the Dutch only (no reason, or the date passed)


def translation_counts(families: Iterable[FamilyTranslation], today: date) -> TranslationCounts:
    offers = [(family, translation_offered(family, today)) for family in families]
    return TranslationCounts(
        offered=sum(offer.offered for _family, offer in offers),
        expiring=sum(expires_soon(family, today) for family, _offer in offers),
        dutch_only=sum(offer.why in ("no_reason", "expired") for _family, offer in offers),
    )
