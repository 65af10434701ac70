"""What people read of a round: the school's dashboard and the profile of a round (team, parents, pupils)."""

from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from accounts.http import AuthenticatedRequest
from analysis.access import get_round, get_rw_round
from analysis.forms import ConclusionForm
from analysis.models import ResponseStatus
from analysis.queries import conclusions_by_dimension, notes_by_dimension, participation, rounds_with_counts
from analysis.rounds import save_conclusion
from framework.localized import show_dimensions
from results.round_results import round_results
from results.trend import trend
from schools.access import get_membership
from schools.models import Membership


@login_required
def dashboard(request: AuthenticatedRequest, school_id: UUID) -> HttpResponse:
    membership = get_membership(request, school_id)
    context = {
        "membership": membership,
        "school": membership.school,
        "rounds": rounds_with_counts(membership.school)[:5],
        "member_count": Membership.objects.filter(school=membership.school).count(),
    }
    return render(request, "results/dashboard.html", context)


@login_required
def profile(request: AuthenticatedRequest, school_id: UUID, round_id: UUID) -> HttpResponse:
    if request.method == "POST":
        membership, round_ = get_rw_round(request, school_id, round_id)
    else:
        membership, round_ = get_round(request, school_id, round_id)
    is_coordinator = membership.is_coordinator
    dimensions = show_dimensions(get_language())
    conclusions = conclusions_by_dimension(round_)
    keys = {dimension.key: dimension for dimension in dimensions}
    posted: tuple[str, ConclusionForm] | None = None
    if request.method == "POST":
        dimension = keys.get(str(request.POST.get("dimension", "")))
        if dimension is None:
            messages.error(request, _("Choose a dimension to write a conclusion on."))
        else:
            form = ConclusionForm(request.POST, prefix=dimension.key)
            if form.is_valid():
                save_conclusion(round_, dimension.dimension, form.cleaned_data["text"], request.user)
                messages.success(
                    request, _("The conclusion on %(dimension)s is saved.") % {"dimension": dimension.name}
                )
                return redirect(request.path + f"#conclusion-{dimension.key}")
            posted = (dimension.key, form)
    results = round_results(round_, get_language(), with_previous=True, dimensions=dimensions)
    sides, before, surveyed = results.sides, results.before, results.surveyed
    profile_ = results.perspectives.team
    notes = notes_by_dimension(round_)
    sections = []
    for dimension in dimensions:
        existing = conclusions.get(dimension.key)
        form = ConclusionForm(initial={"text": existing.text if existing else ""}, prefix=dimension.key)
        if posted is not None and posted[0] == dimension.key:
            form = posted[1]
        sections.append(
            {"dimension": dimension, "notes": notes.get(dimension.key, []), "conclusion": existing, "form": form}
        )
    context = {
        "membership": membership,
        "school": round_.school,
        "round": round_,
        "profile": profile_,
        # Parents and pupils may answer before the team does: their figures are shown then too.
        "nothing_to_show": profile_.is_empty and not surveyed.parents and not surveyed.pupils,
        "sides": sides,
        "trend": trend(sides, before) if before is not None else None,
        "previous_round": round_.previous if before is not None else None,
        "dimensions": dimensions,
        "voices": results.voices,
        "sections": sections,
        "counts": participation(round_),
        "is_coordinator": is_coordinator,
        "submitted_status": ResponseStatus.SUBMITTED,
    }
    return render(request, "results/profile.html", context, status=400 if request.method == "POST" else 200)
