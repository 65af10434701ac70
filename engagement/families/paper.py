"""A family that signed "voor akkoord" on paper: the coordinator records it, corrects its date, or removes it.

What was signed is the schoolreglement with the published version of the declaration; the record holds the
date on the paper and who wrote it down. It is not a kennisname on the phone, and the overview counts both.
"""

from datetime import date

from django.db import transaction
from django.utils import timezone

from accounts.models import User
from engagement.models import DeclarationVersion, Family, PaperSignature


class NotRecordable(ValueError):
    """A paper signature needs a published version and a date between its adoption and today."""


def adoption_day(version: DeclarationVersion) -> date | None:
    """The day the schoolraad adopted this text; None when the declaration's adoption is of another version."""
    declaration = version.declaration
    return declaration.adopted_on if declaration.adopted_version_id == version.pk else None


def earliest_signing_day(version: DeclarationVersion) -> date:
    """Nobody signs a text before the schoolraad adopted it (or, without that date, before it was published)."""
    assert version.published_at is not None
    return adoption_day(version) or timezone.localdate(version.published_at)


def paper_signature_of(family: Family, version: DeclarationVersion) -> PaperSignature | None:
    return PaperSignature.objects.filter(family=family, version=version).first()


@transaction.atomic
def record_paper_signature(family: Family, version: DeclarationVersion, signed_on: date, user: User) -> PaperSignature:
    """Record (or correct the date of) the family's paper signature of `version`."""
    if version.published_at is None:
        raise NotRecordable(f"{version} is not published")
    if family.school_id != version.school_id:
        raise NotRecordable("the family and the version belong to different schools")
    if signed_on > timezone.localdate():
        raise NotRecordable("a paper cannot be signed in the future")
    if signed_on < earliest_signing_day(version):
        raise NotRecordable(f"{version} was not yet adopted or published on {signed_on}")
    signature, _created = PaperSignature.objects.update_or_create(
        family=family,
        version=version,
        defaults={"school_id": family.school_id, "signed_on": signed_on, "recorded_by": user},
    )
    return signature


def remove_paper_signature(family: Family, version: DeclarationVersion) -> bool:
    """Remove the record (entered for the wrong family, say); False when there was none."""
    deleted, _per_model = PaperSignature.objects.filter(family=family, version=version).delete()
    return deleted > 0
