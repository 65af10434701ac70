"""Arbitrary input to every form: never a crash, never half a save, always a clear message.

Each property test POSTs data drawn by hypothesis — empty, whitespace only, 10 000 characters,
RTL text and emoji, NUL bytes (PostgreSQL refuses them in text columns), numbers, odd dates, a key
given twice, keys left out and unknown keys — and checks three things:

(a) the server never fails: the test client re-raises any exception a view lets through;
(b) a response that is not a redirect leaves every table as it was, and a redirect leaves a
    complete, consistent object;
(c) refused input re-renders the form with its message next to the field (the error list Django
    gives the id `<field id>_error`), and a required field left empty carries its own error.

Every example runs in a savepoint that is rolled back, so examples do not see each other's rows.
"""

import re
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from typing import Any
from urllib.parse import quote, urlencode

import axes.utils
import pytest
from axes.models import AccessAttempt
from django import forms
from django.conf import settings as django_settings
from django.core import mail
from django.db import models, transaction
from django.forms import BaseForm
from django.http import HttpResponse
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from hypothesis import HealthCheck, event, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from accounts.models import User
from analysis.forms import EARLIEST_DATE, LATEST_DATE
from analysis.models import (
    Answer,
    Conclusion,
    DimensionNote,
    ResponseStatus,
    Round,
    RoundItem,
    Scope,
    TeamResponse,
)
from analysis.queries import counted_items
from framework.content_files import DIMENSION_KEYS
from framework.item_bank import team_items_for_school, visible_team_items
from framework.models import Audience, Direction, HiddenItem, Item, ItemText, Scale
from schools.models import Invitation, Membership, Role, School
from tests.conftest import PASSWORD, World, make_user

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
    event(f"status {response.status_code}")  # see them with pytest --hypothesis-show-statistics
    return response


def is_redirect(response: HttpResponse) -> bool:
    return response.status_code in (301, 302, 303)


def assert_safe_redirect(response: HttpResponse) -> None:
    location = response["Location"]
    assert url_has_allowed_host_and_scheme(location, allowed_hosts={"testserver"}), location


def assert_clear_errors(
    response: HttpResponse, form: BaseForm, required_empty: Sequence[str] = (), statuses: Sequence[int] = (200, 400)
) -> None:
    """The form is shown again with a message, and each field's error sits next to that field."""
    assert response.status_code in statuses, response.status_code
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


# --- fixtures ---------------------------------------------------------------------------------


@pytest.fixture(autouse=True)
def fast_password_hashing(settings: Any) -> None:
    """Argon2 is slow on purpose; these tests are about handling input, not about hashing."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def dave(world: World) -> User:
    """A team member not yet invited to the world's round."""
    user = make_user("Dave Nieuwkomer", "dave@example.org")
    Membership.objects.create(school=world.school, user=user, role=Role.TEAM)
    return user


