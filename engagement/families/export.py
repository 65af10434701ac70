"""The families of a school year with their acknowledgments: for the overview per class and the exported list.

A family agreed to the published version when it read it on the phone (kennisname), signed it on paper
"voor akkoord" (recorded by the coordinator), or both. Three queries whatever the number of families.
"""

import re
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _

from engagement.models import Acknowledgment, Declaration, Family, PaperSignature
from reports.spreadsheets import Cell, write_csv, write_xlsx
from respondents.languages import staff_label


@dataclass(frozen=True)
class FamilyStatus:
    family: Family
    # The acknowledgment of the published version, if any; otherwise the family's latest of an earlier version.
    acknowledgment: Acknowledgment | None
    acknowledged: bool  # the published version, read on the phone
    paper: PaperSignature | None = None  # the published version, signed on paper

    @property
    def signed_on_paper(self) -> bool:
        return self.paper is not None

    @property
    def agreed(self) -> bool:
        """Read on the phone or signed on paper: no reminder needed."""
        return self.acknowledged or self.signed_on_paper

    @property
    def language_name(self) -> str:
        return staff_label(self.family.language)


@dataclass(frozen=True)
class ClassSummary:
    class_name: str
    families: tuple[FamilyStatus, ...]

    @property
    def acknowledged(self) -> int:
        return sum(status.acknowledged for status in self.families)

    @property
    def signed_on_paper(self) -> int:
        return sum(status.signed_on_paper for status in self.families)

    @property
    def waiting(self) -> tuple[FamilyStatus, ...]:
        """Neither read on the phone nor signed on paper."""
        return tuple(status for status in self.families if not status.agreed)

    @property
    def on_paper(self) -> tuple[FamilyStatus, ...]:
        return tuple(status for status in self.families if status.signed_on_paper)


def natural_key(text: str) -> tuple[tuple[int, int | str], ...]:
    """Classes in the order a school counts them: 2A before 10A."""
    return tuple(
        (0, int(part)) if part.isdigit() else (1, part.casefold()) for part in re.split(r"(\d+)", text) if part
    )


def family_statuses(declaration: Declaration) -> list[FamilyStatus]:
    families = list(Family.objects.filter(school_id=declaration.school_id, school_year=declaration.school_year))
    acknowledgments = (
        Acknowledgment.objects.filter(
            school_id=declaration.school_id,
            family__school_year=declaration.school_year,
            version__declaration=declaration,
        )
        .select_related("version")
        .order_by("acknowledged_at", "id")
    )
    published_id = declaration.published_version_id
    current: dict[object, Acknowledgment] = {}
    latest: dict[object, Acknowledgment] = {}
    for acknowledgment in acknowledgments:
        latest[acknowledgment.family_id] = acknowledgment
        if published_id is not None and acknowledgment.version_id == published_id:
            current[acknowledgment.family_id] = acknowledgment
    papers = {
        paper.family_id: paper
        for paper in PaperSignature.objects.filter(school_id=declaration.school_id, version_id=published_id)
    }
    statuses = [
        FamilyStatus(
            family, current.get(family.id) or latest.get(family.id), family.id in current, papers.get(family.id)
        )
        for family in families
    ]
    return sorted(statuses, key=lambda status: (natural_key(status.family.class_name), status.family.reference))


def class_summaries(statuses: list[FamilyStatus]) -> list[ClassSummary]:
    by_class: dict[str, list[FamilyStatus]] = {}
    for status in statuses:
        by_class.setdefault(status.family.class_name, []).append(status)
    return [ClassSummary(name, tuple(members)) for name, members in by_class.items()]


def family_list_rows(statuses: list[FamilyStatus]) -> list[list[Cell]]:
    """The exported list: a header, then one row per family with its acknowledgment, if any."""
    rows: list[list[Cell]] = [
        [
            _("Family reference"),
            _("Class"),
            _("Language"),
            _("Acknowledged"),
            _("Acknowledged at"),
            _("Name typed"),
            _("Version"),
            _("Signed on paper on"),
        ]
    ]
    for status in statuses:
        acknowledgment = status.acknowledgment
        family = status.family
        row: list[Cell] = [
            family.reference,
            family.class_name,
            family.language,
            _("yes") if status.acknowledged else _("no"),
        ]
        if acknowledgment is not None:
            moment = timezone.localtime(acknowledgment.acknowledged_at).strftime("%Y-%m-%d %H:%M")
            row += [moment, acknowledgment.name, acknowledgment.version.number]
        else:
            row += [None, None, None]
        row.append(status.paper.signed_on.isoformat() if status.paper is not None else None)
        rows.append(row)
    return rows


def family_list_csv(statuses: list[FamilyStatus]) -> bytes:
    return write_csv(family_list_rows(statuses))


def family_list_xlsx(statuses: list[FamilyStatus]) -> bytes:
    return write_xlsx(family_list_rows(statuses), _("Families"))
