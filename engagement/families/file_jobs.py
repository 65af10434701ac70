"""The families' files made by the worker: the letters with new codes, the family list and the year's data export.

The job's params say what to make (the declaration, the published version, whom the letters are for), never a
code: the builder makes the codes as it lays the letters out and stores only their HMAC, once the PDF is made.
So a retry after a failure makes new codes, and a failure stores none and voids nothing. A job asked for again
while it waits or runs is the same job (no codes handed out twice); asked for again once made, it is made
again, like printing again today (new codes, the earlier ones working unless voided), and an export shows the
data of that moment.
"""

from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _

from accounts.models import User
from engagement.families.export import family_list_csv, family_list_xlsx, family_statuses
from engagement.families.file_names import family_file_name, letters_about
from engagement.families.letters import MAX_LETTERS_PER_PDF, families_to_print, letters_pdf
from engagement.families.privacy import export_year
from engagement.models import Declaration
from jobs.builders import JobFailed, Progress
from jobs.models import Job
from jobs.starting import start_job
from reports.spreadsheets import CSV_CONTENT_TYPE, XLSX_CONTENT_TYPE

FAMILY_LETTERS = "family-letters"
FAMILY_LIST_CSV = "family-list-csv"
FAMILY_LIST_XLSX = "family-list-xlsx"
FAMILY_YEAR_EXPORT = "family-year-export"


@dataclass(frozen=True)
class LetterChoice:
    """Whom the letters are for, as the coordinator chose on the letters form."""

    class_name: str
    waiting_only: bool  # reminders: only families who neither read it on the phone nor signed on paper
    reference: str  # one family (a lost letter), else empty
    void_earlier: bool


@dataclass(frozen=True)
class FamilyFile:
    """What the person reads about the file while it is made, and what it is called."""

    kind: str
    label: str
    file_name: str
    content_type: str


def _start(declaration: Declaration, user: User, file: FamilyFile, params: dict[str, Any] | None = None) -> Job:
    back = "engagement:family_privacy" if file.kind == FAMILY_YEAR_EXPORT else "engagement:family_overview"
    return start_job(
        declaration.school,
        user,
        file.kind,
        {"declaration": str(declaration.pk), **(params or {})},
        label=file.label,
        file_name=file.file_name,
        content_type=file.content_type,
        back_url=reverse(back, args=[declaration.school_id, declaration.pk]),
        reuse_done=False,
    )


def start_letters(declaration: Declaration, user: User, choice: LetterChoice) -> Job:
    about = letters_about(choice.class_name, choice.reference)
    stem = "herinneringen" if choice.waiting_only else "brieven"
    whom = choice.reference or choice.class_name or _("all classes")
    label = _("Reminders for %(whom)s") if choice.waiting_only else _("Letters for %(whom)s")
    name = family_file_name(stem, declaration.school.name, declaration.school_year, "pdf", about)
    letters = FamilyFile(FAMILY_LETTERS, label % {"whom": whom}, name, "application/pdf")
    return _start(declaration, user, letters, {"version": str(declaration.published_version_id), **asdict(choice)})


def start_family_list(declaration: Declaration, user: User, extension: str) -> Job:
    csv = extension == "csv"
    label = _("Family list %(year)s (CSV)") if csv else _("Family list %(year)s (Excel)")
    name = family_file_name("gezinnen", declaration.school.name, declaration.school_year, extension)
    listing = FamilyFile(
        FAMILY_LIST_CSV if csv else FAMILY_LIST_XLSX,
        label % {"year": declaration.school_year},
        name,
        CSV_CONTENT_TYPE if csv else XLSX_CONTENT_TYPE,
    )
    return _start(declaration, user, listing)


def start_year_export(declaration: Declaration, user: User) -> Job:
    year = declaration.school_year
    name = family_file_name("gezinnen-en-kennisnames", declaration.school.name, year, "json")
    label = _("Family data %(year)s (JSON)") % {"year": year}
    return _start(declaration, user, FamilyFile(FAMILY_YEAR_EXPORT, label, name, "application/json"))


def _declaration(job: Job) -> Declaration:
    declaration = (
        Declaration.objects.select_related("school")
        .filter(pk=job.params["declaration"], school_id=job.school_id)
        .first()
    )
    if declaration is None:
        raise JobFailed(_("This engagementsverklaring no longer exists."), final=True)
    return declaration


def build_letters(job: Job, progress: Progress) -> bytes:
    declaration = _declaration(job)
    if str(declaration.published_version_id) != job.params["version"]:
        raise JobFailed(_("Another version was published since you asked: print the letters again."), final=True)
    params = job.params
    families = families_to_print(declaration, params["class_name"], params["waiting_only"], params["reference"])
    if not families:
        raise JobFailed(_("There are no families to print a letter for with this choice."), final=True)
    if len(families) > MAX_LETTERS_PER_PDF:
        raise JobFailed(
            _("That is more than %(max)d letters at once: print them class by class.") % {"max": MAX_LETTERS_PER_PDF},
            final=True,
        )
    return letters_pdf(declaration, families, params["waiting_only"], params["void_earlier"], progress=progress)


def build_family_list(job: Job, progress: Progress) -> bytes:
    statuses = family_statuses(_declaration(job))
    return family_list_csv(statuses) if job.kind == FAMILY_LIST_CSV else family_list_xlsx(statuses)


def build_year_export(job: Job, progress: Progress) -> bytes:
    """Logged (PrivacyLog) when it is made, as made by the person who asked."""
    declaration = _declaration(job)
    return export_year(declaration.school, declaration.school_year, job.requested_by)


BUILDERS: dict[str, Callable[[Job, Progress], bytes]] = {
    FAMILY_LETTERS: build_letters,
    FAMILY_LIST_CSV: build_family_list,
    FAMILY_LIST_XLSX: build_family_list,
    FAMILY_YEAR_EXPORT: build_year_export,
}
