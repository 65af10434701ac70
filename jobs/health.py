"""What /healthz reports: can this server reach the database, and has a worker beaten lately?

A load balancer or a monitor asks this every few seconds; the answer names what is wrong in a word and
nothing more (no host names, versions or errors: the endpoint needs no login).
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import DatabaseError, connection
from django.db.models import Max

from jobs.models import WorkerHeartbeat
from jobs.pulse import PULSE_SECONDS

# Six missed beats: a worker busy with a large letter job still beats (its pulse is a thread of its own).
WORKER_SILENT_AFTER = timedelta(seconds=PULSE_SECONDS * 6)


@dataclass(frozen=True)
class Health:
    database: str  # "ok" or "unreachable"
    worker: str  # "ok", "silent" (no beat within WORKER_SILENT_AFTER), "not running" or "unknown"

    @property
    def healthy(self) -> bool:
        return self.database == "ok" and self.worker == "ok"


def worker_state(last_seen: datetime | None, now: datetime) -> str:
    if last_seen is None:
        return "not running"  # none ever started, or every one stopped on purpose
    return "ok" if now - last_seen <= WORKER_SILENT_AFTER else "silent"


def worker_beating(now: datetime) -> bool:
    """Whether a worker beat lately: a job page that waits says so when none does, rather than wait in silence."""
    last_seen = WorkerHeartbeat.objects.aggregate(newest=Max("last_seen"))["newest"]
    return worker_state(last_seen, now) == "ok"


def check_health(now: datetime) -> Health:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        last_seen = WorkerHeartbeat.objects.aggregate(newest=Max("last_seen"))["newest"]
    except DatabaseError:
        return Health(database="unreachable", worker="unknown")
    return Health(database="ok", worker=worker_state(last_seen, now))
