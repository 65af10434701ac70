"""The coordinator shares parts of a round with parent representatives and schoolraad members, or stops."""

from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from accounts.http import AuthenticatedRequest
from analysis.access import get_rw_round
from analysis.forms import SharingForm
from analysis.sharing import SharedParts, share, shared_parts
from schools.models import SHARED_RESULTS_READERS, Membership


@login_required
def round_sharing(request: AuthenticatedRequest, school_id: UUID, round_id: UUID) -> HttpResponse:
    """POST only (the form sits on the round page); sharing more than before asks for confirmation first."""
    _membership, round_ = get_rw_round(request, school_id, round_id)
    form = SharingForm(request.POST if request.method == "POST" else None)
    if request.method != "POST" or not form.is_valid():
        return redirect("analysis:round", school_id=school_id, round_id=round_id)
    parts = SharedParts(
        profile=form.cleaned_data["profile"],
        conclusions=form.cleaned_data["conclusions"],
        plan=form.cleaned_data["plan"],
    )
    if parts.adds_to(shared_parts(round_)) and not form.cleaned_data["confirmed"]:
        readers = (
            Membership.objects.filter(school=round_.school, role__in=SHARED_RESULTS_READERS)
            .select_related("user")
            .order_by("user__name")
        )
        context = {"school": round_.school, "round": round_, "parts": parts, "readers": readers}
        return render(request, "analysis/sharing_confirm.html", context)
    share(round_, parts, request.user)
    if parts.anything:
        messages.success(request, _("What you chose is shared with parent representatives and the schoolraad."))
    else:
        messages.success(request, _("Nothing of this round is shared any more."))
    return redirect(reverse("analysis:round", args=[school_id, round_id]) + "#sharing")
