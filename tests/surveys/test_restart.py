"""A parent's questionnaire survives a server restart in the middle of it.

A real server (gunicorn) on a real database file (or a PostgreSQL database of its own when the tests
run on PostgreSQL), driven over HTTP like a phone would: page 1 is answered, the server is stopped,
started again, and the same code resumes on page 2 with page 1's answers there.
"""

import http.cookiejar
import json
import os
import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.error import HTTPError
from urllib.parse import urlencode
from urllib.request import HTTPCookieProcessor, HTTPRedirectHandler, Request, build_opener

import pytest
from django.conf import settings
from django.utils import translation
from django.utils.translation import pgettext

from tests.helpers.deployment import own_database, stop_process

BASE_DIR = Path(settings.BASE_DIR)
PYTHON = sys.executable
GUNICORN = str(Path(sys.executable).with_name("gunicorn"))

SETUP_SCRIPT = """
from datetime import date
from accounts.models import User
from analysis.rounds import start_round
from schools.models import Membership, Role, School
from surveys.batches import issue_codes
school = School.objects.create(name="De Herstart", town="Gent")
user = User.objects.create_user("coordinator@restart.invalid", "a-long-restart-password", name="Coördinator")
Membership.objects.create(school=school, user=user, role=Role.COORDINATOR)
round_ = start_round(school, user, "Herstart", "whole_school", "", date(2026, 10, 1), date(2026, 12, 1), [user])
print("CODE=" + issue_codes(round_, "parent", "class", "2B", "nl", 1, user).codes[0])
"""

REPORT_SCRIPT = """
import json
from surveys.models import SurveyAnswer, SurveyResponse
def answers(response):
    return {str(a.item_id): a.value for a in SurveyAnswer.objects.filter(response=response)}
print("REPORT=" + json.dumps([
    {"status": r.status, "last_page": r.last_page, "answers": answers(r)} for r in SurveyResponse.objects.all()
]))
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def database_url(tmp_path: Path) -> Iterator[str]:
    """A database of this test's own: a file for SQLite, a new database when the tests run on PostgreSQL."""
    with own_database("betrokken_restart", tmp_path) as url:
        yield url


