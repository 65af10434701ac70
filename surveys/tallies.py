"""Keeping the running sums of handed-in answers (AnswerTally, GroupTally) and rebuilding them.

Handed-in questionnaires are released into the sums in chunks (see count_handed_in), so that nobody's
answers can be worked out by comparing figures before and after a hand-in (docs/privacy.md).
"""

from collections import defaultdict
from typing import Any
from uuid import UUID, uuid4

from django.db import IntegrityError, connections, transaction
from django.db.models import Count, F, ForeignKey, QuerySet

from analysis.models import ResponseStatus, Round
from analysis.windows import closed_audiences
from framework.models import SURVEY_AUDIENCES
from surveys.models import AnswerTally, GroupTally, Release, SurveyAnswer, SurveyResponse

# Questionnaires enter the figures in chunks of at least this many, never one by one: two downloads one
# hand-in apart are then the same, and any change in any figure is about at least five people.
MIN_CHUNK = 5
# The group label, home language and language answered in under which the rest of a closed round is tallied
# ("other groups", "other languages"). No batch or questionnaire has this language (languages are codes).
POOL = "*"


# A chunk is cut per audience, group, home language (the batch's tag) AND the language the questionnaires were
# answered in, so that every breakdown (by group, by tag, by language answered in) is a sum over the same chunks:
# two partitions released apart would leave different remainders at the close, and their totals would differ by
# one person (docs/privacy.md, "The language a parent answered in").
def _cell(response: SurveyResponse) -> tuple[str, str, str, str]:
    return (response.audience, response.group_label, response.home_language, response.language)


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
    (school_id, round_id, audience, group_label, home_language, language, item_id, total, answered, dont_know,
     held_back)
VALUES {rows}
ON CONFLICT (round_id, audience, group_label, home_language, language, item_id) DO UPDATE SET
    total = surveys_answertally.total + excluded.total,
    answered = surveys_answertally.answered + excluded.answered,
    dont_know = surveys_answertally.dont_know + excluded.dont_know,
    held_back = surveys_answertally.held_back + excluded.held_back
