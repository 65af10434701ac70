"""Saving a page of answers on PostgreSQL in one statement.

The same rule as surveys.respond.save_answers' transaction (the questionnaire's row is updated, and so locked,
only while it is still in progress; the answers are upserted only if it was), written as one statement with
data-modifying CTEs: one round trip and one commit instead of BEGIN, UPDATE, INSERT and COMMIT, on the page
every parent saves seven times. PostgreSQL runs a statement as a whole, so a hand-in cannot slip between.
"""

from uuid import UUID

from django.db import connection

from analysis.models import ResponseStatus
from surveys.models import SurveyAnswer, SurveyResponse

_RESPONSES = SurveyResponse._meta.db_table
_ANSWERS = SurveyAnswer._meta.db_table
# Only table names from the models go into the text; every value is a parameter.
_SAVE_PAGE = f"""
WITH opened AS (
    UPDATE {_RESPONSES} SET last_page = GREATEST(last_page, %s), language = %s
    WHERE id = %s AND status = %s
    RETURNING id, school_id
), saved AS (
    INSERT INTO {_ANSWERS} (school_id, response_id, item_id, value)
    SELECT opened.school_id, opened.id, given.item_id, given.value
    FROM opened, unnest(%s::uuid[], %s::smallint[]) AS given(item_id, value)
    ON CONFLICT (response_id, item_id) DO UPDATE SET value = EXCLUDED.value
)
SELECT count(*) FROM opened
"""  # noqa: S608


def save_page_in_one_statement(
    response_id: UUID, last_page: int, language: str, answers: dict[UUID, int | None]
) -> bool:
    """Returns False when the questionnaire was no longer in progress (nothing is then changed)."""
    with connection.cursor() as cursor:
        cursor.execute(
            _SAVE_PAGE,
            [last_page, language, response_id, ResponseStatus.IN_PROGRESS, list(answers), list(answers.values())],
        )
        (opened,) = cursor.fetchone()
    return bool(opened)
