"""What the respondent-endpoint fuzz tests (tests/surveys/test_bad_input.py) draw and check: the
strategies for garbage input, the scene of one handed-in and one unfinished questionnaire, and one
example run in a savepoint with the checks that hold whatever was posted."""

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from django.conf import settings as django_settings
from django.db import transaction
from django.http import HttpResponse
from django.test import Client
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from surveys.devices import COOKIE_NAME, handed_in_cookie, new_device_token
from surveys.models import SurveyAnswer, SurveyResponse
from surveys.texts import respondent_items
from tests.helpers.request_limits import refused_unread_if_too_large
from tests.helpers.world import World

FUZZ = hypothesis_settings(
    max_examples=40,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
VALID_VALUES = {"1", "2", "3", "4", "5", "dk"}
LANGUAGES = [code for code, _name in django_settings.RESPONDENT_LANGUAGES]


# ---------------------------------------------------------------- strategies

SPECIAL = [
    "",
    " ",
    "\x00",
    "3\x00",
    "\x003",
    "a\x00b",
    "0",
    "6",
    "-1",
    "3.0",
    " 3",
    "1e3",
    "٣",
    "５",
    "NaN",
    "None",
    "null",
    "9" * 40,
    "DK",
    "dk ",
    "<script>alert(1)</script>",
    "'; DROP TABLE surveys_surveyanswer; --",
    "%00",
    "ar\x00",
    "nl-BE",
    "zz",
    "\u202eevil\u202c",
    "👨‍👩‍👧‍👦",
]
HUGE = ["x" * 100_000, "ع" * 30_000, "a\x00" * 20_000, " " * 50_000, "5" * 100_000]

junk = st.one_of(
    st.sampled_from(SPECIAL),
    st.sampled_from(HUGE),
    st.text(max_size=30),
    st.text(max_size=8).map(lambda text: text + "\x00"),
    st.integers().map(str),
)
scale_value = st.one_of(st.sampled_from(sorted(VALID_VALUES)), st.just(""), junk)
value_or_list = st.one_of(scale_value, st.lists(scale_value, min_size=0, max_size=3))
language = st.one_of(st.sampled_from(LANGUAGES), junk)
action = st.one_of(st.sampled_from(["next", "back", "hand_in"]), junk)
odd_key = st.one_of(
    st.uuids().map(lambda uuid: f"item-{uuid}"),
    st.sampled_from(["item-", "item-x", "item-\x00", "item-" + "f" * 36, "csrfmiddlewaretoken", "response", "page"]),
    st.text(min_size=1, max_size=12),
)
extras = st.dictionaries(odd_key, value_or_list, max_size=4)


@dataclass
class Scene:
    world: World
    draft: SurveyResponse
    draft_code: str
    submitted: SurveyResponse
    used_code: str
    new_code: str
    pages: list[list[str]]  # the draft's item fields ("item-<id>") per page
    audio_dir: Path
    draft_device: str  # the cookie token of the device that started the draft

    @property
    def item_ids(self) -> set[str]:
        return {name.removeprefix("item-") for page in self.pages for name in page}


class Rollback(Exception):
    """Undoes an example's writes."""


Snapshot = tuple[tuple[object, ...], dict[str, int | None]]


def snapshot(response: SurveyResponse) -> Snapshot:
    row = SurveyResponse.objects.get(pk=response.pk)
    fields = (row.status, row.open_answer, row.submitted_on, row.language, row.last_page, row.resume_digest)
    return fields, {str(a.item_id): a.value for a in SurveyAnswer.objects.filter(response=row)}


@contextmanager
def example(scene: Scene) -> Iterator[dict[str, Snapshot]]:
    """One example in a savepoint; afterwards the checks that hold whatever was posted."""
    try:
        with transaction.atomic():
            before = {"draft": snapshot(scene.draft), "submitted": snapshot(scene.submitted)}
            yield before
            values = list(SurveyAnswer.objects.values_list("value", flat=True))
            assert all(value is None or 1 <= value <= 5 for value in values)
            for response in SurveyResponse.objects.all():
                answered = {
                    str(item)
                    for item in SurveyAnswer.objects.filter(response=response).values_list("item_id", flat=True)
                }
                allowed = {
                    str(shown.item.id)
                    for shown in respondent_items(response.round_id, response.audience, "nl", response.school_id)
                }
                assert answered <= allowed
            assert snapshot(scene.submitted) == before["submitted"]
            raise Rollback
    except Rollback:
        pass


def flatten(data: dict[str, Any]) -> str:
    return urlencode(
        [(key, item) for key, value in data.items() for item in (value if isinstance(value, list) else [value])]
    )


def post(client: Client, url: str, data: dict[str, Any], **headers: Any) -> HttpResponse:
    """POST form-encoded by hand, so that keys and values with NUL bytes and lists go as a browser sends them."""
    body = flatten(data)
    response: HttpResponse = client.post(url, body, content_type="application/x-www-form-urlencoded", **headers)
    refused_unread_if_too_large(client, url, body, response)
    return response


def device(scene: Scene, which: str) -> Client:
    """A browser that started the draft, that handed in the submitted questionnaire, or that holds an unknown
    token: the questionnaire's addresses are the same for all three, only the device cookie differs."""
    client = Client()
    client.cookies[COOKIE_NAME] = {
        "draft": scene.draft_device,
        "submitted": handed_in_cookie(scene.submitted.language, scene.submitted.audience),
        "unknown": new_device_token(),
    }[which]
    return client
