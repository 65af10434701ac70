"""The coordinator records, corrects or removes a family's paper signature "voor akkoord": each after a confirmation."""

from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from accounts.http import AuthenticatedRequest
from engagement.access import get_rw_declaration
from engagement.families.forms import PaperSignatureForm
from engagement.families.paper import (
    NotRecordable,
    adoption_day,
    earliest_signing_day,
    paper_signature_of,
    record_paper_signature,
    remove_paper_signature,
)
from engagement.models import DeclarationVersion, Family

RECORD, REMOVE = "record", "remove"


@login_required
def paper_signature(
    request: AuthenticatedRequest, school_id: UUID, declaration_id: UUID, family_id: UUID
) -> HttpResponse:
    """GET: the form. POST without confirm=1: the confirmation. POST with confirm=1: done, back to the overview."""
    membership, declaration = get_rw_declaration(request, school_id, declaration_id)
    family = Family.objects.filter(id=family_id, school_id=school_id, school_year=declaration.school_year).first()
    if family is None or declaration.published_version_id is None:
        raise Http404
    version = DeclarationVersion.objects.get(pk=declaration.published_version_id)
    existing = paper_signature_of(family, version)
    action = request.POST.get("action", RECORD) if request.method == "POST" else ""
    initial = {"signed_on": existing.signed_on if existing else timezone.localdate()}
    form = PaperSignatureForm(
        request.POST if action == RECORD else None,
        initial=initial,
        earliest=earliest_signing_day(version),
        adopted=adoption_day(version) is not None,
    )
    confirmed = request.POST.get("confirm") == "1"
    if action == REMOVE and existing is not None and confirmed:
        remove_paper_signature(family, version)
        messages.success(
            request, _("The paper signature of %(reference)s is removed.") % {"reference": family.reference}
        )
        return redirect("engagement:family_overview", school_id=school_id, declaration_id=declaration_id)
    if action == RECORD and form.is_valid() and confirmed:
        try:
            record_paper_signature(family, version, form.cleaned_data["signed_on"], request.user)
        except NotRecordable:  # the form and the lookups above rule these out; never a 500
            raise Http404 from None
        messages.success(
            request,
            _("Recorded: %(reference)s signed on paper on %(day)s.")
            % {"reference": family.reference, "day": formats.date_format(form.cleaned_data["signed_on"])},
        )
        return redirect("engagement:family_overview", school_id=school_id, declaration_id=declaration_id)
    confirming = ""
    if action == REMOVE and existing is not None:
        confirming = REMOVE
    elif action == RECORD and form.is_valid():
        confirming = RECORD
    context = {
        "membership": membership,
        "school": declaration.school,
        "declaration": declaration,
        "published": version,
        "family": family,
        "existing": existing,
        "form": form,
        "confirming": confirming,
        "signed_on": form.cleaned_data["signed_on"] if confirming == RECORD else None,
    }
    return render(request, "engagement/families/paper.html", context, status=400 if form.errors else 200)
