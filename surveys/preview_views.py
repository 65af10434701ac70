"""The questionnaire as parents and pupils see it, for the school's team: no code, nothing stored.

The pages are the respondent's own templates (surveys/language.html, page.html, end.html, thanks.html) in the
chosen respondent language, with a banner in the staff language on top. Nothing here writes: no
response, no answer, no tally, no device cookie. A form posted on a preview page only says where to
go next; a post that is neither "next" nor "back" (a language or Dutch switch that submits the page)
shows the same page again with what was ticked.
"""

from dataclasses import dataclass
from uuid import UUID

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.formats import number_format
from django.utils.http import urlencode

from accounts.http import AuthenticatedRequest
from analysis.access import get_round
from analysis.models import Round
from framework.models import SURVEY_AUDIENCE_CHOICES, SURVEY_AUDIENCES
from respondents.languages import STAFF_CHOICES, has_voice
from respondents.read_aloud import audio_response
from respondents.rendering import respondent_language, respondent_render
from surveys.addressing import words_for
from surveys.forms import OPEN_ANSWER_LIMIT, OpenAnswerForm, RespondentPageForm
from surveys.landing import questionnaire_minutes
from surveys.models import SurveyResponse
from surveys.page_context import items_on_page, question_page_context, view_asked_for
from surveys.texts import questionnaire_pages, respondent_item


@dataclass(frozen=True)
class Preview:
    """Which questionnaire is previewed; the templates build the preview's own addresses from it."""

    school_id: UUID
    round_id: UUID
    audience: str
    staff_language: str  # the banner speaks the staff interface language, the page the respondent's


def _previewed(request: HttpRequest, school_id: UUID, round_id: UUID, audience: str) -> tuple[Round, Preview]:
    """The round (404 for outsiders, 403 for members who do not read the analysis) and the audience."""
    _membership, round_ = get_round(request, school_id, round_id)
    if audience not in SURVEY_AUDIENCES:
        raise Http404
    return round_, Preview(school_id, round_id, audience, translation.get_language() or "nl")


@dataclass(frozen=True)
class Step:
    """One request on a step of the preview: what is previewed, in which language, and the button pressed."""

    round: Round
    preview: Preview
    language: str
    dutch: bool  # the Dutch text shown beside the translation
    action: str | None  # the button a posted form was sent with
    pages: list[list[UUID]]  # the questionnaire's item ids, page by page


def _step(request: HttpRequest, school_id: UUID, round_id: UUID, audience: str) -> Step:
    round_, preview = _previewed(request, school_id, round_id, audience)
    return Step(
        round_,
        preview,
        respondent_language(request, "nl"),
        (request.POST.get("nl") or request.GET.get("nl")) == "1",
        request.POST.get("action") if request.method == "POST" else None,
        questionnaire_pages(round_.id, audience),
    )


def _shown_as(request: HttpRequest, round_: Round, preview: Preview) -> dict[str, object]:
    """What every preview page has: the preview, and a respondent that is never saved (templates may ask
    who answers, as on the real pages)."""
    language = respondent_language(request, "nl")
    unsaved = SurveyResponse(school=round_.school, round=round_, audience=preview.audience, language=language)
    return {
        "preview": preview,
        "response": unsaved,
        "audience": preview.audience,
        "words": words_for(preview.audience),
        "minutes": questionnaire_minutes(round_.id, preview.audience),
    }


def _render(request: HttpRequest, template: str, context: dict[str, object]) -> HttpResponse:
    """The respondent's `template` in the respondent's language, under the preview banner (surveys/preview.html)."""
    context = {**context, "respondent_template": template}
    return respondent_render(request, "surveys/preview.html", context, respondent_language(request, "nl"))


def _go(preview: Preview, to: str | int, language: str, dutch: bool) -> HttpResponse:
    """To page `to` of the preview, or to its "end" or "thanks" step."""
    name = "surveys:preview_page" if isinstance(to, int) else f"surveys:preview_{to}"
    args: list[object] = [preview.school_id, preview.round_id, preview.audience]
    if isinstance(to, int):
        args.append(to)
    return redirect(reverse(name, args=args) + "?" + urlencode({"lang": language, **({"nl": "1"} if dutch else {})}))


