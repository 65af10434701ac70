"""The worker's pulse: a heartbeat row that /healthz reads, and the queueing of chores that are due."""

import os
import socket
import threading
from datetime import datetime

from django.db import connection
from django.utils import timezone

from jobs.models import WorkerHeartbeat
from jobs.schedule import enqueue_due_chores

PULSE_SECONDS = 10.0


def new_worker_id() -> str:
    return f"{socket.gethostname()[:40]}-{os.getpid()}"


def beat(worker_id: str, started_at: datetime) -> None:
    now = timezone.now()
    seen = {"host": socket.gethostname()[:200], "pid": os.getpid(), "last_seen": now}
    WorkerHeartbeat.objects.update_or_create(
        worker_id=worker_id, defaults=seen, create_defaults={**seen, "started_at": started_at}
    )
    enqueue_due_chores(now)


class Pulse(threading.Thread):
    """Beats every PULSE_SECONDS in its own thread (and so its own database connection) until stopped."""

    def __init__(self, worker_id: str) -> None:
        super().__init__(name="betrokken-pulse", daemon=True)
        self.worker_id = worker_id
        self.started_at = timezone.now()
        self.stopping = threading.Event()

    def run(self) -> None:
        try:
            while not self.stopping.is_set():
                beat(self.worker_id, self.started_at)
                self.stopping.wait(PULSE_SECONDS)
        finally:
            connection.close()

    def stop(self) -> None:
        self.stopping.set()
