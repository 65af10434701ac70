"""Reaching families with a published feedback page: its short address, the QR poster (A4, A3) and the letters per
family through the worker. Thin views over feedback.reach, feedback.poster and feedback.family_letters."""

from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.http import AuthenticatedRequest
from analysis.download_names import round_file_name
from feedback.access import get_feedback, get_rw_feedback
from feedback.family_letters import MAX_LETTERS, class_names, latest_families, start_family_letters
from feedback.models import FeedbackPage
from feedback.poster import POSTER_SIZES, poster_pdf
from feedback.public import public_path
from feedback.reach import published_languages, short_address
from jobs.attachments import attachment
from respondents.languages import MASTER, dutch_name


def _published(page: FeedbackPage | None) -> FeedbackPage:
    if page is None:
        raise Http404
    return page


@login_required
def reach(request: AuthenticatedRequest, school_id: UUID, round_id: UUID) -> HttpResponse:
    membership, round_, found = get_feedback(request, school_id, round_id)
    page = _published(found)
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD"])
    languages = [dutch_name(code) for code in published_languages(page) if code != MASTER]
    context = {
        "school": membership.school,
        "membership": membership,
        "round": round_,
        "page": page,
        "published": page.published_version_id is not None,
        "short_address": short_address(page),
        "public_path": public_path(page),
        "page_languages": languages,
        "classes": class_names(page) if membership.is_coordinator else [],
        "families": len(latest_families(page)) if membership.is_coordinator else 0,
        "max_letters": MAX_LETTERS,
    }
    return render(request, "feedback/reach/reach.html", context)


@login_required
def poster(request: AuthenticatedRequest, school_id: UUID, round_id: UUID, size: str) -> HttpResponse:
    _membership, round_, found = get_feedback(request, school_id, round_id)
    page = _published(found)
    if size not in POSTER_SIZES:
        raise Http404
    if page.published_version_id is None:
        messages.error(request, _("A poster is made once the page is published: before that its address says so."))
        return redirect("feedback:reach", school_id, round_id)
    response = HttpResponse(poster_pdf(page, size), content_type="application/pdf")
    name = round_file_name(round_, f"affiche-{size}", "pdf", timezone.localdate())
    response["Content-Disposition"] = attachment(name)
    return response


@login_required
def letters(request: AuthenticatedRequest, school_id: UUID, round_id: UUID) -> HttpResponse:
    _membership, _round, found = get_rw_feedback(request, school_id, round_id)
    page = _published(found)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if page.published_version_id is None:
        messages.error(request, _("Letters are printed once the page is published."))
        return redirect("feedback:reach", school_id, round_id)
    class_name = request.POST.get("class_name", "")
    if class_name and class_name not in class_names(page):
        messages.error(request, _("There is no class with that name on the family list."))
        return redirect("feedback:reach", school_id, round_id)
    return redirect(start_family_letters(page, request.user, class_name))
