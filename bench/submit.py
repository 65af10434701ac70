"""Benchmark: parents answering the questionnaire, 32 at once, on gunicorn.

For SQLite and (when reachable) PostgreSQL, in one run: builds a database with a school, an open round
and invitation codes; starts gunicorn with two sync workers; first drives a bare Django view (a POST
that returns "ok") and then the questionnaire (code, language, seven pages, hand in) with 32
concurrent respondents. In browser mode (the default) every POST is followed by the GET of the page it
redirects to, as a browser does; in post mode only the POSTs are sent. Prints pages per second, p50/p95
latency of a page (its POST, and in browser mode the GET of the next page), errors, the ratio to the bare
view, the CPU time the gunicorn workers spent per respondent (from /proc/<pid>/stat, before and after the
questionnaires), and checks that the stored answers equal the acknowledged ones.

Run: .venv/bin/python bench/submit.py [--respondents 320] [--concurrency 32] [--only sqlite|postgres]
                                      [--mode browser|post]
"""

import argparse
import http.client
import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
POSTGRES_URL = os.environ.get("BENCH_POSTGRES_URL", "postgres://betrokken:betrokken@127.0.0.1:5432/betrokken_bench")

SETUP = """
import json, datetime
from accounts.models import User
from analysis.rounds import start_round
from framework.loading import load_framework
from schools.models import Membership, School
from surveys.batches import issue_codes
from surveys.texts import respondent_items
from itertools import groupby
load_framework()
school = School.objects.create(name="Bench school")
user = User.objects.create_user("bench@example.org", "bench-password-1", name="Bench")
Membership.objects.create(school=school, user=user, role="coordinator")
period = (datetime.date(2026, 1, 1), datetime.date(2099, 1, 1))
round_ = start_round(school, user, "Bench", "whole_school", "", *period, [user])
codes = issue_codes(round_, "parent", "class", "3A", "", COUNT, user).codes
items = respondent_items(round_.id, "parent", "nl", school.id)
pages = [[str(s.item.id) for s in group] for _k, group in groupby(items, key=lambda s: s.item.dimension_id)]
print("JSON" + json.dumps({"codes": codes, "pages": pages}))
"""

COUNT_ANSWERS = """
from surveys.models import SurveyAnswer, SurveyResponse
print("COUNT", SurveyAnswer.objects.count(), SurveyResponse.objects.filter(status="submitted").count())
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def manage(env: dict[str, str], *args: str, stdin: str | None = None) -> str:
    result = subprocess.run(
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env, input=stdin, capture_output=True, text=True, check=True
    )
    return result.stdout


@dataclass
class Stats:
    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    acknowledged_answers: int = 0
    handed_in: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, seconds: float) -> None:
        with self.lock:
            self.latencies.append(seconds)

    def error(self) -> None:
        with self.lock:
            self.errors += 1


class Browser:
    """A minimal HTTP client with cookies, one connection per request (gunicorn sync workers close them)."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, data: dict[str, str] | list[tuple[str, str]] | None = None):  # type: ignore[no-untyped-def]
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        body = None
        if data is not None:
            body = urllib.parse.urlencode(data)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Referer"] = f"http://127.0.0.1:{self.port}/"
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        content = response.read()
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name] = rest.split(";", 1)[0]
        connection.close()
        return response.status, response.getheader("Location") or "", content


def follow(browser: Browser, location: str, follows: bool) -> bool:
    """In browser mode, GET the page a POST redirected to, as a browser does; True when it showed."""
    if not follows:
        return True
    parts = urllib.parse.urlsplit(location)
    status, _location, _body = browser.request("GET", parts.path + (f"?{parts.query}" if parts.query else ""))
    return status == 200


def run_respondent(port: int, code: str, pages: list[list[str]], stats: Stats, follows: bool) -> None:
    browser = Browser(port)
    status, _location, _body = browser.request("GET", "/q/")
    token = browser.cookies.get("csrftoken", "")
    status, location, _body = browser.request("POST", "/q/", {"code": code, "csrfmiddlewaretoken": token})
    if status != 302 or not follow(browser, location, follows):
        stats.error()
        return
    path = urllib.parse.urlsplit(location).path
    status, location, _body = browser.request("POST", path, {"lang": "nl", "csrfmiddlewaretoken": token})
    if status != 302 or not follow(browser, location, follows):
        stats.error()
        return
    base = path.rsplit("/language/", 1)[0]
    for number, items in enumerate(pages, start=1):
        answers = [(f"item-{item}", str((number + index) % 6 or "dk")) for index, item in enumerate(items)]
        data = [*answers, ("action", "next"), ("lang", "nl"), ("csrfmiddlewaretoken", token)]
        start = time.perf_counter()
        status, location, _body = browser.request("POST", f"{base}/{number}/", data)
        if status != 302 or not follow(browser, location, follows):
            stats.error()
            return
        stats.add(time.perf_counter() - start)
        with stats.lock:
            stats.acknowledged_answers += len(answers)
    status, location, _body = browser.request(
        "POST", f"{base}/end/", {"open_answer": "", "action": "hand_in", "lang": "nl", "csrfmiddlewaretoken": token}
    )
    if status == 302 and "/q/thanks/" in location and follow(browser, location, follows):
        with stats.lock:
            stats.handed_in += 1
    else:
        stats.error()


