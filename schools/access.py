"""The one way views reach a school: outsiders get 404, members without the right role 403.

Helpers come in pairs, as in healthchecks (`_get_check_for_user`, `_get_rw_check_for_user`): a view calls
one helper per request, the read one for what every reader may see, the write (`rw`) one on POST and for
pages only writers see. Who may do what is read from the Membership's predicates (schools.models).
"""

from collections.abc import Callable
from uuid import UUID

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest

from schools.models import Membership

MembershipRule = Callable[[Membership], bool]


def membership_where(request: HttpRequest, school_id: UUID, allowed: MembershipRule) -> Membership:
    """The requesting user's membership of the school, with the school loaded: what every helper starts from.

    Raises 404 when the user is not a member (so a school's existence is not revealed) and 403
    when `allowed` says no to the member.
    """
    if not request.user.is_authenticated:
        raise Http404
    membership = (
        Membership.objects.select_related("school", "user").filter(school_id=school_id, user_id=request.user.pk).first()
    )
    if membership is None:
        raise Http404
    if not allowed(membership):
        raise PermissionDenied
    return membership


def _any_member(_membership: Membership) -> bool:
    return True


def get_membership(request: HttpRequest, school_id: UUID) -> Membership:
    """Read: any member of the school."""
    return membership_where(request, school_id, _any_member)


def get_rw_membership(request: HttpRequest, school_id: UUID) -> Membership:
    """Write: the school's coordinator (people, rounds, questions, the library, translations); 403 for others."""
    return membership_where(request, school_id, lambda membership: membership.is_coordinator)


def get_analysis_membership(request: HttpRequest, school_id: UUID) -> Membership:
    """Read the team's analysis (rounds, questions): not for parent representatives or schoolraad members.

    Its write side is `get_rw_membership`: only the coordinator changes the analysis's settings.
    """
    return membership_where(request, school_id, lambda membership: membership.reads_analysis)
