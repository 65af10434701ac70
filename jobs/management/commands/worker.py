"""`manage.py worker`: django-tasks' database worker with Betrokken's pulse (heartbeat and chores).

Any number may run, on any machine: a task is claimed under a row lock (SKIP LOCKED on PostgreSQL, an
exclusive transaction on SQLite), a job once more by its own conditional update (jobs.running).
"""

from argparse import ArgumentParser
from typing import Any

from django.utils import timezone
from django_tasks_db.management.commands import db_worker

from jobs.models import WorkerHeartbeat
from jobs.pulse import PULSE_SECONDS, Pulse, beat, new_worker_id


class Command(db_worker.Command):
    help = "Runs background work (letters, exports, e-mail) and scheduled chores until stopped with Ctrl+C."

    def add_arguments(self, parser: ArgumentParser) -> None:
        super().add_arguments(parser)
        # One id per process that /healthz and abandoned jobs can be traced to; no reloading, even in development.
        parser.set_defaults(worker_id=None, reload=False)

    def handle(self, *args: Any, **options: Any) -> None:
        options["worker_id"] = options["worker_id"] or new_worker_id()
        if options["batch"]:
            # Tests and one-off runs: one beat queues the due chores, then everything queued runs and the worker ends.
            beat(options["worker_id"], timezone.now())
            super().handle(*args, **options)
            return
        pulse = Pulse(options["worker_id"])
        pulse.start()
        try:
            super().handle(*args, **options)
        finally:
            pulse.stop()
            pulse.join(timeout=PULSE_SECONDS)
            # Stopped on purpose: /healthz says so at once rather than a minute later.
            WorkerHeartbeat.objects.filter(worker_id=options["worker_id"]).delete()
