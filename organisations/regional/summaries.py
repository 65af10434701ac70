"""A shared round's aggregates, summed once by the database when it is first shared (RoundAggregate).

A round is shared only once it is closed, and a closed round's figures are final (the team's voice takes no more
answers, the parents' and pupils' tallies are all released at closing, hidden items left it at closing): so the
sums are the same whenever they are read, and the regional page reads a few rows per school.
"""

from typing import Any

from django.db import connection
from django.db.models import QuerySet

from analysis.models import Round
from framework.models import Audience
from organisations.models import RoundAggregate

# The team: per member and dimension first, then per round (counting members without COUNT(DISTINCT)).
_TEAM = """
INSERT INTO organisations_roundaggregate (round_id, audience, dimension_id, total, answered, people)
SELECT round_id, %s, dimension_id, SUM(total), SUM(answered), COUNT(*)
FROM (
    SELECT r.round_id AS round_id, i.dimension_id AS dimension_id, a.response_id AS response_id,
           SUM(a.value) AS total, COUNT(a.value) AS answered
    FROM analysis_answer a
    JOIN analysis_teamresponse r ON r.id = a.response_id
    JOIN framework_item i ON i.id = a.item_id
    JOIN analysis_rounditem ri ON ri.round_id = r.round_id AND ri.item_id = a.item_id
    WHERE r.round_id IN ({rounds}) AND a.value IS NOT NULL AND i.audience = %s
    GROUP BY r.round_id, i.dimension_id, a.response_id
) per_member
WHERE true
GROUP BY round_id, dimension_id
ON CONFLICT DO NOTHING
"""

# Parents and pupils: their tallies; the people behind a dimension are the most scale answers one of its items got
# (as results.perspectives counts them).
_SURVEYS = """
INSERT INTO organisations_roundaggregate (round_id, audience, dimension_id, total, answered, people)
SELECT round_id, audience, dimension_id, SUM(total), SUM(answered), MAX(answered)
FROM (
    SELECT t.round_id AS round_id, t.audience AS audience, i.dimension_id AS dimension_id,
           SUM(t.total) AS total, SUM(t.answered) AS answered
    FROM surveys_answertally t
    JOIN framework_item i ON i.id = t.item_id
    JOIN analysis_rounditem ri ON ri.round_id = t.round_id AND ri.item_id = t.item_id
    WHERE t.round_id IN ({rounds})
    GROUP BY t.round_id, t.audience, i.dimension_id, t.item_id
) per_item
WHERE answered > 0
GROUP BY round_id, audience, dimension_id
ON CONFLICT DO NOTHING
"""


def summarise(rounds: QuerySet[Round, Any]) -> None:
    """Sum the closed `rounds` (a queryset of their ids) that have no aggregates yet."""
    todo = list(rounds.exclude(id__in=RoundAggregate.objects.values("round_id")).values_list("id", flat=True))
    if not todo:
        return
    # Read once: after the team's rows the rounds have aggregates, and the questionnaires' would be left out.
    sql, params = Round.objects.filter(id__in=todo).values("id").query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(_TEAM.format(rounds=sql), (Audience.TEAM.value, *params, Audience.TEAM.value))
        cursor.execute(_SURVEYS.format(rounds=sql), params)