def login(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


# --- accounts ---------------------------------------------------------------------------------

EVIL_NEXT = (
    "https://evil.example/",
    "//evil.example/x",
    "/\\evil.example",
    "javascript:alert(1)",
    "dashboard",
    "a\x00b",
)
UNMAILABLE = ("a@" + "ü" * 60 + ".be", "İ" * 60 + "@example.org")  # punycode label too long; "İ".lower() grows

SIGNUP = form_data(
    Field("name", text("Dora Verkenner", " Dora "), odd=("  ", "x" * 151)),
    Field(
        "email",
        st.one_of(one("dora@example.org", " Dora@Example.ORG ", "dora@ü.be"), st.emails().map(lambda e: [e])),
        odd=("alice@example.org", "ALICE@example.org", "dora@", "dora@example..org", *UNMAILABLE),
    ),
    Field(
        "password",
        st.one_of(
            one(PASSWORD, "Zeer-geheim-wachtwoord-9"),
            st.text(st.characters(exclude_categories=("Cs", "Cc")), min_size=12, max_size=40).map(lambda p: [p]),
        ),
        odd=("short", "1234567890123", "password123", "dora@example.org", " " * 12),
    ),
    Field("next", st.one_of(st.just([]), one("/", "/accounts/login/")), odd=EVIL_NEXT),
)


@FUZZ
@given(pairs=SIGNUP)
def test_signup_survives_anything(world: World, pairs: Pairs) -> None:
    with rolled_back():
        before = counts()
        response = post(Client(), reverse("accounts:signup"), pairs)
        if is_redirect(response):
            assert_safe_redirect(response)
            assert changes(before) == {"User": 1}
            user = User.objects.latest("date_joined")
            email, name, password = last(pairs, "email"), last(pairs, "name"), last(pairs, "password")
            assert email is not None and name is not None and password is not None
            assert user.email == email.strip().lower() and valid_email_shape(user.email)
            assert user.name == name.strip() and user.name
            assert user.check_password(password)
        else:
            assert changes(before) == {}
            empty = required_left_empty(pairs, ("name", "email", "password"), lambda name: name != "password")
            assert_clear_errors(response, invalid_form(response), empty, statuses=(200,))


LOGIN = form_data(
    Field("username", one("alice@example.org"), odd=("ALICE@example.org", "nobody@example.org", "alice@example")),
    Field("password", one(PASSWORD), odd=("wrong-password-2026", PASSWORD + " ", PASSWORD.upper())),
    Field("next", st.one_of(st.just([]), one("/", "/accounts/signup/")), odd=EVIL_NEXT),
)


@FUZZ
@given(pairs=LOGIN)
def test_login_survives_anything(world: World, pairs: Pairs) -> None:
    with rolled_back():
        axes.utils.reset()
        before = counts()
        client = Client()
        response = post(client, reverse("accounts:login"), pairs)
        assert changes(before) == {}
        if is_redirect(response):
            assert_safe_redirect(response)
            assert client.session["_auth_user_id"] == str(world.alice.pk)
        elif response.status_code == 429:  # django-axes locked the account for this address
            assert 'role="alert"' in response.content.decode()
        else:
            empty = required_left_empty(pairs, ("username", "password"), lambda name: name != "password")
            assert_clear_errors(response, invalid_form(response), empty, statuses=(200,))


def test_login_lockout_is_a_clear_page_not_an_error(world: World) -> None:
    axes.utils.reset()
    client = Client()
    url = reverse("accounts:login")
    statuses = [
        client.post(url, {"username": "alice@example.org", "password": "wrong-password-2026"}).status_code
        for _attempt in range(django_settings.AXES_FAILURE_LIMIT + 1)
    ]
    assert statuses[0] == 200 and statuses[-1] == 429
    for garbage in ({"username": "alice@example.org", "password": PASSWORD}, {"username": "alice@example.org\x00"}):
        locked = client.post(url, garbage)
        assert locked.status_code in (200, 429)
        assert 'role="alert"' in locked.content.decode()
    axes.utils.reset()


RESET = form_data(
    Field(
        "email",
        st.one_of(one("alice@example.org", "ALICE@EXAMPLE.ORG", "nobody@example.org"), st.emails().map(lambda e: [e])),
        odd=("alice", "alice@", "alice@example.org\x00"),
    )
)


@FUZZ
@given(pairs=RESET)
def test_password_reset_survives_anything(world: World, pairs: Pairs) -> None:
    with rolled_back():
        before = counts()
        response = post(Client(), reverse("accounts:password_reset"), pairs)
        assert changes(before) == {}
        if is_redirect(response):
            assert response["Location"] == reverse("accounts:password_reset_done")
            assert all(message.to == [world.alice.email] for message in mail.outbox)
        else:
            assert not mail.outbox
            assert_clear_errors(response, invalid_form(response), required_left_empty(pairs, ("email",)), (200,))


# --- schools ----------------------------------------------------------------------------------

SCHOOL = form_data(
    Field("name", text("De Zonnebloem", " Het Anker "), odd=("  ", "x" * 201)),
    Field("town", st.one_of(st.just([]), one(""), text("Gent")), odd=("x" * 101,)),
)


@FUZZ
@given(pairs=SCHOOL)
def test_create_school_survives_anything(world: World, pairs: Pairs) -> None:
    with rolled_back():
        before = counts()
        response = post(login(world.alice), reverse("schools:create"), pairs)
        if is_redirect(response):
            assert changes(before) == {"School": 1, "Membership": 1}
            school = School.objects.latest("created_at")
            assert school.name == (last(pairs, "name") or "").strip() and school.name
            assert school.town == (last(pairs, "town") or "").strip()
            membership = Membership.objects.get(school=school)
            assert membership.user == world.alice and membership.role == Role.COORDINATOR
            assert response["Location"] == reverse("schools:dashboard", args=[school.id])
        else:
            assert changes(before) == {}
            assert_clear_errors(response, invalid_form(response), required_left_empty(pairs, ("name",)), (200,))


INVITE = form_data(
    Field(
        "email",
        st.one_of(one("new@example.org", " New@Example.org ", "new@ü.be"), st.emails().map(lambda e: [e])),
        odd=("bob@example.org", "BOB@example.org", "new@", *UNMAILABLE),
    ),
    Field("role", one(*Role.values), odd=("admin", "COORDINATOR")),
)


@FUZZ
@given(pairs=INVITE)
def test_invite_survives_anything(world: World, pairs: Pairs) -> None:
    with rolled_back():
        before = counts()
        response = post(login(world.alice), reverse("schools:members", args=[world.school.id]), pairs)
        if is_redirect(response):
            assert changes(before) == {"Invitation": 1}
            invitation = Invitation.objects.get(school=world.school)
            assert invitation.email == (last(pairs, "email") or "").strip().lower()
            assert valid_email_shape(invitation.email)
            assert invitation.role == last(pairs, "role") and invitation.role in Role.values
            assert invitation.invited_by == world.alice and invitation.accepted_at is None
            assert [message.to for message in mail.outbox] == [[invitation.email]]
        else:
            assert changes(before) == {}
            assert not mail.outbox
            empty = required_left_empty(pairs, ("email", "role"))
            assert_clear_errors(response, invalid_form(response), empty, statuses=(200,))


TOKENS = st.one_of(st.text(min_size=1, max_size=60), st.sampled_from(LONG), st.sampled_from(SPECIAL[1:]))


@FUZZ
@given(token=TOKENS, pairs=form_data(Field("accept", one("1"))), logged_in=st.booleans())
def test_accepting_a_made_up_invitation_changes_nothing(
    world: World, token: str, pairs: Pairs, logged_in: bool
) -> None:
    with rolled_back():
        before = counts()
        client = login(world.bob) if logged_in else Client()
        response = post(client, "/invitations/" + quote(token, safe="") + "/", pairs)
        assert response.status_code == 404
        assert changes(before) == {}


# --- analysis ---------------------------------------------------------------------------------


def dates_between(first: date, final: date) -> st.SearchStrategy[list[str]]:
    """A date in each of the formats the Dutch form reads."""
    return (
        st.dates(min_value=first, max_value=final)
        .flatmap(
            lambda d: st.sampled_from([d.isoformat(), d.strftime("%d-%m-%Y"), d.strftime("%d/%m/%Y"), f"{d:%Y/%m/%d}"])
        )
        .map(lambda v: [v])
    )


@FUZZ
@given(data=st.data())
def test_create_round_survives_anything(world: World, data: st.DataObject) -> None:
    team = [str(world.alice.pk), str(world.bob.pk)]
    pairs = data.draw(
        form_data(
            Field("title", text("Oudercontact najaar"), odd=("  ", "x" * 201)),
            Field("scope", one(*Scope.values), odd=("everything", "WHOLE_SCHOOL")),
            Field("scope_description", text("De ouders van de kleuterklas"), odd=("", "  ")),
            Field("starts_on", dates_between(date(2000, 1, 1), date(2049, 12, 31)), odd=tuple(ODD_DATES)),
            Field("ends_on", dates_between(date(2050, 1, 1), date(2100, 12, 31)), odd=tuple(ODD_DATES)),
            Field(
                "invitees",
                st.sampled_from([[], team[:1], team[1:], team, team[::-1]]),
                odd=(str(world.charlie.pk), "0", "abc", "9" * 19, "1.0"),
            ),
        ),
        label="pairs",
    )
    with rolled_back():
        before = counts()
        response = post(login(world.alice), reverse("analysis:round_create", args=[world.school.id]), pairs)
        if is_redirect(response):
            round_ = Round.objects.exclude(id=world.round.id).get(school=world.school)
            invitees = {int(pk) for pk in every(pairs, "invitees")}
            # the same items as the world's round, started the same way: visible team items and more
            items = set(RoundItem.objects.filter(round=world.round).values_list("item_id", flat=True))
            assert set(visible_team_items(world.school).values_list("id", flat=True)) <= items
            expected = {"Round": 1, "RoundItem": len(items)} | ({"TeamResponse": len(invitees)} if invitees else {})
            assert changes(before) == expected
            assert set(RoundItem.objects.filter(round=round_).values_list("item_id", flat=True)) == items
            assert set(TeamResponse.objects.filter(round=round_).values_list("user_id", flat=True)) == invitees
            assert invitees <= {world.alice.pk, world.bob.pk}
            assert round_.title == (last(pairs, "title") or "").strip() and round_.title
            assert round_.scope == last(pairs, "scope") and round_.scope in Scope.values
            assert round_.created_by == world.alice and round_.is_open
            with translation.override("nl"):
                assert forms.DateField().clean(last(pairs, "starts_on")) == round_.starts_on
                assert forms.DateField().clean(last(pairs, "ends_on")) == round_.ends_on
            assert EARLIEST_DATE <= round_.starts_on <= round_.ends_on <= LATEST_DATE
            if round_.scope != Scope.WHOLE_SCHOOL:
                assert round_.scope_description.strip()
            assert response["Location"] == reverse("analysis:round", args=[world.school.id, round_.id])
        else:
            assert changes(before) == {}
            empty = required_left_empty(pairs, ("title", "starts_on", "ends_on")) + [
                name for name in ("scope",) if last(pairs, name) in (None, "")
            ]
            assert_clear_errors(response, invalid_form(response), empty, statuses=(200,))


@FUZZ
@given(data=st.data())
def test_invite_to_round_survives_anything(world: World, dave: User, data: st.DataObject) -> None:
    odd = (str(world.alice.pk), str(world.bob.pk), str(world.charlie.pk), "", "x", "9" * 19)
    pairs = data.draw(form_data(Field("invitees", one(str(dave.pk)), odd=odd)), label="pairs")
    with rolled_back():
        before = counts()
        url = reverse("analysis:round", args=[world.school.id, world.round.id])
        response = post(login(world.alice), url, pairs)
        if is_redirect(response):
            assert response["Location"] == url
            assert set(every(pairs, "invitees")) == {str(dave.pk)}
            assert changes(before) == {"TeamResponse": 1}
            added = TeamResponse.objects.get(round=world.round, user=dave)
            assert added.status == ResponseStatus.INVITED and added.school_id == world.school.id
        else:
            assert changes(before) == {}
            empty = ["invitees"] if not every(pairs, "invitees") else []
            assert_clear_errors(response, invalid_form(response), empty, statuses=(200,))


SCALE_VALUES = ("1", "2", "3", "4", "5", "dk")


@FUZZ
@given(data=st.data())
def test_answer_page_survives_anything(world: World, data: st.DataObject) -> None:
    page = data.draw(st.integers(min_value=1, max_value=len(DIMENSION_KEYS)), label="page")
    dimension_key = DIMENSION_KEYS[page - 1]
    counted = counted_items(world.round)
    keys = [f"item-{item_id}" for item_id in counted.filter(dimension__key=dimension_key).values_list("id", flat=True)]
    elsewhere = [
        f"item-{item_id}" for item_id in counted.exclude(dimension__key=dimension_key).values_list("id", flat=True)
    ]
    answers = st.one_of(st.just([]), one(*SCALE_VALUES))
    strange = st.lists(
        st.one_of(
            st.builds(lambda: f"item-{uuid.uuid4()}"), st.sampled_from(elsewhere), st.just("item-"), st.just("item-x")
        ).flatmap(lambda key: Field(key, answers).garbled()),
        max_size=2,
    ).map(lambda parts: [pair for part in parts for pair in part])
    pairs = data.draw(
        form_data(
            *[Field(key, answers, odd=("0", "6", "DK", " 1", "1.0")) for key in keys],
            Field("action", st.one_of(st.just([]), one("next", "save", "previous", "submit"))),
            Field(
                "note", st.one_of(st.just([]), one(""), text("Ouders kennen de klasleraar niet.")), odd=("x" * 2001,)
            ),
        ).flatmap(lambda pairs: strange.map(lambda more: pairs + more)),
        label="pairs",
    )
    with rolled_back():
        before = counts()
        response_row = TeamResponse.objects.get(round=world.round, user=world.bob)
        url = reverse("analysis:answer", args=[world.school.id, world.round.id, page])
        response = post(login(world.bob), url, pairs)
        response_row.refresh_from_db()
        if is_redirect(response):
            answered = {key: last(pairs, key) for key in keys if last(pairs, key)}
            assert set(answered.values()) <= set(SCALE_VALUES)
            assert changes(before) == {"DimensionNote": 1} | ({"Answer": len(answered)} if answered else {})
            stored = {
                f"item-{answer.item_id}": "dk" if answer.value is None else str(answer.value)
                for answer in Answer.objects.filter(response=response_row)
            }
            assert stored == answered
            assert all(answer.school_id == world.school.id for answer in Answer.objects.filter(response=response_row))
            note = DimensionNote.objects.get(response=response_row, dimension__key=dimension_key)
            assert note.text == (last(pairs, "note") or "").strip()
            assert response_row.last_page == page
            submitted = last(pairs, "action") == "submit"
            assert response_row.status == (ResponseStatus.SUBMITTED if submitted else ResponseStatus.IN_PROGRESS)
            assert (response_row.submitted_at is not None) == submitted
        else:
            assert changes(before) == {}
            assert response_row.status == ResponseStatus.INVITED and response_row.last_page == 0
            assert_clear_errors(response, invalid_form(response), statuses=(200,))


@FUZZ
@given(data=st.data())
def test_conclusion_survives_anything(world: World, data: st.DataObject) -> None:
    text_key = data.draw(st.sampled_from(DIMENSION_KEYS), label="text_key")
    other_keys = tuple(key for key in DIMENSION_KEYS if key != text_key)
    pairs = data.draw(
        form_data(
            Field("dimension", one(text_key), odd=(*other_keys, text_key.upper(), "")),
            Field(
                f"{text_key}-text",
                st.one_of(st.just([]), text("Ouders weten niet wat de school verwacht.")),
                odd=("x" * 4001,),
            ),
        ),
        label="pairs",
    )
    with rolled_back():
        before = counts()
        url = reverse("analysis:profile", args=[world.school.id, world.round.id])
        response = post(login(world.alice), url, pairs)
        dimension = last(pairs, "dimension")
        if is_redirect(response):
            assert dimension in DIMENSION_KEYS
            assert response["Location"] == f"{url}#conclusion-{dimension}"
            assert changes(before) == {"Conclusion": 1}
            conclusion = Conclusion.objects.get(round=world.round)
            assert conclusion.dimension.key == dimension
            assert conclusion.school_id == world.school.id and conclusion.updated_by == world.alice
            assert conclusion.text == (last(pairs, f"{dimension}-text") or "").strip()
        else:
            assert changes(before) == {}
            assert response.status_code == 400
            if dimension not in DIMENSION_KEYS:
                # The dimension travels in a hidden field: only a tampered form gets here; the page says so.
                assert "message-error" in response.content.decode()
            else:
                section = next(s for s in response.context["sections"] if s["dimension"].key == dimension)
                assert_clear_errors(response, section["form"], statuses=(400,))


# --- framework --------------------------------------------------------------------------------


@FUZZ
@given(data=st.data())
def test_own_item_survives_anything(world: World, data: st.DataObject) -> None:
    scales = tuple(Scale.objects.values_list("key", flat=True))
    question = st.one_of(
        one("Hoe vaak spreken we ouders aan bij de schoolpoort?"), TEXT.map(lambda t: [t.strip() + "?"])
    )
    pairs = data.draw(
        form_data(
            Field("dimension", one(*DIMENSION_KEYS), odd=("onbekend", DIMENSION_KEYS[0].upper())),
            Field("direction", one(*Direction.values), odd=("sideways",)),
            Field("scale", one(*scales), odd=("onbekend",)),
            Field("text_nl", question, odd=("Geen vraag.", "  ", "x" * 400 + "?")),
            Field(
                "text_en",
                st.one_of(st.just([]), one(""), text("How often do we greet parents at the gate?")),
                odd=("x" * 401,),
            ),
        ),
        label="pairs",
    )
    with rolled_back():
        before = counts()
        response = post(login(world.alice), reverse("framework:items", args=[world.school.id]), pairs)
        if is_redirect(response):
            text_nl = (last(pairs, "text_nl") or "").strip()
            text_en = (last(pairs, "text_en") or "").strip()
            assert changes(before) == {"Item": 1, "ItemText": 2 if text_en else 1}
            item = Item.objects.get(school=world.school)
            assert item.audience == Audience.TEAM and not item.retired
            assert item.dimension.key == last(pairs, "dimension")
            assert item.direction == last(pairs, "direction")
            assert item.scale.key == last(pairs, "scale")
            texts = dict(ItemText.objects.filter(item=item).values_list("language", "text"))
            assert texts == ({"nl": text_nl, "en": text_en} if text_en else {"nl": text_nl})
            assert text_nl.endswith("?")
        else:
            assert changes(before) == {}
            empty = required_left_empty(pairs, ("text_nl",)) + [
                name for name in ("dimension", "direction", "scale") if last(pairs, name) in (None, "")
            ]
            assert_clear_errors(response, invalid_form(response), empty, statuses=(200,))


@FUZZ
@given(
    data=st.data(),
    pairs=form_data(
        Field("hidden", st.one_of(st.just([]), one("on")), odd=("true", "True", "1", "false", "False", "0", ""))
    ),
    hidden_before=st.booleans(),
)
def test_item_visibility_survives_anything(
    world: World, data: st.DataObject, pairs: Pairs, hidden_before: bool
) -> None:
    framework_item = team_items_for_school(world.school).filter(school__isnull=True).first()
    assert framework_item is not None
    item_id = data.draw(st.sampled_from([framework_item.id, uuid.uuid4()]), label="item_id")
    with rolled_back():
        if hidden_before:
            HiddenItem.objects.create(school=world.school, item=framework_item, hidden_by=world.alice)
        before = counts()
        url = reverse("framework:item_visibility", args=[world.school.id, item_id])
        response = post(login(world.alice), url, pairs)
        if item_id != framework_item.id:
            assert response.status_code == 404
            assert changes(before) == {}
            return
        assert is_redirect(response)
        raw = last(pairs, "hidden")
        hidden = bool(raw) and raw.lower() != "false"  # a checkbox: sent (and not "false") means ticked
        assert HiddenItem.objects.filter(school=world.school, item=framework_item).exists() == hidden
        assert changes(before) == ({} if hidden == hidden_before else {"HiddenItem": 1 if hidden else -1})


# --- the language switch ----------------------------------------------------------------------

LANGUAGE_CODES = tuple(code for code, _name in django_settings.LANGUAGES)


@FUZZ
@given(
    pairs=form_data(
        Field("language", one(*LANGUAGE_CODES), odd=("fr", "EN", "nl-be", "xx", "../")),
        Field("next", st.one_of(st.just([]), one("/", "/accounts/login/")), odd=EVIL_NEXT),
    ),
    logged_in=st.booleans(),
)
def test_language_switch_survives_anything(world: World, pairs: Pairs, logged_in: bool) -> None:
    with rolled_back():
        before = counts()
        client = login(world.alice) if logged_in else Client()
        response = post(client, reverse("set_language"), pairs)
        assert changes(before) == {}
        assert response.status_code in (302, 204)
        if response.status_code == 302:
            assert_safe_redirect(response)
        language = last(pairs, "language")
        cookie = response.cookies.get(django_settings.LANGUAGE_COOKIE_NAME)
        if language in LANGUAGE_CODES:
            assert cookie is not None and cookie.value == language
        elif cookie is not None:  # Django stores any language it has a catalogue for; the app ignores those
            assert cookie.value == language and re.fullmatch(r"[a-zA-Z@_-]+", cookie.value)
        page = client.get(reverse("accounts:login"))
        assert page.status_code in (200, 302)
        expected = language if language in LANGUAGE_CODES else django_settings.LANGUAGE_CODE
        assert page["Content-Language"] == expected


@FUZZ
@given(cookie=GARBAGE.filter(lambda raw: re.fullmatch(r"[ -~]*", raw) is not None))
def test_any_language_cookie_gives_a_dutch_page(db: None, cookie: str) -> None:
    client = Client()
    client.cookies[django_settings.LANGUAGE_COOKIE_NAME] = cookie
    response = client.get(reverse("accounts:login"))
    assert response.status_code == 200
    assert response["Content-Language"] == (cookie if cookie in LANGUAGE_CODES else "nl")


# --- regressions: bugs these tests found ------------------------------------------------------

REQUIRED_FIELDS = [
    ("accounts:signup", None, lambda w: [], ("name", "email", "password")),
    ("schools:create", "alice", lambda w: [], ("name",)),
    ("schools:members", "alice", lambda w: [w.school.id], ("email", "role")),
    ("analysis:round_create", "alice", lambda w: [w.school.id], ("title", "scope", "starts_on", "ends_on")),
    ("analysis:round", "alice", lambda w: [w.school.id, w.round.id], ("invitees",)),
    ("framework:items", "alice", lambda w: [w.school.id], ("dimension", "direction", "scale", "text_nl")),
]


@pytest.mark.parametrize(("name", "who", "args_of", "required"), REQUIRED_FIELDS)
def test_a_post_without_any_field_names_each_required_field(
    world: World,
    dave: User,
    name: str,
    who: str | None,
    args_of: Callable[[World], list[Any]],
    required: tuple[str, ...],
) -> None:
    """`Form(request.POST or None)` left an empty POST unbound: the page came back without a word."""
    client = login(getattr(world, who)) if who else Client()
    before = counts()
    response = client.post(reverse(name, args=args_of(world)), {})
    assert response.status_code == 200
    assert changes(before) == {}
    assert_clear_errors(response, invalid_form(response), required, statuses=(200,))


def test_an_empty_answer_page_is_saved_like_any_other(world: World) -> None:
    """All answers on a page are optional, so an empty POST saves the page instead of ignoring it."""
    response = login(world.bob).post(reverse("analysis:answer", args=[world.school.id, world.round.id, 1]), {})
    assert response.status_code == 302
    assert response["Location"] == reverse("analysis:answer", args=[world.school.id, world.round.id, 2])
    saved = TeamResponse.objects.get(round=world.round, user=world.bob)
    assert saved.status == ResponseStatus.IN_PROGRESS and saved.last_page == 1


@pytest.mark.parametrize("next_value", ["dashboard", "a\x00b", "schools:home", "https://evil.example/"])
def test_signup_with_a_next_that_is_no_path_goes_home(db: None, next_value: str) -> None:
    """A bare word in `next` was taken by redirect() for a view name: NoReverseMatch, a 500."""
    data = {"name": "Dora", "email": "dora@example.org", "password": PASSWORD, "next": next_value}
    response = Client().post(reverse("accounts:signup"), data)
    assert response.status_code == 302 and response["Location"] == reverse("schools:home")


@pytest.mark.parametrize("email", UNMAILABLE)
def test_an_address_that_cannot_be_mailed_is_refused(world: World, email: str) -> None:
    """Django's validator passed these, then sending the invitation crashed (UnicodeError, or an
    address over 254 characters once in lower case, which PostgreSQL refuses)."""
    invite = login(world.alice).post(
        reverse("schools:members", args=[world.school.id]), {"email": email, "role": "team"}
    )
    signup = Client().post(reverse("accounts:signup"), {"name": "Dora", "email": email, "password": PASSWORD})
    for response in (invite, signup):
        assert response.status_code == 200
        assert_clear_errors(response, invalid_form(response), ("email",), statuses=(200,))
    assert not Invitation.objects.exists() and not User.objects.filter(name="Dora").exists()
    assert not mail.outbox


def test_a_user_id_beyond_64_bits_is_refused(world: World) -> None:
    """SQLite raised OverflowError on such a number in the invitees list: a 500."""
    huge = "9" * 19
    client = login(world.alice)
    round_data = {"title": "Ronde", "scope": "whole_school", "starts_on": "2026-10-01", "ends_on": "2026-12-01"}
    create = client.post(reverse("analysis:round_create", args=[world.school.id]), {**round_data, "invitees": huge})
    invite = client.post(reverse("analysis:round", args=[world.school.id, world.round.id]), {"invitees": huge})
    for response in (create, invite):
        assert response.status_code == 200
        assert "invitees" in invalid_form(response).errors
    assert Round.objects.filter(school=world.school).count() == 1


def test_an_overlong_login_name_is_refused_before_it_is_recorded(world: World) -> None:
    """AuthenticationForm sets max_length without validating it: django-axes then stored the name of
    the failed attempt in a varchar(255), which PostgreSQL refused with a DataError (a 500)."""
    axes.utils.reset()
    response = Client().post(reverse("accounts:login"), {"username": "x" * 300 + "@example.org", "password": "x"})
    assert response.status_code == 200
    assert_clear_errors(response, invalid_form(response), ("username",), statuses=(200,))
    assert not AccessAttempt.objects.exists()
