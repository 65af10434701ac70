"""The year-end evaluation: per domain, did the school deliver what it offered, and what did it learn."""

from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from accounts.http import AuthenticatedRequest
from engagement.access import get_declaration, get_rw_declaration
from engagement.domains import DOMAIN_KEYS, DOMAIN_LABELS
from engagement.drafting import latest_version, version_text
from engagement.editor.evaluation import EvaluationAnswer, save_evaluation
from engagement.editor.forms import EvaluationForm
from engagement.models import DomainEvaluation


@login_required
def evaluation(request: AuthenticatedRequest, school_id: UUID, declaration_id: UUID) -> HttpResponse:
    if request.method == "POST":
        membership, declaration = get_rw_declaration(request, school_id, declaration_id)
    else:
        membership, declaration = get_declaration(request, school_id, declaration_id)
    is_editor = membership.edits_declaration
    existing = {item.domain: item for item in DomainEvaluation.objects.filter(declaration=declaration)}
    text = version_text(declaration.published_version or latest_version(declaration))
    forms = {
        key: EvaluationForm(
            request.POST if request.method == "POST" else None,
            prefix=key,
            initial={"delivered": existing[key].delivered, "learned": existing[key].learned}
            if key in existing
            else None,
        )
        for key in DOMAIN_KEYS
    }
    if request.method == "POST":
        # A domain left unanswered is fine (the school may evaluate in parts); a half-answered one is not.
        filled = {
            key: form
            for key, form in forms.items()
            if form.data.get(f"{key}-delivered") or form.data.get(f"{key}-learned", "").strip()
        }
        if filled and all(form.is_valid() for form in filled.values()):
            answers = {
                key: EvaluationAnswer(form.cleaned_data["delivered"], form.cleaned_data["learned"])
                for key, form in filled.items()
            }
            save_evaluation(declaration, answers, request.user)
            messages.success(
                request,
                _("The evaluation is saved. It will be shown beside each domain when next year's draft starts."),
            )
            return redirect("engagement:evaluation", declaration.school.id, declaration.id)
        if not filled:
            messages.error(request, _("Answer at least one domain."))
    sections = [
        {
            "key": key,
            "label": DOMAIN_LABELS[key],
            "text": text.domains.get(key),
            "form": forms[key],
            "saved": existing.get(key),
        }
        for key in DOMAIN_KEYS
    ]
    return render(
        request,
        "engagement/evaluation.html",
        {
            "school": declaration.school,
            "membership": membership,
            "declaration": declaration,
            "sections": sections,
            "is_editor": is_editor,
        },
    )
