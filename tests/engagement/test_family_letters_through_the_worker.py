"""Issue 13, point 1: the families' letters and exports are made by the worker, not in the web request.

The letters form leads to the job's page; the worker makes the codes as it lays the letters out, so no plain code
is in the job's params or anywhere in the database; a retry after a failure makes new codes and a failure voids
nothing; a second click while the letters wait is the same job. Only the person who asked sees the job. The year's
data export is logged when the worker makes it, as made by the person who asked.
"""

import json
import re
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from engagement.drafting import change_text, take_step, version_text
from engagement.families import letters
from engagement.families.codes import family_for_code, issue_code
from engagement.models import Declaration, Family, FamilyCode, PrivacyAction, PrivacyLog
from jobs.models import Job, JobStatus
from respondents.codes import normalize_code
from schools.models import Membership, Role
from tests.helpers.database_scan import places_holding
from tests.helpers.engagement_parent_steps import make_family
from tests.helpers.job_downloads import download, made_file, start_file
from tests.helpers.tools import run_poppler
from tests.helpers.worker import run_worker
from tests.helpers.world import World, in_dutch, make_user

PRINTED_CODE = re.compile(r"\b[2-9A-Z]{5}-[2-9A-Z]{5}\b")
ALL_OF_3A = {"class_name": "3A", "families": "all"}


def letters_url(declaration: Declaration) -> str:
    return reverse("engagement:family_letters", args=[declaration.school_id, declaration.id])


def job_url(name: str, job: Job) -> str:
    return reverse(name, args=[job.school_id, job.pk])


def printed_codes(pdf: bytes, tmp_path: Path) -> list[str]:
    path = tmp_path / "brieven.pdf"
    path.write_bytes(pdf)
    return PRINTED_CODE.findall(run_poppler("pdftotext", path, "-"))


def made_file_job(client: Client, declaration: Declaration) -> Job:
    job = start_file(client, letters_url(declaration), ALL_OF_3A)
    run_worker()
    return job


def two_families(world: World) -> list[Family]:
    return [make_family(world, language="ar"), make_family(world, language="nl", reference="F002")]


def test_the_letters_form_leads_to_the_job_and_the_worker_makes_the_codes_once(
    world: World, published_declaration: Declaration, alice_client: Client, tmp_path: Path
) -> None:
    two_families(world)
    job = start_file(alice_client, letters_url(published_declaration), ALL_OF_3A)
    assert not FamilyCode.objects.exists()  # nothing is made in the web request
    page = alice_client.get(job_url("jobs:job", job)).content.decode()
    assert 'http-equiv="refresh"' in page and in_dutch("Letters for %(whom)s") % {"whom": "3A"} in page
    assert alice_client.get(job_url("jobs:file", job)).status_code == 404
    assert start_file(alice_client, letters_url(published_declaration), ALL_OF_3A) == job  # a second click
    run_worker()
    run_worker("second-worker")
    response = download(alice_client, job)
    assert response["Content-Disposition"] == 'attachment; filename="brieven-de-regenboog-2026-2027-3a.pdf"'
    assert response["Cache-Control"] == "private, no-store"
    codes = printed_codes(response.content, tmp_path)
    assert len(codes) == 2 and FamilyCode.objects.count() == 2  # one code per family, made once
    assert sorted(family_for_code(code).reference for code in codes) == ["F001", "F002"]  # type: ignore[union-attr]
    job.refresh_from_db()
    assert set(job.params) == {
        "declaration",
        "version",
        "class_name",
        "waiting_only",
        "reference",
        "void_earlier",
        "language",
    }
    plain = {normalize_code(code) or "" for code in codes}
    assert places_holding(set(codes) | plain) == []  # not in the job, not in any table or session


def test_letters_asked_for_again_once_made_are_new_letters_and_the_earlier_ones_keep_working(
    world: World, published_declaration: Declaration, alice_client: Client, tmp_path: Path
) -> None:
    two_families(world)
    first = printed_codes(made_file(alice_client, letters_url(published_declaration), ALL_OF_3A).content, tmp_path)
    second = printed_codes(made_file(alice_client, letters_url(published_declaration), ALL_OF_3A).content, tmp_path)
    assert Job.objects.count() == 2 and not set(first) & set(second)
    assert all(family_for_code(code) is not None for code in first + second)


