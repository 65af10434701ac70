"""The staff side of the feedback page: start it from a closed round, compose, consult, publish, see versions.

Thin views: parse, call feedback.versions / feedback.consultation, render. Readability warnings are shown after
every save (no JavaScript); figures the rule of five does not allow and quoted open answers are refused.
"""

from dataclasses import replace
from uuid import UUID

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.http import AuthenticatedRequest
from analysis.models import Round, RoundStatus
from engagement.consultation.diff import word_diff
from engagement.consultation.forms import CommentForm
from engagement.consultation.views import MAX_VERSION_NUMBER, answer_from_post, report_errors
from engagement.drafting import StepNotAllowed
from feedback.access import get_feedback, get_rw_feedback, readers_of_school
from feedback.composing import figure_options, plan_actions
from feedback.consultation import COMMENT_TOPICS, accepts_comments_from, add_comment
from feedback.evaluation import evaluated_declaration, evaluation_shown
from feedback.forms import INCOMPLETE, ComposeForm, initial_from, missing_fields
from feedback.labels import field_label, key_label
from feedback.models import FeedbackComment, FeedbackPage, FeedbackVersion
from feedback.privacy import BY_DIFFERENCE, SMALL_GROUP
from feedback.public import public_path
from feedback.readability import jargon_list, polite_form_warnings, readability_warnings
from feedback.texts import field_values, source_fields
from feedback.versions import (
    STEPS,
    TextRefused,
    change_text,
    consulted_versions,
    latest_version,
    publishing_problems,
    start_page,
    take_step,
    version_text,
)
from respondents.languages import STAFF_TRANSLATION_CHOICES
from schools.models import Membership

READING_METHODS = ["GET", "HEAD"]
STEP_DONE = {
    "consult": gettext_lazy("The draft is open for comments of the parent representatives and the schoolraad."),
    "back_to_draft": gettext_lazy("The consultation is closed; the page is a draft again."),
    "publish": gettext_lazy("Published. Families can read this version now; it will not change any more."),
}
PUBLISHING_PROBLEMS = {
    "too_few_points": gettext_lazy("Write at least three points of what parents said."),
    "too_many_points": gettext_lazy("At most five points per group: choose what matters most."),
    "point_without_figure": gettext_lazy("Every point needs its figure."),
}


def _back(round_: Round, anchor: str = "") -> HttpResponse:
    response = redirect("feedback:page", round_.school_id, round_.id)
    if anchor:
        response["Location"] += f"#{anchor}"
    return response


def _warnings(page: FeedbackPage) -> list[dict[str, object]]:
    """Readability warnings per field of the latest text, for the coordinator."""
    found = []
    jargon = jargon_list()
    for field in source_fields(version_text(latest_version(page))):
        warnings = readability_warnings(field.dutch, jargon)
        if field.section == "for_pupils":
            warnings += polite_form_warnings(field.dutch)
        for warning in warnings:
            found.append({"where": field_label(field), "warning": warning})
    return found


def _translation_rows(version: FeedbackVersion) -> list[tuple[str, str, str]]:
    """Per parent language: its staff name and the status of this version's translation ("" when there is none)."""
    statuses = {row.language: row.get_status_display() for row in version.translations.all()}
    return [(code, name, str(statuses.get(code, ""))) for code, name in STAFF_TRANSLATION_CHOICES]


@login_required
def pages(request: AuthenticatedRequest, school_id: UUID) -> HttpResponse:
    membership = readers_of_school(request, school_id)
    if request.method not in READING_METHODS:
        return HttpResponseNotAllowed(READING_METHODS)
    rounds = Round.objects.filter(school=membership.school).order_by("-starts_on")
    found = {page.round_id: page for page in FeedbackPage.objects.filter(school=membership.school)}
    return render(
        request,
        "feedback/pages.html",
        {
            "school": membership.school,
            "membership": membership,
            "rows": [(round_, found.get(round_.id)) for round_ in rounds],
        },
    )


def _readable_versions(membership: Membership, page: FeedbackPage) -> QuerySet[FeedbackVersion]:
    """The team reads every version; parent representatives and schoolraad members those from the consultation on
    (feedback.versions.consulted_versions), never a draft the coordinator did not open."""
    return page.versions.all() if membership.reads_analysis else consulted_versions(page)


