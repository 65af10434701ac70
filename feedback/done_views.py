"""The coordinator's form for “wij deden”: per action that is done or stopped, what happened, in words for families."""

from uuid import UUID

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.http import AuthenticatedRequest
from actions.models import Action
from feedback.access import get_rw_feedback
from feedback.done import MAX_DONE_LENGTH, finished_actions, record_done
from feedback.forms import INCOMPLETE, missing_fields
from feedback.texts import DoneAction
from feedback.versions import TextRefused, latest_version, version_text
from feedback.views import refusal_errors, say_saved


class DoneForm(forms.Form):
    def __init__(self, *args: object, actions: list[Action], shown: dict[str, DoneAction], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.actions = actions
        for action in actions:
            earlier = shown.get(str(action.id))
            self.fields[f"done_{action.id}_include"] = forms.BooleanField(
                label=gettext_lazy("Tell families"), required=False, initial=earlier is not None
            )
            self.fields[f"done_{action.id}_text"] = forms.CharField(
                label=gettext_lazy("What happened"),
                required=False,
                max_length=MAX_DONE_LENGTH,
                widget=forms.Textarea(attrs={"rows": 3}),
                initial=earlier.what_happened if earlier else action.evaluation,
            )

    def rows(self) -> list[tuple[Action, forms.BoundField, forms.BoundField]]:
        return [(action, self[f"done_{action.id}_include"], self[f"done_{action.id}_text"]) for action in self.actions]

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        if missing_fields(self):
            raise forms.ValidationError(INCOMPLETE)
        for action in self.actions:
            if data.get(f"done_{action.id}_include") and not str(data.get(f"done_{action.id}_text") or "").strip():
                self.add_error(f"done_{action.id}_text", _("Write what happened, or untick “Tell families”."))
        return data

    def done(self) -> tuple[DoneAction, ...]:
        data = self.cleaned_data
        return tuple(
            DoneAction(str(action.id), action.title, action.status, data[f"done_{action.id}_text"].strip())
            for action in self.actions
            if data.get(f"done_{action.id}_include")
        )


@login_required
def done(request: AuthenticatedRequest, school_id: UUID, round_id: UUID) -> HttpResponse:
    membership, round_, page = get_rw_feedback(request, school_id, round_id)
    if page is None:
        raise Http404
    actions = finished_actions(page)
    shown = {entry.action_id: entry for entry in version_text(latest_version(page)).done}
    status = 200
    if request.method == "POST":
        form = DoneForm(request.POST, actions=actions, shown=shown)
        if form.is_valid():
            try:
                saved = record_done(page, form.done(), request.user)
            except TextRefused as error:
                refusal_errors(form, error)
            else:
                say_saved(request, saved)
                return redirect("feedback:page", school_id, round_id)
        elif missing_fields(form):
            messages.error(request, str(INCOMPLETE))  # what families read stays; the form shows it again
            form = DoneForm(actions=actions, shown=shown)
        status = 400
    else:
        form = DoneForm(actions=actions, shown=shown)
    context = {"school": membership.school, "membership": membership, "round": round_, "page": page, "form": form}
    return render(request, "feedback/reach/done.html", context, status=status)