def manage(env: dict[str, str], *args: str) -> str:
    done = subprocess.run(
        [PYTHON, "manage.py", *args], cwd=BASE_DIR, env=env, capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout


@dataclass
class Server:
    process: subprocess.Popen[bytes]
    base: str


def start_server(env: dict[str, str], log: Path) -> Server:
    port = free_port()
    process = subprocess.Popen(
        [GUNICORN, "betrokken.wsgi", "-b", f"127.0.0.1:{port}", "-w", "1", "--graceful-timeout", "3"],
        cwd=BASE_DIR,
        env=env,
        stdout=log.open("ab"),
        stderr=subprocess.STDOUT,
        start_new_session=True,  # its own process group: the worker goes down with the master
    )
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        assert process.poll() is None, log.read_text()[-3000:]
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return Server(process, f"http://127.0.0.1:{port}")
        except OSError:
            time.sleep(0.1)
    raise AssertionError("the server did not start: " + log.read_text()[-3000:])


def stop_server(server: Server) -> None:
    """SIGTERM, and SIGKILL when it does not go within a few seconds."""
    stop_process(server.process, seconds=5)


class _NoRedirect(HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


class Phone:
    """A browser without JavaScript: cookies, forms, no following of redirects."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.opener = build_opener(HTTPCookieProcessor(http.cookiejar.CookieJar()), _NoRedirect())
        self.token = ""

    def request(self, path: str, data: dict[str, str] | None = None) -> tuple[int, str, str]:
        body = urlencode({**data, "csrfmiddlewaretoken": self.token}).encode() if data is not None else None
        try:
            with self.opener.open(Request(self.base + path, data=body), timeout=15) as response:  # noqa: S310 - http
                status, location, html = response.status, "", response.read().decode()
        except HTTPError as error:
            status, location, html = error.code, error.headers.get("Location", ""), error.read().decode()
        found = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
        if found:
            self.token = found.group(1)
        return status, location, html

    def get(self, path: str) -> str:
        status, _location, html = self.request(path)
        assert status == 200, (path, status, html[:500])
        return html

    def post(self, path: str, data: dict[str, str]) -> str:
        status, location, html = self.request(path, data)
        assert status == 302, (path, status, html[:1000])
        return location.removeprefix(self.base)


def fields_of(html: str) -> list[str]:
    return list(dict.fromkeys(re.findall(r'name="(item-[0-9a-f-]{36})"', html)))


def checked_of(html: str) -> dict[str, str]:
    return dict(re.findall(r'name="(item-[0-9a-f-]{36})" value="([^"]+)" checked', html))


def test_a_questionnaire_survives_a_server_restart(tmp_path: Path, database_url: str) -> None:
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "BETROKKEN_VAR_DIR": str(tmp_path),
        "AUDIO_CACHE_DIR": str(tmp_path / "audio"),
        "ALLOWED_HOSTS": "127.0.0.1",
        "DEBUG": "0",
        "PYTHONDONTWRITEBYTECODE": "1",
    }
    manage(env, "migrate", "--no-input", "-v", "0")
    manage(env, "load_framework")
    code = re.search(r"CODE=(\w+)", manage(env, "shell", "-c", SETUP_SCRIPT)).group(1)  # type: ignore[union-attr]
    log = tmp_path / "gunicorn.log"

    servers: list[Server] = []
    try:
        servers.append(start_server(env, log))
        phone = Phone(servers[-1].base)
        phone.get("/q/")
        language_page = phone.post("/q/", {"code": code.lower()})
        assert "/language/" in language_page
        phone.get(language_page)
        page_one = phone.post(language_page.split("?")[0], {"lang": "nl"})
        html = phone.get(page_one)
        names = fields_of(html)
        assert len(names) >= 2
        chosen = dict(zip(names, ["5", "dk", "2", "4"], strict=False))
        page_two = phone.post(page_one.split("?")[0], chosen | {"action": "next", "lang": "nl"})
        assert re.search(r"/2/\?lang=nl$", page_two)
        phone.get(page_two)  # looking at page 2 when the server goes down

        stop_server(servers[-1])
        assert servers[-1].process.returncode is not None

        servers.append(start_server(env, log))
        phone.base = servers[-1].base  # the same phone (its device cookie) on the new server, with the code
        phone.get("/q/")
        resumed = phone.post("/q/", {"code": code})
        assert resumed == page_two  # the next unanswered page
        phone.get(resumed)
        back = phone.post(resumed.split("?")[0], {"action": "back", "lang": "nl"})
        assert checked_of(phone.get(back)) == chosen  # page 1's answers outlived the restart

        url = resumed
        while "/end/" not in url:
            html = phone.get(url)
            url = phone.post(url.split("?")[0], dict.fromkeys(fields_of(html), "3") | {"action": "next", "lang": "nl"})
        phone.get(url)
        thanks = phone.post(url.split("?")[0], {"open_answer": "Na de herstart", "action": "hand_in"})
        assert thanks.startswith("/q/thanks/")
        status, _location, used = phone.request("/q/", {"code": code})
        with translation.override("nl"):
            assert status == 200 and pgettext("respondent", "This code has been used") in used
    finally:
        for server in servers:
            stop_server(server)

    (report,) = json.loads(re.search(r"REPORT=(.+)", manage(env, "shell", "-c", REPORT_SCRIPT)).group(1))  # type: ignore[union-attr]
    assert report["status"] == "submitted"
    for name, value in chosen.items():  # page 1 kept what was chosen before the restart
        assert report["answers"][name.removeprefix("item-")] == (None if value == "dk" else int(value))
    assert len(report["answers"]) > len(chosen)
    assert set(report["answers"].values()) <= {None, 2, 3, 4, 5}
