"""Finding 10: the requests that answered 500, one test each, and the names that broke every invitation."""

import sqlite3
from collections.abc import Iterator

import pytest
from django.core import mail
from django.db import OperationalError, connection
from django.test import Client, RequestFactory
from django.urls import reverse

from accounts.forms import SignupForm
from accounts.plain_text import single_line
from betrokken.database_busy import RETRY_AFTER_SECONDS, is_lock_timeout, server_error
from engagement.drafting import start_declaration
from engagement.families.importing import parse_families_csv
from schools.models import Invitation, School
from surveys.staff_forms import CodeBatchForm
from tests.helpers.mail import sent_by_the_worker
from tests.helpers.world import World

RLO, PDI = "\u202e", "\u2069"


def test_previous_actions_with_a_malformed_action_id_is_404_not_500(world: World, alice_client: Client) -> None:
    url = reverse("actions:previous", args=[world.school.id, world.round.id])
    assert alice_client.post(url, {"action": "not-a-uuid", "decision": "carry"}).status_code == 404


@pytest.mark.parametrize("number", [2**31, 10**30])
def test_a_version_number_beyond_any_integer_is_404_not_500(world: World, alice_client: Client, number: int) -> None:
    declaration = start_declaration(world.school, "2026-2027", world.alice)
    url = reverse("engagement:version", args=[world.school.id, declaration.id, 1]).replace("/1/", f"/{number}/")
    assert alice_client.get(url).status_code == 404


def test_a_school_name_with_a_line_break_is_stored_on_one_line_and_invitations_go_out(
    world: World, alice_client: Client
) -> None:
    alice_client.post(reverse("schools:create"), {"name": "Sint-Jozef\r\nBcc: x@evil.example", "town": "Brugge\n"})
    school = School.objects.get(town="Brugge")
    assert school.name == "Sint-Jozef Bcc: x@evil.example"
    with sent_by_the_worker():
        response = alice_client.post(
            reverse("schools:members", args=[school.id]), {"email": "d@example.org", "role": "team"}
        )
    assert response.status_code == 302
    assert mail.outbox[-1].subject == "Je bent uitgenodigd voor Sint-Jozef Bcc: x@evil.example op Betrokken"


def test_a_school_name_stored_before_the_cleaning_still_lets_invitations_go_out(
    world: World, alice_client: Client
) -> None:
    School.objects.filter(pk=world.school.pk).update(name="De Regenboog\r\n")
    with sent_by_the_worker():
        response = alice_client.post(
            reverse("schools:members", args=[world.school.id]), {"email": "d@example.org", "role": "team"}
        )
    assert response.status_code == 302
    assert Invitation.objects.filter(email="d@example.org").exists()
    assert mail.outbox[-1].subject == "Je bent uitgenodigd voor De Regenboog op Betrokken"


def test_single_line_drops_bidi_overrides_and_turns_controls_into_one_space() -> None:
    assert single_line(f"Jan{RLO}fdp.exe{PDI}") == "Janfdp.exe"
    assert single_line("  A\tB\x0b\x1fC\u2028D\r\n") == "A B C D"
    persian = "می\u200cخواهم"  # the zero-width non-joiner is spelling, not a control
    assert single_line(persian) == persian


@pytest.mark.django_db
def test_a_member_name_loses_its_bidi_override_at_sign_up() -> None:
    form = SignupForm({"name": f"Els{RLO}nietsgeheim", "email": "els@example.org", "password": "lang-en-geheim-42"})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["name"] == "Elsnietsgeheim"


@pytest.mark.django_db
def test_a_group_label_loses_line_breaks_and_bidi_overrides() -> None:
    form = CodeBatchForm(
        {"audience": "parent", "group_kind": "class", "group_label": f"3A\r\n{RLO}x", "home_language": "", "size": 5}
    )
    assert form.is_valid(), form.errors
    assert form.cleaned_data["group_label"] == "3A x"


def test_a_family_reference_with_a_bidi_override_is_refused_with_its_line() -> None:
    parsed = parse_families_csv(f"referentie;klas\nG1;1A\nG2{RLO}gnaj;1A\n".encode())
    assert not parsed.ok
    assert [(error.line, error.reason) for error in parsed.errors] == [
        (3, "De rij bevat tekens die niet afgedrukt kunnen worden.")
    ]


@pytest.fixture
def write_lock_held_elsewhere() -> Iterator[None]:
    """A second connection to the test database holds the write lock, as a long hand-in burst would."""
    if connection.vendor != "sqlite":
        pytest.skip("the lock timeout is SQLite's")
    other = sqlite3.connect(str(connection.settings_dict["NAME"]), uri=True)
    other.execute("BEGIN IMMEDIATE")
    other.execute("DELETE FROM django_session")
    yield
    other.rollback()
    other.close()


@pytest.mark.django_db(transaction=True)
def test_a_locked_database_answers_503_with_retry_after_not_500(write_lock_held_elsewhere: None) -> None:
    response = Client().post("/q/", {"code": "ABCD-EFGH-JKLM"})
    assert response.status_code == 503
    assert response["Retry-After"] == str(RETRY_AFTER_SECONDS)
    assert "Even druk" in response.content.decode()


@pytest.mark.django_db(transaction=True)
def test_a_lock_outside_the_view_is_503_too(write_lock_held_elsewhere: None) -> None:
    """Saving the session happens after the view, where process_exception does not reach: handler500 does."""
    with pytest.raises(OperationalError) as locked, connection.cursor() as cursor:
        cursor.execute("DELETE FROM django_session")
    assert is_lock_timeout(locked.value)
    try:
        raise locked.value
    except OperationalError:  # handler500 runs inside Django's except block, as here
        response = server_error(RequestFactory().get("/q/"))
    assert response.status_code == 503
    assert response["Retry-After"] == str(RETRY_AFTER_SECONDS)


def test_any_other_error_stays_an_ordinary_500() -> None:
    try:
        raise OperationalError("no such table: elsewhere")
    except OperationalError:
        assert server_error(RequestFactory().get("/q/")).status_code == 500
