"""The job's page: progress that refreshes itself (no JavaScript), the download, trying again."""

from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseNotAllowed, JsonResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from accounts.http import AuthenticatedRequest
from jobs import storage
from jobs.access import get_job, get_rw_job
from jobs.attachments import attachment
from jobs.health import check_health, worker_beating
from jobs.models import JobStatus
from jobs.starting import expired, retry_job

# Seconds between refreshes of the progress page: often enough to feel alive, rare enough for a busy server.
REFRESH_SECONDS = 2
# Without a worker nothing moves: a forgotten tab asks less often until one runs.
REFRESH_WITHOUT_WORKER_SECONDS = 30


@login_required
def job_page(request: AuthenticatedRequest, school_id: UUID, job_id: UUID) -> HttpResponse:
    job = get_job(request, school_id, job_id)
    no_worker = job.status == JobStatus.WAITING and not worker_beating(timezone.now())
    context = {
        "job": job,
        "school": job.school,
        "refresh_seconds": None if job.finished else (REFRESH_WITHOUT_WORKER_SECONDS if no_worker else REFRESH_SECONDS),
        "expired": expired(job),
        "waiting": job.status == JobStatus.WAITING,
        "no_worker": no_worker,
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
def job_retry(request: AuthenticatedRequest, school_id: UUID, job_id: UUID) -> HttpResponse:
    job = get_rw_job(request, school_id, job_id)  # first, so an outsider gets 404 whatever the method
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if retry_job(job):
        messages.success(request, _("The file is being made again."))
    return redirect(job)


@transaction.non_atomic_requests  # ATOMIC_REQUESTS would open the connection before the view could report it down
@never_cache
@require_safe  # GET, and HEAD for monitors that ask only for the status
def healthz(request: HttpRequest) -> JsonResponse:
    """For a load balancer or monitor: 200 when the database answers and a worker beat lately, else 503."""
    health = check_health(timezone.now())
    response = JsonResponse(
        {"database": health.database, "worker": health.worker}, status=200 if health.healthy else 503
    )
    # A 503 here is a report, not a failure of this request: keep it out of django.request's error log.
    response._has_been_logged = True  # type: ignore[attr-defined]
    return response
