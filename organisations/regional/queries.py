"""Reading what schools share with an organisation: a constant number of queries whatever the number of schools.

The database sums the answers per round, dimension and audience (the team's answers and the parents' and
pupils' tallies kept at hand-in), so Python only ever sees a few rows per school. Only aggregates are read:
never an answer, a note, an open answer or an evaluation's text.
"""

from dataclasses import dataclass
from datetime import date
from typing import Any
from uuid import UUID

from django.db import connection
from django.db.models import Count, Q, QuerySet

from actions.models import Action
from framework.models import Audience
from organisations.models import Organisation, SharedRound
from organisations.regional.figures import ActionChoice, Contribution


@dataclass(frozen=True)
class SharingSchool:
    round_id: str
    school_id: str
    school_name: str  # shown only when `named`
    named: bool
    school_year: str


def _shared(organisation: Organisation) -> QuerySet[SharedRound]:
    """What the organisation may read: rounds shared through invitations that were not withdrawn."""
    return SharedRound.objects.filter(link__organisation=organisation, link__withdrawn_at__isnull=True)


def sharing_schools(organisation: Organisation) -> list[SharingSchool]:
    """Per school and school year its latest shared round (one query)."""
    rows = _shared(organisation).values_list(
        "round_id", "school_id", "school__name", "link__named", "link__school_year", "round__starts_on"
    )
    latest: dict[tuple[str, str], tuple[date, SharingSchool]] = {}
    for round_id, school_id, name, named, school_year, starts_on in rows:
        school = SharingSchool(str(round_id), str(school_id), name, named, school_year)
        key = (school.school_id, school_year)
        if key not in latest or (starts_on, school.round_id) > (latest[key][0], latest[key][1].round_id):
            latest[key] = (starts_on, school)
    return sorted((school for _starts, school in latest.values()), key=lambda s: (s.school_year, s.round_id))


def _round_id(value: object) -> str:
    return str(UUID(str(value)))  # SQLite gives the hex digits, PostgreSQL a UUID


def _shared_rounds_sql(organisation: Organisation) -> tuple[str, tuple[Any, ...]]:
    sql, params = _shared(organisation).values("round_id").query.sql_with_params()
    return sql, tuple(params)


def team_contributions(organisation: Organisation, dimension_keys: dict[int, str]) -> list[Contribution]:
    """The team's answers per shared round and dimension: sum, count, and the members who answered."""
    shared, params = _shared_rounds_sql(organisation)
    sql = f"""
        SELECT r.round_id, i.dimension_id, SUM(a.value), COUNT(a.value), COUNT(DISTINCT a.response_id)
        FROM analysis_answer a
        JOIN analysis_teamresponse r ON r.id = a.response_id
        JOIN framework_item i ON i.id = a.item_id
        JOIN analysis_rounditem ri ON ri.round_id = r.round_id AND ri.item_id = a.item_id
        WHERE r.round_id IN ({shared}) AND a.value IS NOT NULL AND i.audience = %s
        GROUP BY r.round_id, i.dimension_id
    """  # noqa: S608 (the inner query is Django's, its values are parameters)
    with connection.cursor() as cursor:
        cursor.execute(sql, (*params, Audience.TEAM.value))
        rows = cursor.fetchall()
    return [
        Contribution(_round_id(round_id), Audience.TEAM.value, dimension_keys[dimension], int(total), answered, people)
        for round_id, dimension, total, answered, people in rows
    ]


def survey_contributions(organisation: Organisation, dimension_keys: dict[int, str]) -> list[Contribution]:
    """Parents' and pupils' tallies per shared round, audience and dimension; the people behind a dimension are
    the most scale answers one of its items got (as results.perspectives counts them)."""
    shared, params = _shared_rounds_sql(organisation)
    sql = f"""
        SELECT round_id, audience, dimension_id, SUM(total), SUM(answered), MAX(answered)
        FROM (
            SELECT t.round_id AS round_id, t.audience AS audience, i.dimension_id AS dimension_id,
                   SUM(t.total) AS total, SUM(t.answered) AS answered
            FROM surveys_answertally t
            JOIN framework_item i ON i.id = t.item_id
            JOIN analysis_rounditem ri ON ri.round_id = t.round_id AND ri.item_id = t.item_id
            WHERE t.round_id IN ({shared})
            GROUP BY t.round_id, t.audience, i.dimension_id, t.item_id
        ) per_item
        GROUP BY round_id, audience, dimension_id
    """  # noqa: S608 (the inner query is Django's, its values are parameters)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    return [
        Contribution(_round_id(round_id), audience, dimension_keys[dimension], int(total), int(answered), int(people))
        for round_id, audience, dimension, total, answered, people in rows
    ]


def action_choices(organisation: Organisation) -> list[ActionChoice]:
    """Actions of the shared rounds taken from the common library (a school's own ones could name it), by status."""
    rows = (
        Action.objects.filter(
            round_id__in=_shared(organisation).values("round_id"), source__isnull=False, source__school__isnull=True
        )
        .values_list("round_id", "source__key", "status")
        .annotate(actions=Count("id"), evaluated=Count("id", filter=~Q(evaluation="")))
        .order_by()
    )
    return [
        ActionChoice(str(round_id), key, status, actions, evaluated)
        for round_id, key, status, actions, evaluated in rows
    ]