def test_a_failed_pdf_stores_no_code_and_voids_nothing_and_a_retry_makes_the_letters(
    world: World,
    published_declaration: Declaration,
    alice_client: Client,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    django_capture_on_commit_callbacks: Any,
) -> None:
    family = make_family(world, language="ar")
    earlier = issue_code(family)
    real_print = letters.print_letters
    failures = iter([RuntimeError("out of memory")])

    def print_or_fail(*args: object, **kwargs: object) -> bytes:
        for failure in failures:
            raise failure
        return real_print(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(letters, "print_letters", print_or_fail)
    job = start_file(alice_client, letters_url(published_declaration), {**ALL_OF_3A, "earlier_codes": "void"})
    run_worker()
    job.refresh_from_db()
    assert job.status == JobStatus.FAILED
    reason = in_dutch("Something went wrong while making the file.")  # in the language the letters were asked in
    text = alice_client.get(job_url("jobs:job", job)).content.decode()
    assert job.failure == reason and reason in text and "out of memory" not in text
    assert family_for_code(earlier) == family and family.codes.count() == 1  # the earlier letter still works
    with django_capture_on_commit_callbacks(execute=True):
        assert alice_client.post(job_url("jobs:retry", job)).status_code == 302
    run_worker()
    codes = printed_codes(download(alice_client, job).content, tmp_path)
    assert family_for_code(earlier) is None and family_for_code(codes[0]) == family  # now the new letter only


def test_a_newer_version_published_before_the_worker_starts_fails_with_the_reason_and_no_codes(
    world: World, published_declaration: Declaration, alice_client: Client
) -> None:
    make_family(world)
    job = start_file(alice_client, letters_url(published_declaration), ALL_OF_3A)
    version = published_declaration.published_version
    assert version is not None
    text = version_text(version)
    change_text(published_declaration, replace(text, introduction=text.introduction + " Nieuw."), world.alice, "x")
    take_step(published_declaration, "consult")
    take_step(published_declaration, "adopt", adopted_on=date(2026, 9, 16))
    take_step(published_declaration, "publish")
    run_worker()
    job.refresh_from_db()
    assert job.status == JobStatus.FAILED
    assert job.failure == in_dutch("Another version was published since you asked: print the letters again.")
    assert not FamilyCode.objects.exists()


def test_only_the_coordinator_who_asked_sees_the_letters(
    world: World, published_declaration: Declaration, alice_client: Client, bob_client: Client, charlie_client: Client
) -> None:
    make_family(world)
    job = made_file_job(alice_client, published_declaration)
    colleague = make_user("Celine Coördinator", "celine@example.org")
    Membership.objects.create(school=world.school, user=colleague, role=Role.COORDINATOR)
    for client in (world.client_for(colleague), bob_client, charlie_client):
        for name in ("jobs:job", "jobs:file"):
            assert client.get(job_url(name, job)).status_code == 404
        assert client.post(job_url("jobs:retry", job)).status_code == 404
    # Another school's address for the same job: 404 for its own person too.
    other = reverse("jobs:job", args=[world.other_school.pk, job.pk])
    assert alice_client.get(other).status_code == 404
    assert bob_client.post(letters_url(published_declaration), ALL_OF_3A).status_code == 403
    assert charlie_client.post(letters_url(published_declaration), ALL_OF_3A).status_code == 404
    assert Job.objects.count() == 1


def test_the_year_export_is_logged_when_the_worker_makes_it_and_expires_like_every_file(
    world: World, published_declaration: Declaration, alice_client: Client
) -> None:
    make_family(world)
    url = reverse("engagement:family_privacy_export", args=[world.school.id, published_declaration.id])
    job = start_file(alice_client, url)
    assert start_file(alice_client, url) == job  # a double click: one job, one export, one log line
    assert not PrivacyLog.objects.exists()
    run_worker()
    log = PrivacyLog.objects.get()
    job.refresh_from_db()
    assert (log.action, log.done_by, log.families) == (PrivacyAction.EXPORT, world.alice, 1)
    assert job.finished_at is not None and job.expires_at is not None
    assert log.done_at <= job.finished_at  # logged when it was made
    retention = timedelta(hours=settings.GENERATED_FILES_HOURS)
    assert abs(job.expires_at - job.finished_at - retention) < timedelta(minutes=1)
    response = download(alice_client, job)
    assert (
        response["Content-Disposition"] == 'attachment; filename="gezinnen-en-kennisnames-de-regenboog-2026-2027.json"'
    )
    assert json.loads(response.content)["families"][0]["reference"] == "F001"
