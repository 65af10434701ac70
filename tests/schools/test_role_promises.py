"""The people page promises each role only what it can open: every sentence's link opens for that role."""

import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from analysis.sharing import SharedParts, share
from schools.models import Membership, Role
from schools.role_promises import ROLE_PROMISES
from tests.helpers.world import World, make_user

ROLE_LINE = re.compile(r'<dd data-role="(?P<role>[a-z_]+)">(?P<sentence>[^<]*)(?:<a href="(?P<href>[^"]+)">)?')


def member_with(world: World, role: str) -> Client:
    if role == Role.COORDINATOR:
        return world.client_for(world.alice)
    user = make_user(f"Iemand {role}", f"{role}@example.org")
    Membership.objects.create(school=world.school, user=user, role=role)
    return world.client_for(user)


def test_every_role_has_one_promise() -> None:
    assert sorted(promise.role for promise in ROLE_PROMISES) == sorted(Role.values)


@pytest.mark.parametrize("role", Role.values)
def test_each_role_opens_every_page_the_people_page_promises_it(world: World, role: str) -> None:
    client = member_with(world, role)
    page = client.get(reverse("schools:members", args=[world.school.id]))
    assert page.status_code == 200
    promised = {match["role"]: match for match in ROLE_LINE.finditer(page.content.decode())}
    assert set(promised) == set(Role.values)
    own = promised[role]
    assert own["sentence"].strip()
    # Only the reader's own line links: another role's page may be one this reader cannot open.
    assert [other for other, match in promised.items() if match["href"]] == [role]
    opened = client.get(own["href"])
    assert opened.status_code == 200, (role, own["href"], opened.status_code)


@pytest.mark.parametrize("role", [Role.PARENT_REP, Role.SCHOOLRAAD])
def test_parent_side_readers_are_promised_the_shared_results_and_not_the_team_s_pages(world: World, role: str) -> None:
    client = member_with(world, role)
    page = client.get(reverse("schools:members", args=[world.school.id])).content.decode()
    promise = next(promise for promise in ROLE_PROMISES if promise.role == role)
    with translation.override("nl"):
        assert escape(str(promise.sentence)) in page
    assert promise.page == "actions:shared_list"
    # The team's own pages stay closed; the shared results open once the coordinator shares a round.
    assert client.get(reverse("analysis:rounds", args=[world.school.id])).status_code == 403
    assert client.get(reverse("results:profile", args=[world.school.id, world.round.id])).status_code == 403
    shared = reverse("actions:shared", args=[world.school.id, world.round.id])
    assert client.get(shared).status_code == 404
    share(world.round, SharedParts(profile=True), world.alice)
    assert client.get(shared).status_code == 200
