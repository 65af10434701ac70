"""Arbitrary input to the accounts and schools forms and to the language switch (see tests/bad_input_strategies.py)."""

import re
from urllib.parse import quote

import axes.utils
import pytest
from django.conf import settings as django_settings
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils.encoding import iri_to_uri
from django.utils.http import url_has_allowed_host_and_scheme
from hypothesis import given
from hypothesis import strategies as st

from accounts.models import User
from accounts.plain_text import single_line
from schools.models import Invitation, Membership, Role, School
from tests.helpers.bad_input_strategies import (
    EVIL_NEXT,
    FUZZ,
    GARBAGE,
    LONG,
    SPECIAL,
    UNMAILABLE,
    Field,
    Pairs,
    assert_clear_errors,
    assert_safe_redirect,
    changes,
    counts,
    form_data,
    invalid_form,
    is_redirect,
    last,
    login,
    one,
    post,
    required_left_empty,
    rolled_back,
    text,
    valid_email_shape,
)
from tests.helpers.mail import sent_by_the_worker
from tests.helpers.world import PASSWORD, World

pytestmark = pytest.mark.usefixtures("fast_password_hashing")


# --- accounts ---------------------------------------------------------------------------------

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
            assert user.name == single_line(name) and user.name  # one printable line (accounts.plain_text)
            assert user.check_password(password)
        else:
            assert changes(before) == {}
            empty = required_left_empty(pairs, ("name", "email", "password"), lambda name: name != "password")
            assert_clear_errors(response, invalid_form(response), empty, status=200)


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
        else:  # one attempt after a reset: django-axes never locks here (the lockout has its own test)
            empty = required_left_empty(pairs, ("username", "password"), lambda name: name != "password")
            assert_clear_errors(response, invalid_form(response), empty, status=200)


def test_login_lockout_is_a_clear_page_not_an_error(world: World) -> None:
    axes.utils.reset()
    client = Client()
    url = reverse("accounts:login")
    statuses = [
        client.post(url, {"username": "alice@example.org", "password": "wrong-password-2026"}).status_code
        for _attempt in range(django_settings.AXES_FAILURE_LIMIT + 1)
    ]
    assert statuses[0] == 200 and statuses[-1] == 429
    locked = client.post(url, {"username": "alice@example.org", "password": PASSWORD})
    assert locked.status_code == 429  # even the right password waits for the cool-off
    assert 'role="alert"' in locked.content.decode()
    assert "_auth_user_id" not in client.session
    refused = client.post(url, {"username": "alice@example.org\x00"})  # another username: a form error, no lock
    assert refused.status_code == 200
    assert 'role="alert"' in refused.content.decode()
    assert "username" in invalid_form(refused).errors
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
        with sent_by_the_worker():
            response = post(Client(), reverse("accounts:password_reset"), pairs)
        assert changes(before) == {}
        if is_redirect(response):
            assert response["Location"] == reverse("accounts:password_reset_done")
            assert all(message.to == [world.alice.email] for message in mail.outbox)
        else:
            assert not mail.outbox
            assert_clear_errors(response, invalid_form(response), required_left_empty(pairs, ("email",)), status=200)


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
            assert school.name == single_line(last(pairs, "name") or "") and school.name
            assert school.town == single_line(last(pairs, "town") or "")
            membership = Membership.objects.get(school=school)
            assert membership.user == world.alice and membership.role == Role.COORDINATOR
            assert response["Location"] == reverse("results:dashboard", args=[school.id])
        else:
            assert changes(before) == {}
            assert_clear_errors(response, invalid_form(response), required_left_empty(pairs, ("name",)), status=200)


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
        with sent_by_the_worker():
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
            assert_clear_errors(response, invalid_form(response), empty, status=200)


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
        # a browser's form (the test client accepts text/html too) is always sent back: to a safe `next`, else home
        wanted = last(pairs, "next")
        safe = bool(wanted) and url_has_allowed_host_and_scheme(wanted, allowed_hosts={"testserver"})
        assert (response.status_code, response["Location"]) == (302, iri_to_uri(wanted) if safe else "/")
        assert_safe_redirect(response)
        language = last(pairs, "language")
        cookie = response.cookies.get(django_settings.LANGUAGE_COOKIE_NAME)
        if language in LANGUAGE_CODES:
            assert cookie is not None and cookie.value == language
        elif cookie is not None:  # Django stores any language it has a catalogue for; the app ignores those
            assert cookie.value == language and re.fullmatch(r"[a-zA-Z@_-]+", cookie.value)
        page = client.get(reverse("accounts:login"))
        assert page.status_code == (302 if logged_in else 200)  # the login page sends a logged-in user on
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
