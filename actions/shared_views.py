"""Shared results: what parent representatives and schoolraad members read of the rounds the coordinator shares."""

from uuid import UUID

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, HttpResponseNotAllowed
from django.shortcuts import render
from django.utils.translation import get_language

from accounts.http import AuthenticatedRequest
from actions.shared_plan import shared_plan
from analysis.access import get_shared_round
from analysis.queries import conclusions_by_dimension, participation
from analysis.sharing import shared_rounds
from framework.localized import show_dimensions
from results.perspectives import MIN_GROUP_SIZE
from results.round_results import round_results
from results.shared_profile import shared_sides, team_is_shown
from schools.access import get_membership


@login_required
def shared_list(request: AuthenticatedRequest, school_id: UUID) -> HttpResponse:
    membership = get_membership(request, school_id)
    context = {"membership": membership, "school": membership.school, "rounds": shared_rounds(membership.school)}
    return render(request, "actions/shared_list.html", context)


@login_required
def shared_results(request: AuthenticatedRequest, school_id: UUID, round_id: UUID) -> HttpResponse:
    membership, round_, parts = get_shared_round(request, school_id, round_id)
    if request.method not in ("GET", "HEAD"):  # after access: who may not read it gets 404 whatever the method
        return HttpResponseNotAllowed(["GET", "HEAD"])
    language = get_language()
    dimensions = show_dimensions(language)
    context: dict[str, object] = {
        "membership": membership,
        "school": round_.school,
        "round": round_,
        "parts": parts,
        "min_group_size": MIN_GROUP_SIZE,
    }
    if parts.profile:
        results = round_results(round_, language, dimensions=dimensions)
        counts = participation(round_)
        team_counted = counts["submitted"] + counts["in_progress"]
        context |= {
            "sides": shared_sides(results.sides, team_counted),
            "team_shown": team_is_shown(team_counted),
            "voices": results.voices,
        }
    if parts.conclusions:
        conclusions = conclusions_by_dimension(round_)
        context["conclusions"] = [
            (dimension.name, conclusions[dimension.key].text)
            for dimension in dimensions
            if dimension.key in conclusions and conclusions[dimension.key].text.strip()
        ]
    if parts.plan:
        context["actions"] = shared_plan(round_, dimensions)
    return render(request, "actions/shared_results.html", context)
