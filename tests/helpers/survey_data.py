"""Helpers for the coordinator's side of the questionnaires: URLs, batches, and answers straight into the tables."""

import re
from collections.abc import Callable
from datetime import date

from django.conf import settings
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.models import User
from analysis.models import ResponseStatus, Round, TeamResponse
from analysis.queries import counted_items
from analysis.rounds import save_page
from framework.models import Dimension, Item
from surveys.code_files import kept_codes
from surveys.models import (
    CodeBatch,
    SurveyAnswer,
    SurveyResponse,
)
from surveys.tallies import rebuild_tallies
from tests.helpers.world import World

Value = int | None
ValueOf = Callable[[Item], Value]


# Helpers ---------------------------------------------------------------------------------------


def in_english(client: Client) -> Client:
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def invitations_url(world: World, round_: Round | None = None) -> str:
    return reverse("surveys:invitations", args=[world.school.id, (round_ or world.round).id])


def batch_url(name: str, world: World, batch: CodeBatch) -> str:
    return reverse(f"surveys:{name}", args=[world.school.id, world.round.id, batch.id])


def translations_url(world: World, language: str = "fr", audience: str = "parent") -> str:
    return reverse("surveys:translations", args=[world.school.id]) + f"?language={language}&audience={audience}"


def profile_url(world: World) -> str:
    return reverse("results:profile", args=[world.school.id, world.round.id])


BATCH = {"audience": "parent", "group_kind": "class", "group_label": "3A", "home_language": "", "size": "3"}


def make_batch(client: Client, world: World, **fields: str) -> tuple[CodeBatch, list[str]]:
    """Make a batch through the page, as a coordinator does; returns it with the codes kept for printing."""
    before = set(CodeBatch.objects.values_list("id", flat=True))
    response = client.post(invitations_url(world), {**BATCH, **fields})
    assert response.status_code == 302, response.content.decode()[:2000]
    batch = CodeBatch.objects.exclude(id__in=before).get()
    codes = kept_codes(batch.id)
    assert codes is not None
    return batch, codes


def messages_of(response: object) -> list[str]:
    return [str(message) for message in response.context["messages"]]  # type: ignore[attr-defined]


def count_queries(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


def constant(value: Value) -> ValueOf:
    return lambda _item: value


def hand_in_surveys(
    round_: Round,
    audience: str,
    count: int,
    value_of: ValueOf | None = None,
    group: str = "3A",
    home_language: str = "",
    open_answer: str = "",
    status: str = ResponseStatus.SUBMITTED,
) -> list[SurveyResponse]:
    """Questionnaires as the respondent pages store them, straight into the tables (everything 3 by default)."""
    value_of = value_of or constant(3)
    items = list(counted_items(round_, audience))
    assert items, f"the round has no {audience} items"
    responses = SurveyResponse.objects.bulk_create(
        SurveyResponse(
            school_id=round_.school_id,
            round=round_,
            audience=audience,
            group_label=group,
            home_language=home_language,
            language=home_language or "nl",
            status=status,
            last_page=7,
            open_answer=open_answer,
            submitted_on=date(2026, 11, 2) if status == ResponseStatus.SUBMITTED else None,
        )
        for _ in range(count)
    )
    SurveyAnswer.objects.bulk_create(
        SurveyAnswer(school_id=round_.school_id, response=response, item=item, value=value_of(item))
        for response in responses
        for item in items
    )
    rebuild_tallies(round_)  # what hand_in keeps up to date one questionnaire at a time
    return responses


def team_answers(round_: Round, user: User, value_of: ValueOf | None = None) -> None:
    """The team member answers every item of the round (4 by default)."""
    value_of = value_of or constant(4)
    response = TeamResponse.objects.get(round=round_, user=user)
    items = list(counted_items(round_))
    for page, dimension in enumerate(Dimension.objects.order_by("position"), start=1):
        answers = {item.id: value_of(item) for item in items if item.dimension_id == dimension.pk}
        save_page(response, dimension, page, answers, "")


def without_csrf(html: str) -> str:
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)


def section(html: str, start: str, end: str) -> str:
    assert start in html, start
    part = html.split(start, 1)[1]
    return part.split(end, 1)[0]
