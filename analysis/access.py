"""The one way views reach a round: through the school membership (outsiders 404, wrong role 403)."""

from collections.abc import Collection
from uuid import UUID

from django.http import Http404, HttpRequest

from analysis.models import Round
from schools.access import ANALYSIS_READERS, get_membership
from schools.models import Membership


def get_round(
    request: HttpRequest, school_id: UUID, round_id: UUID, roles: Collection[str] = ANALYSIS_READERS
) -> tuple[Membership, Round]:
    membership = get_membership(request, school_id, roles)
    round_ = Round.objects.filter(school=membership.school, id=round_id).first()
    if round_ is None:
        raise Http404
    round_.school = membership.school  # already loaded; saves a query in templates
    return membership, round_
