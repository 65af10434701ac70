"""Per-family codes for reading and acknowledging the declaration.

Typed and checked like the questionnaire codes (respondents.codes), but with a digest of their own purpose:
a family code never opens a questionnaire, and a questionnaire code never opens a family's declaration.
Only the HMAC is stored. Every letter adds a code: the earlier letters keep working (a parent may still have
the first one) unless the coordinator voids their codes, for a letter that was lost or reached the wrong home.
"""

from collections.abc import Iterable, Mapping
from datetime import datetime
from uuid import UUID

from django.db import transaction
from django.utils import timezone

from engagement.models import Family, FamilyCode
from respondents.codes import keyed_digest, new_code, normalize_code


def family_code_digest(code: str) -> str:
    return keyed_digest("family-code", code)


def issue_code(family: Family, void_earlier: bool = False) -> str:
    """A fresh code for the family, returned in plain text once (for the letter) and stored as HMAC."""
    code = new_code()
    add_codes([family], {family.id: code}, void_earlier)
    return code


@transaction.atomic
def add_codes(families: Iterable[Family], codes: Mapping[UUID, str], void_earlier: bool) -> None:
    """Store each family's new code (by family id); with void_earlier, the family's earlier codes stop working."""
    families = list(families)
    now = timezone.now()
    if void_earlier:
        void_codes_of(families, now)
    FamilyCode.objects.bulk_create(
        [
            FamilyCode(
                family=family, school_id=family.school_id, digest=family_code_digest(codes[family.id]), issued_at=now
            )
            for family in families
        ],
        batch_size=500,
    )


def void_codes_of(families: Iterable[Family], now: datetime | None = None) -> int:
    """Every working code of these families stops working; returns how many."""
    return FamilyCode.objects.filter(family__in=list(families), voided_at__isnull=True).update(
        voided_at=now or timezone.now()
    )


def code_row(typed: str) -> FamilyCode | None:
    """The stored code for what a parent typed, voided or not, with its family and school; None when unknown."""
    code = normalize_code(typed)
    if code is None:
        return None
    return FamilyCode.objects.select_related("family__school").filter(digest=family_code_digest(code)).first()


def family_for_code(typed: str) -> Family | None:
    """The family whose working code this is; None for an unknown or a voided code."""
    row = code_row(typed)
    return row.family if row is not None and row.voided_at is None else None


def family_with_working_code(family_id: UUID, digest: str) -> Family | None:
    """The family, when the code with this digest is still one of its working codes (a voided code ends a reading)."""
    row = (
        FamilyCode.objects.select_related("family__school")
        .filter(family_id=family_id, digest=digest, voided_at__isnull=True)
        .first()
    )
    return row.family if row is not None else None
