"""A coach's view across schools: every school they coach, its rounds and how their plans stand."""

from dataclasses import dataclass

from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.http import HttpResponse
from django.shortcuts import render

from accounts.http import AuthenticatedRequest
from actions.check import check_plan
from actions.models import Action, ActionStatus
from analysis.models import Round
from framework.models import Dimension
from schools.models import Membership, Role, School


@dataclass(frozen=True)
class RoundSummary:
    round: Round
    actions: int
    done: int
    warnings: int


@dataclass(frozen=True)
class SchoolSummary:
    school: School
    rounds: list[RoundSummary]


@login_required
def coach_overview(request: AuthenticatedRequest) -> HttpResponse:
    """Every school the user coaches, with its rounds and how their plans stand; a constant number of queries."""
    keys = list(Dimension.objects.values_list("key", flat=True))
    actions = Action.objects.only(
        "id", "round_id", "title", "pupil_role", "status", "owner_id", "due_on"
    ).prefetch_related(Prefetch("dimensions", queryset=Dimension.objects.only("id", "key")))
    rounds = Round.objects.prefetch_related(Prefetch("actions", queryset=actions))
    memberships = (
        Membership.objects.filter(user=request.user, role=Role.COACH)
        .select_related("school")
        .prefetch_related(Prefetch("school__rounds", queryset=rounds))
        .order_by("school__name")
    )
    schools = []
    for membership in memberships:
        summaries = []
        for round_ in membership.school.rounds.all():
            facts = [action.facts() for action in round_.actions.all()]
            check = check_plan(facts, keys)
            done = sum(fact.status == ActionStatus.DONE for fact in facts)
            summaries.append(RoundSummary(round_, len(facts), done, len(check.warnings)))
        schools.append(SchoolSummary(membership.school, summaries))
    return render(request, "actions/coach_overview.html", {"schools": schools})
