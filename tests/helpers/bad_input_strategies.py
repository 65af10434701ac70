"""Arbitrary input to every form: never a crash, never half a save, always a clear message.

Each property test POSTs data drawn by hypothesis — empty, whitespace only, 10 000 characters,
RTL text and emoji, NUL bytes (PostgreSQL refuses them in text columns), numbers, odd dates, a key
given twice, keys left out and unknown keys — and checks three things:

(a) the server never fails: the test client re-raises any exception a view lets through;
(b) a response that is not a redirect leaves every table as it was, and a redirect leaves a
    complete, consistent object;
(c) refused input re-renders the form with its message next to the field (the error list Django
    gives the id `<field id>_error`), and a required field left empty carries its own error.

Every example runs in a savepoint that is rolled back, so examples do not see each other's ro"""

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlencode

from django.core import mail
from django.db import models, transaction
from django.forms import BaseForm
from django.http import HttpResponse
from django.test import Client
from django.utils.http import url_has_allowed_host_and_scheme
from hypothesis import HealthCheck, event
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from accounts.models import User
from analysis.models import (
    Answer,
    Conclusion,
    DimensionNote,
    Round,
    RoundItem,
    TeamResponse,
)
from framework.models import HiddenItem, Item, ItemText
from schools.models import Invitation, Membership, School
from tests.helpers.request_limits import refused_unread_if_too_large

FUZZ = hypothesis_settings(
    max_examples=40,
    database=None,  # no replay store: an entry left by an older version of a strategy can break a run
    print_blob=True,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

TRACKED: tuple[type[models.Model], ...] = (
    Membership,
    School,
    Invitation,
    Round,
    RoundItem,
    TeamResponse,
    Answer,
    DimensionNote,
    Conclusion,
    Item,
    ItemText,
    HiddenItem,
    User,
)

Pairs = list[tuple[str, str]]  # what a browser sends: ordered, a key may come more than once

# --- strategies -------------------------------------------------------------------------------

LONG = ["x" * 10_000, "ع" * 10_000, "🙂" * 10_000, "a\x00" * 5_000, " " * 10_000]
SPECIAL = [
    "",
    " ",
    " \t\r\n ",
    "\u00a0\u2003",
    "\x00",
    "a\x00b",
    "\x00" * 3,
    "مرحبا بالعالم",
    "שלום עולם",
    "\u202eevil\u202c",
    "👨‍👩‍👧‍👦",
    "🙂?",
    "null",
    "None",
    "true",
    "false",
    "on",
    "0",
    "-1",
    "1.5",
    "1e309",
    "NaN",
    "9" * 40,
    "-" + "9" * 40,
    "<script>alert(1)</script>",
    "'; DROP TABLE accounts_user; --",
    "%00",
    "../../etc/passwd",
]
ODD_DATES = [
    "31/12/2026",
    "12/31/2026",
    "2026-13-45",
    "2026-02-29",
    "2024-02-29",
    "29-02-2024",
    "0000-01-01",
    "0001-01-01",
    "1999-12-31",
    "2101-01-01",
    "9999-12-31",
    "10000-01-01",
    "-2026-01-01",
    "1-1-1",
    "2026/10/01",
    "01.10.2026",
    "1 oktober 2026",
    "2026-10-01T10:00",
    "20261001",
    "26-10-01",
]
WHITESPACE = st.text(alphabet=" \t\r\n\u00a0\u2003\u3000", min_size=1, max_size=8)
NUMBERS = st.one_of(
    st.integers().map(str),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
)
DATES = st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)).flatmap(
    lambda d: st.sampled_from(
        [d.isoformat(), f"{d.day}/{d.month}/{d.year}", f"{d.day}-{d.month}-{d.year}", f"{d.year}{d.month:02}{d.day:02}"]
    )
)
WITH_NUL = st.tuples(st.text(max_size=10), st.text(max_size=10)).map(lambda parts: f"{parts[0]}\x00{parts[1]}")

GARBAGE: st.SearchStrategy[str] = st.one_of(
    st.sampled_from(SPECIAL),
    st.sampled_from(LONG),
    st.text(max_size=40),
    WHITESPACE,
    NUMBERS,
    st.sampled_from(ODD_DATES),
    DATES,
    WITH_NUL,
)


TEXT = st.one_of(
    st.text(st.characters(exclude_categories=("Cs", "Cc")), min_size=1, max_size=60).filter(lambda t: t.strip() != ""),
    st.sampled_from(["مرحبا بالعالم", "שלום עולם", "👨‍👩‍👧‍👦 ouders", "Ouders uit Gent-Zuid"]),
)


