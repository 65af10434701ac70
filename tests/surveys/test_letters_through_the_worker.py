"""Issue 13, point 1: a batch's letters are made by the worker. The coordinator asks (POST), waits on the job's
page and downloads the PDF there; a job fails with a reason when the codes are gone, and its file goes with
the codes (24 hours, forgotten, voided)."""

import os
import re
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from jobs import running, storage
from jobs.models import Job, JobStatus
from respondents.codes import format_code
from surveys.code_files import kept_until
from surveys.letters import questionnaire_link
from tests.helpers.letter_jobs import ask_for_letters, download_letters
from tests.helpers.survey_data import batch_url, in_english, invitations_url, make_batch, messages_of
from tests.helpers.tools import run_poppler
from tests.helpers.worker import run_worker
from tests.helpers.world import World

pytestmark = pytest.mark.usefixtures("compiled_messages")

CODES_GONE = (
    "The codes of this batch are no longer available: they are deleted 24 hours after they are made "
    "and when they are forgotten. Make a new batch."
)


def job_url(world: World, job: Job, name: str = "jobs:job") -> str:
    return reverse(name, args=[world.school.pk, job.pk])


def pages_of(pdf: bytes, tmp_path: Path) -> list[str]:
    path = tmp_path / "letters.pdf"
    path.write_bytes(pdf)
    return [page for page in run_poppler("pdftotext", "-layout", path, "-").split("\f") if page.strip()]


def make_codes_older(code_files_dir: Path, batch_id: object, seconds: int) -> None:
    path = code_files_dir / f"{batch_id}.codes"
    when = path.stat().st_mtime - seconds
    os.utime(path, (when, when))


def test_the_invitations_page_asks_for_the_letters_with_a_form(world: World, alice_client: Client) -> None:
    batch, _codes = make_batch(in_english(alice_client), world)
    html = alice_client.get(invitations_url(world)).content.decode()
    form = re.search(
        f'<form method="post" action="{re.escape(batch_url("letters", world, batch))}"[^>]*>(.*?)</form>', html
    )
    assert form is not None
    assert 'name="csrfmiddlewaretoken"' in form.group(1) and "Make the letters (PDF)" in form.group(1)


def test_asking_goes_to_the_job_page_which_refreshes_until_the_pdf_is_ready(
    world: World, alice_client: Client, tmp_path: Path
) -> None:
    client = in_english(alice_client)
    batch, codes = make_batch(client, world, home_language="ar", size="3")
    job = ask_for_letters(client, world, batch)
    assert (job.status, job.label, job.content_type) == (
        JobStatus.WAITING,
        "Letters for 3A in Arabisch (العربية)",
        "application/pdf",
    )
    waiting = client.get(job_url(world, job)).content.decode()
    assert 'http-equiv="refresh"' in waiting and job_url(world, job, "jobs:file") not in waiting
    assert ask_for_letters(client, world, batch) == job  # a second click waits for the same letters
    run_worker()
    job.refresh_from_db()
    assert (job.status, job.done, job.total) == (JobStatus.DONE, 3, 3)
    ready = client.get(job_url(world, job)).content.decode()
    assert 'http-equiv="refresh"' not in ready and f'href="{job_url(world, job, "jobs:file")}"' in ready
    assert f'href="{invitations_url(world)}"' in ready  # the way back
    response, pdf = download_letters(client, world, batch)  # the same job: downloadable, not made again
    assert Job.objects.count() == 1
    assert response["Content-Type"] == "application/pdf"
    pages = pages_of(pdf, tmp_path)
    assert len(pages) == 3
    for code, page in zip(codes, pages, strict=True):
        assert format_code(code) in page and questionnaire_link(code) in page


def test_a_get_of_the_letters_address_goes_back_to_the_invitations(world: World, alice_client: Client) -> None:
    batch, _codes = make_batch(alice_client, world)
    response = alice_client.get(batch_url("letters", world, batch))
    assert (response.status_code, response["Location"]) == (302, invitations_url(world))
    assert not Job.objects.exists()


def test_letters_of_expired_codes_fail_with_the_reason_and_no_button_that_would_fail_again(
    world: World, alice_client: Client, code_files_dir: Path, django_capture_on_commit_callbacks: Any
) -> None:
    client = in_english(alice_client)
    batch, _codes = make_batch(client, world)
    job = ask_for_letters(client, world, batch)
    make_codes_older(code_files_dir, batch.id, 24 * 60 * 60 + 1)  # the 24 hours ran out before the worker came
    run_worker()
    job.refresh_from_db()
    assert (job.status, job.failure, job.file_path) == (JobStatus.FAILED, CODES_GONE, "")
    page = client.get(job_url(world, job)).content.decode()
    assert CODES_GONE in page and "Try again" not in page
    with django_capture_on_commit_callbacks(execute=True):
        retried = client.post(job_url(world, job, "jobs:retry"), follow=True)
    assert "The file is being made again." not in messages_of(retried)
    job.refresh_from_db()
    assert (job.status, job.failure, job.retryable) == (JobStatus.FAILED, CODES_GONE, False)


