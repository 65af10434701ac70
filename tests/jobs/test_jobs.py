"""A job is made once by the real worker, shows its progress, says why it failed and can be tried again."""

from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from jobs import builders, running, storage
from jobs.builders import JobFailed, Progress
from jobs.models import ChoreRun, Job, JobStatus, WorkerHeartbeat
from jobs.schedule import enqueue_due_chores, register_chore
from jobs.starting import retry_job, start_job
from tests.helpers.worker import run_worker
from tests.helpers.world import World

made: list[str] = []


def _echo(job: Job, progress: Progress) -> bytes:
    total = int(job.params["count"])
    for done in range(1, total + 1):
        progress(done, total)
    made.append(str(job.pk))
    if job.params.get("fail_first") and job.attempts == 0:
        raise JobFailed("The codes were deleted.")
    if job.params.get("crash"):
        raise RuntimeError("disk on fire")
    return b"letters " + str(total).encode()


builders.register("test-echo", _echo)


@pytest.fixture(autouse=True)
def nothing_made_yet() -> None:
    made.clear()


def _start(world: World, django_capture_on_commit_callbacks: Any, **params: Any) -> Job:
    with django_capture_on_commit_callbacks(execute=True):
        return start_job(
            world.school,
            world.alice,
            "test-echo",
            params,
            label="Brieven 3A",
            file_name="brieven-3a.pdf",
            content_type="application/pdf",
            back_url="/",
        )


@pytest.mark.django_db
def test_the_worker_makes_the_file_once_and_its_person_downloads_it(
    world: World, alice_client: Client, django_capture_on_commit_callbacks: Any
) -> None:
    job = _start(world, django_capture_on_commit_callbacks, count=3)
    page = alice_client.get(reverse("jobs:job", args=[world.school.pk, job.pk]))
    assert 'http-equiv="refresh"' in page.content.decode()
    run_worker()
    run_worker("second-worker")
    job.refresh_from_db()
    assert (job.status, job.done, job.total, made) == (JobStatus.DONE, 3, 3, [str(job.pk)])
    page = alice_client.get(reverse("jobs:job", args=[world.school.pk, job.pk]))
    assert 'http-equiv="refresh"' not in page.content.decode()
    download = alice_client.get(reverse("jobs:file", args=[world.school.pk, job.pk]))
    assert b"".join(download.streaming_content) == b"letters 3"  # type: ignore[attr-defined]
    assert 'filename="brieven-3a.pdf"' in download["Content-Disposition"]


@pytest.mark.django_db
def test_asking_twice_gives_the_same_job(world: World, django_capture_on_commit_callbacks: Any) -> None:
    first = _start(world, django_capture_on_commit_callbacks, count=2)
    second = _start(world, django_capture_on_commit_callbacks, count=2)
    assert first.pk == second.pk
    run_worker()
    assert made == [str(first.pk)]


@pytest.mark.django_db
def test_a_job_claimed_by_one_worker_is_not_made_by_another(
    world: World, django_capture_on_commit_callbacks: Any
) -> None:
    job = _start(world, django_capture_on_commit_callbacks, count=1)
    assert running.claim(job.pk, "worker-a") is not None
    assert running.claim(job.pk, "worker-b") is None
    running.run(job.pk, "worker-b")
    assert made == []


@pytest.mark.django_db
def test_a_failed_job_says_why_and_is_made_on_retry(
    world: World, alice_client: Client, django_capture_on_commit_callbacks: Any
) -> None:
    job = _start(world, django_capture_on_commit_callbacks, count=1, fail_first=True)
    run_worker()
    page = alice_client.get(reverse("jobs:job", args=[world.school.pk, job.pk])).content.decode()
    assert "The codes were deleted." in page
    with django_capture_on_commit_callbacks(execute=True):
        response = alice_client.post(reverse("jobs:retry", args=[world.school.pk, job.pk]))
    assert response.status_code == 302
    run_worker()
    job.refresh_from_db()
    assert job.status == JobStatus.DONE
    assert storage.open_file(job.file_path) is not None


