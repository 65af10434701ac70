"""A file the worker makes, fetched as a person does: press the button (POST), let the worker make it, download.

The POST runs inside captureOnCommitCallbacks(execute=True) because the job is queued on commit, which a test's
transaction never reaches by itself.
"""

from typing import Any

from django.http import HttpResponse
from django.test import Client, TestCase
from django.urls import resolve, reverse

from jobs.models import Job, JobStatus
from tests.helpers.worker import run_worker


def start_file(client: Client, url: str, data: dict[str, Any] | None = None) -> Job:
    """Press the button: the POST leads to the job's page; returns the job."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(url, data or {})
    assert response.status_code == 302, response.status_code
    match = resolve(response["Location"])
    assert match.view_name == "jobs:job", response["Location"]
    return Job.objects.get(pk=match.kwargs["job_id"])


def download(client: Client, job: Job) -> HttpResponse:
    """The finished job's file as its person downloads it, read into a plain response."""
    job.refresh_from_db()
    assert job.status == JobStatus.DONE, (job.status, job.failure)
    response = client.get(reverse("jobs:file", args=[job.school_id, job.pk]))
    assert response.status_code == 200, response.status_code
    read = HttpResponse(b"".join(response.streaming_content), content_type=response["Content-Type"])  # type: ignore[attr-defined]
    for header in ("Content-Disposition", "Cache-Control"):
        read[header] = response[header]
    return read


def made_file(client: Client, url: str, data: dict[str, Any] | None = None) -> HttpResponse:
    """POST to the button's URL, run the worker until the queue is empty, and download what it made."""
    job = start_file(client, url, data)
    run_worker()
    return download(client, job)
