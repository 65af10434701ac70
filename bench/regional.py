"""Benchmark (issue 15, point 6): the regional overview of an agency followed by 500 schools, on PostgreSQL.

Builds a database `bench_regional` (dropped and made again) with 500 schools, each with one closed round that it
shares with the organisation: 10 team members who answered every team item, the tallies of 1,000 handed-in parent
questionnaires (10 classes of 100; the tallies are what the page reads, kept at hand-in: they are written straight
in SQL here, the 15 million single answers behind them are not), and three actions from the library. Everything is
made with generate_series in SQL, in about a minute on 2 cores.

Sharing a round sums it once (organisations.regional.summaries: a closed round's figures are final); the bench
does that for all 500 and prints how long it took. Then it requests the regional page through Django's test
client (DEBUG off) several times and prints the median
server time and the number of queries beside a hand-written SQL GROUP BY (with percentile_cont) that computes the
same per-dimension figures (five people per school, five schools per figure) on the same data, and checks that the
two agree. It prints the query count for 50 schools as well, to show it does not grow with the schools.

Run: .venv/bin/python bench/regional.py [--schools 500] [--parents 1000] [--runs 7]
     (PostgreSQL: BENCH_POSTGRES_URL, default postgres://betrokken:betrokken@127.0.0.1:5432/postgres, is used to
     make the database bench_regional on the same server)
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

BENCH_DATABASE = "bench_regional"
TEAM_MEMBERS = 10
CLASSES = 10
ACTIONS_PER_SCHOOL = 3


def fresh_database(server_url: str) -> None:
    import psycopg

    with psycopg.connect(server_url, autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {BENCH_DATABASE}")
        connection.execute(f"CREATE DATABASE {BENCH_DATABASE}")
    parts = urlsplit(server_url)
    os.environ["DATABASE_URL"] = urlunsplit(parts._replace(path=f"/{BENCH_DATABASE}"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "betrokken.settings")
    os.environ["DEBUG"] = "0"
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    settings.ALLOWED_HOSTS = ["testserver"]
    call_command("migrate", verbosity=0)
    call_command("load_framework", verbosity=0)
    call_command("load_actions", verbosity=0)


def build(schools: int, parents: int) -> tuple[object, object]:  # (organisation, coach)
    from django.db import connection

    from accounts.models import User
    from organisations.models import Organisation, OrganisationMembership, OrganisationRole
    from organisations.staff import register_organisation
    from organisations.verification import verify_organisations

    coach = User.objects.create_user("coach@bench.example.org", "bench-password-1", name="Coach")
    organisation = register_organisation("Bench agency", "integration", None, coach)
    verify_organisations(Organisation.objects.filter(pk=organisation.pk), coach)  # as a site administrator would
    OrganisationMembership.objects.filter(user=coach).update(role=OrganisationRole.COACH)
    team = User.objects.bulk_create(
        User(email=f"team{index}@bench.example.org", name=f"Team {index}", password="!")
        for index in range(TEAM_MEMBERS)
    )
    per_class = parents // CLASSES
    with connection.cursor() as cursor:
        cursor.execute("SELECT setseed(0.15)")
        cursor.execute(
            """INSERT INTO schools_school (id, name, town, created_at, family_data_months)
               SELECT gen_random_uuid(), 'School ' || n, 'Gent', now(), 12 FROM generate_series(1, %s) n""",
            [schools],
        )
        cursor.execute(
            """INSERT INTO analysis_round (id, school_id, title, scope, scope_description, starts_on, ends_on, status,
                                           created_at, closed_at)
               SELECT gen_random_uuid(), id, 'Najaar 2026', 'whole_school', '', DATE '2026-10-01', DATE '2026-12-01',
                      'closed', now(), now() FROM schools_school"""
        )
        cursor.execute(
            """INSERT INTO analysis_rounditem (school_id, round_id, item_id)
               SELECT r.school_id, r.id, i.id FROM analysis_round r
               CROSS JOIN framework_item i WHERE i.school_id IS NULL AND NOT i.retired"""
        )
        cursor.execute(
            """INSERT INTO analysis_teamresponse (school_id, round_id, user_id, status, last_page, updated_at,
                                                  submitted_at)
               SELECT r.school_id, r.id, u.id, 'submitted', 7, now(), now()
               FROM analysis_round r CROSS JOIN accounts_user u WHERE u.id = ANY(%s)""",
            [[user.pk for user in team]],
        )
        # Each school leans to its own level (1.5 to 4.5), each answer scatters around it.
        cursor.execute(
            """INSERT INTO analysis_answer (school_id, response_id, item_id, value)
               SELECT t.school_id, t.id, i.id,
                      CASE WHEN random() < 0.05 THEN NULL
                           ELSE LEAST(5, GREATEST(1, round(1.5 + 3 * (hashtext(t.round_id::text) & 1023) / 1023.0
                                                            + random() * 2 - 1)))::int END
               FROM analysis_teamresponse t JOIN framework_item i ON i.school_id IS NULL AND NOT i.retired
                                                                   AND i.audience = 'team'"""
        )
        cursor.execute(
            """INSERT INTO surveys_answertally (school_id, round_id, audience, group_label, home_language, language,
                                                item_id, total, answered, dont_know, held_back)
               SELECT r.school_id, r.id, 'parent', 'Klas ' || c, '', 'nl', i.id,
                      round(a.answered * (1.5 + 3 * random())), a.answered, %s - a.answered, 0
               FROM analysis_round r CROSS JOIN generate_series(1, %s) c
               JOIN framework_item i ON i.school_id IS NULL AND NOT i.retired AND i.audience = 'parent'
               CROSS JOIN LATERAL (SELECT %s - (random() * 10)::int AS answered) a""",
            [per_class, CLASSES, per_class],
        )
        cursor.execute(
            """INSERT INTO surveys_grouptally (school_id, round_id, audience, group_label, home_language, language,
                                               responses)
               SELECT r.school_id, r.id, 'parent', 'Klas ' || c, '', 'nl', %s
               FROM analysis_round r CROSS JOIN generate_series(1, %s) c""",
            [per_class, CLASSES],
        )
        cursor.execute(
            """INSERT INTO actions_action (id, school_id, round_id, title, description, target_group, pupil_role,
                                           pupil_part, status, success_indicator, evaluation, source_id,
                                           created_at, updated_at)
               SELECT gen_random_uuid(), r.school_id, r.id, 'Actie', '', 'all_parents', 'none', '',
                      (ARRAY['idea','planned','under_way','done','stopped'])[1 + (random() * 4)::int], '',
                      CASE WHEN random() < 0.3 THEN 'geëvalueerd' ELSE '' END, l.id, now(), now()
               FROM analysis_round r
               CROSS JOIN LATERAL (SELECT id FROM actions_libraryaction WHERE school_id IS NULL AND NOT retired
                                   AND r.id IS NOT NULL ORDER BY random() * 0 + position LIMIT %s
                                   OFFSET (hashtext(r.id::text) & 7)) l""",
            [ACTIONS_PER_SCHOOL],
        )
        cursor.execute(
            """INSERT INTO organisations_schoollink (id, school_id, organisation_id, school_year, named, beside_region,
                                                     invited_at)
               SELECT gen_random_uuid(), id, %s, '2026-2027', (random() < 0.3), false, now() FROM schools_school""",
            [organisation.id],
        )
        cursor.execute(
            """INSERT INTO organisations_sharedround (school_id, link_id, round_id, shared_at)
               SELECT l.school_id, l.id, r.id, now() FROM organisations_schoollink l
               JOIN analysis_round r ON r.school_id = l.school_id"""
        )
        cursor.execute("ANALYZE")
    # What sharing does for each round (organisations.links.share_round), for all of them at once.
    from analysis.models import Round
    from organisations.regional.summaries import summarise

    started = time.perf_counter()
    summarise(Round.objects.values("id"))
    print(f"summed the {schools} shared rounds in {time.perf_counter() - started:.1f} s (once, when they are shared)")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return organisation, coach


# The same figures as the page's "per dimension and perspective", by hand: per school the mean where at least five
# people stand behind it, then per dimension and perspective the percentiles over at least five schools.
HAND_WRITTEN = """
WITH shared AS (
    SELECT sr.round_id FROM organisations_sharedround sr
    JOIN organisations_schoollink l ON l.id = sr.link_id
    WHERE l.organisation_id = %(organisation)s AND l.withdrawn_at IS NULL
), team AS (
    SELECT r.round_id, i.dimension_id, 'team' AS perspective,
           SUM(a.value)::float / COUNT(a.value) AS mean, COUNT(DISTINCT a.response_id) AS people
    FROM analysis_answer a JOIN analysis_teamresponse r ON r.id = a.response_id
    JOIN framework_item i ON i.id = a.item_id
    JOIN analysis_rounditem ri ON ri.round_id = r.round_id AND ri.item_id = a.item_id
    WHERE r.round_id IN (SELECT round_id FROM shared) AND a.value IS NOT NULL AND i.audience = 'team'
    GROUP BY r.round_id, i.dimension_id
), per_item AS (
    SELECT t.round_id, t.audience, i.dimension_id, SUM(t.total) AS total, SUM(t.answered) AS answered
    FROM surveys_answertally t JOIN framework_item i ON i.id = t.item_id
    JOIN analysis_rounditem ri ON ri.round_id = t.round_id AND ri.item_id = t.item_id
    WHERE t.round_id IN (SELECT round_id FROM shared)
    GROUP BY t.round_id, t.audience, i.dimension_id, t.item_id
), per_audience AS (
    SELECT round_id, dimension_id, CASE WHEN audience = 'parent' THEN 'parents' ELSE 'pupils' END AS perspective,
           SUM(total) AS total, SUM(answered) AS answered, MAX(answered) AS people
    FROM per_item GROUP BY round_id, audience, dimension_id
), survey AS (
    SELECT round_id, dimension_id, perspective, SUM(total)::float / NULLIF(SUM(answered), 0) AS mean,
           SUM(people) AS people
    FROM per_audience GROUP BY round_id, dimension_id, perspective
), school AS (
    SELECT * FROM team UNION ALL SELECT * FROM survey
)
SELECT d.key, s.perspective, COUNT(*),
       percentile_cont(ARRAY[0.1, 0.25, 0.5, 0.75, 0.9]) WITHIN GROUP (ORDER BY s.mean)
