"""Reading parents' and pupils' answers of a round: the tallies kept at hand-in, never every answer."""

from collections.abc import Iterable
from typing import Any

from django.db.models import Avg, Count, Q, Sum

from analysis.models import Answer, ResponseStatus, Round
from analysis.queries import counted_item_ids, counted_items
from framework.models import MASTER_LANGUAGE, Audience, Item, ItemText
from results.perspectives import Asked, ConstructScore, GroupSize, Tally
from results.profile import ScoreCell
from surveys.models import AnswerTally, CodeBatch, GroupTally, Release, SurveyResponse


def tallies(round_: Round, dimension_keys: dict[int, str]) -> list[Tally]:
    """The round's running sums of handed-in answers: a row per item, group, home language and language answered in."""
    rows = AnswerTally.objects.filter(round=round_).values_list(
        "audience",
        "group_label",
        "home_language",
        "item_id",
        "item__dimension_id",
        "item__direction",
        "item__construct",
        "total",
        "answered",
        "dont_know",
        "language",
        "held_back",
    )
    return [_tally(row, dimension_keys) for row in rows]


def _tally(row: tuple[Any, ...], dimension_keys: dict[int, str]) -> Tally:
    audience, group, tag, item, dimension, *direction_to_held_back = row
    return Tally(audience, group, tag, str(item), dimension_keys[dimension], *direction_to_held_back)


def asked_dimensions(round_: Round, audiences: Iterable[str], dimension_keys: dict[int, str]) -> frozenset[Asked]:
    """The (dimension, direction) pairs the round's questionnaire of these audiences asks about at all."""
    rows = (
        Item.objects.filter(id__in=counted_item_ids(round_), audience__in=list(audiences))
        .values_list("dimension_id", "direction")
        .distinct()
        .order_by()
    )
    return frozenset((dimension_keys[dimension], direction) for dimension, direction in rows)


def group_sizes(round_: Round) -> list[GroupSize]:
    rows = GroupTally.objects.filter(round=round_).values_list(
        "audience", "group_label", "home_language", "responses", "language"
    )
    return [GroupSize(*row) for row in rows]


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
        Answer.objects.filter(
            response__round=round_,
            item_id__in=counted_item_ids(round_),  # an item the school hid no longer counts, as in the profile
            item__audience=Audience.TEAM,
            value__isnull=False,
        )
        .values_list("item__construct")
        .annotate(mean=Avg("value"), respondents=Count("response_id", distinct=True))
        .order_by()
    )
    return [ConstructScore(construct, float(mean), respondents) for construct, mean, respondents in rows]


def invited_counts(round_: Round) -> dict[tuple[str, str], int]:
    """Codes handed out per audience and group; a withdrawn batch's letters no longer count (new ones replace them)."""
    rows = (
        CodeBatch.objects.filter(round=round_, voided_at__isnull=True)
        .values_list("audience", "group_label")
        .annotate(total=Sum("size"))
    )
    return {(audience, group): total for audience, group, total in rows.order_by()}


def open_answers(round_: Round) -> list[tuple[str, str]]:
    """(audience, text) of handed-in questionnaires with an open answer, only those in the figures already."""
    rows = (
        SurveyResponse.objects.filter(round=round_, status=ResponseStatus.SUBMITTED)
        .exclude(release=Release.WAITING)
        .exclude(open_answer="")
        .values_list("audience", "open_answer")
    )
    return list(rows)


def score_cells(round_: Round, dimension_keys: dict[int, str]) -> list[ScoreCell]:
    """One row per respondent, dimension and direction, summed by the database.

    `dimension_keys` maps dimension ids to keys (the page has the dimensions loaded already).
    """
    rows = (
        Answer.objects.filter(
            response__round=round_, item_id__in=counted_item_ids(round_), item__audience=Audience.TEAM
        )
        .values_list("response_id", "item__dimension_id", "item__direction")
        .annotate(total=Sum("value"), answered=Count("value"), dont_know=Count("id", filter=Q(value__isnull=True)))
        .order_by()
    )
    return [
        ScoreCell(respondent, dimension_keys[dimension_id], direction, total or 0, answered, dont_know)
        for respondent, dimension_id, direction, total, answered, dont_know in rows
    ]
