from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from accounts.http import AuthenticatedRequest
from framework.forms import SchoolItemForm, VisibilityForm
from framework.item_bank import add_school_item, set_hidden, team_items_for_school
from framework.localized import prefetch_item_texts, show_dimensions, show_items
from framework.models import HiddenItem
from schools.access import get_analysis_membership, get_rw_membership


@login_required
def item_bank(request: AuthenticatedRequest, school_id: UUID) -> HttpResponse:
    if request.method == "POST":
        membership = get_rw_membership(request, school_id)
    else:
        membership = get_analysis_membership(request, school_id)
    school = membership.school
    language = get_language()
    is_coordinator = membership.is_coordinator
    form = SchoolItemForm(request.POST if request.method == "POST" else None, language=language)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        add_school_item(school, data["dimension"], data["direction"], data["scale"], data["text_nl"], data["text_en"])
        messages.success(request, _("Your question is added. It is used in rounds you start from now on."))
        return redirect("framework:items", school_id=school.id)
    hidden_ids = set(HiddenItem.objects.filter(school=school).values_list("item_id", flat=True))
    items = show_items(prefetch_item_texts(team_items_for_school(school), language), language)
    sections = [
        {
            "dimension": dimension,
            "items": [shown for shown in items if shown.item.dimension_id == dimension.dimension.pk],
        }
        for dimension in show_dimensions(language)
    ]
    context = {
        "membership": membership,
        "school": school,
        "sections": sections,
        "hidden_ids": hidden_ids,
        "form": form,
        "is_coordinator": is_coordinator,
    }
    return render(request, "framework/item_bank.html", context)


@login_required
def item_visibility(request: AuthenticatedRequest, school_id: UUID, item_id: UUID) -> HttpResponse:
    membership = get_rw_membership(request, school_id)
    if request.method != "POST":  # checked after access, so outsiders get 404 whatever the method
        return HttpResponseNotAllowed(["POST"])
    item = get_object_or_404(team_items_for_school(membership.school), id=item_id)
    form = VisibilityForm(request.POST)
    hidden = form.is_valid() and form.cleaned_data["hidden"]
    set_hidden(membership.school, item, hidden, request.user)
    if hidden:
        messages.success(request, _("The question is hidden. Answers given earlier are kept but no longer counted."))
    else:
        messages.success(request, _("The question is shown again."))
    return redirect(reverse("framework:items", args=[membership.school.id]) + f"#item-{item.id}")
