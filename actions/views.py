from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from accounts.http import AuthenticatedRequest
from actions.access import (
    can_comment,
    can_edit,
    get_action,
    get_action_for_commenter,
    get_plan,
    get_rw_action,
    get_rw_plan,
)
from actions.check import PUPILS_TAKE_PART, check_plan
from actions.forms import ActionForm, CommentForm, SuggestionFilterForm
from actions.library import add_to_plan, library_for, show_library
from actions.models import Action
from actions.plan import add_action, change_action, comment_on_action
from actions.plan_warnings import explain
from actions.suggest import SuggestionFilter, rank_suggestions
from framework.localized import show_dimensions
from results.focus import round_focus

BAR_STEP, BAR_WIDTH = 16, 150  # the coverage chart: a bar per dimension, in SVG units


@login_required
def plan(request: AuthenticatedRequest, school_id: UUID, round_id: UUID) -> HttpResponse:
    membership, round_ = get_plan(request, school_id, round_id)
    language = get_language()
    dimensions = show_dimensions(language)
    keys = [dimension.key for dimension in dimensions]
    dimension_keys = {dimension.dimension.pk: dimension.key for dimension in dimensions}
    actions = list(
        Action.objects.filter(round=round_).select_related("owner", "support").prefetch_related("dimensions")
    )
    facts = [action.facts() for action in actions]
    focus = round_focus(round_, dimension_keys)
    check = check_plan(facts, keys, focus.weakest, focus.largest_gaps)
    library = {shown.action.key: shown for shown in show_library(library_for(round_.school), language)}
    used = {action.source.key for action in actions if action.source_id and action.source}
    filter_form = SuggestionFilterForm(request.GET or None, dimensions=dimensions)
    chosen = filter_form.chosen()
    suggestions = rank_suggestions(
        (shown.facts for shown in library.values() if chosen.admits(shown.facts)),
        keys,
        focus.weakest,
        focus.largest_gaps,
        check.covered,
        any(fact.pupil_role in PUPILS_TAKE_PART and fact.status != "stopped" for fact in facts),
        used,
    )
    names = {dimension.key: dimension.name for dimension in dimensions}
    most = max(check.coverage.values(), default=0) or 1
    context = {
        "membership": membership,
        "school": round_.school,
        "round": round_,
        "rows": [
            (action, [names[key] for key in keys if key in fact.dimensions], can_edit(membership, action))
            for action, fact in zip(actions, facts, strict=True)
        ],
        "coverage": [
            {"name": names[key], "count": count, "y": BAR_STEP * index, "width": round(BAR_WIDTH * count / most, 1)}
            for index, (key, count) in enumerate(check.coverage.items())
        ],
        "chart_height": BAR_STEP * len(check.coverage),
        "warnings": [(warning, explain(warning, names)) for warning in check.warnings],
        "suggestions": [
            (
                library[suggestion.key],
                [(reason.kind, [names[key] for key in reason.dimensions]) for reason in suggestion.reasons],
                [names[key] for key in suggestion.dimensions],
            )
            for suggestion in suggestions
        ],
        "filter_form": filter_form,
        "filtered": chosen != SuggestionFilter(),
        "is_coordinator": membership.is_coordinator,
    }
    return render(request, "actions/plan.html", context)


@login_required
def action_create(request: AuthenticatedRequest, school_id: UUID, round_id: UUID) -> HttpResponse:
    membership, round_ = get_rw_plan(request, school_id, round_id)
    dimensions = show_dimensions(get_language())
    form = ActionForm(request.POST if request.method == "POST" else None, school=round_.school, dimensions=dimensions)
    if request.method == "POST" and form.is_valid():
        add_action(round_, form.save(commit=False), form.cleaned_data["dimensions"])
        messages.success(request, _("The action is added to the plan."))
        return redirect("actions:plan", school_id=school_id, round_id=round_id)
    context = {"membership": membership, "school": round_.school, "round": round_, "form": form, "action": None}
    return render(request, "actions/action_form.html", context, status=400 if form.is_bound else 200)


@login_required
def action_edit(request: AuthenticatedRequest, school_id: UUID, round_id: UUID, action_id: UUID) -> HttpResponse:
    membership, round_, action = get_rw_action(request, school_id, round_id, action_id)
    dimensions = show_dimensions(get_language())
    form = ActionForm(
        request.POST if request.method == "POST" else None,
        instance=action,
        school=round_.school,
        dimensions=dimensions,
    )
    if request.method == "POST" and form.is_valid():
        change_action(form.save(commit=False), form.cleaned_data["dimensions"])
        messages.success(request, _("The action is saved."))
        return redirect("actions:plan", school_id=school_id, round_id=round_id)
    context = {"membership": membership, "school": round_.school, "round": round_, "form": form, "action": action}
    return render(request, "actions/action_form.html", context, status=400 if form.is_bound else 200)


@login_required
def action_detail(request: AuthenticatedRequest, school_id: UUID, round_id: UUID, action_id: UUID) -> HttpResponse:
    """The action read-only, with its comments; every member reads, some may comment (others 403)."""
    if request.method == "POST":
        membership, round_, action = get_action_for_commenter(request, school_id, round_id, action_id)
    else:
        membership, round_, action = get_action(request, school_id, round_id, action_id)
    may_comment = can_comment(membership, action)
    form = CommentForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        comment_on_action(action, request.user, form.cleaned_data["text"])
        messages.success(request, _("Your comment is added."))
        return redirect("actions:detail", school_id=school_id, round_id=round_id, action_id=action_id)
    names = {shown.dimension.pk: shown.name for shown in show_dimensions(get_language())}
    context = {
        "membership": membership,
        "school": round_.school,
        "round": round_,
        "action": action,
        "owner": action.owner,
        "support": action.support,
        "dimension_names": [names[d.pk] for d in action.dimensions.all() if d.pk in names],
        "comments": action.comments.select_related("author"),
        "form": form if may_comment else None,
        "editable": can_edit(membership, action),
    }
    return render(request, "actions/action_detail.html", context, status=400 if form.is_bound else 200)


@login_required
def add_suggestion(request: AuthenticatedRequest, school_id: UUID, round_id: UUID, library_id: UUID) -> HttpResponse:
    _membership, round_ = get_rw_plan(request, school_id, round_id)
    if request.method != "POST":  # checked after access, so outsiders get 404 whatever the method
        return HttpResponseNotAllowed(["POST"])
    shown = next(iter(show_library(library_for(round_.school).filter(id=library_id), get_language())), None)
    if shown is None:
        raise Http404
    action = add_to_plan(round_, shown)
    messages.success(
        request,
        _("“%(title)s” is added to the plan as an idea. Give it an owner and a date.") % {"title": action.title},
    )
    return redirect("actions:plan", school_id=school_id, round_id=round_id)
