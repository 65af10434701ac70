"""Betrokken run as in production, for tests: a database of its own, the environment of
deploy/betrokken.env.template, gunicorn with deploy/gunicorn.conf.py, `manage.py worker`, and a browser without
JavaScript that reaches gunicorn the way the proxy does (X-Forwarded-Proto: https, X-Forwarded-For).

Every process gets its own process group, so stopping it stops its children (gunicorn's workers) too.
"""

import http.client
import json
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import dj_database_url
from django.conf import settings
from django.urls import reverse

BASE_DIR = Path(settings.BASE_DIR)
PYTHON = sys.executable
GUNICORN = str(Path(sys.executable).with_name("gunicorn"))
# A documentation address (RFC 5737): the client the proxy names in X-Forwarded-For.
CLIENT_ADDRESS = "203.0.113.7"

SETUP_SCRIPT = """
import json
from datetime import date
from accounts.models import User
from analysis.rounds import start_round
from schools.models import Membership, Role, School
from surveys.batches import issue_codes
from surveys.code_files import keep_codes
school = School.objects.create(name="De Productie", town="Gent")
user = User.objects.create_user(EMAIL, PASSWORD, name="Coördinator")
Membership.objects.create(school=school, user=user, role=Role.COORDINATOR)
round_ = start_round(school, user, "Echt", "whole_school", "", date(2026, 1, 1), date(2099, 12, 1), [user])
issued = issue_codes(round_, "parent", "class", "2B", "", 4, user)
keep_codes(issued.batch.id, issued.codes)
print("SETUP=" + json.dumps({"school": str(school.id), "round": str(round_.id), "batch": str(issued.batch.id)}))
"""

ANSWERS_SCRIPT = """
import json
from surveys.models import SurveyAnswer, SurveyResponse
print("ANSWERS=" + json.dumps([
    {"status": r.status, "answers": {str(a.item_id): a.value for a in SurveyAnswer.objects.filter(response=r)}}
    for r in SurveyResponse.objects.all()
]))
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def running_on_postgres() -> bool:
    return os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://"))


@contextmanager
def own_database(name: str, directory: Path) -> Iterator[str]:
    """A new, empty database: on the PostgreSQL server of DATABASE_URL when the tests run there, else a file."""
    configured = os.environ.get("DATABASE_URL", "")
    if not running_on_postgres():
        yield f"sqlite:///{directory / (name + '.sqlite3')}"
        return
    import psycopg

    parsed = dj_database_url.parse(configured)
    database = f"{name}_{os.getpid()}_{uuid.uuid4().hex[:6]}"
    server = {
        "host": parsed["HOST"] or "127.0.0.1",
        "port": parsed["PORT"] or 5432,
        "user": parsed["USER"],
        "password": parsed["PASSWORD"],
    }
    with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
        admin.execute(f'CREATE DATABASE "{database}"')
    try:
        yield urlsplit(configured)._replace(path="/" + database).geturl()
    finally:
        with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')


def template_values() -> dict[str, str]:
    """deploy/betrokken.env.template as systemd's EnvironmentFile= reads it (quotes around a value dropped)."""
    values = {}
    for line in (BASE_DIR / "deploy" / "betrokken.env.template").read_text().splitlines():
        if line and not line.startswith("#"):
            name, _equals, value = line.partition("=")
            values[name] = value.strip('"')
    return values


def production_env(directory: Path, database_url: str) -> dict[str, str]:
    """The template's production values, with what a real server fills in pointed at this test's own places."""
    return {
        **os.environ,
        **template_values(),
        "SECRET_KEY": "test-" + secrets.token_urlsafe(48),
        "DATABASE_URL": database_url,
        "BETROKKEN_VAR_DIR": str(directory / "var"),
        "STATIC_ROOT": str(directory / "static"),
        "AUDIO_CACHE_DIR": str(directory / "audio"),
        "CODE_FILES_DIR": str(directory / "codes"),
        "GENERATED_FILES_DIR": str(directory / "generated"),
        "ALLOWED_HOSTS": "127.0.0.1",
        "CSRF_TRUSTED_ORIGINS": "https://127.0.0.1",
        "PUBLIC_BASE_URL": "https://127.0.0.1",
        "EMAIL_HOST": "",  # mail on the console (the log)
        "WEB_CONCURRENCY": "2",
        "PYTHONDONTWRITEBYTECODE": "1",
    }


