"""Background work a person waits for (letters, exports) and the worker's pulse.

The work itself runs through django-tasks (its database backend); a Job is what the person who asked sees:
its progress, its file or why it failed. Scheduled chores and e-mail are tasks without a Job.
"""

import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from schools.models import School


class JobStatus(models.TextChoices):
    WAITING = "waiting", _("waiting for the worker")
    RUNNING = "running", _("being made")
    DONE = "done", _("ready")
    FAILED = "failed", _("failed")


class Job(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="jobs")
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="jobs")
    # The registered builder (jobs.builders) and what it needs; the same kind and params twice is the same job.
    kind = models.CharField(max_length=60)
    params = models.JSONField(default=dict)
    # What the person reads ("Letters for 3A in Arabic"), in the language they asked in.
    label = models.CharField(max_length=300)
    file_name = models.CharField(max_length=250)
    content_type = models.CharField(max_length=100)
    # Where the person goes back to from the job's page.
    back_url = models.CharField(max_length=300)
    status = models.CharField(max_length=10, choices=JobStatus.choices, default=JobStatus.WAITING)
    done = models.PositiveIntegerField(default=0)
    total = models.PositiveIntegerField(default=0)
    # Why it failed, in words the person can act on; the traceback goes to the log only.
    failure = models.TextField(blank=True)
    # False when trying again cannot help (what the file was made from is gone).
    retryable = models.BooleanField(default=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    claimed_by = models.CharField(max_length=120, blank=True)
    # Relative to GENERATED_FILES_DIR; empty until done and again once the file is removed.
    file_path = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["school", "kind", "status"])]

    def __str__(self) -> str:
        return f"{self.kind} {self.id} ({self.status})"

    def get_absolute_url(self) -> str:
        """The job's page, where every view that starts a job sends the person (redirect(job))."""
        return reverse("jobs:job", args=[self.school_id, self.pk])

    @property
    def language(self) -> str:
        """The language the person asked in: the file, and any reason it failed, are written in it."""
        return str(self.params.get("language") or settings.LANGUAGE_CODE)

    @property
    def finished(self) -> bool:
        return self.status in (JobStatus.DONE, JobStatus.FAILED)

    @property
    def percent(self) -> int:
        if self.status == JobStatus.DONE:
            return 100
        return min(100, self.done * 100 // self.total) if self.total else 0


class WorkerHeartbeat(models.Model):
    """One row per worker process, touched while it runs; /healthz reads the newest."""

    worker_id = models.CharField(max_length=120, primary_key=True)
    host = models.CharField(max_length=200)
    pid = models.PositiveIntegerField()
    started_at = models.DateTimeField()
    last_seen = models.DateTimeField()

    def __str__(self) -> str:
        return self.worker_id


class ChoreRun(models.Model):
    """When a scheduled chore last started, so that of several workers only one runs it per period."""

    name = models.CharField(max_length=60, primary_key=True)
    last_started_at = models.DateTimeField()

    def __str__(self) -> str:
        return self.name
