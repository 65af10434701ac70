"""Opening, closing and re-opening the consultation on the same text mails each parent representative and
schoolraad member once; a changed text is news and is mailed once more. The coordinator reads this at the button."""

from dataclasses import replace

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from engagement.drafting import change_text, latest_version, start_declaration, version_text
from engagement.models import Declaration
from schools.models import Membership, Role
from tests.helpers.mail import sent_by_the_worker
from tests.helpers.world import World, in_dutch, make_user

pytestmark = pytest.mark.django_db

OPENED_ONCE = (
    "Opening it e-mails the parent representatives and schoolraad members, once for this text: "
    "closing and opening it again e-mails nobody."
)
MAILED_BEFORE = (
    "Parent representatives and schoolraad members were e-mailed when this text was opened for consultation. "
    "Opening it again e-mails nobody; a changed text is e-mailed once more."
)


@pytest.fixture
def declaration(world: World) -> Declaration:
    for name, email, role in [
        ("Olga", "olga@example.org", Role.PARENT_REP),
        ("Sam", "sam@example.org", Role.SCHOOLRAAD),
    ]:
        Membership.objects.create(school=world.school, user=make_user(name, email), role=role)
    return start_declaration(world.school, "2026-2027", world.alice)


def _step(client: Client, declaration: Declaration, name: str) -> None:
    url = reverse("engagement:step", args=[declaration.school_id, declaration.id, name])
    with sent_by_the_worker():
        assert client.post(url).status_code == 302


def _recipients() -> list[str]:
    return sorted(message.to[0] for message in mail.outbox)


def test_open_close_open_again_mails_each_person_once(
    world: World, declaration: Declaration, alice_client: Client
) -> None:
    _step(alice_client, declaration, "consult")
    _step(alice_client, declaration, "back_to_draft")
    _step(alice_client, declaration, "consult")
    assert _recipients() == ["olga@example.org", "sam@example.org"]


def test_a_changed_text_is_mailed_once_more(world: World, declaration: Declaration, alice_client: Client) -> None:
    _step(alice_client, declaration, "consult")
    _step(alice_client, declaration, "back_to_draft")
    text = version_text(latest_version(declaration))
    change_text(declaration, replace(text, title=text.title + " (herwerkt)"), world.alice, "titel")
    _step(alice_client, declaration, "consult")
    _step(alice_client, declaration, "back_to_draft")
    _step(alice_client, declaration, "consult")
    assert _recipients() == ["olga@example.org", "olga@example.org", "sam@example.org", "sam@example.org"]


def test_the_coordinator_reads_at_the_button_who_is_mailed(
    world: World, declaration: Declaration, alice_client: Client
) -> None:
    page = reverse("engagement:declaration", args=[declaration.school_id, declaration.id])
    before = alice_client.get(page).content.decode()
    assert in_dutch(OPENED_ONCE) in before and in_dutch(MAILED_BEFORE) not in before
    _step(alice_client, declaration, "consult")
    _step(alice_client, declaration, "back_to_draft")
    after = alice_client.get(page).content.decode()
    assert in_dutch(MAILED_BEFORE) in after and in_dutch(OPENED_ONCE) not in after
