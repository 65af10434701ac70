"""Benchmark: the profile page of a round with 300 team answers on 60 items.

Builds a fresh database (SQLite in a temporary folder, or the one in DATABASE_URL), then requests
the profile page repeatedly through Django's test client and prints the median server time and the
number of queries. Run: .venv/bin/python bench/profile.py [--respondents 300] [--items 60] [--runs 30]
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--respondents", type=int, default=300)
    parser.add_argument("--items", type=int, default=60)
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()

    os.environ.setdefault("BETROKKEN_VAR_DIR", tempfile.mkdtemp(prefix="betrokken-bench-"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "betrokken.settings")
    os.environ.setdefault("DEBUG", "0")
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    settings.ALLOWED_HOSTS = ["testserver"]
    if "postgres" not in settings.DATABASES["default"]["ENGINE"]:
        Path(settings.VAR_DIR).mkdir(parents=True, exist_ok=True)
    call_command("migrate", verbosity=0)
    round_url, client = build(args.respondents, args.items)
    measure(client, round_url, args.runs, args.respondents, args.items)


def build(respondents: int, item_count: int):  # type: ignore[no-untyped-def]
    import random
    from datetime import date

    from django.test import Client

    from accounts.models import User
    from analysis.models import Answer, DimensionNote, ResponseStatus, TeamResponse
    from analysis.rounds import start_round
    from framework.item_bank import visible_team_items
    from framework.loading import load_framework
    from framework.models import Dimension, HiddenItem
    from schools.models import Membership, Role, School

    load_framework()
    school = School.objects.create(name="Bench school")
    coordinator = User.objects.create_user("bench-coordinator@example.org", "bench-password-1", name="Coordinator")
    Membership.objects.create(school=school, user=coordinator, role=Role.COORDINATOR)
    items = list(visible_team_items(school).order_by("dimension__position", "position"))
    keep = {item.id for index, item in enumerate(items) if index % max(1, len(items) // item_count) == 0}
    keep = set(list(keep)[:item_count])
    HiddenItem.objects.bulk_create(HiddenItem(school=school, item=item) for item in items if item.id not in keep)
    users = User.objects.bulk_create(
        User(email=f"team{i}@example.org", name=f"Team {i}", password="!") for i in range(respondents)
    )
    Membership.objects.bulk_create(Membership(school=school, user=user, role=Role.TEAM) for user in users)
    round_ = start_round(school, coordinator, "Bench", "whole_school", "", date(2026, 1, 1), date(2026, 2, 1), users)
    rng = random.Random(1)
    responses = list(TeamResponse.objects.filter(round=round_))
    TeamResponse.objects.filter(round=round_).update(status=ResponseStatus.SUBMITTED)
    answers = [
        Answer(school=school, response=response, item_id=item_id, value=rng.choice([1, 2, 3, 4, 5, None]))
        for response in responses
        for item_id in keep
    ]
    Answer.objects.bulk_create(answers, batch_size=5000)
    dimensions = list(Dimension.objects.all())
    DimensionNote.objects.bulk_create(
        DimensionNote(school=school, response=response, dimension=rng.choice(dimensions), text="Een notitie.")
        for response in responses[:50]
    )
    client = Client()
    client.force_login(coordinator)
    print(f"Built: {len(responses)} team respondents, {len(keep)} items, {len(answers)} answers.")
    return f"/s/{school.id}/rounds/{round_.id}/profile/", client


def measure(client, url: str, runs: int, respondents: int, item_count: int) -> None:  # type: ignore[no-untyped-def]
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    assert client.get(url).status_code == 200  # warm up
    timings = []
    for _ in range(runs):
        with CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            response = client.get(url)
            timings.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200
    engine = connection.vendor
    print(
        f"profile page [{engine}] {respondents} respondents x {item_count} items: "
        f"median {statistics.median(timings):.1f} ms, p95 {sorted(timings)[int(0.95 * (runs - 1))]:.1f} ms, "
        f"{len(queries.captured_queries)} queries"
    )


if __name__ == "__main__":
    main()
