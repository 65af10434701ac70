"""Finding 10: parent representatives and schoolraad members see staff names, never their e-mail addresses."""

import pytest
from django.test import Client
from django.urls import reverse

from actions.models import Action, ActionComment
from schools.models import Membership, Role
from tests.helpers.world import World, make_user

STAFF_ADDRESSES = ("alice@example.org", "bob@example.org")


def _client_for(world: World, role: str) -> Client:
    person = make_user(f"Lid {role}", f"{role}@example.org")
    Membership.objects.create(school=world.school, user=person, role=role)
    return world.client_for(person)


def _pages(world: World) -> list[str]:
    nameless = make_user("", "naamloos@example.org")  # no name: the address was shown instead
    Membership.objects.create(school=world.school, user=nameless, role=Role.TEAM)
    action = Action.objects.create(
        school=world.school, round=world.round, title="Koffiemoment", status="planned", owner=nameless
    )
    ActionComment.objects.create(school=world.school, action=action, author=nameless, text="Ik zorg voor koffie.")
    return [
        reverse("schools:members", args=[world.school.id]),
        reverse("actions:detail", args=[world.school.id, world.round.id, action.id]),
    ]


@pytest.mark.parametrize("role", [Role.PARENT_REP, Role.SCHOOLRAAD])
def test_parent_side_members_see_no_staff_email_address(world: World, role: str) -> None:
    client = _client_for(world, role)
    # The action's page is the team's (404 to the parent side); they read the people page and their own actions.
    pages = [_pages(world)[0], reverse("actions:my_actions", args=[world.school.id])]
    person = Membership.objects.get(school=world.school, role=role).user
    Action.objects.create(school=world.school, round=world.round, title="Oudercafé", owner=person)
    for page in pages:
        response = client.get(page)
        assert response.status_code == 200, page
        text = response.content.decode()
        for address in (*STAFF_ADDRESSES, "naamloos@example.org"):
            assert address not in text, (page, address)


@pytest.mark.parametrize("role", [Role.COORDINATOR, Role.TEAM, Role.COACH])
def test_staff_still_see_each_others_addresses(world: World, role: str) -> None:
    pages = _pages(world)
    client = world.client_for(world.alice) if role == Role.COORDINATOR else _client_for(world, role)
    members = client.get(pages[0]).content.decode()
    assert all(address in members for address in STAFF_ADDRESSES)
    assert "naamloos@example.org" in client.get(pages[1]).content.decode()
