"""Benchmark: the PDF report of a round with 2,500 responses (60 team, 2,000 parents, 440 pupils)
and a plan of 10 actions (issue 4). Prints the median time to build the PDF and the number of
queries of the action plan page.

Builds a fresh database (SQLite in a temporary folder, or the one in DATABASE_URL) with bulk inserts
and rebuild_tallies, as bench/profile.py does. Run: .venv/bin/python bench/report.py [--runs 5]
"""

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.profile import fresh_database


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--team", type=int, default=60)
    parser.add_argument("--parents", type=int, default=2000)
    parser.add_argument("--pupils", type=int, default=440)
    parser.add_argument("--actions", type=int, default=10)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    fresh_database()
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.utils import translation

    from actions.library_loading import load_action_library
    from analysis.models import Round
    from bench.profile import build
    from reports.round_report import build_report, report_pdf

    profile_url, client = build(args.team, 60, args.parents, args.pupils)
    load_action_library()  # after the framework, which build loads
    round_id = profile_url.rstrip("/").split("/")[-2]
    round_ = Round.objects.select_related("school").get(id=round_id)
    add_actions(round_, args.actions)

    timings, size = [], 0
    with translation.override("nl"):
        for _ in range(args.runs):
            start = time.perf_counter()
            pdf = report_pdf(build_report(round_, "nl"))
            timings.append(time.perf_counter() - start)
            size = len(pdf)
    plan_url = profile_url.replace("/profile/", "/plan/")
    assert client.get(plan_url).status_code == 200  # warm up
    with CaptureQueriesContext(connection) as queries:
        assert client.get(plan_url).status_code == 200
    print(
        f"PDF report [{connection.vendor}] {args.team} team, {args.parents} parents, {args.pupils} pupils, "
        f"{args.actions} actions: median {statistics.median(timings):.2f} s over {args.runs} runs "
        f"(min {min(timings):.2f} s, {size // 1024} KiB)"
    )
    print(f"action plan page [{connection.vendor}]: {len(queries.captured_queries)} queries")


def add_actions(round_, count: int) -> None:  # type: ignore[no-untyped-def]
    import random
    from datetime import date, timedelta

    from actions.models import Action, ActionStatus, PupilRole
    from framework.models import Dimension

    rng = random.Random(2)
    dimensions = list(Dimension.objects.all())
    statuses = [status for status, _label in ActionStatus.choices]
    roles = [role for role, _label in PupilRole.choices]
    for index in range(count):
        action = Action.objects.create(
            school_id=round_.school_id,
            round=round_,
            title=f"Actie {index + 1}: ontmoetingsmoment voor ouders",
            description="Een korte beschrijving.",
            pupil_role=rng.choice(roles),
            due_on=date(2026, 3, 1) + timedelta(days=7 * index) if index % 3 else None,
            status=rng.choice(statuses),
        )
        action.dimensions.set(rng.sample(dimensions, 2))


if __name__ == "__main__":
    main()