def worker_cpu_seconds(master: int) -> float:
    """User and system CPU time of gunicorn's worker processes (the master's children) so far."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for child in Path(f"/proc/{master}/task/{master}/children").read_text().split():
        try:
            # Fields after the command's closing parenthesis: utime and stime are the 12th and 13th.
            fields = Path(f"/proc/{child}/stat").read_text().rsplit(")", 1)[1].split()
        except FileNotFoundError:  # a worker that was replaced meanwhile
            continue
        total += int(fields[11]) + int(fields[12])
    return total / ticks


def drive(concurrency: int, jobs: list, work) -> float:  # type: ignore[no-untyped-def, type-arg]
    queue = list(jobs)
    lock = threading.Lock()

    def worker() -> None:
        while True:
            with lock:
                if not queue:
                    return
                job = queue.pop()
            work(job)

    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return time.perf_counter() - start


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else float("nan")


def server_env(database_url: str, **extra: str) -> dict[str, str]:
    """The environment of the benchmarked server: production-like (DEBUG off, connections kept), quiet logs."""
    return {
        **os.environ,
        "DATABASE_URL": database_url,
        "DEBUG": "0",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "CONN_MAX_AGE": "600",
        "DJANGO_SETTINGS_MODULE": "betrokken.settings",
        "LOG_LEVEL": "ERROR",
        **extra,
    }


def bench_database(name: str, database_url: str, respondents: int, concurrency: int, mode: str) -> None:
    env = server_env(database_url)
    manage(env, "migrate", "-v", "0")
    output = manage(env, "shell", stdin=SETUP.replace("COUNT", str(respondents)))
    import json

    data = json.loads(output.split("JSON", 1)[1])
    port = free_port()
    server = subprocess.Popen(
        [
            str(Path(PYTHON).parent / "gunicorn"),
            "--workers",
            "2",
            "--bind",
            f"127.0.0.1:{port}",
            "--log-level",
            "error",
            "bench.bench_wsgi:application",
        ],
        cwd=ROOT,
        env=env,
        start_new_session=True,
    )
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        bare = Stats()
        total_bare = respondents * len(data["pages"])

        def bare_request(_job: int) -> None:
            start = time.perf_counter()
            status, _location, _body = Browser(port).request("POST", "/bench/bare/", {"x": "1"})
            if status == 200:
                bare.add(time.perf_counter() - start)
            else:
                bare.error()

        drive(concurrency, list(range(200)), bare_request)  # warm up
        bare = Stats()
        bare_seconds = drive(concurrency, list(range(total_bare)), bare_request)
        stats = Stats()
        cpu_before = worker_cpu_seconds(server.pid)
        page_seconds = drive(
            concurrency, data["codes"], lambda code: run_respondent(port, code, data["pages"], stats, mode == "browser")
        )
        worker_cpu = worker_cpu_seconds(server.pid) - cpu_before
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=20)
    counted = manage(env, "shell", stdin=COUNT_ANSWERS).split("COUNT", 1)[1].split()
    stored_answers, submitted = int(counted[0]), int(counted[1])
    bare_rate = len(bare.latencies) / bare_seconds
    # Page rate over the whole run includes the code, language and hand-in requests each respondent makes.
    page_rate = len(stats.latencies) / page_seconds
    print(
        f"[{name}] bare view: {bare_rate:.0f} req/s, p50 {percentile(bare.latencies, 0.5) * 1000:.1f} ms, "
        f"p95 {percentile(bare.latencies, 0.95) * 1000:.1f} ms, errors {bare.errors}"
    )
    each_page = "page POSTs, each followed by the GET of the next page" if mode == "browser" else "page POSTs"
    print(
        f"[{name}] questionnaire pages ({mode} mode): {page_rate:.0f} pages/s ({len(stats.latencies)} {each_page}, "
        f"{respondents} respondents x {len(data['pages'])} pages + code, language and hand-in requests), "
        f"p50 {percentile(stats.latencies, 0.5) * 1000:.1f} ms, p95 {percentile(stats.latencies, 0.95) * 1000:.1f} ms, "
        f"errors {stats.errors}"
    )
    print(f"[{name}] worker CPU per respondent: {worker_cpu * 1000 / respondents:.0f} ms")
    # Per respondent: the code page, the code, the language and the hand-in; in browser mode the GETs after them.
    all_requests = (2 if mode == "browser" else 1) * len(stats.latencies) + (
        7 if mode == "browser" else 4
    ) * respondents
    all_rate = all_requests / page_seconds
    print(f"[{name}] ratio to bare view: pages {page_rate / bare_rate:.2f}; all requests {all_rate / bare_rate:.2f}")
    verdict = "OK" if stored_answers == stats.acknowledged_answers and submitted == stats.handed_in else "MISMATCH"
    print(
        f"[{name}] stored answers {stored_answers} = acknowledged {stats.acknowledged_answers}; "
        f"handed in {submitted} = acknowledged {stats.handed_in}: {verdict}"
    )


def postgres_reachable(url: str) -> bool:
    parts = urllib.parse.urlsplit(url)
    try:
        socket.create_connection((parts.hostname or "127.0.0.1", parts.port or 5432), timeout=1).close()
    except OSError:
        return False
    return True


def recreate_postgres_database(url: str) -> None:
    import psycopg

    parts = urllib.parse.urlsplit(url)
    name = parts.path.lstrip("/")
    admin = parts._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--respondents", type=int, default=320)
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--only", choices=["sqlite", "postgres"])
    parser.add_argument("--mode", choices=["browser", "post"], default="browser")
    args = parser.parse_args()
    if args.only != "postgres":
        with tempfile.TemporaryDirectory(prefix="betrokken-bench-") as folder:
            bench_database("sqlite", f"sqlite:///{folder}/bench.sqlite3", args.respondents, args.concurrency, args.mode)
    if args.only != "sqlite":
        if postgres_reachable(POSTGRES_URL):
            recreate_postgres_database(POSTGRES_URL)
            bench_database("postgres", POSTGRES_URL, args.respondents, args.concurrency, args.mode)
        else:
            print(f"[postgres] not reachable at {POSTGRES_URL}: run scripts/start-postgres.sh first")


if __name__ == "__main__":
    main()