@login_required
def page(request: AuthenticatedRequest, school_id: UUID, round_id: UUID) -> HttpResponse:
    membership, round_, found = get_feedback(request, school_id, round_id)
    if request.method not in READING_METHODS:
        return HttpResponseNotAllowed(READING_METHODS)
    context: dict[str, object] = {
        "school": membership.school,
        "membership": membership,
        "round": round_,
        "page": found,
        "round_closed": round_.status == RoundStatus.CLOSED,
    }
    readable = _readable_versions(membership, found).order_by("-number") if found is not None else None
    version = readable.first() if readable is not None else None
    context["visible"] = version is not None
    if found is not None and readable is not None and version is not None:
        text = version_text(version)
        comments = FeedbackComment.objects.filter(page=found).select_related("author", "answered_by", "version", "page")
        context.update(
            {
                "version": version,
                "text": text,
                "topics": [(key, label, [c for c in comments if c.section == key]) for key, label in COMMENT_TOPICS],
                "can_comment": accepts_comments_from(found, membership),
                "steps": [name for name, step in STEPS.items() if found.state in step.from_states],
                "problems": [PUBLISHING_PROBLEMS[problem] for problem in publishing_problems(text)],
                "warnings": _warnings(found) if membership.is_coordinator else [],
                "versions": readable,
                "public_path": public_path(found),
                "translation_languages": _translation_rows(version),
            }
        )
    return render(request, "feedback/page.html", context)


@login_required
def start(request: AuthenticatedRequest, school_id: UUID, round_id: UUID) -> HttpResponse:
    _membership, round_, _found = get_rw_feedback(request, school_id, round_id)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if round_.status != RoundStatus.CLOSED:
        messages.error(request, _("A feedback page is made from a closed round: close every voice of the round first."))
        return _back(round_)
    start_page(round_, request.user)
    return redirect("feedback:compose", school_id, round_id)


def refusal_errors(form: forms.Form, error: TextRefused) -> None:
    """Why a text was refused, on the form: each figure, quote and name, with what to do instead."""
    for problem in error.refusal.figures:
        if problem.reason == SMALL_GROUP:
            message = _("A figure of fewer than five people is never shown.")
        elif problem.reason == BY_DIFFERENCE:
            message = _(
                "This figure and another one on the page (or on a version families read) differ by fewer than five "
                "people: subtracting one from the other would show a small group. Choose another figure."
            )
        else:
            message = _("This figure is not (or no longer) one the round's results show. Choose it again.")
        form.add_error(None, message)
    for quote in error.refusal.quotes:
        form.add_error(
            None,
            _(
                "An open answer is quoted word for word. Open answers are never quoted: write the theme in your "
                "own words. Quoted: “%(quote)s”"
            )
            % {"quote": quote[:120]},
        )
    for name in error.refusal.names:
        form.add_error(
            None,
            _(
                "“%(name)s” is a name from an open answer. Names never go on the page: write the theme in your own "
                "words, without names of children, parents or staff."
            )
            % {"name": name},
        )


def say_saved(request: HttpRequest, saved: FeedbackVersion | None) -> None:
    """What a save of the page's text did: a new version, or nothing when nothing changed."""
    if saved is None:
        messages.info(request, _("Nothing changed."))
    else:
        messages.success(request, _("Saved as version %(number)s.") % {"number": saved.number})


@login_required
def compose(request: AuthenticatedRequest, school_id: UUID, round_id: UUID) -> HttpResponse:
    membership, round_, found = get_rw_feedback(request, school_id, round_id)
    if found is None:
        raise Http404
    options = figure_options(round_, "nl")
    plan = plan_actions(round_)
    declaration = evaluated_declaration(membership.school)
    kwargs = {"options": options, "plan": plan, "evaluation_year": declaration.school_year if declaration else ""}
    status = 200
    if request.method == "POST":
        form = ComposeForm(request.POST, **kwargs)  # type: ignore[arg-type]
        if form.is_valid():
            seen_on = form.seen_on()
            shown = evaluation_shown(declaration, seen_on) if declaration is not None and seen_on else None
            try:
                done = version_text(latest_version(found)).done  # "wij deden" has its own form (feedback.done)
                text = replace(form.text(shown), done=done)
                saved = change_text(found, text, request.user, form.cleaned_data["change_note"])
            except TextRefused as error:
                refusal_errors(form, error)
            else:
                say_saved(request, saved)
                return redirect("feedback:compose", school_id, round_id)
        elif missing_fields(form):
            messages.error(request, str(INCOMPLETE))  # the kept text again, never an emptied form
            form = ComposeForm(initial=initial_from(version_text(latest_version(found)), plan), **kwargs)  # type: ignore[arg-type]
        status = 400
    else:
        form = ComposeForm(initial=initial_from(version_text(latest_version(found)), plan), **kwargs)  # type: ignore[arg-type]
    context = {
        "school": membership.school,
        "membership": membership,
        "round": round_,
        "page": found,
        "form": form,
        "warnings": _warnings(found),
        "has_figures": bool(options),
    }
    return render(request, "feedback/compose.html", context, status=status)


