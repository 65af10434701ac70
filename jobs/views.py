"""The job's page: progress that refreshes itself (no JavaScript), the download, trying again."""

from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.http import AuthenticatedRequest
from jobs import storage
from jobs.access import get_job, get_rw_job
from jobs.attachments import attachment
from jobs.models import JobStatus
from jobs.starting import expired, retry_job

# Seconds between refreshes of the progress page: often enough to feel alive, rare enough for a busy server.
REFRESH_SECONDS = 2


@login_required
def job_page(request: AuthenticatedRequest, school_id: UUID, job_id: UUID) -> HttpResponse:
    job = get_job(request, school_id, job_id)
    context = {
        "job": job,
        "school": job.school,
        "refresh_seconds": None if job.finished else REFRESH_SECONDS,
        "expired": expired(job),
        "waiting": job.status == JobStatus.WAITING,
    }
    return render(request, "jobs/job.html", context)


@login_required
def job_file(request: AuthenticatedRequest, school_id: UUID, job_id: UUID) -> HttpResponseBase:
    job = get_job(request, school_id, job_id)
    path = storage.open_file(job.file_path) if job.status == JobStatus.DONE and not expired(job) else None
    if path is None:
        raise Http404
    response = FileResponse(path.open("rb"), content_type=job.content_type)
    response["Content-Disposition"] = attachment(job.file_name)
    # Letters hold codes and exports family data: no shared cache or browser cache keeps them.
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_POST
def job_retry(request: AuthenticatedRequest, school_id: UUID, job_id: UUID) -> HttpResponse:
    job = get_rw_job(request, school_id, job_id)
    if retry_job(job):
        messages.success(request, _("The file is being made again."))
    return redirect("jobs:job", school_id=school_id, job_id=job.pk)
