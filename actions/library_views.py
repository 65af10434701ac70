"""The school's view of the action library: the framework's actions and its own, and adding its own."""

from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from accounts.http import AuthenticatedRequest
from actions.library import add_own_library_action, library_for, show_library
from actions.library_forms import OwnLibraryActionForm
from framework.localized import show_dimensions
from schools.access import get_membership, get_rw_membership


@login_required
def library(request: AuthenticatedRequest, school_id: UUID) -> HttpResponse:
    if request.method == "POST":
        membership = get_rw_membership(request, school_id)
    else:
        membership = get_membership(request, school_id)
    language = get_language()
    dimensions = show_dimensions(language)
    form = OwnLibraryActionForm(request.POST if request.method == "POST" else None, dimensions=dimensions)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        add_own_library_action(
            membership.school,
            title=data["title"],
            description=data["description"],
            pupil_part=data["pupil_part"],
            target_group=data["target_group"],
            effort=data["effort"],
            pupil_role=data["pupil_role"],
            dimensions=data["dimensions"],
        )
        messages.success(request, _("The action is added to your school's library."))
        return redirect("actions:library", school_id=school_id)
    names = {dimension.key: dimension.name for dimension in dimensions}
    shown = show_library(library_for(membership.school), language)
    context = {
        "membership": membership,
        "school": membership.school,
        "actions": [(item, [names[key] for key in item.dimension_keys]) for item in shown],
        "form": form,
        "is_coordinator": membership.is_coordinator,
    }
    return render(request, "actions/library.html", context, status=400 if form.is_bound else 200)
