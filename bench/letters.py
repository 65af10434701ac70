"""Benchmark: 1,000 questionnaire letters in Arabic and 1,000 in Dutch, made by the worker (issue 13, point 3).

Builds a fresh database (SQLite in a temporary folder, or PostgreSQL with --database postgres), a school, a
round and the two batches; starts the real `manage.py worker` and gunicorn (2 workers, a free port); logs in
as the coordinator and asks for each batch's letters through the web pages, as a coordinator does (POST, then
the job's page until its download link shows). Meanwhile it times the invitations page every 0.5 s. Prints per
batch: seconds (asked → ready on the page, and the worker's own time), pages per second, the worker's peak
memory (sampled VmRSS during the batch; VmHWM since the worker started) and the page's p50/p95; checks that
each PDF has one page per code.

Run: .venv/bin/python bench/letters.py [--database postgres] [--size 1000]
"""

import argparse
import io
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.submit import (
    POSTGRES_URL,
    PYTHON,
    ROOT,
    Browser,
    free_port,
    manage,
    percentile,
    postgres_reachable,
    recreate_postgres_database,
    server_env,
)

# Its own database beside bench/submit.py's, so the two benchmarks can run at the same time.
LETTERS_POSTGRES_URL = POSTGRES_URL.rsplit("/", 1)[0] + "/betrokken_letters_bench"

SETUP = """
import datetime, json
from django.urls import reverse
from accounts.models import User
from analysis.rounds import start_round
from framework.loading import load_framework
from schools.models import Membership, School
from surveys.batches import issue_codes
from surveys.code_files import keep_codes
load_framework()
school = School.objects.create(name="Basisschool De Bank", town="Gent")
user = User.objects.create_user("bench@example.org", "bench-password-1", name="Bench")
Membership.objects.create(school=school, user=user, role="coordinator")
period = (datetime.date(2026, 1, 1), datetime.date(2099, 1, 1))
round_ = start_round(school, user, "Bench", "whole_school", "", *period, [user])
letters = {}
for language in ("ar", ""):
    issued = issue_codes(round_, "parent", "whole_school", "", language, SIZE, user)
    keep_codes(issued.batch.id, issued.codes)
    letters[language or "nl"] = reverse("surveys:letters", args=[school.id, round_.id, issued.batch.id])
print("JSON" + json.dumps({
    "login": reverse("accounts:login"),
    "invitations": reverse("surveys:invitations", args=[school.id, round_.id]),
    "letters": letters,
}))
"""

WORKER_TIMES = """
from jobs.models import Job
for job in Job.objects.order_by("created_at"):
    print("JOB", job.params["batch"], (job.finished_at - job.started_at).total_seconds())
"""


def memory_kib(pid: int, field: str) -> int:
    status = Path(f"/proc/{pid}/status").read_text()
    return int(re.search(rf"^{field}:\s+(\d+) kB", status, re.MULTILINE).group(1))  # type: ignore[union-attr]


class PageTimer(threading.Thread):
    """Times a staff page every half second, and samples the worker's memory, until stopped."""

    def __init__(self, browser: Browser, path: str, worker_pid: int) -> None:
        super().__init__(daemon=True)
        self.browser, self.path, self.worker_pid = browser, path, worker_pid
        self.latencies: list[float] = []
        self.errors = 0
        self.peak_rss_kib = 0
        self.stopping = threading.Event()

    def run(self) -> None:
        while not self.stopping.is_set():
            self.peak_rss_kib = max(self.peak_rss_kib, memory_kib(self.worker_pid, "VmRSS"))
            start = time.perf_counter()
            status, _location, _body = self.browser.request("GET", self.path)
            if status == 200:
                self.latencies.append(time.perf_counter() - start)
            else:
                self.errors += 1
            self.stopping.wait(0.5)


def page_count(pdf: bytes) -> int:
    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(pdf)).pages)


def log_in(port: int, login_path: str) -> Browser:
    browser = Browser(port)
    browser.request("GET", login_path)
    form = {"username": "bench@example.org", "password": "bench-password-1"}
    status, _location, _body = browser.request(
        "POST", login_path, {**form, "csrfmiddlewaretoken": browser.cookies["csrftoken"]}
    )
    assert status == 302, f"login failed: {status}"
    return browser


