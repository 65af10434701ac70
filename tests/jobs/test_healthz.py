"""/healthz: 200 when the database answers and a worker beat lately, 503 naming what is wrong; no login,
no redirect to HTTPS, no error in the log."""

import json
import logging
import os
import socket
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from django.conf import settings
from django.test import Client
from django.utils import timezone

from jobs.health import WORKER_SILENT_AFTER, worker_state
from jobs.models import WorkerHeartbeat
from tests.helpers.worker import run_worker

NOON = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)


def _beat(last_seen: datetime) -> None:
    WorkerHeartbeat.objects.create(
        worker_id="web-test-1", host="somewhere", pid=1, started_at=last_seen - timedelta(hours=1), last_seen=last_seen
    )


def _health(client: Client) -> tuple[int, dict[str, str]]:
    response = client.get("/healthz")
    assert response["Cache-Control"].startswith("max-age=0")
    return response.status_code, json.loads(response.content)


def test_a_worker_is_alive_for_six_missed_beats_and_silent_after() -> None:
    assert worker_state(NOON - WORKER_SILENT_AFTER, NOON) == "ok"
    assert worker_state(NOON - WORKER_SILENT_AFTER - timedelta(seconds=1), NOON) == "silent"
    assert worker_state(None, NOON) == "not running"


@pytest.mark.django_db
def test_healthy_with_a_worker_that_beat_just_now_and_no_login(client: Client) -> None:
    _beat(timezone.now())
    assert _health(client) == (200, {"database": "ok", "worker": "ok"})
    assert client.head("/healthz").status_code == 200


@pytest.mark.django_db
def test_the_real_worker_beat_makes_it_healthy(client: Client) -> None:
    assert _health(client) == (503, {"database": "ok", "worker": "not running"})
    run_worker()
    assert _health(client) == (200, {"database": "ok", "worker": "ok"})


@pytest.mark.django_db
def test_an_old_heartbeat_is_503_without_saying_where_the_worker_ran(client: Client) -> None:
    _beat(timezone.now() - timedelta(minutes=5))
    response = client.get("/healthz")
    assert (response.status_code, json.loads(response.content)) == (503, {"database": "ok", "worker": "silent"})
    assert b"somewhere" not in response.content


@pytest.mark.django_db
def test_the_newest_of_several_workers_counts(client: Client) -> None:
    _beat(timezone.now() - timedelta(minutes=5))
    WorkerHeartbeat.objects.create(
        worker_id="web-test-2", host="elsewhere", pid=2, started_at=timezone.now(), last_seen=timezone.now()
    )
    assert _health(client)[0] == 200


@pytest.mark.django_db
def test_a_503_is_not_logged_as_an_error(client: Client, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="django.request"):
        assert client.get("/healthz").status_code == 503
    assert [record for record in caplog.records if record.name == "django.request"] == []


@pytest.mark.django_db
def test_not_redirected_to_https_where_every_other_page_is(client: Client, settings: Any) -> None:
    settings.SECURE_SSL_REDIRECT = True
    _beat(timezone.now())
    assert Client().get("/healthz").status_code == 200
    assert Client().get("/q/").status_code == 301


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_a_database_that_does_not_answer_is_503() -> None:
    """The real application in its own process, its database a port where nothing listens (no mock)."""
    script = (
        "import json; from django.test import Client; r = Client().get('/healthz'); "
        "print('HEALTH', r.status_code, r.content.decode())"
    )
    env = {
        **os.environ,
        "DATABASE_URL": f"postgres://nobody:nothing@127.0.0.1:{_free_port()}/nowhere",
        "ALLOWED_HOSTS": "testserver",
        "DEBUG": "0",
    }
    done = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", script],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    status, body = done.stdout.split("HEALTH ", 1)[1].split(" ", 1)
    assert (int(status), json.loads(body)) == (503, {"database": "unreachable", "worker": "unknown"})
    assert "Internal Server Error" not in done.stderr
