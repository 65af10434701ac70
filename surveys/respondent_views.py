"""The respondent's side: no account, a code, the questionnaire in their own language.

Every page works without JavaScript on a small phone. Each page is stored on the server when the
respondent goes on, so a closed browser or lost connection loses nothing; the code resumes.
"""

from uuid import UUID

from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import pgettext_lazy

from analysis.models import ResponseStatus, RoundStatus
from framework.scale_forms import initial_answers
from respondents.codes import format_code, normalize_code
from respondents.forms import CodeForm
from respondents.languages import has_voice
from respondents.read_aloud import audio_response
from respondents.rendering import client_address, respondent_language, respondent_render
from respondents.throttle import record_failure, wait_for
from surveys.forms import OpenAnswerForm, RespondentPageForm
from surveys.models import SurveyResponse
from surveys.respond import (
    AlreadyHandedIn,
    Opening,
    hand_in,
    keep_open_answer,
    open_with_code,
    record_language_choice,
    save_answers,
)
from surveys.texts import questionnaire_pages, respondent_items


def show_dutch(request: HttpRequest) -> bool:
    return (request.POST.get("nl") or request.GET.get("nl")) == "1"


def _query(language: str, dutch: bool) -> str:
    return "?" + urlencode({"lang": language, **({"nl": "1"} if dutch else {})})


@transaction.non_atomic_requests
def code_entry(request: HttpRequest, code: str = "") -> HttpResponse:
    language = respondent_language(request, "nl")
    from_link = normalize_code(code)  # a link may carry the code plain or as printed (ABCDE-FGHJK)
    prefilled = format_code(from_link) if from_link else code
    form = CodeForm(request.POST if request.method == "POST" else None, initial={"code": prefilled})
    if request.method == "POST":
        address = client_address(request)
        if wait := wait_for(address):
            return respondent_render(request, "surveys/code_message.html", {"reason": wait.value}, language, 429)
        if form.is_valid():
            normalized = normalize_code(form.cleaned_data["code"])
            result = open_with_code(normalized) if normalized else None
            if result is None or result.outcome == Opening.UNKNOWN:
                record_failure(address)
                form.add_error(
                    "code",
                    # Lazy: translated when the page is rendered, in the respondent's language.
                    pgettext_lazy(
                        "respondent", "We do not know this code. Check the code on your letter and try again."
                    ),
                )
            elif result.outcome in (Opening.USED, Opening.CLOSED):
                shown_in = language if "lang" in request.GET or "lang" in request.POST else result.language
                context = {"reason": result.outcome.value}
                return respondent_render(
                    request, "surveys/code_message.html", context, respondent_language(request, shown_in)
                )
            elif result.response is not None:
                return redirect(
                    resume_url(result.response) + _query(respondent_language(request, result.language), False)
                )
    explicit = "lang" in request.GET or "lang" in request.POST
    return respondent_render(
        request, "surveys/code_entry.html", {"form": form, "explicit_language": explicit}, language
    )


def resume_url(response: SurveyResponse) -> str:
    """Where a questionnaire goes on: the language choice, the next unanswered page, or the last step."""
    if response.last_page == 0:
        return reverse("surveys:language", args=[response.id])
    if response.last_page >= page_count(response):
        return reverse("surveys:end", args=[response.id])
    return reverse("surveys:page", args=[response.id, response.last_page + 1])


def _open_questionnaire(request: HttpRequest, response_id: UUID) -> tuple[SurveyResponse, str] | HttpResponse:
    """The respondent's questionnaire and language, or what to show instead: the thank-you page once it is
    handed in, the "closed" message once the round is closed (one query: the round comes along)."""
    response = get_object_or_404(SurveyResponse.objects.select_related("round"), id=response_id)
    language = respondent_language(request, response.language)
    if response.status != ResponseStatus.IN_PROGRESS:
        return redirect(reverse("surveys:thanks") + _query(language, False))
    if response.round.status != RoundStatus.OPEN:  # closed while the questionnaire was busy
        return respondent_render(request, "surveys/code_message.html", {"reason": "closed"}, language)
    return response, language


def page_count(response: SurveyResponse) -> int:
    return len(questionnaire_pages(response.round_id, response.audience))


