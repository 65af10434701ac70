"""A school year's family data, for the coordinator to take out or erase (GDPR), each time logged.

Always scoped to one school and one school year: never another school's or year's families.
"""

import json
from dataclasses import dataclass

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from accounts.models import User
from engagement.models import Acknowledgment, Family, PrivacyAction, PrivacyLog
from schools.models import School


@dataclass(frozen=True)
class YearCounts:
    families: int
    acknowledgments: int


def _families(school: School, school_year: str) -> QuerySet[Family]:
    return Family.objects.filter(school=school, school_year=school_year)


def year_counts(school: School, school_year: str) -> YearCounts:
    return YearCounts(
        families=_families(school, school_year).count(),
        acknowledgments=Acknowledgment.objects.filter(
            school=school, family__school=school, family__school_year=school_year
        ).count(),
    )


def year_data(school: School, school_year: str) -> tuple[dict[str, object], YearCounts]:
    """Everything kept about the year's families (not the code digests: keys, no data about anyone), and how much."""
    acknowledgments: dict[object, list[dict[str, object]]] = {}
    for acknowledgment in (
        Acknowledgment.objects.filter(school=school, family__school=school, family__school_year=school_year)
        .select_related("version")
        .order_by("acknowledged_at", "id")
    ):
        acknowledgments.setdefault(acknowledgment.family_id, []).append(
            {
                "version": acknowledgment.version.number,
                "name": acknowledgment.name,
                "language": acknowledgment.language,
                "acknowledged_at": acknowledgment.acknowledged_at.isoformat(),
            }
        )
    families = [
        {
            "reference": family.reference,
            "class": family.class_name,
            "language": family.language,
            # Why the school offers a translation and until when: the family may ask what the school noted.
            "translation_reason": family.translation_reason,
            "translation_note": family.translation_note,
            "translation_until": family.translation_until.isoformat() if family.translation_until else None,
            "added_at": family.created_at.isoformat(),
            # One entry per letter: when its code was made and, if it was voided, when (never the code's digest).
            "codes": [
                {
                    "issued_at": code.issued_at.isoformat(),
                    "voided_at": code.voided_at.isoformat() if code.voided_at else None,
                }
                for code in family.codes.all()
            ],
            "acknowledgments": acknowledgments.get(family.id, []),
            "paper_signatures": [
                {"version": paper.version.number, "signed_on": paper.signed_on.isoformat()}
                for paper in family.paper_signatures.all()
            ],
        }
        for family in _families(school, school_year)
        .order_by("class_name", "reference")
        .prefetch_related("codes", "paper_signatures__version")
    ]
    data: dict[str, object] = {
        "school": school.name,
        "school_year": school_year,
        "exported_at": timezone.now().isoformat(),
        "families": families,
    }
    return data, YearCounts(len(families), sum(len(entries) for entries in acknowledgments.values()))


@transaction.atomic
def export_year(school: School, school_year: str, user: User) -> bytes:
    data, counts = year_data(school, school_year)
    PrivacyLog.objects.create(
        school=school,
        school_year=school_year,
        action=PrivacyAction.EXPORT,
        done_by=user,
        families=counts.families,
        acknowledgments=counts.acknowledgments,
    )
    return json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8")


@transaction.atomic
def delete_year(
    school: School, school_year: str, user: User | None, action: PrivacyAction = PrivacyAction.DELETE
) -> YearCounts:
    """Delete the year's families; their acknowledgments and paper signatures go with them. Logged (without a
    user and as RETENTION when the retention chore deletes them)."""
    _total, per_model = _families(school, school_year).delete()
    counts = YearCounts(
        families=per_model.get(Family._meta.label, 0),
        acknowledgments=per_model.get(Acknowledgment._meta.label, 0),
    )
    PrivacyLog.objects.create(
        school=school,
        school_year=school_year,
        action=action,
        done_by=user,
        families=counts.families,
        acknowledgments=counts.acknowledgments,
    )
    return counts
