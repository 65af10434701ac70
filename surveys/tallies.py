"""Keeping the running sums of handed-in answers (AnswerTally, GroupTally) and rebuilding them."""

from collections import defaultdict
from typing import Any
from uuid import UUID

from django.db import IntegrityError, connections, transaction
from django.db.models import F, ForeignKey

from analysis.models import ResponseStatus, Round
from surveys.models import AnswerTally, GroupTally, SurveyAnswer, SurveyResponse


def _bump(model: type[AnswerTally] | type[GroupTally], keys: dict[str, object], **increments: int) -> None:
    """Add to a tally row, creating it the first time (a parallel creation is retried as an update)."""
    changes = {name: F(name) + amount for name, amount in increments.items()}
    if model.objects.filter(**keys).update(**changes):
        return
    try:
        with transaction.atomic():
            model.objects.create(**keys, **increments)
    except IntegrityError:
        model.objects.filter(**keys).update(**changes)


# One statement adds a whole questionnaire to the item tallies (hand-in is on the respondents' hot path).
# INSERT … ON CONFLICT DO UPDATE reads the same on SQLite (3.24+) and PostgreSQL; the ORM cannot
# increment on conflict.
ADD_TO_ITEM_TALLIES = """
INSERT INTO surveys_answertally
    (school_id, round_id, audience, group_label, home_language, item_id, total, answered, dont_know)
VALUES {rows}
ON CONFLICT (round_id, audience, group_label, home_language, item_id) DO UPDATE SET
    total = surveys_answertally.total + excluded.total,
    answered = surveys_answertally.answered + excluded.answered,
    dont_know = surveys_answertally.dont_know + excluded.dont_know
"""


def _foreign_key(name: str) -> "ForeignKey[Any, Any]":
    field = AnswerTally._meta.get_field(name)
    assert isinstance(field, ForeignKey)
    return field


def count_handed_in(response: SurveyResponse) -> None:
    """Add one handed-in questionnaire to the tallies; call inside the hand-in transaction."""
    group = {
        "school_id": response.school_id,
        "round_id": response.round_id,
        "audience": response.audience,
        "group_label": response.group_label,
        "home_language": response.home_language,
    }
    _bump(GroupTally, group, responses=1)
    answers = list(SurveyAnswer.objects.filter(response_id=response.pk).values_list("item_id", "value"))
    if not answers:
        return
    connection = connections[AnswerTally.objects.db]
    as_db = {name: _foreign_key(name).get_db_prep_value for name in ("school", "round", "item")}
    params: list[Any] = []
    for item_id, value in answers:
        params += [
            as_db["school"](response.school_id, connection),
            as_db["round"](response.round_id, connection),
            response.audience,
            response.group_label,
            response.home_language,
            as_db["item"](item_id, connection),
            value or 0,
            0 if value is None else 1,
            1 if value is None else 0,
        ]
    rows = ", ".join(["(%s, %s, %s, %s, %s, %s, %s, %s, %s)"] * len(answers))
    with connection.cursor() as cursor:
        cursor.execute(ADD_TO_ITEM_TALLIES.format(rows=rows), params)


@transaction.atomic
def rebuild_tallies(round_: Round) -> None:
    """Recompute a round's tallies from the stored answers (after a repair, or to check them)."""
    AnswerTally.objects.filter(round=round_).delete()
    GroupTally.objects.filter(round=round_).delete()
    handed_in = SurveyResponse.objects.filter(round=round_, status=ResponseStatus.SUBMITTED)
    groups: dict[tuple[str, str, str], int] = defaultdict(int)
    for audience, group, language in handed_in.values_list("audience", "group_label", "home_language"):
        groups[(audience, group, language)] += 1
    GroupTally.objects.bulk_create(
        GroupTally(
            school_id=round_.school_id,
            round=round_,
            audience=audience,
            group_label=group,
            home_language=language,
            responses=count,
        )
        for (audience, group, language), count in groups.items()
    )
    sums: dict[tuple[str, str, str, UUID], list[int]] = defaultdict(lambda: [0, 0, 0])
    rows = SurveyAnswer.objects.filter(response__in=handed_in).values_list(
        "response__audience", "response__group_label", "response__home_language", "item_id", "value"
    )
    for audience, group, language, item_id, value in rows:
        tally = sums[(audience, group, language, item_id)]
        if value is None:
            tally[2] += 1
        else:
            tally[0] += value
            tally[1] += 1
    AnswerTally.objects.bulk_create(
        AnswerTally(
            school_id=round_.school_id,
            round=round_,
            audience=audience,
            group_label=group,
            home_language=language,
            item_id=item_id,
            total=total,
            answered=answered,
            dont_know=dont_know,
        )
        for (audience, group, language, item_id), (total, answered, dont_know) in sums.items()
    )
