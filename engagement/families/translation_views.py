"""The coordinator's side of translation need: which families read a translation beside the Dutch, and why.

Coordinators only, like every families page. Writes go through families.storing.record_translation.
"""

from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from accounts.http import AuthenticatedRequest
from engagement.access import get_rw_declaration
from engagement.families.export import natural_key
from engagement.families.storing import record_translation
from engagement.families.translation_form import TranslationNeedForm
from engagement.families.translation_need import expires_soon, translation_counts, translation_offered
from engagement.models import Family
from respondents.languages import staff_label


@login_required
def family_translations(request: AuthenticatedRequest, school_id: UUID, declaration_id: UUID) -> HttpResponse:
    """Every family with a language other than Dutch: its reason, its date and what it reads today."""
    membership, declaration = get_rw_declaration(request, school_id, declaration_id)
    today = timezone.localdate()
    families = sorted(
        Family.objects.filter(school_id=school_id, school_year=declaration.school_year).exclude(
            language__in=("", "nl")
        ),
        key=lambda family: (natural_key(family.class_name), family.reference),
    )
    rows = [
        {
            "family": family,
            "language_name": staff_label(family.language),
            "offer": translation_offered(family, today),
            "expires_soon": expires_soon(family, today),
        }
        for family in families
    ]
    context = {
        "membership": membership,
        "school": declaration.school,
        "declaration": declaration,
        "rows": rows,
        "counts": translation_counts(families, today),
    }
    return render(request, "engagement/families/translations.html", context)


@login_required
def family_translation(
    request: AuthenticatedRequest, school_id: UUID, declaration_id: UUID, family_id: UUID
) -> HttpResponse:
    membership, declaration = get_rw_declaration(request, school_id, declaration_id)
    family = get_object_or_404(Family, id=family_id, school_id=school_id, school_year=declaration.school_year)
    form = TranslationNeedForm(
        request.POST if request.method == "POST" else None, family=family, today=timezone.localdate()
    )
    if request.method == "POST" and form.is_valid():
        record_translation(
            family, form.cleaned_data["reason"], form.cleaned_data["note"].strip(), form.cleaned_data["until"]
        )
        if family.translation_until is not None:
            message = _("Saved: family %(reference)s reads a translation beside the Dutch until %(until)s.") % {
                "reference": family.reference,
                "until": date_format(family.translation_until, "DATE_FORMAT"),
            }
        else:
            message = _("Saved: family %(reference)s reads the Dutch only.") % {"reference": family.reference}
        messages.success(request, message)
        return redirect("engagement:family_translations", school_id=school_id, declaration_id=declaration_id)
    context = {
        "membership": membership,
        "school": declaration.school,
        "declaration": declaration,
        "family": family,
        "language_name": staff_label(family.language),
        "form": form,
    }
    return render(request, "engagement/families/translation.html", context, status=400 if form.is_bound else 200)
