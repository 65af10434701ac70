"""The worker deletes plain codes past their 24 hours on its own, hourly: no cron line in production."""

import os
from datetime import timedelta
from pathlib import Path

from django.test import Client
from django.utils import timezone

from jobs.schedule import enqueue_due_chores
from tests.helpers.survey_data import make_batch
from tests.helpers.worker import run_worker
from tests.helpers.world import World


def test_the_worker_deletes_expired_code_files_hourly(world: World, alice_client: Client, code_files_dir: Path) -> None:
    old, _ = make_batch(alice_client, world)
    fresh, _ = make_batch(alice_client, world, group_label="3B")
    old_path = code_files_dir / f"{old.id}.codes"
    when = old_path.stat().st_mtime - 25 * 60 * 60
    os.utime(old_path, (when, when))
    now = timezone.now()
    assert "surveys.delete_expired_code_files" in enqueue_due_chores(now)
    assert "surveys.delete_expired_code_files" not in enqueue_due_chores(now + timedelta(minutes=59))
    run_worker()
    assert sorted(path.name for path in code_files_dir.iterdir()) == [f"{fresh.id}.codes"]
