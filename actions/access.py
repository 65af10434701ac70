"""The one way views reach a round's plan and its actions: through the school membership (outsiders 404).

Pairs as everywhere (see schools.access). The plan: the team, coaches and the coordinator read it (`get_plan`),
the coordinator writes it (`get_rw_plan`). The plan's pages do not exist for parent representatives and
schoolraad members (404), even when they carry an action: the plan shows staff names, comments and what the
team's analysis says, and they read only what the coordinator shares (actions.shared_views). An action: every
reader of its plan reads it (`get_action`), the coordinator or its owner edits it (`get_rw_action`), and
coordinators, coaches and its owner comment on it (`get_action_for_commenter`); others get 403. A parent-side
member who carries actions reads and updates them on a page of her own (`get_own_actions`, `get_own_action`).
"""

from collections.abc import Callable
from uuid import UUID

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest

from actions.models import Action
from analysis.access import get_rw_round, round_of
from analysis.models import Round
from schools.access import get_membership, membership_where
from schools.models import Membership

ActionRule = Callable[[Membership, Action], bool]


def get_plan(request: HttpRequest, school_id: UUID, round_id: UUID) -> tuple[Membership, Round]:
    """Read: the school's staff; 404 to parent representatives and schoolraad members, actions or not."""
    membership = get_membership(request, school_id)
    round_ = round_of(membership, round_id)
    if membership.reads_shared_results:
        raise Http404
    return membership, round_


def get_own_actions(request: HttpRequest, school_id: UUID) -> Membership:
    """Read one's own actions: parent representatives and schoolraad members (staff have the plan); 403 for others."""
    return membership_where(request, school_id, lambda membership: membership.reads_shared_results)


def get_own_action(request: HttpRequest, school_id: UUID, action_id: UUID) -> tuple[Membership, Action]:
    """Write an action's progress on one's own page: its owner among the parent side; 404 for any other action."""
    membership = get_own_actions(request, school_id)
    action = Action.objects.filter(school=membership.school, id=action_id, owner_id=membership.user_id).first()
    if action is None:
        raise Http404
    return membership, action


def get_rw_plan(request: HttpRequest, school_id: UUID, round_id: UUID) -> tuple[Membership, Round]:
    """Write: the coordinator adds actions to the plan and decides on the previous round's; 403 for others."""
    return get_rw_round(request, school_id, round_id)


def _action_of(round_: Round, action_id: UUID) -> Action:
    action = Action.objects.filter(round=round_, id=action_id).first()
    if action is None:
        raise Http404
    return action


def get_action(
    request: HttpRequest, school_id: UUID, round_id: UUID, action_id: UUID
) -> tuple[Membership, Round, Action]:
    """Read: every member of the school."""
    membership, round_ = get_plan(request, school_id, round_id)
    return membership, round_, _action_of(round_, action_id)


def _action_where(
    request: HttpRequest, school_id: UUID, round_id: UUID, action_id: UUID, allowed: ActionRule
) -> tuple[Membership, Round, Action]:
    membership, round_, action = get_action(request, school_id, round_id, action_id)
    if not allowed(membership, action):
        raise PermissionDenied
    return membership, round_, action


def get_rw_action(
    request: HttpRequest, school_id: UUID, round_id: UUID, action_id: UUID
) -> tuple[Membership, Round, Action]:
    """Write: the coordinator or the action's owner; 403 for other members (after 404 for an unknown action)."""
    return _action_where(request, school_id, round_id, action_id, can_edit)


def get_action_for_commenter(
    request: HttpRequest, school_id: UUID, round_id: UUID, action_id: UUID
) -> tuple[Membership, Round, Action]:
    """Comment: coordinators, support coaches and the action's owner; 403 for other members."""
    return _action_where(request, school_id, round_id, action_id, can_comment)


def can_edit(membership: Membership, action: Action) -> bool:
    return membership.is_coordinator or action.owner_id == membership.user_id


def can_comment(membership: Membership, action: Action) -> bool:
    """Coordinators, the action's owner and support coaches may comment on an action."""
    return membership.is_coordinator or membership.is_coach or action.owner_id == membership.user_id
