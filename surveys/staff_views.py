"""The coordinator's side of the questionnaires: codes, letters, links and translations."""

from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from accounts.http import AuthenticatedRequest
from analysis.access import get_rw_round
from analysis.download_names import round_file_name
from analysis.models import VOICE_AUDIENCES, Voice
from analysis.windows import windows_of
from framework.item_bank import questionnaire_items
from framework.models import SURVEY_AUDIENCE_CHOICES, SURVEY_AUDIENCES, Audience
from jobs.attachments import attachment
from respondents.languages import MASTER, STAFF_TRANSLATION_CHOICES, is_supported, staff_label
from schools.access import get_rw_membership
from schools.models import Membership
from surveys.batches import batch_use, forget_plain_codes, issue_codes, void_batch
from surveys.code_files import delete_expired_code_files, keep_codes, kept_codes, kept_until
from surveys.letters import questionnaire_link, start_letters
from surveys.models import CodeBatch, CodeStatus
from surveys.staff_forms import CodeBatchForm, CorrectionForm
from surveys.translations import correct_translation, translation_rows


@login_required
def invitations(request: AuthenticatedRequest, school_id: UUID, round_id: UUID) -> HttpResponse:
    membership, round_ = get_rw_round(request, school_id, round_id)
    open_windows = [window for window in windows_of(round_).values() if window.voice != Voice.TEAM and window.is_open]
    if request.method == "POST" and not open_windows:  # whatever was filled in: closed voices make no codes
        messages.error(request, _("The parents' and pupils' voices are closed; no new codes can be made."))
        return redirect("surveys:invitations", school_id=school_id, round_id=round_id)
    form = CodeBatchForm(request.POST if request.method == "POST" else None)
    # Codes only for a voice that is open: the audience of a closed voice is no choice (and refused if posted).
    open_audiences = {audience for window in open_windows for audience in VOICE_AUDIENCES[window.voice]}
    form.fields["audience"].choices = [  # type: ignore[attr-defined]
        choice for choice in SURVEY_AUDIENCE_CHOICES if choice[0] in open_audiences
    ]
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        issued = issue_codes(
            round_,
            data["audience"],
            data["group_kind"],
            data["group_label"].strip(),
            data["home_language"],
            data["size"],
            request.user,
        )
        keep_codes(issued.batch.id, issued.codes)
        messages.success(
            request,
            ngettext(
                "%(count)d code is made. Download the letter or link within 24 hours: then it is deleted.",
                "%(count)d codes are made. Download the letters or links within 24 hours: then they are deleted.",
                len(issued.codes),
            )
            % {"count": len(issued.codes)},
        )
        return redirect("surveys:invitations", school_id=school_id, round_id=round_id)
    batches = (
        CodeBatch.objects.filter(round=round_)
        .select_related("created_by")
        # Started and handed in together: a count that dropped at hand-in would date a new answer.
        .annotate(opened=Count("codes", filter=~Q(codes__status=CodeStatus.NEW)))
        .order_by("created_at", "id")  # Meta.ordering does not apply to an aggregating query
    )
    delete_expired_code_files()
    context = {
        "membership": membership,
        "school": round_.school,
        "round": round_,
        "form": form,
        "open_windows": sorted(open_windows, key=lambda window: window.voice),
        "batches": [
            (batch, kept_until(batch.id), (staff_label(batch.home_language) if batch.home_language else ""))
            for batch in batches
        ],
    }
    return render(request, "surveys/invitations.html", context, status=400 if form.is_bound else 200)


def _attachment(stem: str, batch: CodeBatch, extension: str) -> str:
    """A download name from the group, the batch's language, the school, the round and the day."""
    on = timezone.localdate()
    return attachment(round_file_name(batch.round, stem, extension, on, batch.group_label, batch.home_language))


def _batch_and_codes(
    request: AuthenticatedRequest, school_id: UUID, round_id: UUID, batch_id: UUID
) -> tuple[Membership, CodeBatch, list[str] | None]:
    membership, round_ = get_rw_round(request, school_id, round_id)
    batch = get_object_or_404(
        CodeBatch.objects.select_related("round__school", "created_by"), round=round_, id=batch_id
    )
    return membership, batch, kept_codes(batch.id)


def _codes_gone(request: AuthenticatedRequest, school_id: UUID, round_id: UUID) -> HttpResponse:
    messages.error(request, _("The codes of this batch are no longer available. Make a new batch."))
    return redirect("surveys:invitations", school_id=school_id, round_id=round_id)


