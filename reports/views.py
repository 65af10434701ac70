"""Downloads of a round: the PDF report and the aggregated results (CSV, XLSX). Readers of the analysis only."""

from uuid import UUID

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.utils.translation import get_language

from accounts.http import AuthenticatedRequest
from analysis.access import get_round
from reports.round_report import build_report, report_pdf, results_csv, results_xlsx
from reports.spreadsheets import CSV_CONTENT_TYPE, XLSX_CONTENT_TYPE
from results.round_results import round_results


def _download(content: bytes, content_type: str, name: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
def round_pdf(request: AuthenticatedRequest, school_id: UUID, round_id: UUID) -> HttpResponse:
    _membership, round_ = get_round(request, school_id, round_id)
    return _download(report_pdf(build_report(round_, get_language())), "application/pdf", "report.pdf")


@login_required
def results_csv_view(request: AuthenticatedRequest, school_id: UUID, round_id: UUID) -> HttpResponse:
    _membership, round_ = get_round(request, school_id, round_id)
    return _download(results_csv(round_results(round_, get_language())), CSV_CONTENT_TYPE, "results.csv")


@login_required
def results_xlsx_view(request: AuthenticatedRequest, school_id: UUID, round_id: UUID) -> HttpResponse:
    _membership, round_ = get_round(request, school_id, round_id)
    return _download(results_xlsx(round_results(round_, get_language())), XLSX_CONTENT_TYPE, "results.xlsx")