"""


def _foreign_key(name: str) -> "ForeignKey[Any, Any]":
    field = AnswerTally._meta.get_field(name)
    assert isinstance(field, ForeignKey)
    return field


def _add_to_tallies(responses: list[SurveyResponse], group_label: str, home_language: str, language: str) -> None:
    """Add a chunk of questionnaires of one audience to the tallies, under one group, home language and language."""
    first = responses[0]
    group = {
        "school_id": first.school_id,
        "round_id": first.round_id,
        "audience": first.audience,
        "group_label": group_label,
        "home_language": home_language,
        "language": language,
    }
    _bump(GroupTally, group, responses=len(responses))
    sums: dict[Any, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    answers = SurveyAnswer.objects.filter(response_id__in=[response.pk for response in responses])
    for item_id, value in answers.values_list("item_id", "value"):
        sums[item_id][0] += value or 0
        sums[item_id][1 if value is not None else 2] += 1
    for counts in sums.values():
        # An item that only 1-4 of the chunk answered on the scale ("weet ik niet" for the others) would move
        # its figure by those few people's answers: their answers to it are held back, never added.
        # The chunk's held_back mark says only that some of them exist (in a chunk of at least five).
        if 0 < counts[1] < MIN_CHUNK:
            counts[0] = counts[1] = 0
            counts[3] = 1
    if not sums:
        return
    connection = connections[AnswerTally.objects.db]
    as_db = {name: _foreign_key(name).get_db_prep_value for name in ("school", "round", "item")}
    params: list[Any] = []
    for item_id, (total, answered, dont_know, held_back) in sums.items():
        params += [
            as_db["school"](first.school_id, connection),
            as_db["round"](first.round_id, connection),
            first.audience,
            group_label,
            home_language,
            language,
            as_db["item"](item_id, connection),
            total,
            answered,
            dont_know,
            held_back,
        ]
    rows = ", ".join(["(%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)"] * len(sums))
    with connection.cursor() as cursor:
        cursor.execute(ADD_TO_ITEM_TALLIES.format(rows=rows), params)


def _waiting(round_id: UUID) -> QuerySet[SurveyResponse]:
    return SurveyResponse.objects.filter(
        round_id=round_id, status=ResponseStatus.SUBMITTED, release=Release.WAITING
    ).order_by("pk")


def _release(responses: list[SurveyResponse], how: str) -> None:
    chunk = uuid4()
    SurveyResponse.objects.filter(pk__in=[response.pk for response in responses]).update(release=how, chunk=chunk)
    _add_to_tallies(responses, *_tallied_as(responses, how))


def _tallied_as(chunk: list[SurveyResponse], how: str) -> tuple[str, str, str]:
    """Group, home language and language a chunk is tallied under: its cell's, or POOL for a pooled chunk (and
    POOL as the language of a chunk released before chunks were cut per language, when it mixes languages)."""
    if how == Release.POOL:
        return POOL, POOL, POOL
    first = chunk[0]
    languages = {response.language for response in chunk}
    return first.group_label, first.home_language, first.language if len(languages) == 1 else POOL


def count_handed_in(response: SurveyResponse) -> None:
    """A handed-in questionnaire waits; once five wait with the same audience, group, home language and language
    answered in, they enter the tallies together. Call inside the hand-in transaction.

    So no figure ever changes by fewer than five people, and every figure is a sum over such chunks.
    """
    cell = _waiting(response.round_id).filter(
        audience=response.audience,
        group_label=response.group_label,
        home_language=response.home_language,
        language=response.language,
    )
    chunk = list(cell.select_for_update())
    if len(chunk) >= MIN_CHUNK:
        _release(chunk, Release.CELL)


@transaction.atomic
def release_the_rest(round_: Round, audiences: tuple[str, ...] = SURVEY_AUDIENCES) -> None:
    """When a voice closes: per audience, the questionnaires still waiting enter the figures together under
    "other groups" (POOL), if there are at least five of them; fewer stay out for good."""
    per_audience: dict[str, list[SurveyResponse]] = defaultdict(list)
    for response in _waiting(round_.pk).filter(audience__in=audiences).select_for_update():
        per_audience[response.audience].append(response)
    for chunk in per_audience.values():
        if len(chunk) >= MIN_CHUNK:
            _release(chunk, Release.POOL)


def release_ready(round_: Round, audiences: tuple[str, ...] = SURVEY_AUDIENCES) -> None:
    """Release what the hand-ins would have released (after questionnaires were stored some other way), and the
    rest of every audience whose voice is closed."""
    cells: dict[tuple[str, str, str, str], list[SurveyResponse]] = defaultdict(list)
    for response in _waiting(round_.pk).filter(audience__in=audiences).select_for_update():
        cells[_cell(response)].append(response)
    for chunk in cells.values():
        if len(chunk) >= MIN_CHUNK:
            _release(chunk, Release.CELL)
    closed = tuple(audience for audience in closed_audiences(round_) if audience in audiences)
    if closed:
        release_the_rest(round_, closed)


def waiting_count(round_: Round) -> dict[str, int]:
    """Per audience, handed-in questionnaires not yet in the figures."""
    rows = _waiting(round_.pk).order_by().values_list("audience").annotate(count=Count("pk"))
    return dict(rows)


@transaction.atomic
def rebuild_tallies(round_: Round) -> None:
    """Recompute a round's tallies from the stored answers of released questionnaires (after a repair, or to
    check them), first releasing the chunks that are complete."""
    release_ready(round_)
    AnswerTally.objects.filter(round=round_).delete()
    GroupTally.objects.filter(round=round_).delete()
    released = SurveyResponse.objects.filter(round=round_, status=ResponseStatus.SUBMITTED).exclude(
        release=Release.WAITING
    )
    # Chunk by chunk, as they were released: what is held back of a chunk is held back again.
    chunks: dict[UUID | None, list[SurveyResponse]] = defaultdict(list)
    fields = ("pk", "school_id", "round_id", "audience", "group_label", "home_language", "language", "release", "chunk")
    for response in released.only(*fields).order_by("pk"):
        chunks[response.chunk].append(response)
    for chunk in chunks.values():
        _add_to_tallies(chunk, *_tallied_as(chunk, chunk[0].release))
