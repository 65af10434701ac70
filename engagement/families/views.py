"""The coordinator's side of families: import, overview per class, letters and reminders, exports, privacy.

Families belong to the declaration's school and school year. Coordinators only: a team member gets 403.
"""

from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError
from django.http import HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.datastructures import MultiValueDict
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from accounts.http import AuthenticatedRequest
from engagement.access import get_rw_declaration
from engagement.families.export import class_summaries, family_statuses, natural_key
from engagement.families.file_jobs import LetterChoice, start_family_list, start_letters, start_year_export
from engagement.families.forms import DeleteFamiliesForm, FamilyImportForm, LettersForm
from engagement.families.letters import MAX_LETTERS_PER_PDF, families_to_print
from engagement.families.privacy import delete_year, year_counts
from engagement.families.storing import store_families
from engagement.families.translation_need import translation_counts
from engagement.models import Declaration, DeclarationVersion, Family, PrivacyLog
from schools.models import Membership


def _coordinator(
    request: AuthenticatedRequest, school_id: UUID, declaration_id: UUID
) -> tuple[Membership, Declaration]:
    return get_rw_declaration(request, school_id, declaration_id)


def _posted(request: AuthenticatedRequest) -> tuple[QueryDict | None, MultiValueDict[str, UploadedFile] | None]:
    """A POST binds the form even when nothing was filled in, so that an empty POST shows its errors."""
    if request.method == "POST":
        return request.POST, request.FILES
    return None, None


def _published(declaration: Declaration) -> DeclarationVersion | None:
    if declaration.published_version_id is None:
        return None
    return DeclarationVersion.objects.filter(pk=declaration.published_version_id).first()


def _to_overview(declaration: Declaration) -> HttpResponse:
    return redirect("engagement:family_overview", school_id=declaration.school_id, declaration_id=declaration.id)


@login_required
def family_overview(request: AuthenticatedRequest, school_id: UUID, declaration_id: UUID) -> HttpResponse:
    membership, declaration = _coordinator(request, school_id, declaration_id)
    statuses = family_statuses(declaration)
    context = {
        "membership": membership,
        "school": declaration.school,
        "declaration": declaration,
        "published": _published(declaration),
        "summaries": class_summaries(statuses),
        "total": len(statuses),
        "acknowledged": sum(status.acknowledged for status in statuses),
        "on_paper": sum(status.signed_on_paper for status in statuses),
        "neither": sum(not status.agreed for status in statuses),
        "translations": translation_counts((status.family for status in statuses), timezone.localdate()),
    }
    return render(request, "engagement/families/overview.html", context)