@login_required
def comment(request: AuthenticatedRequest, school_id: UUID, round_id: UUID) -> HttpResponse:
    membership, round_, found = get_feedback(request, school_id, round_id)
    if found is None:
        raise Http404
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if not accepts_comments_from(found, membership):
        messages.error(request, _("Comments are possible while the page is in consultation."))
        return _back(round_)
    form = CommentForm(request.POST, topics=COMMENT_TOPICS)
    if not form.is_valid():
        report_errors(request, form)
        return _back(round_, "comments")
    saved = add_comment(latest_version(found), form.cleaned_data["domain"], request.user, form.cleaned_data["body"])
    messages.success(request, _("Your comment is saved. The coordinator will answer it."))
    return _back(round_, f"comment-{saved.id}")


@login_required
def answer(request: AuthenticatedRequest, school_id: UUID, round_id: UUID, comment_id: UUID) -> HttpResponse:
    _membership, round_, found = get_rw_feedback(request, school_id, round_id)
    target = FeedbackComment.objects.filter(page=found, id=comment_id).first() if found else None
    if target is None:
        raise Http404
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    answer_from_post(request, target)
    return _back(round_, f"comment-{target.id}")


@login_required
def step(request: HttpRequest, school_id: UUID, round_id: UUID, name: str) -> HttpResponse:
    """A step of the consultation. Publishing asks for confirmation first: a published version is final."""
    membership, round_, found = get_rw_feedback(request, school_id, round_id)
    if found is None or name not in STEP_DONE:
        raise Http404
    if request.method != "POST" or (name == "publish" and request.POST.get("confirm") != "1"):
        if name != "publish":
            return _back(round_)
        context = {"school": membership.school, "membership": membership, "round": round_, "page": found}
        return render(request, "feedback/publish_confirm.html", {**context, "version": latest_version(found)})
    try:
        take_step(found, name)
    except TextRefused:
        messages.error(request, _("This text cannot be published: open it to see which figure or quote is refused."))
        return _back(round_, "steps")
    except StepNotAllowed:
        problems = publishing_problems(version_text(latest_version(found))) if name == "publish" else []
        for problem in problems:
            messages.error(request, str(PUBLISHING_PROBLEMS[problem]))
        if not problems:
            messages.error(
                request,
                _("This step is not possible now: the page is %(state)s.")
                % {"state": found.get_state_display().lower()},
            )
        return _back(round_, "steps")
    messages.success(request, str(STEP_DONE[name]))
    return _back(round_)


@login_required
def version_changes(request: AuthenticatedRequest, school_id: UUID, round_id: UUID, number: int) -> HttpResponse:
    """What version `number` changed compared with the one before it, field by field, word by word."""
    membership, round_, found = get_feedback(request, school_id, round_id)
    if found is None or number > MAX_VERSION_NUMBER:
        raise Http404
    readable = _readable_versions(membership, found)
    shown = readable.filter(number=number).first()
    if shown is None:
        raise Http404
    earlier = readable.filter(number__lt=number).order_by("-number").first()  # the one before that they could read
    after = field_values(version_text(shown))
    before = field_values(version_text(earlier)) if earlier is not None else {}
    fields = [
        {"label": key_label(key), "pieces": word_diff(before.get(key, ""), after.get(key, ""))}
        for key in dict.fromkeys([*before, *after])
        if before.get(key, "") != after.get(key, "")
    ]
    context = {"school": membership.school, "membership": membership, "round": round_, "page": found}
    return render(
        request,
        "feedback/version.html",
        {**context, "version": shown, "has_before": bool(before), "fields": fields},
    )