def test_the_file_expires_when_its_codes_do(world: World, alice_client: Client, code_files_dir: Path) -> None:
    batch, _codes = make_batch(alice_client, world)
    make_codes_older(code_files_dir, batch.id, 20 * 60 * 60)  # made 20 hours ago: 4 hours left
    job = ask_for_letters(alice_client, world, batch)
    run_worker()
    job.refresh_from_db()
    until = kept_until(batch.id)
    assert until is not None and job.status == JobStatus.DONE
    assert job.expires_at == until
    path = storage.open_file(job.file_path)
    assert path is not None
    assert running.remove_expired_files(until - timedelta(seconds=1)) == 0
    assert running.remove_expired_files(until + timedelta(seconds=1)) == 1
    assert not path.exists()
    assert alice_client.get(job_url(world, job, "jobs:file")).status_code == 404


@pytest.mark.parametrize("how", ["forget", "void"])
def test_forgetting_or_voiding_the_codes_removes_their_letters_and_their_page_says_why(
    world: World, alice_client: Client, generated_files_dir: Path, how: str
) -> None:
    batch, _codes = make_batch(alice_client, world)
    other, _codes = make_batch(alice_client, world, group_label="3B")
    job, kept = ask_for_letters(alice_client, world, batch), ask_for_letters(alice_client, world, other)
    run_worker()
    job.refresh_from_db()
    path = storage.open_file(job.file_path)
    assert path is not None and len(list(generated_files_dir.iterdir())) == 2
    assert alice_client.post(batch_url(how, world, batch)).status_code == 302
    assert not path.exists()
    job.refresh_from_db()
    assert (job.status, job.file_path, job.retryable) == (JobStatus.FAILED, "", False)
    page = alice_client.get(job_url(world, job)).content.decode()  # in Dutch, the language the letters were asked in
    assert "De codes van deze reeks zijn gewist of ingetrokken" in page and "Opnieuw proberen" not in page
    assert alice_client.get(job_url(world, job, "jobs:file")).status_code == 404
    kept.refresh_from_db()
    assert kept.status == JobStatus.DONE and len(list(generated_files_dir.iterdir())) == 1


def test_only_the_coordinator_who_asked_sees_the_letters(
    world: World, alice_client: Client, bob_client: Client, charlie_client: Client
) -> None:
    batch, _codes = make_batch(alice_client, world)
    job = ask_for_letters(alice_client, world, batch)
    run_worker()
    assert bob_client.post(batch_url("letters", world, batch)).status_code == 403
    assert charlie_client.post(batch_url("letters", world, batch)).status_code == 404
    for client in (bob_client, charlie_client):
        for name in ("jobs:job", "jobs:file"):
            assert client.get(job_url(world, job, name)).status_code == 404
    assert Job.objects.count() == 1


def test_a_batch_larger_than_one_chunk_has_a_page_per_code_in_order(
    world: World, alice_client: Client, tmp_path: Path
) -> None:
    # 1,000 letters take about a minute here: bench/letters.py makes them; 130 span two chunks of 100.
    batch, codes = make_batch(alice_client, world, home_language="tr", size="130")
    _response, pdf = download_letters(alice_client, world, batch)
    pages = pages_of(pdf, tmp_path)
    assert len(pages) == 130
    for number in (0, 99, 100, 129):
        assert format_code(codes[number]) in pages[number] and "Vertaling – Türkçe" in pages[number]
    job = Job.objects.get()
    assert (job.done, job.total) == (130, 130)


def test_codes_forgotten_while_their_letters_wait_fail_the_job_and_nothing_is_made(
    world: World, alice_client: Client, generated_files_dir: Path
) -> None:
    batch, _codes = make_batch(alice_client, world)
    job = ask_for_letters(alice_client, world, batch)
    assert alice_client.post(batch_url("forget", world, batch)).status_code == 302
    run_worker()
    job.refresh_from_db()
    assert (job.status, job.retryable, job.file_path) == (JobStatus.FAILED, False, "")
    assert list(generated_files_dir.iterdir()) == []
