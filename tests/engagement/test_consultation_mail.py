"""When the coordinator opens the consultation on the engagementsverklaring, the school's parent representatives
and schoolraad members get an e-mail with the link, written by the worker in each one's staff language."""

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from accounts.models import User
from engagement.drafting import start_declaration, take_step
from engagement.models import Declaration, DeclarationState
from schools.models import Membership, Role
from tests.helpers.mail import sent_by_the_worker
from tests.helpers.world import World, make_user

pytestmark = pytest.mark.django_db


def _member(world: World, name: str, email: str, role: str, language: str = "nl") -> User:
    user = make_user(name, email)
    User.objects.filter(pk=user.pk).update(language=language)
    Membership.objects.create(school=world.school, user=user, role=role)
    return user


@pytest.fixture
def declaration(world: World) -> Declaration:
    _member(world, "Olga Ouderraad", "olga@example.org", Role.PARENT_REP, "en")
    _member(world, "Sam Schoolraad", "sam@example.org", Role.SCHOOLRAAD)
    _member(world, "Coby Coach", "coby@example.org", Role.COACH)
    outsider = make_user("Rita Andere School", "rita@example.org")
    Membership.objects.create(school=world.other_school, user=outsider, role=Role.PARENT_REP)
    return start_declaration(world.school, "2026-2027", world.alice)


def _consult(client: Client, declaration: Declaration) -> None:
    response = client.post(reverse("engagement:step", args=[declaration.school_id, declaration.id, "consult"]))
    assert response.status_code == 302


def test_opening_the_consultation_mails_parent_reps_and_schoolraad_in_their_language(
    world: World, declaration: Declaration, alice_client: Client
) -> None:
    with sent_by_the_worker():
        _consult(alice_client, declaration)
        assert mail.outbox == []
    declaration.refresh_from_db()
    assert declaration.state == DeclarationState.CONSULTATION
    by_address = {message.to[0]: message for message in mail.outbox}
    assert sorted(by_address) == ["olga@example.org", "sam@example.org"]  # not the team, the coach, the outsider
    link = f"http://127.0.0.1:8000/s/{world.school.id}/verklaring/{declaration.id}/"
    english, dutch = by_address["olga@example.org"], by_address["sam@example.org"]
    assert english.subject == "Your comments, please: the engagementsverklaring 2026-2027 of De Regenboog"
    assert f"Read the draft and comment here:\n{link}\n" in english.body
    assert "because you are a parent representative of De Regenboog" in english.body
    assert dutch.subject == "Jouw opmerkingen gevraagd: de engagementsverklaring 2026-2027 van De Regenboog"
    assert link in dutch.body and "omdat je lid van de schoolraad bent van De Regenboog" in dutch.body


def test_a_step_that_does_not_open_the_consultation_mails_nobody(world: World, declaration: Declaration) -> None:
    with sent_by_the_worker():
        take_step(declaration, "consult")
    mail.outbox.clear()
    with sent_by_the_worker():
        take_step(declaration, "back_to_draft")
    assert mail.outbox == []


def test_a_refused_step_mails_nobody(world: World, declaration: Declaration, alice_client: Client) -> None:
    take_step(declaration, "consult")
    with sent_by_the_worker():
        _consult(alice_client, declaration)  # already in consultation: refused with a message
    assert mail.outbox == []
