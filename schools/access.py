"""The one way views reach a school: outsiders get 404, members without the right role 403."""

from collections.abc import Collection
from uuid import UUID

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest

from schools.models import Membership, Role

EVERY_ROLE: frozenset[str] = frozenset(Role.values)
ANALYSIS_READERS: frozenset[str] = frozenset({Role.COORDINATOR, Role.TEAM, Role.COACH})
COORDINATORS: frozenset[str] = frozenset({Role.COORDINATOR})


def get_membership(request: HttpRequest, school_id: UUID, roles: Collection[str] = EVERY_ROLE) -> Membership:
    """The requesting user's membership of the school, with the school loaded.

    Raises 404 when the user is not a member (so a school's existence is not revealed) and 403
    when the member's role is not among `roles`.
    """
    if not request.user.is_authenticated:
        raise Http404
    membership = (
        Membership.objects.select_related("school", "user").filter(school_id=school_id, user_id=request.user.pk).first()
    )
    if membership is None:
        raise Http404
    if membership.role not in roles:
        raise PermissionDenied
    return membership
