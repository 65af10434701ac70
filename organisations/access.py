"""The one way views reach an organisation and a school's links to organisations.

Pairs as in schools.access: anyone who is not on the organisation's staff gets 404 (its existence is not
revealed), staff without the right role 403. `get_organisation` reads (every member of its staff),
`get_rw_organisation` writes its staff (its administrators). A school reaches its own links through its
membership: `get_link` reads (the school's analysis readers), `get_rw_link` writes (the coordinator).
"""

from collections.abc import Callable
from uuid import UUID

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest

from organisations.models import OrganisationMembership, SchoolLink
from schools.access import MembershipRule, membership_where
from schools.models import Membership

StaffRule = Callable[[OrganisationMembership], bool]


def staff_where(request: HttpRequest, organisation_id: UUID, allowed: StaffRule) -> OrganisationMembership:
    if not request.user.is_authenticated:
        raise Http404
    membership = (
        OrganisationMembership.objects.select_related("organisation", "user")
        .filter(organisation_id=organisation_id, user_id=request.user.pk)
        .first()
    )
    if membership is None:
        raise Http404
    if not allowed(membership):
        raise PermissionDenied
    return membership


def get_organisation(request: HttpRequest, organisation_id: UUID) -> OrganisationMembership:
    """Read: anyone on the organisation's staff (the regional overview, its export, the staff list)."""
    return staff_where(request, organisation_id, lambda _membership: True)


def get_rw_organisation(request: HttpRequest, organisation_id: UUID) -> OrganisationMembership:
    """Write: the organisation's administrators (inviting and withdrawing staff)."""
    return staff_where(request, organisation_id, lambda membership: membership.is_admin)


def _link(
    request: HttpRequest, school_id: UUID, link_id: UUID, allowed: MembershipRule
) -> tuple[Membership, SchoolLink]:
    membership = membership_where(request, school_id, allowed)
    link = SchoolLink.objects.select_related("organisation").filter(school=membership.school, id=link_id).first()
    if link is None:
        raise Http404
    link.school = membership.school
    return membership, link


def get_link(request: HttpRequest, school_id: UUID, link_id: UUID) -> tuple[Membership, SchoolLink]:
    """Read: the school's team, coordinator and coaches (what is shared, the school beside the region)."""
    return _link(request, school_id, link_id, lambda membership: membership.reads_analysis)


def get_rw_link(request: HttpRequest, school_id: UUID, link_id: UUID) -> tuple[Membership, SchoolLink]:
    """Write: the coordinator (sharing a round, naming, withdrawing)."""
    return _link(request, school_id, link_id, lambda membership: membership.is_coordinator)
