"""The declaration's pages for the school: the list per school year, the main page and the editor."""

from typing import Any
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import IntegrityError, transaction
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from accounts.http import AuthenticatedRequest
from engagement.access import get_declaration, get_rw_declaration
from engagement.consultation.commenting import accepts_comments_from
from engagement.consultation.forms import AdoptForm, AnswerForm, CommentForm
from engagement.domains import DOMAIN_KEYS, DOMAIN_LABELS
from engagement.drafting import change_text, latest_version, start_declaration, template_text, version_text
from engagement.editor.forms import FROM_PREVIOUS, DeclarationForm, StartForm
from engagement.editor.guardrail_messages import explain
from engagement.editor.guardrails import can_publish, check_declaration
from engagement.editor.linked_results import latest_round, linked_results
from engagement.models import Declaration, DeclarationState, DeclarationVersion, DomainComment, DomainEvaluation
from engagement.school_years import (
    next_school_year,
    previous_school_year,
    publication_during_school_year,
    school_year_of,
)
from engagement.states import allowed_steps
from engagement.texts import DeclarationText
from schools.access import get_membership, get_rw_membership

STATE_ORDER: list[str] = [
    DeclarationState.DRAFT,
    DeclarationState.CONSULTATION,
    DeclarationState.ADOPTED,
    DeclarationState.PUBLISHED,
]


@login_required
def declarations(request: AuthenticatedRequest, school_id: UUID) -> HttpResponse:
    if request.method == "POST":
        membership = get_rw_membership(request, school_id)
    else:
        membership = get_membership(request, school_id)
    school = membership.school
    existing = list(Declaration.objects.filter(school=school))
    taken = {declaration.school_year for declaration in existing}
    current = school_year_of(timezone.localdate())
    years = [year for year in (current, next_school_year(current)) if year not in taken]
    form = None
    if membership.is_coordinator and years:
        form = StartForm(request.POST or None, years=years, has_previous=bool(existing))
        if request.method == "POST" and form.is_valid():
            year = form.cleaned_data["school_year"]
            previous = None
            if form.cleaned_data["start_from"] == FROM_PREVIOUS:
                previous = (
                    Declaration.objects.filter(school=school, school_year__lt=year).order_by("-school_year").first()
                )
            try:
                with transaction.atomic():
                    declaration = start_declaration(school, year, request.user, previous)
            except IntegrityError:  # started at the same moment in another tab
                messages.error(request, _("There already is a declaration for %(year)s.") % {"year": year})
                return redirect("engagement:declarations", school.id)
            messages.success(
                request, _("The draft for %(year)s is ready. Read it with your team and adapt it.") % {"year": year}
            )
            return redirect("engagement:declaration", school.id, declaration.id)
    elif request.method == "POST":
        messages.error(request, _("There already is a declaration for this school year and the next."))
        return redirect("engagement:declarations", school.id)
    return render(
        request,
        "engagement/declarations.html",
        {"school": school, "membership": membership, "declarations": existing, "form": form},
    )


def _previous_evaluations(declaration: Declaration) -> dict[str, DomainEvaluation]:
    """Last year's year-end evaluation, offered beside each domain whether the draft started from last
    year's text or from the template."""
    previous_year = previous_school_year(declaration.school_year)
    earlier = DomainEvaluation.objects.filter(school=declaration.school)
    if declaration.previous_id is not None:
        earlier = earlier.filter(declaration_id=declaration.previous_id)
    else:
        earlier = earlier.filter(declaration__school_year=previous_year)
    return {evaluation.domain: evaluation for evaluation in earlier}