FROM school s JOIN framework_dimension d ON d.id = s.dimension_id
WHERE s.people >= 5 AND s.mean IS NOT NULL
GROUP BY d.key, s.perspective HAVING COUNT(*) >= 5
"""


def median_ms(run: object, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        run()  # type: ignore[operator]
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--schools", type=int, default=500)
    parser.add_argument("--parents", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    server = os.environ.get("BENCH_POSTGRES_URL", "postgres://betrokken:betrokken@127.0.0.1:5432/postgres")
    started = time.perf_counter()
    fresh_database(server)
    organisation, coach = build(args.schools, args.parents)
    print(f"built {args.schools} schools x {args.parents} parents in {time.perf_counter() - started:.0f} s")

    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from organisations.regional.overview import build_overview

    client = Client()
    client.force_login(coach)  # type: ignore[arg-type]
    url = reverse("organisations:overview", args=[organisation.id])  # type: ignore[attr-defined]
    assert client.get(url).status_code == 200  # records the first version of every figure, as a first reader does

    def page() -> None:
        assert client.get(url).status_code == 200

    with CaptureQueriesContext(connection) as queries:
        page()
    page_ms = median_ms(page, args.runs)

    rows: list[tuple[str, str, int, list[float]]] = []

    def hand_written() -> None:
        with connection.cursor() as cursor:
            cursor.execute(HAND_WRITTEN, {"organisation": organisation.id})  # type: ignore[attr-defined]
            rows[:] = cursor.fetchall()

    sql_ms = median_ms(hand_written, args.runs)
    figures = {
        (dimension.key, figure.perspective): figure.distribution
        for dimension in build_overview(organisation, None, "nl").dimensions  # type: ignore[arg-type]
        for figure in dimension.figures
        if figure.distribution is not None
    }
    by_hand = {(key, perspective): (schools, percentiles) for key, perspective, schools, percentiles in rows}
    assert figures.keys() == by_hand.keys(), (sorted(figures), sorted(by_hand))
    for key, shown in figures.items():
        schools, percentiles = by_hand[key]
        assert shown.schools == schools, key
        mine = (shown.p10, shown.q1, shown.median, shown.q3, shown.p90)
        assert all(abs(a - b) < 1e-9 for a, b in zip(mine, percentiles, strict=True)), (key, mine, percentiles)
    print(f"the page and the hand-written SQL agree on {len(figures)} figures over {args.schools} schools")

    # The same page for an organisation that 50 of the schools share with: the same number of queries.
    from organisations.models import Organisation, SchoolLink, SharedRound
    from organisations.staff import register_organisation
    from organisations.verification import verify_organisations

    small = register_organisation("Fifty schools", "clb", None, coach)  # type: ignore[arg-type]
    verify_organisations(Organisation.objects.filter(pk=small.pk), coach)  # type: ignore[arg-type]
    for link in SchoolLink.objects.filter(organisation=organisation).order_by("school__name")[:50]:
        copy = SchoolLink.objects.create(school_id=link.school_id, organisation=small, school_year=link.school_year)
        round_id = SharedRound.objects.get(link=link).round_id
        SharedRound.objects.create(school_id=link.school_id, link=copy, round_id=round_id)
    small_url = reverse("organisations:overview", args=[small.id])
    client.get(small_url)
    with CaptureQueriesContext(connection) as small_queries:
        assert client.get(small_url).status_code == 200
    count = len(queries.captured_queries)
    print(f"queries: {len(small_queries.captured_queries)} for 50 schools, {count} for {args.schools}")
    print(f"hand-written SQL: {sql_ms:.0f} ms")
    print(
        f"regional: {page_ms:.0f} ms, {page_ms / sql_ms:.2f}x hand-written SQL, {len(queries.captured_queries)} queries"
    )


if __name__ == "__main__":
    main()