@login_required
def letters(request: AuthenticatedRequest, school_id: UUID, round_id: UUID, batch_id: UUID) -> HttpResponse:
    """POST asks the worker for the batch's letters (PDF) and goes to the job's page; a GET goes back to the
    invitations, where the button is. Made while the codes are kept (24 hours at most)."""
    _membership, batch, codes = _batch_and_codes(request, school_id, round_id, batch_id)
    if codes is None:
        return _codes_gone(request, school_id, round_id)
    if request.method != "POST":
        return redirect("surveys:invitations", school_id=school_id, round_id=round_id)
    return redirect(start_letters(batch, request.user))


@login_required
def links(request: AuthenticatedRequest, school_id: UUID, round_id: UUID, batch_id: UUID) -> HttpResponse:
    """The batch's links (text) straight away: a line per code is quick to make, even for 1,000 codes."""
    _membership, batch, codes = _batch_and_codes(request, school_id, round_id, batch_id)
    if codes is None:
        return _codes_gone(request, school_id, round_id)
    body = "\n".join(questionnaire_link(code) for code in codes) + "\n"
    response = HttpResponse(body, content_type="text/plain; charset=utf-8")
    response["Content-Disposition"] = _attachment("links", batch, "txt")
    response["Cache-Control"] = "no-store"
    return response


def _batch_page(
    request: AuthenticatedRequest,
    template: str,
    heading: str,
    membership: Membership,
    batch: CodeBatch,
    **extra: object,
) -> HttpResponse:
    """A question about one batch before it is done (surveys/batch_confirm.html)."""
    context = {
        "heading": heading,
        "membership": membership,
        "school": batch.round.school,
        "round": batch.round,
        "batch": batch,
        "language_name": staff_label(batch.home_language) if batch.home_language else "",
        **extra,
    }
    return render(request, template, context)


@login_required
def forget_codes(request: AuthenticatedRequest, school_id: UUID, round_id: UUID, batch_id: UUID) -> HttpResponse:
    """GET asks first (what is forgotten, and that the letters cannot be printed again); POST forgets."""
    membership, batch, codes = _batch_and_codes(request, school_id, round_id, batch_id)
    if request.method != "POST":
        heading = _("Forget the codes")
        return _batch_page(request, "surveys/forget_confirm.html", heading, membership, batch, kept=codes is not None)
    forget_plain_codes(batch)
    messages.success(request, _("The codes are forgotten. The letters you printed still work."))
    return redirect("surveys:invitations", school_id=school_id, round_id=round_id)


@login_required
def void_codes(request: AuthenticatedRequest, school_id: UUID, round_id: UUID, batch_id: UUID) -> HttpResponse:
    """GET says how far the batch is used and what voiding does; POST voids it (surveys.batches.void_batch)."""
    membership, batch, _codes = _batch_and_codes(request, school_id, round_id, batch_id)
    if request.method != "POST":
        heading = _("Void the batch")
        return _batch_page(request, "surveys/void_confirm.html", heading, membership, batch, use=batch_use(batch))
    if void_batch(batch, request.user):
        messages.success(request, _("The batch is voided: its codes no longer open the questionnaire."))
    return redirect("surveys:invitations", school_id=school_id, round_id=round_id)


@login_required
def translations(request: AuthenticatedRequest, school_id: UUID) -> HttpResponse:
    membership = get_rw_membership(request, school_id)
    language = request.GET.get("language", "fr")
    language = language if is_supported(language) and language != MASTER else "fr"
    audience = request.GET.get("audience", Audience.PARENT)
    audience = audience if audience in SURVEY_AUDIENCES else Audience.PARENT
    form = None
    if request.method == "POST":
        item_id = request.POST.get("item", "")
        form = CorrectionForm(request.POST)
        item = questionnaire_items().filter(id=item_id).first() if _is_uuid(item_id) else None
        if item is None:
            messages.error(request, _("Choose a question from the list."))
        elif form.is_valid():
            correct_translation(membership.school, item.id, language, form.cleaned_data["text"], request.user)
            messages.success(request, _("The corrected translation is saved. Your school's respondents see it now."))
            return redirect(f"{request.path}?{urlencode({'language': language, 'audience': audience})}#item-{item.id}")
    rows = translation_rows(membership.school, language, audience)
    context = {
        "membership": membership,
        "school": membership.school,
        "rows": rows,
        "language": language,
        "audience": audience,
        # Not "languages": base.html's language switch sets that name before this page's block is drawn.
        "respondent_languages": STAFF_TRANSLATION_CHOICES,
        "audiences": SURVEY_AUDIENCE_CHOICES,
        "failed_item": request.POST.get("item") if form is not None and form.errors else None,
        "failed_form": form,
    }
    return render(request, "surveys/translations.html", context, status=400 if request.method == "POST" else 200)


def _is_uuid(value: str) -> bool:
    try:
        UUID(value)
    except ValueError:
        return False
    return True