@transaction.non_atomic_requests
def choose_language(request: HttpRequest, response_id: UUID) -> HttpResponse:
    opened = _open_questionnaire(request, response_id)
    if isinstance(opened, HttpResponse):
        return opened
    response, language = opened
    if request.method == "POST":
        record_language_choice(response, language)
        return redirect(reverse("surveys:page", args=[response.id, 1]) + _query(language, False))
    return respondent_render(request, "surveys/language.html", {"response": response}, language)


@transaction.non_atomic_requests  # reads outside the write lock; save_answers has its own transaction
def question_page(request: HttpRequest, response_id: UUID, page: int) -> HttpResponse:
    opened = _open_questionnaire(request, response_id)
    if isinstance(opened, HttpResponse):
        return opened
    response, language = opened
    dutch = show_dutch(request)
    pages = questionnaire_pages(response.round_id, response.audience)
    if not 1 <= page <= len(pages):
        raise Http404
    item_ids = pages[page - 1]
    if request.method == "POST":
        form = RespondentPageForm(request.POST, item_ids=item_ids)
        if form.is_valid():
            try:
                save_answers(response, page, form.answers(), language)
            except AlreadyHandedIn:
                return redirect(reverse("surveys:thanks") + _query(language, False))
            if request.POST.get("action") == "back" and page > 1:
                return redirect(reverse("surveys:page", args=[response.id, page - 1]) + _query(language, dutch))
            if page == len(pages):
                return redirect(reverse("surveys:end", args=[response.id]) + _query(language, dutch))
            return redirect(reverse("surveys:page", args=[response.id, page + 1]) + _query(language, dutch))
    else:
        existing = initial_answers(response.answers.filter(item_id__in=item_ids).values_list("item_id", "value"))
        form = RespondentPageForm(item_ids=item_ids, initial=existing)
    on_page = set(item_ids)
    items = [
        shown
        for shown in respondent_items(response.round_id, response.audience, language, response.school_id)
        if shown.item.id in on_page
    ]
    context = {
        "response": response,
        "form": form,
        "items": [(shown, form.chosen(shown.item.id)) for shown in items],
        "page": page,
        "pages": len(pages) + 1,  # the open question is the last step
        "percent": round(100 * (page - 1) / (len(pages) + 1)),
        "show_dutch": dutch and language != "nl",
        "voice": has_voice(language),
    }
    status = 400 if form.is_bound else 200  # a bound form here did not validate
    return respondent_render(request, "surveys/page.html", context, language, status)


@transaction.non_atomic_requests
def end_page(request: HttpRequest, response_id: UUID) -> HttpResponse:
    opened = _open_questionnaire(request, response_id)
    if isinstance(opened, HttpResponse):
        return opened
    response, language = opened
    dutch = show_dutch(request)
    form = OpenAnswerForm(
        request.POST if request.method == "POST" else None, initial={"open_answer": response.open_answer}
    )
    if request.method == "POST" and form.is_valid():
        if request.POST.get("action") == "back":
            # Going back keeps what was typed so far, like every other page that is left.
            keep_open_answer(response, form.cleaned_data["open_answer"])
            count = page_count(response)
            return redirect(reverse("surveys:page", args=[response.id, count]) + _query(language, dutch))
        hand_in(response, form.cleaned_data["open_answer"])
        return redirect(reverse("surveys:thanks") + _query(language, False))
    pages = page_count(response) + 1
    context = {
        "response": response,
        "form": form,
        "page": pages,
        "pages": pages,
        "percent": 100 * (pages - 1) // pages,
        "show_dutch": dutch and language != "nl",
    }
    return respondent_render(request, "surveys/end.html", context, language, 400 if form.is_bound else 200)


def thanks(request: HttpRequest) -> HttpResponse:
    return respondent_render(request, "surveys/thanks.html", {}, respondent_language(request, "nl"))


@transaction.non_atomic_requests
def read_aloud(request: HttpRequest, response_id: UUID, item_id: UUID) -> HttpResponseBase:
    response = get_object_or_404(SurveyResponse, id=response_id)
    language = respondent_language(request, response.language)
    if not has_voice(language):
        raise Http404
    shown = next(
        (
            s
            for s in respondent_items(response.round_id, response.audience, language, response.school_id)
            if s.item.id == item_id
        ),
        None,
    )
    if shown is None:
        raise Http404
    spoken_in = language if not shown.is_fallback else "nl"
    return audio_response(request, spoken_in, shown.spoken_text, "public, max-age=31536000, immutable")
