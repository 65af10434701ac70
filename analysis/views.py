from collections.abc import Callable
from dataclasses import asdict
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import OuterRef, Subquery
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from accounts.http import AuthenticatedRequest
from analysis.access import get_own_response, get_round, get_rw_round
from analysis.forms import AnswerPageForm, InviteToRoundForm, RoundForm, SharingForm
from analysis.models import TeamResponse, Voice
from analysis.queries import (
    counted_items,
    open_questions,
    participation,
    rounds_with_counts,
)
from analysis.round_mail import reminder_state
from analysis.rounds import (
    invite_to_round,
    save_page,
    start_round,
    submit_response,
)
from analysis.sharing import shared_parts
from analysis.windows import VoiceClosed, VoiceProgress, close_voice, voice_is_open, voice_states, windows_of
from framework.content_files import DIMENSION_KEYS
from framework.item_bank import visible_team_items
from framework.localized import ShownDimension, prefetch_item_texts, show_dimensions, show_items
from framework.scale_forms import initial_answers
from schools.access import get_analysis_membership, get_rw_membership


@login_required
def round_list(request: AuthenticatedRequest, school_id: UUID) -> HttpResponse:
    membership = get_analysis_membership(request, school_id)
    mine = TeamResponse.objects.filter(round=OuterRef("pk"), user=request.user).values("status")[:1]
    rounds = rounds_with_counts(membership.school).annotate(my_status=Subquery(mine))
    context = {"membership": membership, "school": membership.school, "rounds": rounds}
    return render(request, "analysis/round_list.html", context)


@login_required
def round_create(request: AuthenticatedRequest, school_id: UUID) -> HttpResponse:
    membership = get_rw_membership(request, school_id)
    school = membership.school
    form = RoundForm(request.POST if request.method == "POST" else None, school=school)
    has_items = visible_team_items(school).exists()
    if request.method == "POST" and form.is_valid():
        if not has_items:
            form.add_error(None, _("There are no questions to ask: show at least one question in the question list."))
        else:
            data = form.cleaned_data
            round_ = start_round(
                school,
                request.user,
                data["title"],
                data["scope"],
                data["scope_description"],
                data["starts_on"],
                data["ends_on"],
                data["invitees"],
                previous=data["previous"],
                periods=form.periods(),
            )
            messages.success(request, _("The round is started. Invited people find it under Analysis rounds."))
            return redirect("analysis:round", school_id=school.id, round_id=round_.id)
    context = {"membership": membership, "school": school, "form": form}
    return render(request, "analysis/round_form.html", context)


@login_required
def round_detail(request: AuthenticatedRequest, school_id: UUID, round_id: UUID) -> HttpResponse:
    if request.method == "POST":
        membership, round_ = get_rw_round(request, school_id, round_id)
    else:
        membership, round_ = get_round(request, school_id, round_id)
    is_coordinator = membership.is_coordinator
    responses = TeamResponse.objects.filter(round=round_).select_related("user").order_by("user__name")
    invited_ids = {response.user_id for response in responses}
    form = InviteToRoundForm(
        request.POST if request.method == "POST" else None, school=round_.school, exclude_ids=invited_ids
    )
    if request.method == "POST":
        if not voice_is_open(round_.pk, Voice.TEAM):
            messages.error(request, _("The team's reflection is closed; nobody can be invited any more."))
            return redirect("analysis:round", school_id=school_id, round_id=round_id)
        if form.is_valid():
            added = invite_to_round(round_, form.cleaned_data["invitees"], invited_by=request.user)
            message = ngettext("%(count)d person invited.", "%(count)d people invited.", added)
            messages.success(request, message % {"count": added})
            return redirect("analysis:round", school_id=school_id, round_id=round_id)
    mine = next((response for response in responses if response.user_id == request.user.pk), None)
    counts = participation(round_)
    team_progress = VoiceProgress(counts["submitted"], counts["in_progress"], anonymous=False)
    voices = voice_states(round_, team_progress)
    team_open = any(state.window.is_open for state in voices if state.window.voice == Voice.TEAM)
    context = {
        "membership": membership,
        "school": round_.school,
        "round": round_,
        "responses": responses if is_coordinator else [],
        "counts": counts,
        "voices": voices,
        "team_open": team_open,
        "mine": mine,
        "resume_page": min((mine.last_page if mine else 0) + 1, len(DIMENSION_KEYS)),
        "form": form,
        "is_coordinator": is_coordinator,
        "sharing_form": SharingForm(initial=asdict(shared_parts(round_))) if is_coordinator else None,
        "reminders": reminder_state(round_, timezone.now()) if is_coordinator and team_open else None,
        "can_invite": is_coordinator and team_open and form.fields["invitees"].queryset.exists(),  # type: ignore[attr-defined]
    }
    return render(request, "analysis/round_detail.html", context)


