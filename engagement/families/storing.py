"""Storing an imported family list: all rows or none, matched on the school's own family reference."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.db import transaction

from engagement.families.importing import FamilyRow
from engagement.families.translation_columns import TranslationCells
from engagement.families.translation_need import last_day_of
from engagement.models import Family
from schools.models import School


@dataclass(frozen=True)
class ImportResult:
    created: int
    updated: int


TRANSLATION_FIELDS = ("translation_reason", "translation_note", "translation_until")


def _translation_values(cells: TranslationCells, school_year: str) -> tuple[str, str, date | None]:
    """A reason without a date holds until the end of the school year (31 August); no reason, no date."""
    if not cells.reason:
        return "", "", None
    return cells.reason, cells.note, cells.until or last_day_of(school_year)


@transaction.atomic
def store_families(school: School, school_year: str, rows: Iterable[FamilyRow]) -> ImportResult:
    """Families of the school year with the same reference are updated, others created; the rest stay."""
    existing = {
        family.reference: family
        for family in Family.objects.select_for_update().filter(school=school, school_year=school_year)
    }
    new, changed = [], []
    for row in rows:
        stored = existing.get(row.reference)
        family = stored or Family(school=school, school_year=school_year, reference=row.reference)
        before = (family.class_name, family.language, *(getattr(family, name) for name in TRANSLATION_FIELDS))
        family.class_name, family.language = row.class_name, row.language
        if row.translation is not None:  # a list without the columns keeps what the school recorded
            for name, value in zip(TRANSLATION_FIELDS, _translation_values(row.translation, school_year), strict=True):
                setattr(family, name, value)
        after = (family.class_name, family.language, *(getattr(family, name) for name in TRANSLATION_FIELDS))
        if stored is None:
            new.append(family)
        elif before != after:
            changed.append(family)
    Family.objects.bulk_create(new, batch_size=500)
    Family.objects.bulk_update(changed, ["class_name", "language", *TRANSLATION_FIELDS], batch_size=500)
    return ImportResult(created=len(new), updated=len(changed))


def record_translation(family: Family, reason: str, note: str, until: date | None) -> None:
    """What the coordinator chose on the families page: a reason and a date, or no translation at all."""
    family.translation_reason, family.translation_note, family.translation_until = (
        (reason, note, until or last_day_of(family.school_year)) if reason else ("", "", None)
    )
    family.save(update_fields=list(TRANSLATION_FIELDS))