@dataclass(frozen=True)
class Field:
    """One form field: `good` draws the values a browser sends that the form accepts (mostly one value,
    none for a field left out on purpose); `odd` lists plausible values it must refuse."""

    name: str
    good: st.SearchStrategy[list[str]]
    odd: tuple[str, ...] = ()

    def garbled(self) -> st.SearchStrategy[Pairs]:
        """The key left out, or given once or several times with any value at all."""
        choices = [self.good.filter(bool).map(lambda vs: vs[0]), GARBAGE]
        if self.odd:
            choices.append(st.sampled_from(self.odd))
        values = st.one_of(*choices)
        return st.one_of(
            st.just([]),
            values.map(lambda v: [(self.name, v)]),
            values.map(lambda v: [(self.name, v)]),
            st.lists(values, min_size=2, max_size=3).map(lambda vs: [(self.name, v) for v in vs]),
        )


def one(*values: str) -> st.SearchStrategy[list[str]]:
    return st.sampled_from(values).map(lambda v: [v])


def text(*values: str) -> st.SearchStrategy[list[str]]:
    return st.one_of(st.sampled_from(values), TEXT).map(lambda v: [v])


EXTRA_KEYS = st.lists(
    st.tuples(st.text(min_size=1, max_size=15).filter(lambda key: key.strip() != ""), GARBAGE), max_size=3
)


@st.composite
def form_data(draw: st.DrawFn, *fields: Field) -> Pairs:
    """A whole POST: every field good, one garbled, several or all; unknown keys; any order.

    Mixing in good values lets the examples reach the save as well as each field's own error.
    """
    indexes = range(len(fields))
    garbled = draw(
        st.one_of(
            st.just(set()),
            st.sampled_from(indexes).map(lambda i: {i}),
            st.sets(st.sampled_from(indexes)),
            st.just(set(indexes)),
        ),
        label="garbled fields",
    )
    pairs: Pairs = []
    for index, spec in enumerate(fields):
        if index in garbled:
            pairs += draw(spec.garbled())
        else:
            pairs += [(spec.name, value) for value in draw(spec.good)]
    pairs += draw(EXTRA_KEYS)
    return draw(st.permutations(pairs))


def last(pairs: Pairs, name: str) -> str | None:
    """What `request.POST.get(name)` gives: the last value sent for the key."""
    found = [v for k, v in pairs if k == name]
    return found[-1] if found else None


def every(pairs: Pairs, name: str) -> list[str]:
    return [v for k, v in pairs if k == name]


def is_empty(raw: str | None, strip: bool = True) -> bool:
    return raw is None or (raw.strip() if strip else raw) == ""


# --- helpers ----------------------------------------------------------------------------------


def counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in TRACKED}


def changes(before: dict[str, int]) -> dict[str, int]:
    after = counts()
    return {name: after[name] - before[name] for name in after if after[name] != before[name]}


@contextmanager
def rolled_back() -> Iterator[None]:
    """One example's work, undone afterwards so the next example starts from the same world."""
    with transaction.atomic():
        mail.outbox.clear()
        yield
        transaction.set_rollback(True)


def post(client: Client, url: str, pairs: Pairs) -> HttpResponse:
    """POST as a browser does (urlencoded); any server error is raised by the test client."""
    body = urlencode(pairs, doseq=False)
    response: HttpResponse = client.post(url, body, content_type="application/x-www-form-urlencoded")
    assert response.status_code != 500
    refused_unread_if_too_large(client, url, body, response)
    event(f"status {response.status_code}")  # see them with pytest --hypothesis-show-statistics
    return response


def is_redirect(response: HttpResponse) -> bool:
    return response.status_code in (301, 302, 303)


def assert_safe_redirect(response: HttpResponse) -> None:
    location = response["Location"]
    assert url_has_allowed_host_and_scheme(location, allowed_hosts={"testserver"}), location


def assert_clear_errors(
    response: HttpResponse, form: BaseForm, required_empty: Sequence[str] = (), *, status: int
) -> None:
    """The form is shown again (with the `status` that page uses) with a message, and each field's error sits
    next to that field."""
    assert response.status_code == status, response.status_code
    html = response.content.decode()
    assert form.errors, "a refused form must say why"
    assert 'class="errorlist' in html or 'role="alert"' in html
    for name in form.errors:
        if name != "__all__":
            assert f'id="{form[name].auto_id}_error"' in html, f"no error shown next to {name}"
    for name in required_empty:
        assert name in form.errors, f"{name} is required but was accepted empty"


def invalid_form(response: HttpResponse, name: str = "form") -> BaseForm:
    form = response.context[name]
    assert isinstance(form, BaseForm)
    return form


def required_left_empty(pairs: Pairs, names: Sequence[str], strip: Callable[[str], bool] = lambda _: True) -> list[str]:
    return [name for name in names if is_empty(last(pairs, name), strip(name))]


def valid_email_shape(email: str) -> bool:
    return email == email.strip().lower() and len(email) <= 254 and "\x00" not in email


def login(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


EVIL_NEXT = (
    "https://evil.example/",
    "//evil.example/x",
    "/\\evil.example",
    "javascript:alert(1)",
    "dashboard",
    "a\x00b",
)
UNMAILABLE = ("a@" + "ü" * 60 + ".be", "İ" * 60 + "@example.org")  # punycode label too long; "İ".lower() grows