@login_required
def voice_close(request: AuthenticatedRequest, school_id: UUID, round_id: UUID, voice: str) -> HttpResponse:
    """Close one voice of the round, after a confirmation that says what happens to answers in progress."""
    membership, round_ = get_rw_round(request, school_id, round_id)
    if voice not in Voice.values:
        raise Http404
    if request.method == "POST":
        closed = close_voice(round_, voice)
        if closed:
            messages.success(request, CLOSED_MESSAGES[voice]())
        return redirect("analysis:round", school_id=school_id, round_id=round_id)
    counts = participation(round_)
    state = next(
        state
        for state in voice_states(round_, VoiceProgress(counts["submitted"], counts["in_progress"], anonymous=False))
        if state.window.voice == voice
    )
    context = {
        "membership": membership,
        "school": round_.school,
        "round": round_,
        "state": state,
        "others_open": [w for v, w in windows_of(round_).items() if v != voice and w.is_open],
    }
    return render(request, "analysis/voice_close.html", context)


CLOSED_MESSAGES: dict[str, Callable[[], str]] = {
    Voice.TEAM: lambda: _(
        "The team's reflection is closed. Parents and pupils go on answering until their voice closes."
    ),
    Voice.PARENTS: lambda: _("The parents' voice is closed. What parents saved is handed in."),
    Voice.PUPILS: lambda: _("The pupils' voice is closed. What pupils saved is handed in."),
}


@login_required
def answer_page(request: AuthenticatedRequest, school_id: UUID, round_id: UUID, page: int) -> HttpResponse:
    membership, round_, response = get_own_response(request, school_id, round_id)
    language = get_language()
    dimensions = show_dimensions(language)
    if not 1 <= page <= len(dimensions):
        raise Http404
    dimension = dimensions[page - 1]
    items = show_items(
        prefetch_item_texts(counted_items(round_).filter(dimension=dimension.dimension), language), language
    )
    existing = initial_answers(
        response.answers.filter(item__dimension=dimension.dimension).values_list("item_id", "value")
    )
    note = response.notes.filter(dimension=dimension.dimension).values_list("text", flat=True).first() or ""
    form = AnswerPageForm(
        request.POST if request.method == "POST" else None, items=items, initial={**existing, "note": note}
    )
    team_open = voice_is_open(round_.pk, Voice.TEAM)
    if request.method == "POST":
        if not team_open:
            messages.error(request, _("The team's reflection is closed. Answers can no longer change."))
            return redirect("analysis:round", school_id=school_id, round_id=round_id)
        action = request.POST.get("action", "next")
        if form.is_valid():
            try:
                save_page(response, dimension.dimension, page, form.answers(), form.cleaned_data["note"])
            except VoiceClosed:
                messages.error(request, _("The team's reflection is closed. Answers can no longer change."))
                return redirect("analysis:round", school_id=school_id, round_id=round_id)
            if action == "submit":
                if open_questions(response, round_).open:  # ask first, on a page of its own
                    return redirect("analysis:hand_in", school_id=school_id, round_id=round_id)
                return _hand_in(request, response)
            if action == "previous" and page > 1:
                return redirect("analysis:answer", school_id=school_id, round_id=round_id, page=page - 1)
            if action == "save" or page == len(dimensions):
                messages.success(request, _("Saved. You can come back later and go on where you left off."))
                return redirect("analysis:round", school_id=school_id, round_id=round_id)
            return redirect("analysis:answer", school_id=school_id, round_id=round_id, page=page + 1)
    answered_total = response.answers.filter(item_id__in=counted_items(round_).values("id")).count()
    total_items = counted_items(round_).count()
    context = {
        "membership": membership,
        "school": round_.school,
        "round": round_,
        "dimension": dimension,
        "page": page,
        "pages": len(dimensions),
        "steps": [{"number": number, "name": shown.name} for number, shown in enumerate(dimensions, start=1)],
        "form": form,
        "answered_total": answered_total,
        "total_items": total_items,
        "percent": round(100 * answered_total / total_items) if total_items else 0,
        "is_last": page == len(dimensions),
        "read_only": not team_open,
    }
    return render(request, "analysis/answer_page.html", context)


@login_required
def hand_in(request: AuthenticatedRequest, school_id: UUID, round_id: UUID) -> HttpResponse:
    """Hand in on purpose while questions are still open: the page says how many first (no JavaScript needed)."""
    membership, round_, response = get_own_response(request, school_id, round_id)
    if request.method == "POST":
        if not voice_is_open(round_.pk, Voice.TEAM):
            messages.error(request, _("The team's reflection is closed. Answers can no longer change."))
            return redirect("analysis:round", school_id=school_id, round_id=round_id)
        return _hand_in(request, response)
    left_open = open_questions(response, round_)
    dimensions = show_dimensions(get_language())
    context = {
        "membership": membership,
        "school": round_.school,
        "round": round_,
        "left_open": left_open,
        "first_open_page": _page_of(dimensions, left_open.first_open_dimension_id) or len(dimensions),
        "team_open": voice_is_open(round_.pk, Voice.TEAM),
    }
    return render(request, "analysis/submit_warning.html", context)


def _hand_in(request: AuthenticatedRequest, response: TeamResponse) -> HttpResponse:
    try:
        submit_response(response)
    except VoiceClosed:
        messages.error(request, _("The team's reflection is closed. Answers can no longer change."))
    else:
        messages.success(
            request,
            _("Thank you. Your answers are handed in; you can change them while the team's reflection is open."),
        )
    return redirect("analysis:round", school_id=response.school_id, round_id=response.round_id)


def _page_of(dimensions: list[ShownDimension], dimension_id: int | None) -> int | None:
    return next(
        (number for number, shown in enumerate(dimensions, start=1) if shown.dimension.pk == dimension_id), None
    )