def manage(env: dict[str, str], *args: str) -> str:
    done = subprocess.run(
        [PYTHON, "manage.py", *args], cwd=BASE_DIR, env=env, capture_output=True, text=True, timeout=180, check=False
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout


def install(env: dict[str, str], email: str, password: str) -> dict[str, str]:
    """The production steps of README: migrate, load the framework, collect the static files; then a school,
    its coordinator, an open round and a batch of four parents' codes. Returns the ids."""
    manage(env, "migrate", "--no-input", "-v", "0")
    manage(env, "load_framework")
    manage(env, "collectstatic", "--no-input", "-v", "0")
    script = SETUP_SCRIPT.replace("EMAIL", repr(email)).replace("PASSWORD", repr(password))
    return json.loads(re.search(r"SETUP=(.+)", manage(env, "shell", "-c", script)).group(1))  # type: ignore[union-attr]


def stored_answers(env: dict[str, str]) -> list[dict[str, object]]:
    return json.loads(re.search(r"ANSWERS=(.+)", manage(env, "shell", "-c", ANSWERS_SCRIPT)).group(1))  # type: ignore[union-attr]


@dataclass
class Service:
    process: subprocess.Popen[bytes]
    log: Path
    port: int = 0

    def stop(self) -> None:
        stop_process(self.process)


def stop_process(process: "subprocess.Popen[bytes]", seconds: float = 15) -> None:
    """TERM to its process group (a worker finishes its task), KILL when it has not gone in `seconds`."""
    if process.poll() is not None:
        return
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=seconds)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=5)
    except ProcessLookupError:
        pass


def _start(command: list[str], env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        command, cwd=BASE_DIR, env=env, stdout=log.open("ab"), stderr=subprocess.STDOUT, start_new_session=True
    )


def start_gunicorn(env: dict[str, str], log: Path) -> Service:
    port = free_port()
    config = str(BASE_DIR / "deploy" / "gunicorn.conf.py")
    process = _start([GUNICORN, "--config", config, "-b", f"127.0.0.1:{port}", "betrokken.wsgi"], env, log)
    service = Service(process, log, port)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        assert process.poll() is None, log.read_text()[-3000:]
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return service
        except OSError:
            time.sleep(0.1)
    service.stop()
    raise AssertionError("gunicorn did not start: " + log.read_text()[-3000:])


def start_worker(env: dict[str, str], log: Path) -> Service:
    return Service(_start([PYTHON, "manage.py", "worker", "--interval", "0.2"], env, log), log)


@dataclass
class Reply:
    status: int
    location: str  # the path (and query) a redirect points to
    body: bytes
    headers: dict[str, str]

    @property
    def text(self) -> str:
        return self.body.decode()


@dataclass
class Browser:
    """Cookies and forms, no JavaScript, no following of redirects; `ports` are the app servers it alternates
    between, one request each, as a proxy spreading the requests over its servers may."""

    ports: list[int]
    client_address: str = CLIENT_ADDRESS
    cookies: dict[str, str] = field(default_factory=dict)
    requests: int = 0

    def request(self, method: str, path: str, data: dict[str, str] | None = None, *, port: int | None = None) -> Reply:
        port = port or self.ports[self.requests % len(self.ports)]
        self.requests += 1
        headers = {
            "Host": f"127.0.0.1:{port}",
            "X-Forwarded-Proto": "https",
            "X-Forwarded-For": self.client_address,
            "Cookie": "; ".join(f"{name}={value}" for name, value in self.cookies.items()),
        }
        body = None
        if data is not None:
            body = urlencode({**data, "csrfmiddlewaretoken": self.cookies.get("csrftoken", "")})
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Referer"] = f"https://127.0.0.1:{port}{path}"
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            reply = Reply(response.status, "", response.read(), {k.lower(): v for k, v in response.getheaders()})
            for name, value in response.getheaders():
                if name.lower() == "set-cookie":
                    cookie, _equals, rest = value.partition("=")
                    self.cookies[cookie] = rest.split(";", 1)[0]
        finally:
            connection.close()
        location = reply.headers.get("location", "")
        reply.location = urlsplit(location)._replace(scheme="", netloc="").geturl()
        return reply

    def get(self, path: str, **options: int) -> str:
        reply = self.request("GET", path, **options)
        assert reply.status == 200, (path, reply.status, reply.body[:500])
        return reply.text

    def post(self, path: str, data: dict[str, str], **options: int) -> str:
        reply = self.request("POST", path, data, **options)
        assert reply.status == 302, (path, reply.status, reply.body[:1000])
        return reply.location

    def log_in(self, email: str, password: str) -> None:
        self.get("/accounts/login/")
        self.post("/accounts/login/", {"username": email, "password": password})