@login_required
def preview_index(request: AuthenticatedRequest, school_id: UUID, round_id: UUID) -> HttpResponse:
    """Which questionnaire to walk through, and in which language."""
    membership, round_ = get_round(request, school_id, round_id)
    audiences = [(value, label, len(questionnaire_pages(round_.id, value))) for value, label in SURVEY_AUDIENCE_CHOICES]
    context = {
        "membership": membership,
        "school": round_.school,
        "round": round_,
        "audiences": audiences,
        "respondent_languages": STAFF_CHOICES,
    }
    return render(request, "surveys/preview_index.html", context)


@login_required
def preview_start(request: AuthenticatedRequest, school_id: UUID, round_id: UUID, audience: str) -> HttpResponse:
    """The first screen after the code: the choice of language; choosing one goes to the first page."""
    round_, preview = _previewed(request, school_id, round_id, audience)
    if request.method == "POST":
        return _go(preview, 1, respondent_language(request, "nl"), False)
    return _render(request, "surveys/language.html", _shown_as(request, round_, preview))


@login_required
def preview_page(
    request: AuthenticatedRequest, school_id: UUID, round_id: UUID, audience: str, page: int
) -> HttpResponse:
    step = _step(request, school_id, round_id, audience)
    if not 1 <= page <= len(step.pages):
        raise Http404
    if step.action == "back" and page > 1:
        return _go(step.preview, page - 1, step.language, step.dutch)
    if step.action == "next":
        return _go(step.preview, page + 1 if page < len(step.pages) else "end", step.language, step.dutch)
    if request.method == "POST" and (asked := view_asked_for(request, step.language, step.dutch)) is not None:
        return _go(step.preview, page, *asked)  # the Dutch text or another language: the same page again
    item_ids = step.pages[page - 1]
    form = RespondentPageForm(request.POST if request.method == "POST" else None, item_ids=item_ids)
    items = items_on_page(step.round.id, audience, step.language, school_id, item_ids)
    context = {
        **_shown_as(request, step.round, step.preview),
        **question_page_context(form, items, page, len(step.pages), step.language, step.dutch),
    }
    return _render(request, "surveys/page.html", context)


@login_required
def preview_end(request: AuthenticatedRequest, school_id: UUID, round_id: UUID, audience: str) -> HttpResponse:
    step = _step(request, school_id, round_id, audience)
    count = len(step.pages)
    if step.action == "back" and count:
        return _go(step.preview, count, step.language, step.dutch)
    if step.action == "hand_in":
        return _go(step.preview, "thanks", step.language, False)
    if request.method == "POST" and (asked := view_asked_for(request, step.language, step.dutch)) is not None:
        return _go(step.preview, "end", *asked)
    context = {
        **_shown_as(request, step.round, step.preview),
        "form": OpenAnswerForm(request.POST if request.method == "POST" else None),
        "page": count + 1,
        "pages": count + 1,
        "percent": 100 * count // (count + 1),
        "show_dutch": step.dutch and step.language != "nl",
        "limit": number_format(OPEN_ANSWER_LIMIT, force_grouping=True),
    }
    return _render(request, "surveys/end.html", context)


@login_required
def preview_thanks(request: AuthenticatedRequest, school_id: UUID, round_id: UUID, audience: str) -> HttpResponse:
    round_, preview = _previewed(request, school_id, round_id, audience)
    return _render(request, "surveys/thanks.html", _shown_as(request, round_, preview))


@login_required
def preview_audio(
    request: AuthenticatedRequest, school_id: UUID, round_id: UUID, audience: str, item_id: UUID
) -> HttpResponseBase:
    """Read-aloud for the team's preview: the same clip a respondent hears, without a device cookie."""
    round_, _preview = _previewed(request, school_id, round_id, audience)
    language = respondent_language(request, "nl")
    if not has_voice(language):
        raise Http404
    shown = respondent_item(round_.id, audience, language, school_id, item_id)
    if shown is None:
        raise Http404
    return audio_response(
        request, language if not shown.is_fallback else "nl", shown.spoken_text, "private, max-age=3600"
    )
