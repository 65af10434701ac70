"""Reading parents' and pupils' answers of a round, aggregated by the database (handed-in only)."""

from collections.abc import Collection
from uuid import UUID

from django.db.models import Avg, Count, Q, Sum

from analysis.models import Answer, Round
from analysis.perspectives import ConstructScore
from analysis.profile import ScoreCell
from analysis.queries import counted_items
from framework.models import MASTER_LANGUAGE, Audience, ItemText
from surveys.models import CodeBatch, ResponseStatus, SurveyAnswer, SurveyResponse

PUPIL_AUDIENCES = (Audience.PUPIL_10_12, Audience.PUPIL_12_18)


def survey_cells(round_: Round, audiences: Collection[str], dimension_keys: dict[int, str]) -> list[ScoreCell]:
    rows = (
        SurveyAnswer.objects.filter(
            response__round=round_, response__status=ResponseStatus.SUBMITTED, response__audience__in=audiences
        )
        .values_list("response_id", "item__dimension_id", "item__direction")
        .annotate(total=Sum("value"), answered=Count("value"), dont_know=Count("id", filter=Q(value__isnull=True)))
        .order_by()
    )
    return [
        ScoreCell(respondent, dimension_keys[dimension_id], direction, total or 0, answered, dont_know)
        for respondent, dimension_id, direction, total, answered, dont_know in rows
    ]


def respondent_groups(round_: Round) -> dict[UUID, tuple[str, str, str]]:
    """Response id -> (audience, group, home language) of handed-in questionnaires, for breakdowns only."""
    rows = SurveyResponse.objects.filter(round=round_, status=ResponseStatus.SUBMITTED).values_list(
        "id", "audience", "group_label", "home_language"
    )
    return {response_id: (audience, group, language) for response_id, audience, group, language in rows}


def team_questions_by_construct(round_: Round, language: str) -> dict[str, str]:
    """The team's question per construct in `language`, else in Dutch."""
    rows = (
        ItemText.objects.filter(item__in=counted_items(round_), language__in={language, MASTER_LANGUAGE})
        .values_list("item__construct", "language", "text")
        .order_by()
    )
    questions: dict[str, str] = {}
    for construct, text_language, text in rows:
        if text_language == language or construct not in questions:
            questions[construct] = text
    return questions


def team_construct_scores(round_: Round) -> list[ConstructScore]:
    rows = (
        Answer.objects.filter(response__round=round_, value__isnull=False, item__audience=Audience.TEAM)
        .values_list("item__construct")
        .annotate(mean=Avg("value"), respondents=Count("response_id", distinct=True))
        .order_by()
    )
    return [ConstructScore(construct, float(mean), respondents) for construct, mean, respondents in rows]


def survey_construct_scores(round_: Round, audiences: Collection[str]) -> list[ConstructScore]:
    rows = (
        SurveyAnswer.objects.filter(
            response__round=round_,
            response__status=ResponseStatus.SUBMITTED,
            response__audience__in=audiences,
            value__isnull=False,
        )
        .values_list("item__construct")
        .annotate(mean=Avg("value"), respondents=Count("response_id", distinct=True))
        .order_by()
    )
    return [ConstructScore(construct, float(mean), respondents) for construct, mean, respondents in rows]


def invited_counts(round_: Round) -> dict[tuple[str, str], int]:
    rows = CodeBatch.objects.filter(round=round_).values_list("audience", "group_label").annotate(total=Sum("size"))
    return {(audience, group): total for audience, group, total in rows.order_by()}


def answered_counts(round_: Round) -> dict[tuple[str, str], int]:
    rows = (
        SurveyResponse.objects.filter(round=round_, status=ResponseStatus.SUBMITTED)
        .values_list("audience", "group_label")
        .annotate(total=Count("id"))
        .order_by()
    )
    return {(audience, group): total for audience, group, total in rows}


def open_answers(round_: Round) -> list[tuple[str, str]]:
    """(audience:group, text) of handed-in questionnaires with an open answer."""
    rows = (
        SurveyResponse.objects.filter(round=round_, status=ResponseStatus.SUBMITTED)
        .exclude(open_answer="")
        .values_list("audience", "group_label", "open_answer")
    )
    return [(f"{audience}:{group}", text) for audience, group, text in rows]
