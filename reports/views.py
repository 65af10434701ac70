"""Downloads of a round: the PDF report and the aggregated results (CSV, XLSX). Readers of the analysis only."""

from uuid import UUID

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import get_language, pgettext

from accounts.http import AuthenticatedRequest
from analysis.access import get_round
from analysis.download_names import round_file_name
from analysis.models import Round
from jobs.attachments import attachment
from reports.round_report import build_report, report_pdf, results_csv, results_xlsx
from reports.spreadsheets import CSV_CONTENT_TYPE, XLSX_CONTENT_TYPE
from results.round_results import round_results


def _download(content: bytes, content_type: str, round_: Round, stem: str, extension: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = attachment(round_file_name(round_, stem, extension, timezone.localdate()))
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
def round_pdf(request: AuthenticatedRequest, school_id: UUID, round_id: UUID) -> HttpResponse:
    _membership, round_ = get_round(request, school_id, round_id)
    pdf = report_pdf(build_report(round_, get_language()))
    return _download(pdf, "application/pdf", round_, pgettext("file name", "report"), "pdf")


@login_required
def results_csv_view(request: AuthenticatedRequest, school_id: UUID, round_id: UUID) -> HttpResponse:
    _membership, round_ = get_round(request, school_id, round_id)
    content = results_csv(round_results(round_, get_language()))
    return _download(content, CSV_CONTENT_TYPE, round_, pgettext("file name", "results"), "csv")


@login_required
def results_xlsx_view(request: AuthenticatedRequest, school_id: UUID, round_id: UUID) -> HttpResponse:
    _membership, round_ = get_round(request, school_id, round_id)
    content = results_xlsx(round_results(round_, get_language()))
    return _download(content, XLSX_CONTENT_TYPE, round_, pgettext("file name", "results"), "xlsx")