def _domain_sections(declaration: Declaration, text: DeclarationText) -> list[dict[str, Any]]:
    """Per domain: its text, the latest round beside it, last year's evaluation, the comments."""
    links = linked_results(latest_round(declaration.school), get_language())
    evaluations = _previous_evaluations(declaration)
    comments: dict[str, list[DomainComment]] = {}
    for comment in declaration.comments.select_related("author", "answered_by", "version"):
        comments.setdefault(comment.domain, []).append(comment)
    return [
        {
            "key": key,
            "label": DOMAIN_LABELS[key],
            "title": text.domain_titles.get(key, ""),
            "text": text.domains.get(key),
            "links": links.get(key),
            "evaluation": evaluations.get(key),
            "comments": comments.get(key, []),
        }
        for key in DOMAIN_KEYS
    ] + [{"key": "general", "comments": comments.get("general", [])}]


@login_required
def declaration(request: AuthenticatedRequest, school_id: UUID, declaration_id: UUID) -> HttpResponse:
    membership, declaration_ = get_declaration(request, school_id, declaration_id)
    version = latest_version(declaration_)
    text = version_text(version)
    guardrails = check_declaration(text.domains)
    sections = _domain_sections(declaration_, text)
    context = {
        "school": declaration_.school,
        "membership": membership,
        "declaration": declaration_,
        "version": version,
        "text": text,
        "general": sections.pop(),
        "sections": sections,
        "warnings": [explain(warning) for warning in guardrails],
        "publishable": can_publish(guardrails),
        "steps": allowed_steps(declaration_.state) if membership.edits_declaration else [],
        "states": [
            (state, DeclarationState(state).label, STATE_ORDER.index(state) <= STATE_ORDER.index(declaration_.state))
            for state in STATE_ORDER
        ],
        "can_comment": accepts_comments_from(declaration_, membership),
        "comment_form": CommentForm(),
        "answer_form": AnswerForm() if membership.edits_declaration else None,
        "adopt_form": AdoptForm(),
        "is_editor": membership.edits_declaration,
        "year_notice": _publication_notice(declaration_, version),
        "next_year": next_school_year(declaration_.school_year),
    }
    return render(request, "engagement/declaration.html", context)


def _publication_notice(declaration: Declaration, shown: DeclarationVersion) -> str:
    """What the publication of the shown version meant, if it is the published one (a draft has no notice)."""
    published = declaration.published_version
    if published is None or published.pk != shown.pk or published.published_at is None:
        return ""
    published_before = declaration.versions.filter(published_at__lt=published.published_at).exists()
    return publication_during_school_year(
        declaration.school_year, timezone.localdate(published.published_at), published_before
    )


@login_required
def edit(request: AuthenticatedRequest, school_id: UUID, declaration_id: UUID) -> HttpResponse:
    membership, declaration_ = get_rw_declaration(request, school_id, declaration_id)
    current = version_text(latest_version(declaration_))
    default_titles = dict(template_text().domain_titles)
    form = DeclarationForm(request.POST or None, initial=DeclarationForm.initial_from(current))
    shown = current
    if request.method == "POST" and form.is_valid():
        new_text = form.text(default_titles)
        version = change_text(declaration_, new_text, request.user, form.cleaned_data["change_note"].strip())
        if version is None:
            messages.info(request, _("Nothing changed, so no new version was made."))
        else:
            messages.success(request, _("Saved as version %(number)s.") % {"number": version.number})
            for warning in check_declaration(new_text.domains):
                messages.warning(request, explain(warning).in_one_line)
        return redirect("engagement:declaration", declaration_.school.id, declaration_.id)
    if form.is_bound and form.is_valid():
        shown = form.text(default_titles)
    sections = {section["key"]: section for section in _domain_sections(declaration_, shown)}
    return render(
        request,
        "engagement/edit.html",
        {
            "school": declaration_.school,
            "membership": membership,
            "declaration": declaration_,
            "form": form,
            "domains": [(sections[key], fields) for key, fields in form.domain_fields()],
            "warnings": [explain(warning) for warning in check_declaration(shown.domains)],
            "reopens": declaration_.state in (DeclarationState.ADOPTED, DeclarationState.PUBLISHED),
        },
    )
