"""Benchmark: one questionnaire page in-process, against a bare view through the same middleware.

For SQLite and (when reachable) PostgreSQL, each in its own process: builds a database with a school,
an open round and a parent who opened a code and chose Dutch, then, through Django's test client with
CSRF checks on and DEBUG off (as production runs), takes turns at three requests and prints the median
of each with its query count:
  bare view    a POST through the whole middleware to a view that returns "ok" (bench/bench_urls.py)
  page render  the GET of a questionnaire page (page 1, seven questions, in Dutch)
  page save    the POST of that page's answers (goes on: a redirect to the next page)
and the same render in Arabic with the Dutch text shown (the heaviest page a parent sees).

Run: .venv/bin/python bench/questionnaire_page.py [--runs 300] [--only sqlite|postgres] [--profile]
With --profile it prints cProfile's top functions for the render and for the save instead.
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path[0] = str(ROOT)  # not bench/: its profile.py would hide the standard library's

POSTGRES_URL = os.environ.get(
    "BENCH_PAGE_POSTGRES_URL", "postgres://betrokken:betrokken@127.0.0.1:5432/betrokken_bench_page"
)

SETUP_CODE_COUNT = 1


def set_up_django(database_url: str) -> None:
    os.environ["DATABASE_URL"] = database_url
    os.environ["DJANGO_SETTINGS_MODULE"] = "betrokken.settings"
    os.environ["DEBUG"] = "0"
    os.environ["LOG_LEVEL"] = "ERROR"
    os.environ.setdefault("BETROKKEN_VAR_DIR", tempfile.mkdtemp(prefix="betrokken-bench-page-"))
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    settings.ALLOWED_HOSTS = ["testserver"]
    settings.ROOT_URLCONF = "bench.bench_urls"
    call_command("migrate", verbosity=0)


def parent_on_page_one(language: str):  # type: ignore[no-untyped-def]
    """A client whose device opened a code and chose `language`, and the CSRF token its forms carry."""
    from datetime import date

    from django.test import Client

    from accounts.models import User
    from analysis.rounds import start_round
    from framework.loading import load_framework
    from schools.models import Membership, Role, School
    from surveys.batches import issue_codes

    if not School.objects.exists():
        load_framework()
        school = School.objects.create(name="Bench school")
        user = User.objects.create_user("bench@example.org", "bench-password-1", name="Bench")
        Membership.objects.create(school=school, user=user, role=Role.COORDINATOR)
        start_round(school, user, "Bench", "whole_school", "", date(2026, 1, 1), date(2099, 1, 1), [user])
    from analysis.models import Round

    round_ = Round.objects.get()
    coordinator = User.objects.get(email="bench@example.org")
    code = issue_codes(round_, "parent", "class", "3A", "", 1, coordinator).codes[0]
    client = Client(enforce_csrf_checks=True)
    client.get("/q/")
    token = client.cookies["csrftoken"].value
    opened = client.post("/q/", {"code": code, "csrfmiddlewaretoken": token})
    assert opened.status_code == 302, opened.status_code
    chosen = client.post("/q/language/", {"lang": language, "csrfmiddlewaretoken": token})
    assert chosen.status_code == 302, chosen.status_code
    return client, token


def item_fields(page_content: bytes) -> list[str]:
    import re

    return list(dict.fromkeys(re.findall(r'name="(item-[0-9a-f-]{36})"', page_content.decode())))


def measure(runs: int, requests: dict[str, Callable[[], object]]) -> dict[str, tuple[float, float, int]]:
    """Median milliseconds (wall clock and this thread's CPU) and query count per request.

    The requests take turns, so a noisy neighbour on the machine hits all alike; the CPU time is what
    the neighbours cannot inflate (it leaves out the PostgreSQL server's share). Timed without capturing
    queries (that wraps every cursor); the queries are counted on one more request of each.
    """
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    wall: dict[str, list[float]] = {name: [] for name in requests}
    cpu: dict[str, list[float]] = {name: [] for name in requests}
    for run in range(runs + 20):  # the first 20 warm up
        for name, request in requests.items():
            start, start_cpu = time.perf_counter(), time.thread_time()
            request()
            if run >= 20:
                wall[name].append((time.perf_counter() - start) * 1000)
                cpu[name].append((time.thread_time() - start_cpu) * 1000)
    queries: dict[str, int] = {}
    for name, request in requests.items():
        with CaptureQueriesContext(connection) as captured:
            request()
        queries[name] = len(captured.captured_queries)
    return {name: (statistics.median(wall[name]), statistics.median(cpu[name]), queries[name]) for name in requests}


def requests_to_measure() -> dict[str, Callable[[], object]]:
    dutch_client, dutch_token = parent_on_page_one("nl")
    arabic_client, _arabic_token = parent_on_page_one("ar")
    shown = dutch_client.get("/q/1/?lang=nl")
    assert shown.status_code == 200
    answers = {name: str(index % 5 + 1) for index, name in enumerate(item_fields(shown.content))}
    # Sent as a browser sends a form (not the test client's multipart).
    posted = urlencode({**answers, "action": "next", "lang": "nl", "csrfmiddlewaretoken": dutch_token})
    form = "application/x-www-form-urlencoded"

    def bare() -> None:
        assert dutch_client.post("/bench/bare/", "x=1", content_type=form).status_code == 200

    def render() -> None:
        assert dutch_client.get("/q/1/?lang=nl").status_code == 200

    def save() -> None:
        response = dutch_client.post("/q/1/", posted, content_type=form)
        assert response.status_code == 302 and "/q/2/" in response["Location"], response.status_code

    def render_arabic() -> None:
        assert arabic_client.get("/q/1/?lang=ar&nl=1").status_code == 200

    return {
        "bare view": bare,
        "page render": render,
        "page save": save,
        "page render (Arabic, Dutch shown)": render_arabic,
    }


def profile(requests: dict[str, Callable[[], object]], runs: int) -> None:
    import cProfile
    import pstats

    for name in ("page render", "page save"):
        for _ in range(20):
            requests[name]()
        profiler = cProfile.Profile(time.thread_time)  # CPU time: what the noisy neighbours cannot inflate
        profiler.enable()
        for _ in range(runs):
            requests[name]()
        profiler.disable()
        print(f"=== {name}: {runs} requests, cumulative ===")
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(45)
        print(f"=== {name}: {runs} requests, own time ===")
        pstats.Stats(profiler).sort_stats("tottime").print_stats(30)


def run_in_process(database: str, database_url: str, runs: int, with_profile: bool) -> None:
    set_up_django(database_url)
    requests = requests_to_measure()
    if with_profile:
        profile(requests, runs)
        return
    results = measure(runs, requests)
    for name, (milliseconds, cpu, count) in results.items():
        print(f"[{database}] {name}: {milliseconds:.2f} ms median, {count} queries (CPU {cpu:.2f} ms median)")
    bare, bare_cpu = results["bare view"][:2]
    print(
        f"[{database}] ratio to bare view: render {results['page render'][0] / bare:.1f} "
        f"(CPU {results['page render'][1] / bare_cpu:.1f}), save {results['page save'][0] / bare:.1f} "
        f"(CPU {results['page save'][1] / bare_cpu:.1f}); {runs} runs each"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=300)
    parser.add_argument("--only", choices=["sqlite", "postgres"])
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    if args.only == "sqlite":
        folder = tempfile.mkdtemp(prefix="betrokken-bench-page-")
        run_in_process("sqlite", f"sqlite:///{folder}/bench.sqlite3", args.runs, args.profile)
        return
    if args.only == "postgres":
        from bench.submit import recreate_postgres_database

        recreate_postgres_database(POSTGRES_URL)
        run_in_process("postgres", POSTGRES_URL, args.runs, args.profile)
        return
    # Each database in its own process: Django is set up once per process.
    from bench.submit import postgres_reachable

    extra = ["--profile"] if args.profile else []
    subprocess.run([sys.executable, __file__, "--only", "sqlite", "--runs", str(args.runs), *extra], check=True)
    if postgres_reachable(POSTGRES_URL):
        subprocess.run([sys.executable, __file__, "--only", "postgres", "--runs", str(args.runs), *extra], check=True)
    else:
        print(f"[postgres] not reachable at {POSTGRES_URL}: run scripts/start-postgres.sh first")


if __name__ == "__main__":
    main()
