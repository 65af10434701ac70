"""The one way views reach a round: through the school membership (outsiders 404, wrong role 403).

A pair as everywhere (see schools.access): `get_round` for readers of the analysis, `get_rw_round` for
the coordinator, who invites, closes and concludes. A team member's own answers come through
`get_own_response`. What the coordinator shares of a round comes through `get_shared_round`, which has no
write side: a round not shared does not exist for its readers (404).
"""

from uuid import UUID

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest

from analysis.models import Round, TeamResponse
from analysis.sharing import SharedParts, shared_parts
from schools.access import get_analysis_membership, get_membership, get_rw_membership
from schools.models import Membership


def round_of(membership: Membership, round_id: UUID) -> Round:
    """The round of the member's school (404 for another school's or none), with its school already loaded."""
    round_ = Round.objects.filter(school=membership.school, id=round_id).first()
    if round_ is None:
        raise Http404
    round_.school = membership.school  # already loaded; saves a query in templates
    return round_


def get_round(request: HttpRequest, school_id: UUID, round_id: UUID) -> tuple[Membership, Round]:
    """Read: coordinators, team members and support coaches."""
    membership = get_analysis_membership(request, school_id)
    return membership, round_of(membership, round_id)


def get_rw_round(request: HttpRequest, school_id: UUID, round_id: UUID) -> tuple[Membership, Round]:
    """Write: the coordinator; 403 for other members."""
    membership = get_rw_membership(request, school_id)
    return membership, round_of(membership, round_id)


def get_own_response(request: HttpRequest, school_id: UUID, round_id: UUID) -> tuple[Membership, Round, TeamResponse]:
    """The requesting member's own answers to the round; 403 for a reader who was not invited to it."""
    membership, round_ = get_round(request, school_id, round_id)
    response = TeamResponse.objects.filter(round=round_, user_id=membership.user_id).first()
    if response is None:
        raise PermissionDenied
    return membership, round_, response


def get_shared_round(request: HttpRequest, school_id: UUID, round_id: UUID) -> tuple[Membership, Round, SharedParts]:
    """Read what is shared of a round: any member once something is shared, the coordinator always (to see
    what the others see); 404 otherwise. Nothing shared can be changed: the view answers 405 to a reader's POST."""
    membership = get_membership(request, school_id)
    round_ = round_of(membership, round_id)
    parts = shared_parts(round_)
    if not (parts.anything or membership.is_coordinator):
        raise Http404
    return membership, round_, parts
