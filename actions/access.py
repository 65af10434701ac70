"""The one way views reach an action: through the round (outsiders 404), edit for coordinator or owner (403)."""

from uuid import UUID

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest

from actions.models import Action
from analysis.access import get_round
from analysis.models import Round
from schools.access import EVERY_ROLE
from schools.models import Membership, Role


def get_action(
    request: HttpRequest, school_id: UUID, round_id: UUID, action_id: UUID, edit: bool = False
) -> tuple[Membership, Round, Action]:
    membership, round_ = get_round(request, school_id, round_id, EVERY_ROLE)
    action = Action.objects.filter(round=round_, id=action_id).first()
    if action is None:
        raise Http404
    if edit and not can_edit(membership, action):
        raise PermissionDenied
    return membership, round_, action


def can_edit(membership: Membership, action: Action) -> bool:
    return membership.role == Role.COORDINATOR or action.owner_id == membership.user_id


def can_comment(membership: Membership, action: Action) -> bool:
    """Coordinators, the action's owner and support coaches may comment on an action."""
    return membership.role in (Role.COORDINATOR, Role.COACH) or action.owner_id == membership.user_id
