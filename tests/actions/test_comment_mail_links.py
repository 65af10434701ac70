"""The link in a coach's comment e-mail opens a page its owner can read, whatever the owner's role, and the mail
names the coach's role as the product does everywhere else."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from accounts.models import User
from actions.models import Action
from schools.models import Membership, Role
from tests.helpers.mail import sent_by_the_worker
from tests.helpers.world import World, in_dutch, make_user

pytestmark = pytest.mark.django_db


def _mailed_link(world: World, owner_role: str) -> tuple[User, Action, str]:
    coach = make_user("Coby Coach", "coby@example.org")
    Membership.objects.create(school=world.school, user=coach, role=Role.COACH)
    owner = make_user("Otto Owner", "otto@example.org")
    Membership.objects.create(school=world.school, user=owner, role=owner_role)
    action = Action.objects.create(school=world.school, round=world.round, title="Koffiemoment", owner=owner)
    url = reverse("actions:detail", args=[action.school_id, action.round_id, action.id])
    with sent_by_the_worker():
        assert world.client_for(coach).post(url, {"text": "Nodig ook de grootouders uit."}).status_code == 302
    [message] = mail.outbox
    [link] = re.findall(r"^http://127\.0\.0\.1:8000(/\S+)$", message.body, flags=re.MULTILINE)
    return owner, action, link


@pytest.mark.parametrize("owner_role", [Role.COORDINATOR, Role.TEAM, Role.PARENT_REP, Role.SCHOOLRAAD, Role.COACH])
def test_the_owner_opens_the_mailed_link(world: World, owner_role: str) -> None:
    owner, action, link = _mailed_link(world, owner_role)
    path, _, anchor = link.partition("#")
    response = world.client_for(owner).get(path)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Koffiemoment" in page
    if anchor:  # "Mijn acties" lists every action the owner carries: the link points at this one's card
        assert f'id="{anchor}"' in page
        assert anchor == f"action-{action.pk}"


def test_the_mail_names_the_coach_by_the_roles_own_label(world: World) -> None:
    _mailed_link(world, Role.PARENT_REP)
    [message] = mail.outbox
    assert f"Coby Coach ({in_dutch('Support coach')}) reageerde op de actie Koffiemoment" in message.body
    assert "begeleider" not in message.body