@login_required
def family_import(request: AuthenticatedRequest, school_id: UUID, declaration_id: UUID) -> HttpResponse:
    membership, declaration = _coordinator(request, school_id, declaration_id)
    form = FamilyImportForm(*_posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            result = store_families(declaration.school, declaration.school_year, form.rows)
        except IntegrityError:  # another import of the same list at the same moment
            form.add_error(
                None, _("Another import changed the families at the same time. Nothing was imported: try again.")
            )
        else:
            messages.success(
                request,
                _("Import done: %(created)s, %(updated)s.")
                % {
                    "created": ngettext("%(count)d family added", "%(count)d families added", result.created)
                    % {"count": result.created},
                    "updated": ngettext("%(count)d family updated", "%(count)d families updated", result.updated)
                    % {"count": result.updated},
                },
            )
            _warn_about_dutch_only(request, declaration)
            return _to_overview(declaration)
    context = {"membership": membership, "school": declaration.school, "declaration": declaration, "form": form}
    return render(request, "engagement/families/import.html", context, status=400 if form.is_bound else 200)


def _warn_about_dutch_only(request: AuthenticatedRequest, declaration: Declaration) -> None:
    """After an import: families with another language but no (valid) reason read the Dutch only; say so."""
    families = Family.objects.filter(school_id=declaration.school_id, school_year=declaration.school_year)
    dutch_only = translation_counts(families, timezone.localdate()).dutch_only
    if dutch_only:
        messages.warning(
            request,
            ngettext(
                "%(count)d family with another language than Dutch has no reason for a translation, or its date "
                "has passed: it reads the Dutch only. Record why and until when under “Translations”.",
                "%(count)d families with another language than Dutch have no reason for a translation, or their "
                "date has passed: they read the Dutch only. Record why and until when under “Translations”.",
                dutch_only,
            )
            % {"count": dutch_only},
        )


@login_required
def family_letters(request: AuthenticatedRequest, school_id: UUID, declaration_id: UUID) -> HttpResponse:
    """GET explains the choice about earlier letters; POST asks the worker for the letters (PDF) with new codes."""
    membership, declaration = _coordinator(request, school_id, declaration_id)
    published = _published(declaration)
    families_of_year = Family.objects.filter(school_id=school_id, school_year=declaration.school_year)
    classes = sorted(set(families_of_year.values_list("class_name", flat=True)), key=natural_key)
    initial = {
        "class_name": request.GET.get("class", ""),
        "families": LettersForm.WAITING if request.GET.get("reminders") else LettersForm.ALL,
        "reference": request.GET.get("reference", "")[:64],
    }
    form = LettersForm(_posted(request)[0], classes=classes, initial=initial)
    if request.method == "POST" and published is not None and form.is_valid():
        choice = LetterChoice(
            class_name=form.cleaned_data["class_name"],
            waiting_only=form.cleaned_data["families"] == LettersForm.WAITING,
            reference=form.cleaned_data["reference"].strip(),
            void_earlier=form.cleaned_data["earlier_codes"] == LettersForm.VOID,
        )
        families = families_to_print(declaration, choice.class_name, choice.waiting_only, choice.reference)
        if len(families) > MAX_LETTERS_PER_PDF:
            form.add_error(
                "class_name",
                _("That is more than %(max)d letters at once: print them class by class.")
                % {"max": MAX_LETTERS_PER_PDF},
            )
        elif families:
            return redirect(start_letters(declaration, request.user, choice))
        else:
            form.add_error(None, _("There are no families to print a letter for with this choice."))
    context = {
        "membership": membership,
        "school": declaration.school,
        "declaration": declaration,
        "published": published,
        "form": form,
        "has_families": bool(classes),
    }
    return render(request, "engagement/families/letters_form.html", context, status=400 if form.is_bound else 200)


@login_required
def family_export(request: AuthenticatedRequest, school_id: UUID, declaration_id: UUID) -> HttpResponse:
    return _family_list(request, school_id, declaration_id, "csv")


@login_required
def family_export_xlsx(request: AuthenticatedRequest, school_id: UUID, declaration_id: UUID) -> HttpResponse:
    return _family_list(request, school_id, declaration_id, "xlsx")


def _family_list(request: AuthenticatedRequest, school_id: UUID, declaration_id: UUID, extension: str) -> HttpResponse:
    """A POST asks the worker for the list; a GET (an old link, a prefetch) starts nothing: the overview's buttons."""
    _membership, declaration = _coordinator(request, school_id, declaration_id)
    if request.method != "POST":
        return _to_overview(declaration)
    return redirect(start_family_list(declaration, request.user, extension))


@login_required
def family_privacy(request: AuthenticatedRequest, school_id: UUID, declaration_id: UUID) -> HttpResponse:
    membership, declaration = _coordinator(request, school_id, declaration_id)
    context = {
        "membership": membership,
        "school": declaration.school,
        "declaration": declaration,
        "counts": year_counts(declaration.school, declaration.school_year),
        "log": PrivacyLog.objects.filter(school_id=school_id).select_related("done_by")[:100],
    }
    return render(request, "engagement/families/privacy.html", context)


@login_required
def family_privacy_export(request: AuthenticatedRequest, school_id: UUID, declaration_id: UUID) -> HttpResponse:
    """A POST, so that only a deliberate click exports, never a prefetch or a crawler (logged once it is made);
    a GET (an old bookmark) starts nothing and leads to the page with the button, like the other exports."""
    _membership, declaration = _coordinator(request, school_id, declaration_id)
    if request.method != "POST":
        return redirect("engagement:family_privacy", school_id=school_id, declaration_id=declaration_id)
    return redirect(start_year_export(declaration, request.user))


@login_required
def family_delete(request: AuthenticatedRequest, school_id: UUID, declaration_id: UUID) -> HttpResponse:
    membership, declaration = _coordinator(request, school_id, declaration_id)
    form = DeleteFamiliesForm(_posted(request)[0], school_year=declaration.school_year)
    if request.method == "POST" and form.is_valid():
        counts = delete_year(declaration.school, declaration.school_year, request.user)
        messages.success(
            request,
            _("Deleted for %(year)s: families: %(families)d, acknowledgments: %(acknowledgments)d.")
            % {"families": counts.families, "acknowledgments": counts.acknowledgments, "year": declaration.school_year},
        )
        return redirect("engagement:family_privacy", school_id=school_id, declaration_id=declaration_id)
    context = {
        "membership": membership,
        "school": declaration.school,
        "declaration": declaration,
        "counts": year_counts(declaration.school, declaration.school_year),
        "form": form,
    }
    return render(request, "engagement/families/delete.html", context, status=400 if form.is_bound else 200)
