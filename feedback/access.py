"""The one way staff views reach a round's feedback page: through the school membership (outsiders 404, wrong
role 403), in pairs as everywhere (schools.access).

Who reads it: the coordinator, the team, parent representatives and schoolraad members (the declaration's
commenters); support coaches do not (it is the school's word to families, not the analysis). The coordinator
writes it; the commenters comment while it is in consultation (feedback.consultation).
"""

from uuid import UUID

from django.http import Http404, HttpRequest

from analysis.models import Round
from feedback.models import FeedbackPage
from schools.access import MembershipRule, membership_where
from schools.models import Membership


def _round(
    request: HttpRequest, school_id: UUID, round_id: UUID, allowed: MembershipRule
) -> tuple[Membership, Round, FeedbackPage | None]:
    membership = membership_where(request, school_id, allowed)
    round_ = Round.objects.filter(school=membership.school, id=round_id).first()
    if round_ is None:
        raise Http404
    round_.school = membership.school
    page = FeedbackPage.objects.filter(round=round_).select_related("published_version").first()
    return membership, round_, page


def get_feedback(
    request: HttpRequest, school_id: UUID, round_id: UUID
) -> tuple[Membership, Round, FeedbackPage | None]:
    """Read: the round and its page (None before the coordinator starts one)."""
    return _round(request, school_id, round_id, lambda membership: membership.comments_on_declaration)


def get_rw_feedback(
    request: HttpRequest, school_id: UUID, round_id: UUID
) -> tuple[Membership, Round, FeedbackPage | None]:
    """Write: the coordinator."""
    return _round(request, school_id, round_id, lambda membership: membership.is_coordinator)


def readers_of_school(request: HttpRequest, school_id: UUID) -> Membership:
    """The list of the school's feedback pages: the same readers."""
    return membership_where(request, school_id, lambda membership: membership.comments_on_declaration)
