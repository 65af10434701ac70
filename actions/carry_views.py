"""The coordinator decides, per open action of the previous round: carry it over, or close it with an evaluation."""

from uuid import UUID

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.http import AuthenticatedRequest
from actions.access import get_rw_plan
from actions.carry import carry_over, close_with_evaluation, open_previous_actions
from actions.models import ActionStatus


class CloseForm(forms.Form):
    status = forms.ChoiceField(
        label=gettext_lazy("How did it end?"),
        choices=[(ActionStatus.DONE, ActionStatus.DONE.label), (ActionStatus.STOPPED, ActionStatus.STOPPED.label)],
    )
    evaluation = forms.CharField(
        label=gettext_lazy("Evaluation"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("What did it bring, for parents, pupils and the team? What did you learn?"),
    )


def _posted_uuid(value: str) -> UUID:
    """A malformed id is answered like an unknown one (404), as the <uuid:> path converter does."""
    try:
        return UUID(value)
    except ValueError:
        raise Http404 from None


@login_required
def previous_actions(request: AuthenticatedRequest, school_id: UUID, round_id: UUID) -> HttpResponse:
    membership, round_ = get_rw_plan(request, school_id, round_id)
    pending = open_previous_actions(round_)
    failed: tuple[str, CloseForm] | None = None
    if request.method == "POST":
        action = get_object_or_404(pending, id=_posted_uuid(request.POST.get("action", "")))
        if request.POST.get("decision") == "carry":
            carry_over(action, round_)
            messages.success(request, _("“%(title)s” is carried over into this round.") % {"title": action.title})
            return redirect("actions:previous", school_id=school_id, round_id=round_id)
        form = CloseForm(request.POST, prefix=str(action.id))
        if form.is_valid():
            close_with_evaluation(action, form.cleaned_data["status"], form.cleaned_data["evaluation"])
            messages.success(request, _("“%(title)s” is closed with its evaluation.") % {"title": action.title})
            return redirect("actions:previous", school_id=school_id, round_id=round_id)
        failed = (str(action.id), form)
    rows = [
        (action, failed[1] if failed and failed[0] == str(action.id) else CloseForm(prefix=str(action.id)))
        for action in pending
    ]
    context = {"membership": membership, "school": round_.school, "round": round_, "rows": rows}
    return render(request, "actions/previous.html", context, status=400 if failed else 200)
