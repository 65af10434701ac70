"""A support coach's comment on an action goes to the action's owner by e-mail, written by the worker in the
owner's staff language, with the link to the page where the owner reads the action."""

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from accounts.models import User
from actions.models import Action
from schools.models import Membership, Role
from tests.helpers.mail import sent_by_the_worker
from tests.helpers.world import World, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def coach(world: World) -> User:
    user = make_user("Coby Coach", "coby@example.org")
    Membership.objects.create(school=world.school, user=user, role=Role.COACH)
    return user


def _action(world: World, owner: User | None) -> Action:
    return Action.objects.create(school=world.school, round=world.round, title="Koffiemoment", owner=owner)


def _comment(client: Client, action: Action, text: str) -> None:
    url = reverse("actions:detail", args=[action.school_id, action.round_id, action.id])
    with sent_by_the_worker():
        assert client.post(url, {"text": text}).status_code == 302
        assert mail.outbox == []


def test_a_coach_comment_reaches_a_team_member_owner_in_english(world: World, coach: User) -> None:
    User.objects.filter(pk=world.bob.pk).update(language="en")
    action = _action(world, world.bob)
    _comment(world.client_for(coach), action, "Nodig ook de grootouders uit.")
    [message] = mail.outbox
    assert message.to == ["bob@example.org"]
    assert message.subject == "Coby Coach commented on your action Koffiemoment"
    link = f"http://127.0.0.1:8000/s/{world.school.id}/rounds/{world.round.id}/plan/{action.id}/view/"
    assert f"Koffiemoment at De Regenboog:\n\nNodig ook de grootouders uit.\n\nRead it and answer here:\n{link}\n" in (
        message.body
    )
    assert "because you are the owner of this action in the plan of De Regenboog" in message.body


def test_a_parent_representative_owner_gets_the_link_to_my_actions_in_dutch(world: World, coach: User) -> None:
    rep = make_user("Rosa Ouderraad", "rosa@example.org")
    Membership.objects.create(school=world.school, user=rep, role=Role.PARENT_REP)
    action = _action(world, rep)
    _comment(world.client_for(coach), action, "Goed idee.")
    [message] = mail.outbox
    assert message.to == ["rosa@example.org"]
    assert message.subject == "Coby Coach reageerde op jouw actie Koffiemoment"
    assert f"http://127.0.0.1:8000/s/{world.school.id}/my-actions/#action-{action.id}\n" in message.body


def test_an_action_without_an_owner_mails_nobody(world: World, coach: User) -> None:
    _comment(world.client_for(coach), _action(world, None), "Wie trekt dit?")
    assert mail.outbox == []


def test_the_coordinators_and_the_owners_own_comments_mail_nobody(
    world: World, alice_client: Client, bob_client: Client
) -> None:
    action = _action(world, world.bob)
    _comment(alice_client, action, "Ik help mee.")
    _comment(bob_client, action, "Dank je.")
    assert mail.outbox == []
