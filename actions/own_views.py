"""“My actions”: a parent representative or schoolraad member reads the actions she carries and updates their progress.

The team's plan pages are 404 to her (actions.access); this is her way to the actions she owns.
"""

from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from accounts.http import AuthenticatedRequest
from actions.access import get_own_action, get_own_actions
from actions.forms import ProgressForm
from actions.own_actions import own_actions
from actions.plan import record_progress
from framework.localized import show_dimensions
from schools.models import Membership


def _page(
    request: AuthenticatedRequest, membership: Membership, bound: ProgressForm | None = None, status: int = 200
) -> HttpResponse:
    rows = []
    for own in own_actions(membership, show_dimensions(get_language())):
        posted = bound is not None and bound.instance.pk == own.action.pk
        rows.append((own, bound if posted else ProgressForm(instance=own.action, prefix=str(own.action.pk))))
    context = {"membership": membership, "school": membership.school, "rows": rows}
    return render(request, "actions/my_actions.html", context, status=status)


@login_required
def my_actions(request: AuthenticatedRequest, school_id: UUID) -> HttpResponse:
    membership = get_own_actions(request, school_id)
    if request.method not in ("GET", "HEAD"):  # after access: others get 404 or 403 whatever the method
        return HttpResponseNotAllowed(["GET", "HEAD"])
    return _page(request, membership)


@login_required
def record_action_progress(request: AuthenticatedRequest, school_id: UUID, action_id: UUID) -> HttpResponse:
    membership, action = get_own_action(request, school_id, action_id)
    if request.method != "POST":  # checked after access, so others get 404 whatever the method
        return HttpResponseNotAllowed(["POST"])
    form = ProgressForm(request.POST, instance=action, prefix=str(action.pk))
    if not form.is_valid():
        return _page(request, membership, form, status=400)
    record_progress(action, form.cleaned_data["status"], form.cleaned_data["evaluation"])
    messages.success(request, _("The progress of “%(title)s” is saved.") % {"title": action.title})
    return redirect("actions:my_actions", school_id=school_id)
