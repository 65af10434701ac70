"""Bugs the arbitrary-input tests found, each pinned down by a plain example (see tests/bad_input_strategies.py)."""

from collections.abc import Callable
from typing import Any

import axes.utils
import pytest
from axes.models import AccessAttempt
from django.core import mail
from django.test import Client
from django.urls import reverse

from accounts.models import User
from analysis.models import (
    ResponseStatus,
    Round,
    TeamResponse,
)
from schools.models import Invitation
from tests.helpers.bad_input_strategies import (
    UNMAILABLE,
    assert_clear_errors,
    changes,
    counts,
    invalid_form,
    login,
)
from tests.helpers.world import PASSWORD, World

pytestmark = pytest.mark.usefixtures("fast_password_hashing")


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
    assert_clear_errors(response, invalid_form(response), required, status=200)


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
        assert_clear_errors(response, invalid_form(response), ("email",), status=200)
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
    assert_clear_errors(response, invalid_form(response), ("username",), status=200)
    assert not AccessAttempt.objects.exists()
