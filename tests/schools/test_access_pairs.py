"""The read/write access helpers, called directly: outsiders 404, members without the right role 403."""

from collections.abc import Callable
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from django.test import RequestFactory

from accounts.models import User
from actions.access import (
    get_action,
    get_action_for_commenter,
    get_own_action,
    get_own_actions,
    get_plan,
    get_rw_action,
    get_rw_plan,
)
from actions.models import Action
from analysis.access import get_own_response, get_round, get_rw_round
from engagement.access import get_declaration, get_declaration_for_commenter, get_rw_declaration
from engagement.drafting import start_declaration
from schools.access import get_analysis_membership, get_membership, get_rw_membership
from schools.models import Membership, Role
from tests.helpers.world import World, make_user

FORBIDDEN, HIDDEN = 403, 404


def request_of(user: User) -> HttpRequest:
    request = RequestFactory().get("/")
    request.user = user
    return request


def member(world: World, role: Role) -> User:
    user = make_user(f"Lid {role}", f"{role}@example.org")
    Membership.objects.create(school=world.school, user=user, role=role)
    return user


def outcome(helper: Callable[..., Any], user: User, *args: object) -> object:
    try:
        helper(request_of(user), *args)
    except Http404:
        return HIDDEN
    except PermissionDenied:
        return FORBIDDEN
    return "ok"


def school_args(world: World, helper: Callable[..., Any]) -> tuple[object, ...]:
    """The ids each helper takes, for De Regenboog's round, an action of it and its declaration."""
    if helper in (get_membership, get_rw_membership, get_analysis_membership, get_own_actions):
        return (world.school.id,)
    if helper in (get_round, get_rw_round, get_own_response, get_plan, get_rw_plan):
        return (world.school.id, world.round.id)
    if helper in (get_action, get_rw_action, get_action_for_commenter):
        action = Action.objects.create(school=world.school, round=world.round, title="Huisbezoek")
        return (world.school.id, world.round.id, action.id)
    declaration = start_declaration(world.school, "2026-2027", world.alice)
    return (world.school.id, declaration.id)


# helper: the roles it lets through; every other member gets 403
LET_THROUGH = {
    get_membership: set(Role),
    get_rw_membership: {Role.COORDINATOR},
    get_analysis_membership: {Role.COORDINATOR, Role.TEAM, Role.COACH},
    get_round: {Role.COORDINATOR, Role.TEAM, Role.COACH},
    get_rw_round: {Role.COORDINATOR},
    get_plan: {Role.COORDINATOR, Role.TEAM, Role.COACH},
    get_rw_plan: {Role.COORDINATOR},
    get_action: {Role.COORDINATOR, Role.TEAM, Role.COACH},
    get_rw_action: {Role.COORDINATOR},
    get_action_for_commenter: {Role.COORDINATOR, Role.COACH},
    get_own_actions: {Role.PARENT_REP, Role.SCHOOLRAAD},
    get_declaration: set(Role),
    get_rw_declaration: {Role.COORDINATOR},
    get_declaration_for_commenter: {Role.COORDINATOR, Role.TEAM, Role.PARENT_REP, Role.SCHOOLRAAD},
}
# A round's plan and its actions do not exist for parent representatives and schoolraad members, even those
# who carry one of its actions: they read what the coordinator shares (analysis.sharing) and their own actions.
PLAN_HELPERS = (get_plan, get_action, get_rw_action, get_action_for_commenter)
SHARED_RESULTS_ROLES = {Role.PARENT_REP, Role.SCHOOLRAAD}


@pytest.mark.parametrize("helper", LET_THROUGH, ids=lambda helper: helper.__name__)
def test_helper_hides_the_school_from_outsiders_and_forbids_other_roles(
    world: World, helper: Callable[..., Any]
) -> None:
    args = school_args(world, helper)
    assert outcome(helper, world.charlie, *args) == HIDDEN
    for role in Role:
        expected = "ok" if role in LET_THROUGH[helper] else FORBIDDEN
        if helper in PLAN_HELPERS and role in SHARED_RESULTS_ROLES:
            expected = HIDDEN
        assert outcome(helper, member(world, role), *args) == expected, role


@pytest.mark.parametrize("role", sorted(SHARED_RESULTS_ROLES))
def test_a_parent_side_member_who_carries_an_action_reaches_it_on_her_own_page_only(world: World, role: str) -> None:
    person = member(world, role)
    args = (world.school.id, world.round.id)
    carried = Action.objects.create(school=world.school, round=world.round, title="Koffie", owner=person)
    other = Action.objects.create(school=world.school, round=world.round, title="Huisbezoek")
    assert outcome(get_plan, person, *args) == HIDDEN
    assert outcome(get_rw_action, person, *args, carried.id) == HIDDEN
    assert outcome(get_action, person, *args, other.id) == HIDDEN
    assert outcome(get_own_actions, person, world.school.id) == "ok"
    assert outcome(get_own_action, person, world.school.id, carried.id) == "ok"
    assert outcome(get_own_action, person, world.school.id, other.id) == HIDDEN


@pytest.mark.parametrize("helper", [get_round, get_rw_round, get_plan, get_rw_plan])
def test_a_round_of_another_school_is_hidden_from_its_coordinator_here(
    world: World, helper: Callable[..., Any]
) -> None:
    assert outcome(helper, world.alice, world.school.id, world.other_round.id) == HIDDEN


def test_an_unknown_action_is_hidden_before_the_role_is_checked(world: World) -> None:
    rep = member(world, Role.PARENT_REP)
    other = Action.objects.create(school=world.other_school, round=world.other_round, title="Elders")
    for helper in (get_rw_action, get_action_for_commenter):
        assert outcome(helper, rep, world.school.id, world.round.id, other.id) == HIDDEN


def test_the_owner_of_an_action_edits_and_comments_on_it(world: World) -> None:
    action = Action.objects.create(school=world.school, round=world.round, title="Huisbezoek", owner=world.bob)
    args = (world.school.id, world.round.id, action.id)
    assert outcome(get_rw_action, world.bob, *args) == "ok"
    assert outcome(get_action_for_commenter, world.bob, *args) == "ok"


def test_own_response_is_forbidden_to_a_reader_who_was_not_invited(world: World) -> None:
    args = (world.school.id, world.round.id)
    assert outcome(get_own_response, world.bob, *args) == "ok"
    assert outcome(get_own_response, member(world, Role.TEAM), *args) == FORBIDDEN
    assert outcome(get_own_response, member(world, Role.PARENT_REP), *args) == FORBIDDEN
    assert outcome(get_own_response, world.charlie, *args) == HIDDEN
