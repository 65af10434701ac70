"""A school's side: inviting organisations per school year, sharing closed rounds, withdrawing, and the school's
own figures beside the region."""

from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from accounts.http import AuthenticatedRequest
from engagement.school_years import school_year_of
from organisations.access import get_link, get_rw_link
from organisations.forms import ConfirmForm, LinkChoicesForm, SchoolLinkForm
from organisations.links import (
    invite_organisation,
    rounds_of_school_year,
    set_link_choices,
    share_round,
    stop_sharing,
    withdraw_link,
)
from organisations.models import SchoolLink, SharedRound
from organisations.regional.box_plot import box_plot
from organisations.regional.overview import build_overview
from organisations.regional.wording import BESIDE_MEANS, NAMED_MEANS, WHAT_LEAVES, perspective_name, reason_text
from schools.access import get_analysis_membership, get_rw_membership


@login_required
def school_links(request: AuthenticatedRequest, school_id: UUID) -> HttpResponse:
    if request.method == "POST":
        membership = get_rw_membership(request, school_id)
    else:
        membership = get_analysis_membership(request, school_id)
    school = membership.school
    initial = {"school_year": school_year_of(timezone.localdate())}
    form = SchoolLinkForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        link = invite_organisation(school, data["organisation"], data["school_year"], data["named"], request.user)
        messages.success(
            request,
            _("%(organisation)s is invited for %(year)s. Nothing is shared until you share a closed round.")
            % {"organisation": link.organisation.name, "year": link.school_year},
        )
        return redirect("organisations:link", school_id=school.id, link_id=link.id)
    links = SchoolLink.objects.filter(school=school).select_related("organisation")
    context = {
        "membership": membership,
        "school": school,
        "links": links,
        "form": form,
        "what_leaves": WHAT_LEAVES,
        "named_means": NAMED_MEANS,
    }
    return render(request, "organisations/school_links.html", context)


@login_required
def link_detail(request: AuthenticatedRequest, school_id: UUID, link_id: UUID) -> HttpResponse:
    """GET: what is shared and what may be; POST (the coordinator): naming and the school beside the region."""
    if request.method == "POST":
        membership, link = get_rw_link(request, school_id, link_id)
    else:
        membership, link = get_link(request, school_id, link_id)
    form = LinkChoicesForm(
        request.POST if request.method == "POST" else None,
        initial={"named": link.named, "beside_region": link.beside_region},
    )
    if request.method == "POST" and form.is_valid():
        if not link.is_active:
            raise Http404
        set_link_choices(link, form.cleaned_data["named"], form.cleaned_data["beside_region"])
        messages.success(request, _("Your choices are saved."))
        return redirect("organisations:link", school_id=school_id, link_id=link.id)
    shared = set(SharedRound.objects.filter(link=link).values_list("round_id", flat=True))
    rounds = list(rounds_of_school_year(link.school, link.school_year))
    context = {
        "membership": membership,
        "school": link.school,
        "link": link,
        "form": form,
        "rounds": [(round_, round_.id in shared) for round_ in rounds],
        "what_leaves": WHAT_LEAVES,
        "named_means": NAMED_MEANS,
        "beside_means": BESIDE_MEANS,
    }
    return render(request, "organisations/link_detail.html", context)


@login_required
def share(request: AuthenticatedRequest, school_id: UUID, link_id: UUID, round_id: UUID) -> HttpResponse:
    """POST: the first time asks for confirmation with the sentence of what leaves the school."""
    membership, link = get_rw_link(request, school_id, link_id)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    round_ = rounds_of_school_year(link.school, link.school_year).filter(id=round_id).first()
    if round_ is None or not link.is_active or not link.organisation.verified:
        raise Http404
    form = ConfirmForm(request.POST)
    if not (form.is_valid() and form.cleaned_data["confirmed"]):
        context = {
            "school": link.school,
            "link": link,
            "round": round_,
            "what_leaves": WHAT_LEAVES,
            "named_means": NAMED_MEANS,
        }
        return render(request, "organisations/share_confirm.html", context)
    share_round(link, round_, membership.user)
    messages.success(
        request,
        _("The figures of “%(round)s” are shared with %(organisation)s.")
        % {"round": round_.title, "organisation": link.organisation.name},
    )
    return redirect("organisations:link", school_id=school_id, link_id=link.id)


@login_required
def stop(request: AuthenticatedRequest, school_id: UUID, link_id: UUID, round_id: UUID) -> HttpResponse:
    _membership, link = get_rw_link(request, school_id, link_id)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    round_ = rounds_of_school_year(link.school, link.school_year).filter(id=round_id).first()
    if round_ is None:
        raise Http404
    stop_sharing(link, round_)
    messages.success(request, _("“%(round)s” is no longer shared.") % {"round": round_.title})
    return redirect("organisations:link", school_id=school_id, link_id=link.id)


@login_required
def withdraw(request: AuthenticatedRequest, school_id: UUID, link_id: UUID) -> HttpResponse:
    """GET asks for confirmation; POST withdraws the invitation and everything it shared."""
    _membership, link = get_rw_link(request, school_id, link_id)
    if request.method == "POST":
        if link.is_active:
            withdraw_link(link)
        messages.success(
            request,
            _("The invitation of %(organisation)s for %(year)s is withdrawn. It reads nothing of the school any more.")
            % {"organisation": link.organisation.name, "year": link.school_year},
        )
        return redirect("organisations:school_links", school_id=school_id)
    return render(request, "organisations/withdraw_confirm.html", {"school": link.school, "link": link})


@login_required
def beside_region(request: AuthenticatedRequest, school_id: UUID, link_id: UUID) -> HttpResponse:
    """The school's own figures beside the region's, once the coordinator chose it (opt-in)."""
    membership, link = get_link(request, school_id, link_id)
    if request.method != "GET":
        return HttpResponseNotAllowed(["GET"])
    context: dict[str, object] = {
        "membership": membership,
        "school": link.school,
        "link": link,
        "beside_means": BESIDE_MEANS,
    }
    own_round = (
        SharedRound.objects.filter(link=link)
        .order_by("-round__starts_on", "-round_id")
        .values_list("round_id", flat=True)
        .first()
    )
    if link.is_active and link.organisation.verified and link.beside_region and own_round is not None:
        shown = build_overview(link.organisation, link.school_year, get_language(), own_round=str(own_round))
        context["overview"] = shown
        context["plots"] = [
            (
                dimension,
                box_plot(
                    [
                        (
                            perspective_name(figure.perspective),
                            figure.distribution,
                            figure.own,
                            reason_text(figure.reason),
                        )
                        for figure in dimension.figures
                    ]
                ),
            )
            for dimension in shown.dimensions
        ]
    return render(request, "organisations/beside_region.html", context)