def make_letters(browser: Browser, letters_path: str) -> tuple[float, bytes]:
    """Ask for the letters and follow the job's page until it links the file; returns the seconds and the PDF."""
    start = time.perf_counter()
    status, job_path, _body = browser.request(
        "POST", letters_path, {"csrfmiddlewaretoken": browser.cookies["csrftoken"]}
    )
    assert status == 302 and "/files/" in job_path, f"asking for letters gave {status} {job_path}"
    while True:
        status, _location, body = browser.request("GET", job_path)
        page = body.decode()
        if f'href="{job_path}download/"' in page:
            seconds = time.perf_counter() - start
            break
        assert 'role="alert"' not in page, "the letters job failed"
        time.sleep(0.5)
    status, _location, pdf = browser.request("GET", f"{job_path}download/")
    assert status == 200
    return seconds, pdf


def bench_database(name: str, database_url: str, size: int, folder: str) -> None:
    env = server_env(database_url, BETROKKEN_VAR_DIR=folder)
    manage(env, "migrate", "-v", "0")
    data = json.loads(manage(env, "shell", stdin=SETUP.replace("SIZE", str(size))).split("JSON", 1)[1])
    port = free_port()
    gunicorn = [str(Path(PYTHON).parent / "gunicorn"), "--workers", "2", "--bind", f"127.0.0.1:{port}"]
    server = subprocess.Popen(
        [*gunicorn, "--log-level", "error", "betrokken.wsgi"], cwd=ROOT, env=env, start_new_session=True
    )
    worker = subprocess.Popen(
        [PYTHON, "manage.py", "worker"], cwd=ROOT, env=env, start_new_session=True, stdout=subprocess.DEVNULL
    )
    results = []
    try:
        for _ in range(100):
            try:
                status, _location, _body = Browser(port).request("GET", data["login"])
                if status == 200:
                    break
            except OSError:
                time.sleep(0.1)
        browser = log_in(port, data["login"])
        for language, letters_path in data["letters"].items():
            timer = PageTimer(log_in(port, data["login"]), data["invitations"], worker.pid)
            timer.start()
            seconds, pdf = make_letters(browser, letters_path)
            timer.stopping.set()
            timer.join()
            pages = page_count(pdf)
            peak_since_start = memory_kib(worker.pid, "VmHWM")
            results.append((language, seconds, pages, len(pdf), timer, peak_since_start))
    finally:
        for process in (server, worker):
            os.killpg(process.pid, signal.SIGTERM)
        server.wait(timeout=20)
        worker.wait(timeout=60)
    worker_seconds = [
        float(line.split()[2])
        for line in manage(env, "shell", stdin=WORKER_TIMES).splitlines()
        if line.startswith("JOB")
    ]
    for (language, seconds, pages, pdf_size, timer, peak_since_start), made_in in zip(
        results, worker_seconds, strict=True
    ):
        verdict = "OK" if pages == size else f"WRONG: {pages} pages for {size} codes"
        print(
            f"[{name}] {size} letters ({language}): {seconds:.1f} s asked to ready ({made_in:.1f} s in the worker), "
            f"{pages / seconds:.1f} pages/s, PDF {pdf_size / 1024 / 1024:.1f} MiB, {pages} pages: {verdict}"
        )
        print(
            f"[{name}]   worker memory: peak {timer.peak_rss_kib / 1024:.0f} MiB during the batch (VmRSS sampled), "
            f"VmHWM {peak_since_start / 1024:.0f} MiB since the worker started"
        )
        print(
            f"[{name}]   invitations page during the job: p50 {percentile(timer.latencies, 0.5) * 1000:.0f} ms, "
            f"p95 {percentile(timer.latencies, 0.95) * 1000:.0f} ms ({len(timer.latencies)} requests, "
            f"{timer.errors} errors)"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--size", type=int, default=1000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="betrokken-bench-letters-") as folder:  # codes, files, SQLite
        if args.database == "sqlite":
            bench_database("sqlite", f"sqlite:///{folder}/bench.sqlite3", args.size, folder)
        elif postgres_reachable(LETTERS_POSTGRES_URL):
            recreate_postgres_database(LETTERS_POSTGRES_URL)
            bench_database("postgresql", LETTERS_POSTGRES_URL, args.size, folder)
        else:
            print(f"[postgresql] not reachable at {LETTERS_POSTGRES_URL}: run scripts/start-postgres.sh first")


if __name__ == "__main__":
    main()