def fields_of(html: str) -> list[str]:
    return list(dict.fromkeys(re.findall(r'name="(item-[0-9a-f-]{36})"', html)))


def answer_questionnaire(browser: Browser, code: str, language: str = "nl") -> dict[str, str]:
    """A parent from the code to the thanks page; returns what was ticked per item (field name → value)."""
    browser.get("/q/")
    language_page = browser.post("/q/", {"code": code})
    browser.get(language_page)
    url = browser.post(language_page.split("?")[0], {"lang": language})
    ticked: dict[str, str] = {}
    while "/end/" not in url:
        names = fields_of(browser.get(url))
        assert names, url
        chosen = {name: ("dk", "1", "2", "3", "4", "5")[len(ticked) % 6] for name in names}
        ticked |= {name: value for name, value in chosen.items() if name not in ticked}
        url = browser.post(url.split("?")[0], chosen | {"action": "next", "lang": language})
    browser.get(url)
    thanks = browser.post(url.split("?")[0], {"open_answer": "", "action": "hand_in"})
    assert thanks.startswith("/q/thanks/"), thanks
    browser.get(thanks)
    return ticked


def links_codes(text: str) -> list[str]:
    """The codes in a batch's list of links (one `…/q/c/<code>/` per line)."""
    return re.findall(r"/q/c/([A-Za-z0-9]+)/", text)


def wait_for_health(port: int, status: int, seconds: float = 60) -> dict[str, str]:
    """Poll /healthz (plain HTTP, as a load balancer asks) until it answers `status`; returns its body.
    A server still starting its workers may not answer in time: that is asked again too."""
    deadline = time.monotonic() + seconds
    last: tuple[int, bytes] | str = "no answer"
    while time.monotonic() < deadline:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        try:
            connection.request("GET", "/healthz", headers={"Host": f"127.0.0.1:{port}"})
            response = connection.getresponse()
            last = (response.status, response.read())
        except OSError as error:
            last = repr(error)
        finally:
            connection.close()
        if isinstance(last, tuple) and last[0] == status:
            return dict(json.loads(last[1]))
        time.sleep(0.2)
    raise AssertionError(f"/healthz did not answer {status}: {last!r}")


def make_letters(
    browser: Browser, ids: dict[str, str], *, follow_port: int | None = None, seconds: float = 60
) -> tuple[str, bytes]:
    """The coordinator asks for a batch's letters (a POST), follows the job's page (on `follow_port` when given)
    until it offers the download, and downloads the PDF; returns the job's page and the file."""
    letters = reverse("surveys:letters", args=[ids["school"], ids["round"], ids["batch"]])
    job_page = browser.post(letters, {})
    found = re.fullmatch(rf"/s/{ids['school']}/files/([0-9a-f-]{{36}})/", job_page)
    assert found, job_page
    download = reverse("jobs:file", args=[ids["school"], found.group(1)])
    port = {"port": follow_port} if follow_port else {}
    deadline = time.monotonic() + seconds
    while f'href="{download}"' not in (page := browser.get(job_page, **port)):
        assert time.monotonic() < deadline, page[-2000:]
        time.sleep(0.3)
    reply = browser.request("GET", download, **port)
    assert (reply.status, reply.headers["content-type"]) == (200, "application/pdf"), reply.status
    return job_page, reply.body
