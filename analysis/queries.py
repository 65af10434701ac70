"""Reading a round from the database in a fixed, small number of queries."""

from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet

from analysis.models import Conclusion, DimensionNote, ResponseStatus, Round, RoundItem, TeamResponse
from framework.models import Audience, HiddenItem, Item
from schools.models import School


def rounds_with_counts(school: School) -> QuerySet[Round]:
    # Meta.ordering does not apply to aggregating queries, so the order is explicit here.
    return (
        Round.objects.filter(school=school)
        .annotate(
            invited_count=Count("responses"),
            submitted_count=Count("responses", filter=Q(responses__status=ResponseStatus.SUBMITTED)),
        )
        .order_by("-starts_on", "-created_at")
    )


def counted_item_ids(round_: Round) -> QuerySet[RoundItem, object]:
    """The items whose answers count: the round's items, less those the school hid while it was open.

    Closing a round prunes hidden items from it (see `close_round`), which freezes the result.
    """
    item_ids = RoundItem.objects.filter(round=round_).values("item_id")
    if round_.is_open:
        item_ids = item_ids.exclude(item_id__in=HiddenItem.objects.filter(school_id=round_.school_id).values("item_id"))
    return item_ids


def counted_items(round_: Round, audience: str = Audience.TEAM) -> QuerySet[Item]:
    return Item.objects.filter(id__in=counted_item_ids(round_), audience=audience)


@dataclass(frozen=True)
class OpenQuestions:
    open: int
    total: int
    first_open_dimension_id: int | None


def open_questions(response: TeamResponse, round_: Round) -> OpenQuestions:
    """How many of the round's team questions this member left without an answer ("weet ik niet" is one)."""
    items = counted_items(round_)
    unanswered = items.exclude(id__in=response.answers.values("item_id"))
    first = unanswered.order_by("dimension__position").values_list("dimension_id", flat=True).first()
    return OpenQuestions(open=unanswered.count(), total=items.count(), first_open_dimension_id=first)


def participation(round_: Round) -> dict[str, int]:
    counts = TeamResponse.objects.filter(round=round_).aggregate(
        invited=Count("id"),
        submitted=Count("id", filter=Q(status=ResponseStatus.SUBMITTED)),
        in_progress=Count("id", filter=Q(status=ResponseStatus.IN_PROGRESS)),
    )
    shown = {name: value or 0 for name, value in counts.items()}
    shown["counted"] = shown["submitted"] + shown["in_progress"]  # a busy member's answers so far count too
    return shown


def notes_by_dimension(round_: Round) -> dict[str, list[str]]:
    """Non-empty notes per dimension key, without names; shuffled by id so order gives nobody away."""
    notes: dict[str, list[str]] = {}
    rows = (
        DimensionNote.objects.filter(response__round=round_)
        .exclude(text="")
        .order_by("dimension__position", "text")
        .values_list("dimension__key", "text")
    )
    for key, text in rows:
        notes.setdefault(key, []).append(text)
    return notes


def conclusions_by_dimension(round_: Round) -> dict[str, Conclusion]:
    return {c.dimension.key: c for c in Conclusion.objects.filter(round=round_).select_related("dimension")}
