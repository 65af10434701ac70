"""A generated file is removed by the worker's chore once past GENERATED_FILES_HOURS, and the removal is logged."""

import logging
from datetime import datetime, timedelta

import pytest
from django.utils import timezone

from jobs import storage
from jobs.models import Job, JobStatus
from jobs.schedule import registered_chores, run_chore
from tests.helpers.world import World

EXPIRES_AT = timezone.make_aware(datetime(2026, 12, 1, 12, 0))


def done_job(world: World, expires_at: datetime) -> Job:
    job = Job.objects.create(
        school=world.school,
        requested_by=world.alice,
        kind="test.retention",
        label="Brieven",
        file_name="brieven.pdf",
        content_type="application/pdf",
        back_url="/",
        status=JobStatus.DONE,
        expires_at=expires_at,
    )
    job.file_path = storage.write_file(job.pk, 0, b"%PDF with plain codes")
    job.save(update_fields=["file_path"])
    return job


@pytest.mark.django_db
def test_files_past_their_time_are_removed_every_ten_minutes_and_logged(
    world: World, caplog: pytest.LogCaptureFixture
) -> None:
    assert next(chore.every for chore in registered_chores() if chore.name == "jobs.remove_expired_files") == (
        timedelta(minutes=10)
    )
    expired = done_job(world, EXPIRES_AT)
    kept = done_job(world, EXPIRES_AT + timedelta(hours=1))
    with caplog.at_level(logging.INFO, logger="betrokken.retention"):
        run_chore("jobs.remove_expired_files", EXPIRES_AT + timedelta(minutes=1))
    expired.refresh_from_db()
    kept.refresh_from_db()
    assert expired.file_path == "" and kept.file_path != ""
    assert storage.open_file(kept.file_path) is not None
    assert sorted(path.name for path in storage.generated_dir().iterdir()) == [kept.file_path]
    assert [record.getMessage() for record in caplog.records if record.name == "betrokken.retention"] == [
        f"Removed the file of job {expired.pk} (test.retention), past its retention"
    ]
