"""Chores the worker runs on a schedule (retention, digests), once per period whatever the number of workers.

Apps register a chore in AppConfig.ready(); each worker's pulse calls `enqueue_due_chores`, which claims a
due chore by a conditional UPDATE of its ChoreRun row (of two workers only one wins a period) and puts it in
the queue as a task, so a long chore runs like any other task.
"""

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import IntegrityError, transaction

from jobs.models import ChoreRun

logger = logging.getLogger("betrokken.jobs")


@dataclass(frozen=True)
class Chore:
    name: str
    every: timedelta
    run: Callable[[datetime], object]


_chores: dict[str, Chore] = {}


def register_chore(name: str, every: timedelta, run: Callable[[datetime], object]) -> None:
    _chores[name] = Chore(name, every, run)


def registered_chores() -> list[Chore]:
    return list(_chores.values())


def _claim(chore: Chore, now: datetime) -> bool:
    if ChoreRun.objects.filter(name=chore.name, last_started_at__lte=now - chore.every).update(last_started_at=now):
        return True
    try:
        with transaction.atomic():
            ChoreRun.objects.create(name=chore.name, last_started_at=now)
    except IntegrityError:
        return False
    return True


def enqueue_due_chores(now: datetime) -> list[str]:
    """Claim every chore whose period has passed and queue it; returns the names queued."""
    from jobs.tasks import run_chore

    due = [chore.name for chore in registered_chores() if _claim(chore, now)]
    for name in due:
        run_chore.enqueue(name)
    return due


def run_chore(name: str, now: datetime) -> object:
    result = _chores[name].run(now)
    logger.info("Chore %s ran: %s", name, result)
    return result
