"""Run the real worker (manage.py worker --batch) in the test's process until the queue is empty.

on_commit callbacks fire only when the test's transaction commits, so tests that enqueue through a view or
`start_job` use `django_capture_on_commit_callbacks(execute=True)`.
"""

from unittest.mock import patch

from django.core.management import call_command


def run_worker(worker_id: str = "test-worker") -> None:
    # The worker drops connections that are not in autocommit mode before each task, which the test's own
    # transaction looks like; the test's connection is kept so the worker sees what the test wrote.
    with patch("django_tasks_db.management.commands.db_worker.close_old_connections"):
        call_command("worker", batch=True, interval=0, startup_delay=False, worker_id=worker_id, verbosity=0)
