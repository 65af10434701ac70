"""A round's downloads made by the worker: the report (PDF) and the results (CSV, XLSX).

A report of a large round takes long enough to lose a web worker; the worker makes it while the person watches
the job's page. The file is made in the language the person asked in (the worker overrides it) and under the
name it would have had as a direct download.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from django.urls import reverse
from django.utils.translation import get_language, gettext_noop, pgettext
from django.utils.translation import gettext as _

from accounts.models import User
from analysis.download_names import round_file_name
from analysis.models import Round
from jobs.builders import JobFailed, Progress
from jobs.models import Job
from jobs.starting import start_job
from reports.round_report import build_report, report_pdf, results_csv, results_xlsx
from reports.spreadsheets import CSV_CONTENT_TYPE, XLSX_CONTENT_TYPE
from results.round_results import RoundResults, round_results


@dataclass(frozen=True)
class RoundFile:
    kind: str
    extension: str
    content_type: str
    stem: Callable[[], str]  # translated when the job is asked for
    label: Callable[[Round], str]
    make: Callable[[Round, str], bytes]  # the round and the language


def _results_file(
    kind: str, extension: str, content_type: str, label: str, write: Callable[[RoundResults], bytes]
) -> RoundFile:
    """The aggregated results in a spreadsheet format; `label` is a message with %(round)s, translated when asked."""
    return RoundFile(
        kind,
        extension,
        content_type,
        lambda: pgettext("file name", "results"),
        lambda round_: _(label) % {"round": round_.title},
        lambda round_, language: write(round_results(round_, language)),
    )


ROUND_REPORT = RoundFile(
    "round-report-pdf",
    "pdf",
    "application/pdf",
    lambda: pgettext("file name", "report"),
    lambda round_: _("Report of %(round)s (PDF)") % {"round": round_.title},
    lambda round_, language: report_pdf(build_report(round_, language)),
)
RESULTS_CSV = _results_file(
    "round-results-csv", "csv", CSV_CONTENT_TYPE, gettext_noop("Results of %(round)s (CSV)"), results_csv
)
RESULTS_XLSX = _results_file(
    "round-results-xlsx", "xlsx", XLSX_CONTENT_TYPE, gettext_noop("Results of %(round)s (Excel)"), results_xlsx
)
ROUND_FILES = {round_file.kind: round_file for round_file in (ROUND_REPORT, RESULTS_CSV, RESULTS_XLSX)}


def start_round_file(round_: Round, user: User, round_file: RoundFile, today: date) -> Job:
    """Ask the worker for the file; the same file asked for again while it is being made is the same job.

    A finished file is not handed out again later: the round may have changed since."""
    return start_job(
        round_.school,
        user,
        round_file.kind,
        {"round": str(round_.pk)},
        label=round_file.label(round_),
        file_name=round_file_name(round_, round_file.stem(), round_file.extension, today),
        content_type=round_file.content_type,
        back_url=reverse("results:profile", args=[round_.school_id, round_.pk]),
        reuse_done=False,
    )


def build_round_file(job: Job, progress: Progress) -> bytes:
    """The builder of every round file (jobs.builders): one step, so the page shows waiting, then ready."""
    round_ = Round.objects.select_related("school").filter(pk=job.params["round"], school_id=job.school_id).first()
    if round_ is None:
        raise JobFailed(_("The round no longer exists."), final=True)
    progress(0, 1)
    content = ROUND_FILES[job.kind].make(round_, get_language())
    progress(1, 1)
    return content
