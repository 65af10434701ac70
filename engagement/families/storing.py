"""Storing an imported family list: all rows or none, matched on the school's own family reference."""

from collections.abc import Iterable
from dataclasses import dataclass

from django.db import transaction

from engagement.families.importing import FamilyRow
from engagement.models import Family
from schools.models import School


@dataclass(frozen=True)
class ImportResult:
    created: int
    updated: int


@transaction.atomic
def store_families(school: School, school_year: str, rows: Iterable[FamilyRow]) -> ImportResult:
    """Families of the school year with the same reference are updated, others created; the rest stay."""
    existing = {
        family.reference: family
        for family in Family.objects.select_for_update().filter(school=school, school_year=school_year)
    }
    new, changed = [], []
    for row in rows:
        family = existing.get(row.reference)
        if family is None:
            new.append(
                Family(
                    school=school,
                    school_year=school_year,
                    reference=row.reference,
                    class_name=row.class_name,
                    language=row.language,
                )
            )
        elif (family.class_name, family.language) != (row.class_name, row.language):
            family.class_name, family.language = row.class_name, row.language
            changed.append(family)
    Family.objects.bulk_create(new, batch_size=500)
    Family.objects.bulk_update(changed, ["class_name", "language"], batch_size=500)
    return ImportResult(created=len(new), updated=len(changed))
