"""The web side of a job: ask for it (once), try again after a failure, withdraw it when its source is gone."""

from datetime import datetime
from typing import Any

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import get_language, override
from django_stubs_ext import StrOrPromise

from accounts.models import User
from jobs import storage
from jobs.models import Job, JobStatus
from jobs.tasks import build_job
from schools.models import School


def _enqueue(job: Job) -> None:
    # After the commit, so a worker never looks for a job row it cannot see yet.
    transaction.on_commit(lambda: build_job.enqueue(str(job.pk)))


def start_job(
    school: School,
    user: User,
    kind: str,
    params: dict[str, Any],
    *,
    label: str,
    file_name: str,
    content_type: str,
    back_url: str,
    expires_by: datetime | None = None,
    reuse_done: bool = True,
) -> Job:
    """The job for this file: an unfinished or still downloadable one with the same kind and params is reused,
    so a double click or a second tab never makes the letters twice. With reuse_done=False only an unfinished
    one is: a file of live data (an export, new family codes) asked for again later is made again.
    `expires_by` keeps the file from outliving what it was made from (letters' plain codes), when that is
    sooner than GENERATED_FILES_HOURS."""
    params = {**params, "language": get_language()}
    same = (
        Job.objects.filter(school=school, requested_by=user, kind=kind, params=params)
        .exclude(status=JobStatus.FAILED)
        .exclude(status=JobStatus.DONE, file_path="")
    )
    if not reuse_done:
        same = same.exclude(status=JobStatus.DONE)
    existing = same.first()
    if existing is not None:
        return existing
    job = Job.objects.create(
        school=school,
        requested_by=user,
        kind=kind,
        params=params,
        label=label,
        file_name=file_name,
        content_type=content_type,
        back_url=back_url,
        expires_at=expires_by,
    )
    _enqueue(job)
    return job


def retry_job(job: Job) -> bool:
    """A failed job goes back in the queue; False when it had not failed or trying again cannot help."""
    retried = Job.objects.filter(pk=job.pk, status=JobStatus.FAILED, retryable=True).update(
        status=JobStatus.WAITING, attempts=F("attempts") + 1, failure="", done=0, finished_at=None
    )
    if retried:
        _enqueue(job)
    return bool(retried)


def withdraw_jobs(jobs: "list[Job]", reason: "StrOrPromise") -> None:
    """Remove the files of jobs whose source is gone (codes forgotten) and say so on their pages for good.

    The job stays, failed with the reason, so a page that refreshes itself tells the person what happened
    rather than "not found"; a job still being made fails too (its result is thrown away, see running.run).
    """
    for job in jobs:
        storage.remove_file(job.file_path)
        with override(job.language):
            said = str(reason)
        Job.objects.filter(pk=job.pk).update(
            status=JobStatus.FAILED, failure=said, retryable=False, file_path="", finished_at=timezone.now()
        )


def expired(job: Job) -> bool:
    if job.status != JobStatus.DONE:
        return False
    return not job.file_path or bool(job.expires_at and job.expires_at < timezone.now())
