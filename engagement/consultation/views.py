"""The consultation: comments per domain and answers, the steps to adoption and publication, the versions."""

from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.forms import Form
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.http import AuthenticatedRequest
from engagement.access import get_declaration, get_declaration_for_commenter, get_rw_declaration
from engagement.consultation.commenting import accepts_comments_from, add_comment, answer_comment
from engagement.consultation.diff import version_diff
from engagement.consultation.forms import AdoptForm, AnswerForm, CommentForm
from engagement.domains import DOMAIN_LABELS, PART_LABELS
from engagement.drafting import StepNotAllowed, latest_version, take_step, version_text
from engagement.editor.guardrail_messages import explain
from engagement.editor.guardrails import check_declaration
from engagement.models import ConsultationComment, DomainComment
from engagement.school_years import next_school_year, publication_during_school_year

STEP_DONE = {
    "consult": gettext_lazy("The draft is open for comments of the parent association and the schoolraad."),
    "back_to_draft": gettext_lazy("The consultation is closed; the declaration is a draft again."),
    "adopt": gettext_lazy("Adopted: the schoolraad's decision and the meeting date are recorded."),
    "publish": gettext_lazy(
        "Published. Parents can now read and acknowledge this version; it will not change any more."
    ),
}


def report_errors(request: HttpRequest, form: Form) -> None:
    """For forms posted from the declaration page: their errors go back there as messages."""
    for field_errors in form.errors.get_json_data().values():
        for error in field_errors:
            messages.error(request, str(error["message"]))


def answer_from_post(request: AuthenticatedRequest, comment: ConsultationComment) -> None:
    """The coordinator's answer to `comment` from the posted form: saved with a message, or the form's errors
    shown (the engagementsverklaring's and the feedback page's consultations alike)."""
    form = AnswerForm(request.POST)
    if not form.is_valid():
        report_errors(request, form)
        return
    answer_comment(comment, form.cleaned_data["answer"], request.user)
    messages.success(request, _("Your answer is saved."))


def _back(declaration_id: UUID, school_id: UUID, anchor: str = "") -> HttpResponse:
    response = redirect("engagement:declaration", school_id, declaration_id)
    if anchor:
        response["Location"] += f"#{anchor}"
    return response


@login_required
def comment(request: AuthenticatedRequest, school_id: UUID, declaration_id: UUID) -> HttpResponse:
    membership, declaration = get_declaration_for_commenter(request, school_id, declaration_id)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if not accepts_comments_from(declaration, membership):
        messages.error(request, _("Comments are possible while the declaration is in consultation."))
        return _back(declaration.id, school_id)
    form = CommentForm(request.POST)
    if not form.is_valid():
        report_errors(request, form)
        return _back(declaration.id, school_id, "comment-form")
    saved = add_comment(declaration, form.cleaned_data["domain"], request.user, form.cleaned_data["body"])
    messages.success(request, _("Your comment is saved. The coordinator will answer it."))
    return _back(declaration.id, school_id, f"comment-{saved.id}")


@login_required
def answer(request: AuthenticatedRequest, school_id: UUID, declaration_id: UUID, comment_id: UUID) -> HttpResponse:
    _membership, declaration = get_rw_declaration(request, school_id, declaration_id)
    target = DomainComment.objects.filter(declaration=declaration, id=comment_id).first()
    if target is None:
        raise Http404
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    answer_from_post(request, target)
    return _back(declaration.id, school_id, f"comment-{target.id}")


@login_required
def step(request: AuthenticatedRequest, school_id: UUID, declaration_id: UUID, name: str) -> HttpResponse:
    """A step of the consultation. Publishing asks for confirmation first: a published version is final."""
    membership, declaration = get_rw_declaration(request, school_id, declaration_id)
    if name not in STEP_DONE:
        raise Http404
    version = latest_version(declaration)
    warnings = [explain(warning) for warning in check_declaration(version_text(version).domains)]
    if request.method != "POST" or (name == "publish" and request.POST.get("confirm") != "1"):
        if name != "publish":
            return _back(declaration.id, school_id)
        return render(
            request,
            "engagement/publish_confirm.html",
            {
                "school": declaration.school,
                "membership": membership,
                "declaration": declaration,
                "version": version,
                "warnings": warnings,
                "year_notice": publication_during_school_year(
                    declaration.school_year, timezone.localdate(), declaration.published_version_id is not None
                ),
                "next_year": next_school_year(declaration.school_year),
            },
        )
    adopted_on = None
    if name == "adopt":
        form = AdoptForm(request.POST)
        if not form.is_valid():
            report_errors(request, form)
            return _back(declaration.id, school_id, "steps")
        adopted_on = form.cleaned_data["adopted_on"]
    try:
        take_step(declaration, name, adopted_on)
    except StepNotAllowed:
        if name == "publish" and any(warning.blocks_publishing for warning in warnings):
            messages.error(request, _("This declaration cannot be published: a domain is missing or empty."))
        else:
            messages.error(
                request,
                _("This step is not possible now: the declaration is %(state)s.")
                % {"state": declaration.get_state_display().lower()},
            )
        return _back(declaration.id, school_id, "steps")
    messages.success(request, STEP_DONE[name])
    return _back(declaration.id, school_id)


@login_required
def versions(request: AuthenticatedRequest, school_id: UUID, declaration_id: UUID) -> HttpResponse:
    membership, declaration = get_declaration(request, school_id, declaration_id)
    return render(
        request,
        "engagement/versions.html",
        {
            "school": declaration.school,
            "membership": membership,
            "declaration": declaration,
            "versions": declaration.versions.select_related("created_by").order_by("-number"),
        },
    )


MAX_VERSION_NUMBER = 2_147_483_647  # the largest value of a PositiveIntegerField on every database


@login_required
def version_changes(request: AuthenticatedRequest, school_id: UUID, declaration_id: UUID, number: int) -> HttpResponse:
    """What version `number` changed compared with the one before it."""
    membership, declaration = get_declaration(request, school_id, declaration_id)
    if number > MAX_VERSION_NUMBER:  # no such version, and SQLite cannot even compare it (OverflowError)
        raise Http404
    pair = {version.number: version for version in declaration.versions.filter(number__in=(number - 1, number))}
    if number not in pair:
        raise Http404
    version = pair[number]
    text = version_text(version)
    before = pair.get(number - 1)
    fields = []
    if before is not None:
        for field in version_diff(version_text(before), text):
            if field.changed:
                where = str(DOMAIN_LABELS[field.domain]) if field.domain else ""
                fields.append({"where": where, "part": PART_LABELS[field.part], "pieces": field.pieces})
    return render(
        request,
        "engagement/version_changes.html",
        {
            "school": declaration.school,
            "membership": membership,
            "declaration": declaration,
            "version": version,
            "before": before,
            "fields": fields,
            "text": text,
            "whole_domains": [(text.domain_titles.get(key, ""), domain) for key, domain in text.domains.items()],
        },
    )
