"""Benchmark: the profile page of a round with many answers (issue 2: 300 team answers on 60 items;
issue 3: 60 team, 2,000 parent and 500 pupil responses: --respondents 60 --parents 2000 --pupils 500).

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


def fresh_database() -> None:
    """Django set up on a new database: SQLite in a temporary folder, or the one in DATABASE_URL, migrated."""
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--respondents", type=int, default=300)
    parser.add_argument("--items", type=int, default=60)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--parents", type=int, default=0)
    parser.add_argument("--pupils", type=int, default=0)
    args = parser.parse_args()
    fresh_database()
    round_url, client = build(args.respondents, args.items, args.parents, args.pupils)
    label = f"{args.respondents} team x {args.items} items, {args.parents} parents, {args.pupils} pupils"
    measure(client, round_url, args.runs, label)


def build(respondents: int, item_count: int, parents: int, pupils: int):  # type: ignore[no-untyped-def]
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
    from surveys.tallies import rebuild_tallies

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
    add_questionnaires(round_, "parent", parents, rng)
    add_questionnaires(round_, "pupil_10_12", pupils // 2, rng)
    add_questionnaires(round_, "pupil_12_18", pupils - pupils // 2, rng)
    rebuild_tallies(round_)  # what hand_in keeps up to date one questionnaire at a time
    client = Client()
    client.force_login(coordinator)
    print(
        f"Built: {len(responses)} team respondents, {len(keep)} items, {len(answers)} team answers, "
        f"{parents} parents, {pupils} pupils."
    )
    return f"/s/{school.id}/rounds/{round_.id}/profile/", client


def add_questionnaires(round_, audience: str, count: int, rng) -> None:  # type: ignore[no-untyped-def]
    """Handed-in questionnaires in four classes and three home languages, written in bulk."""
    from surveys.models import SurveyAnswer, SurveyResponse
    from surveys.texts import questionnaire_pages

    item_ids = [item_id for page in questionnaire_pages(round_.id, audience) for item_id in page]
    responses = SurveyResponse.objects.bulk_create(
        SurveyResponse(
            school_id=round_.school_id,
            round=round_,
            audience=audience,
            group_label=f"{index % 4 + 1}A",
            home_language=["", "ar", "tr"][index % 3],
            status="submitted",
            open_answer="Een open antwoord." if index % 10 == 0 else "",
        )
        for index in range(count)
    )
    SurveyAnswer.objects.bulk_create(
        (
            SurveyAnswer(
                school_id=round_.school_id, response=response, item_id=item_id, value=rng.choice([1, 2, 3, 4, 5, None])
            )
            for response in responses
            for item_id in item_ids
        ),
        batch_size=5000,
    )


def measure(client, url: str, runs: int, label: str) -> None:  # type: ignore[no-untyped-def]
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
        f"profile page [{engine}] {label}: "
        f"median {statistics.median(timings):.1f} ms, p95 {sorted(timings)[int(0.95 * (runs - 1))]:.1f} ms, "
        f"{len(queries.captured_queries)} queries"
    )


if __name__ == "__main__":
    main()
