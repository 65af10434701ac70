"""The tasks the worker runs for jobs and chores (django-tasks, database backend)."""

from uuid import UUID

from django.utils import timezone
from django_tasks import TaskContext, task

from jobs import running, schedule


@task(takes_context=True)
def build_job(context: TaskContext, job_id: str) -> None:
    worker_ids = context.task_result.worker_ids
    running.run(UUID(job_id), worker_ids[-1] if worker_ids else "unknown")


@task()
def run_chore(name: str) -> None:
    schedule.run_chore(name, timezone.now())