@pytest.mark.django_db
def test_a_crash_is_a_general_failure_without_the_traceback(
    world: World, alice_client: Client, django_capture_on_commit_callbacks: Any
) -> None:
    job = _start(world, django_capture_on_commit_callbacks, count=1, crash=True)
    run_worker()
    job.refresh_from_db()
    assert job.status == JobStatus.FAILED
    assert "disk on fire" not in job.failure
    assert retry_job(job)
    assert not retry_job(job)  # waiting again: nothing to retry


@pytest.mark.django_db
def test_only_the_person_who_asked_sees_the_job(world: World, django_capture_on_commit_callbacks: Any) -> None:
    job = _start(world, django_capture_on_commit_callbacks, count=1)
    run_worker()
    for person in (world.bob, world.charlie):
        client = world.client_for(person)
        for name in ("jobs:job", "jobs:file"):
            assert client.get(reverse(name, args=[world.school.pk, job.pk])).status_code == 404
        assert client.post(reverse("jobs:retry", args=[world.school.pk, job.pk])).status_code == 404


@pytest.mark.django_db
def test_an_expired_file_is_removed_and_the_page_says_so(
    world: World, alice_client: Client, django_capture_on_commit_callbacks: Any
) -> None:
    job = _start(world, django_capture_on_commit_callbacks, count=1)
    run_worker()
    job.refresh_from_db()
    path = storage.open_file(job.file_path)
    assert path is not None
    orphan = path.with_name("left-by-a-crash.part")
    orphan.write_bytes(b"half a letter")
    assert running.remove_expired_files(timezone.now() + timedelta(hours=25)) == 2
    assert not path.exists()
    assert not orphan.exists()
    assert alice_client.get(reverse("jobs:file", args=[world.school.pk, job.pk])).status_code == 404
    page = alice_client.get(reverse("jobs:job", args=[world.school.pk, job.pk])).content.decode()
    assert "verwijderd toen de bewaartijd voorbij was" in page


@pytest.mark.django_db
def test_a_job_whose_worker_died_fails_so_it_can_be_retried(
    world: World, django_capture_on_commit_callbacks: Any
) -> None:
    job = _start(world, django_capture_on_commit_callbacks, count=1)
    running.claim(job.pk, "dead-worker")
    later = timezone.now() + timedelta(minutes=5)
    assert running.fail_abandoned_jobs(later) == 1
    job.refresh_from_db()
    assert job.status == JobStatus.FAILED


@pytest.mark.django_db
def test_a_chore_runs_once_per_period_whatever_the_number_of_workers() -> None:
    runs: list[object] = []
    register_chore("test.count", timedelta(hours=1), runs.append)
    now = timezone.now()
    assert "test.count" in enqueue_due_chores(now)
    assert "test.count" not in enqueue_due_chores(now + timedelta(minutes=30))
    run_worker()
    run_worker("second-worker")
    assert len(runs) == 1
    assert "test.count" in enqueue_due_chores(now + timedelta(hours=1))
    assert ChoreRun.objects.get(name="test.count").last_started_at == now + timedelta(hours=1)
    assert WorkerHeartbeat.objects.filter(worker_id="test-worker").exists()


@pytest.mark.django_db
def test_a_waiting_job_says_so_when_no_worker_runs(
    world: World, alice_client: Client, django_capture_on_commit_callbacks: Any
) -> None:
    job = _start(world, django_capture_on_commit_callbacks, count=1)
    url = reverse("jobs:job", args=[world.school.pk, job.pk])
    page = alice_client.get(url).content.decode()
    assert "Er draait op dit moment geen verwerker" in page and 'content="30"' in page
    now = timezone.now()
    WorkerHeartbeat.objects.create(worker_id="alive", host="h", pid=1, started_at=now, last_seen=now)
    page = alice_client.get(url).content.decode()
    assert "Er draait op dit moment geen verwerker" not in page and 'content="2"' in page
