"""Downloads of a round: the PDF report and the aggregated results (CSV, XLSX). Readers of the analysis only.

A POST asks the worker for the file and leads to the job's page, which shows the progress and then the download;
a GET (an old bookmark, a prefetch) starts nothing and leads to the profile, where the buttons are.
"""

from uuid import UUID

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils import timezone

from accounts.http import AuthenticatedRequest
from analysis.access import get_round
from reports.round_files import RESULTS_CSV, RESULTS_XLSX, ROUND_REPORT, RoundFile, start_round_file


def _start(request: AuthenticatedRequest, school_id: UUID, round_id: UUID, round_file: RoundFile) -> HttpResponse:
    _membership, round_ = get_round(request, school_id, round_id)
    if request.method != "POST":
        return redirect("results:profile", school_id=school_id, round_id=round_id)
    return redirect(start_round_file(round_, request.user, round_file, timezone.localdate()))


@login_required
def round_pdf(request: AuthenticatedRequest, school_id: UUID, round_id: UUID) -> HttpResponse:
    return _start(request, school_id, round_id, ROUND_REPORT)


@login_required
def results_csv_view(request: AuthenticatedRequest, school_id: UUID, round_id: UUID) -> HttpResponse:
    return _start(request, school_id, round_id, RESULTS_CSV)


@login_required
def results_xlsx_view(request: AuthenticatedRequest, school_id: UUID, round_id: UUID) -> HttpResponse:
    return _start(request, school_id, round_id, RESULTS_XLSX)
