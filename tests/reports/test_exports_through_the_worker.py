"""Issue 13, point 1: the round's report and results are made by the worker, not in the web request.

The profile's buttons POST; the job's page shows the progress, then the download under the name the direct
download had, in the language it was asked in. A GET starts nothing. A failure says why and can be retried; asked
for again once made, a file is made again (the round may have changed), while a second click waits for the first.
"""

from dataclasses import replace
from typing import Any

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from jobs.models import Job, JobStatus
from reports import round_files
from schools.models import Membership, Role
from tests.helpers.days import on_one_day
from tests.helpers.job_downloads import download, made_file, start_file
from tests.helpers.survey_data import constant, hand_in_surveys, team_answers
from tests.helpers.worker import run_worker
from tests.helpers.world import World, in_dutch, make_user


def url(name: str, world: World) -> str:
    return reverse(f"reports:{name}", args=[world.school.id, world.round.id])


def job_url(name: str, job: Job) -> str:
    return reverse(name, args=[job.school_id, job.pk])


def english(client: Client) -> Client:
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def test_the_report_button_starts_a_job_whose_page_refreshes_until_the_pdf_is_ready(
    world: World, alice_client: Client
) -> None:
    team_answers(world.round, world.alice)
    job, today = on_one_day(lambda: start_file(english(alice_client), url("round_pdf", world)))
    assert (job.kind, job.params) == ("round-report-pdf", {"round": str(world.round.pk), "language": "en"})
    page = alice_client.get(job_url("jobs:job", job)).content.decode()
    assert 'http-equiv="refresh"' in page and "Report of Oudercontact (PDF)" in page
    assert alice_client.get(job_url("jobs:file", job)).status_code == 404  # nothing to download yet
    assert start_file(alice_client, url("round_pdf", world)) == job  # a second click while it waits
    run_worker()
    page = alice_client.get(job_url("jobs:job", job)).content.decode()
    assert 'http-equiv="refresh"' not in page and job_url("jobs:file", job) in page
    response = download(alice_client, job)
    assert response["Content-Type"] == "application/pdf" and response.content.startswith(b"%PDF")
    assert response["Content-Disposition"] == f'attachment; filename="report-de-regenboog-oudercontact-{today}.pdf"'
    assert response["Cache-Control"] == "private, no-store"


@pytest.mark.parametrize("name", ["round_pdf", "results_csv", "results_xlsx"])
def test_a_get_starts_nothing_and_leads_to_the_profiles_buttons(world: World, alice_client: Client, name: str) -> None:
    response = alice_client.get(url(name, world))
    profile = reverse("results:profile", args=[world.school.id, world.round.id])
    assert response.status_code == 302 and response["Location"] == profile
    assert not Job.objects.exists()
    assert f'<form method="post" action="{url(name, world)}"' in alice_client.get(profile).content.decode()


def test_results_asked_for_again_once_made_show_the_round_as_it_is_now(world: World, alice_client: Client) -> None:
    team_answers(world.round, world.alice, constant(4))
    before = made_file(alice_client, url("results_csv", world)).content.decode("utf-8-sig")
    hand_in_surveys(world.round, "parent", 5, constant(2))
    after = made_file(alice_client, url("results_csv", world)).content.decode("utf-8-sig")
    assert Job.objects.filter(kind="round-results-csv").count() == 2
    assert not any(line.startswith("Ouders;") and ";2,0;5;" in line for line in before.splitlines())
    assert any(line.startswith("Ouders;") and ";2,0;5;" in line for line in after.splitlines())


def test_a_failed_export_says_why_and_is_made_on_retry(
    world: World, alice_client: Client, monkeypatch: pytest.MonkeyPatch, django_capture_on_commit_callbacks: Any
) -> None:
    failures = iter([RuntimeError("disk full")])
    real = round_files.RESULTS_XLSX.make

    def make_or_fail(*args: Any) -> bytes:
        for failure in failures:
            raise failure
        return real(*args)

    monkeypatch.setitem(
        round_files.ROUND_FILES, "round-results-xlsx", replace(round_files.RESULTS_XLSX, make=make_or_fail)
    )
    job = start_file(alice_client, url("results_xlsx", world))
    run_worker()
    job.refresh_from_db()
    reason = in_dutch("Something went wrong while making the file.")
    page = alice_client.get(job_url("jobs:job", job)).content.decode()
    assert job.status == JobStatus.FAILED and reason in page and "disk full" not in page
    assert job_url("jobs:retry", job) in page
    with django_capture_on_commit_callbacks(execute=True):
        assert alice_client.post(job_url("jobs:retry", job)).status_code == 302
    run_worker()
    assert download(alice_client, job).content.startswith(b"PK")


def test_only_the_person_who_asked_sees_the_file(world: World, alice_client: Client, charlie_client: Client) -> None:
    colleague = make_user("Erik Team", "erik@example.org")
    Membership.objects.create(school=world.school, user=colleague, role=Role.TEAM)
    job = start_file(world.client_for(colleague), url("results_csv", world))
    run_worker()
    for client in (alice_client, charlie_client):  # the school's coordinator neither: it is Erik's file
        for name in ("jobs:job", "jobs:file"):
            assert client.get(job_url(name, job)).status_code == 404
        assert client.post(job_url("jobs:retry", job)).status_code == 404
    assert charlie_client.post(url("results_csv", world)).status_code == 404
    assert Job.objects.count() == 1
    assert download(world.client_for(colleague), job).content.startswith("\ufeffPerspectief;".encode())
