"""The worker's side of a job: claim it once, build it with progress, keep the file or say why not.

Claiming is a conditional UPDATE (waiting → running) that only one process can win, so two workers that
both pick up the same job (a retry racing a late first run, say) never make the file twice.
"""

import logging
import time
from datetime import datetime, timedelta
from uuid import UUID

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from jobs import storage
from jobs.builders import JobFailed, builder_for
from jobs.models import Job, JobStatus, WorkerHeartbeat

logger = logging.getLogger("betrokken.jobs")
retention_logger = logging.getLogger("betrokken.retention")

# How often progress is written at most: every write is a query the web pages compete with.
PROGRESS_INTERVAL_SECONDS = 0.5
# A running job whose worker has not beaten for this long has lost its worker (killed, machine gone).
ABANDONED_AFTER = timedelta(minutes=3)


def claim(job_id: UUID, worker_id: str) -> Job | None:
    claimed = Job.objects.filter(pk=job_id, status=JobStatus.WAITING).update(
        status=JobStatus.RUNNING, claimed_by=worker_id, started_at=timezone.now(), done=0, failure=""
    )
    return Job.objects.select_related("school", "requested_by").get(pk=job_id) if claimed else None


class _ProgressWriter:
    def __init__(self, job: Job) -> None:
        self.job = job
        self.last_written = 0.0

    def __call__(self, done: int, total: int) -> None:
        now = time.monotonic()
        if done < total and now - self.last_written < PROGRESS_INTERVAL_SECONDS:
            return
        self.last_written = now
        Job.objects.filter(pk=self.job.pk, status=JobStatus.RUNNING).update(done=done, total=total)


def _finish(job: Job, worker_id: str, **fields: object) -> bool:
    return bool(
        Job.objects.filter(pk=job.pk, status=JobStatus.RUNNING, claimed_by=worker_id).update(
            finished_at=timezone.now(), **fields
        )
    )


def run(job_id: UUID, worker_id: str) -> None:
    """Build a claimed job in the language its person asked in; a job someone else claimed is left alone."""
    job = claim(job_id, worker_id)
    if job is None:
        logger.info("Job %s was claimed already or is gone", job_id)
        return
    with override(job.language):
        try:
            content = builder_for(job.kind)(job, _ProgressWriter(job))
        except JobFailed as failure:
            _finish(job, worker_id, status=JobStatus.FAILED, failure=failure.reason, retryable=not failure.final)
            return
        except Exception:
            logger.exception("Job %s (%s) failed", job.pk, job.kind)
            _finish(job, worker_id, status=JobStatus.FAILED, failure=_("Something went wrong while making the file."))
            return
    relative = storage.write_file(job.pk, job.attempts, content)
    expires = timezone.now() + timedelta(hours=settings.GENERATED_FILES_HOURS)
    if job.expires_at is not None:  # set when started: what the file was made from goes sooner
        expires = min(expires, job.expires_at)
    if not _finish(job, worker_id, status=JobStatus.DONE, file_path=relative, expires_at=expires):
        storage.remove_file(relative)


def fail_abandoned_jobs(now: datetime) -> int:
    """Running jobs whose worker stopped beating become failed, so the person can try again."""
    alive = WorkerHeartbeat.objects.filter(last_seen__gte=now - ABANDONED_AFTER).values("worker_id")
    abandoned = Job.objects.filter(status=JobStatus.RUNNING, started_at__lt=now - ABANDONED_AFTER).exclude(
        claimed_by__in=alive
    )
    failed = 0
    for job in abandoned:
        with override(job.language):
            reason = _("The worker stopped while making the file.")
        failed += Job.objects.filter(pk=job.pk, status=JobStatus.RUNNING).update(
            status=JobStatus.FAILED, failure=reason, finished_at=now
        )
    return failed


def remove_expired_files(now: datetime) -> int:
    """Files past their time are deleted (letters hold plain codes); the job stays and says so. Files no job
    points to any more (its person's account was removed, a crash between writing and recording) go too once
    they are as old as any file may be."""
    removed = 0
    for job in Job.objects.filter(expires_at__lt=now).exclude(file_path=""):
        storage.remove_file(job.file_path)
        Job.objects.filter(pk=job.pk).update(file_path="")
        retention_logger.info("Removed the file of job %s (%s), past its retention", job.pk, job.kind)
        removed += 1
    kept = set(Job.objects.exclude(file_path="").values_list("file_path", flat=True))
    oldest_allowed = now - timedelta(hours=settings.GENERATED_FILES_HOURS)
    for path in storage.files_older_than(oldest_allowed):
        if path.name not in kept:
            path.unlink(missing_ok=True)
            retention_logger.info("Removed %s, a generated file no job points to, past its retention", path.name)
            removed += 1
    return removed
