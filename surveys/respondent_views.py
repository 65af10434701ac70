"""The respondent's side: no account, a code, the questionnaire in their own language.

Every page works without JavaScript on a small phone. Each page is stored on the server when the
respondent goes on, so a closed browser or lost connection loses nothing; the code resumes on the
same device. The questionnaire's addresses carry no identifier: the device cookie (surveys.devices)
says which questionnaire they show, so an access log cannot tie a code to the answers.
"""

from uuid import UUID

from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import translation
from django.utils.formats import number_format
from django.utils.http import urlencode
from django.utils.translation import pgettext_lazy

from accounts.addresses import client_address
from analysis.models import ResponseStatus, voice_of
from analysis.windows import voice_is_open
from framework.scale_forms import initial_answers
from respondents.codes import format_code, normalize_code
from respondents.forms import CodeForm
from respondents.languages import has_voice
from respondents.read_aloud import audio_response
from respondents.rendering import respondent_language, respondent_render
from respondents.throttle import look_up_counted, record_failure, refused, wait_for
from surveys.addressing import words_for
from surveys.after_thanks import links_after_thanks
from surveys.devices import (
    device_token,
    handed_in_audience,
    handed_in_cookie,
    handed_in_language,
    handed_in_round,
    remember_device,
)
from surveys.forms import OPEN_ANSWER_LIMIT, OpenAnswerForm, RespondentPageForm
from surveys.landing import landing_for_code, questionnaire_minutes
from surveys.models import SurveyResponse
from surveys.page_context import items_on_page, question_page_context, view_asked_for
from surveys.respond import (
    AlreadyHandedIn,
    Opening,
    draft_on_device,
    hand_in,
    has_answered_anything,
    keep_open_answer,
    open_with_code,
    record_language_choice,
    save_answers,
)
from surveys.round_closing import was_handed_in_at_closing
from surveys.texts import questionnaire_pages, respondent_item


def show_dutch(request: HttpRequest) -> bool:
    return (request.POST.get("nl") or request.GET.get("nl")) == "1"


def _query(language: str, dutch: bool) -> str:
    return "?" + urlencode({"lang": language, **({"nl": "1"} if dutch else {})})


@transaction.non_atomic_requests
def code_entry(request: HttpRequest, code: str = "") -> HttpResponse:
    from_link = normalize_code(code)  # a link may carry the code plain or as printed (ABCDE-FGHJK)
    landing = None
    if from_link and request.method == "GET":  # a link: greet in the batch's language before the code is sent
        landing = look_up_counted(client_address(request), lambda: landing_for_code(from_link))
    language = respondent_language(request, landing.language if landing else "nl")
    if landing is not None and not voice_is_open(landing.round_id, voice_of(landing.audience)):
        return _closed_link(request, landing.audience, language)
    prefilled = format_code(from_link) if from_link else code
    form = CodeForm(request.POST if request.method == "POST" else None, initial={"code": prefilled})
    if request.method == "POST":
        address = client_address(request)
        if wait := wait_for(address):
            # Who is typing is not known yet: spoken to as a parent.
            context: dict[str, object] = {"reason": wait.value, "words": words_for(None)}
            return refused(respondent_render(request, "surveys/code_message.html", context, language, 429), wait)
        if form.is_valid():
            normalized = normalize_code(form.cleaned_data["code"])
            result = open_with_code(normalized, device_token(request)) if normalized else None
            if result is None or result.outcome == Opening.UNKNOWN:
                record_failure(address)
                form.add_error(
                    "code",
                    # Lazy: translated when the page is rendered, in the respondent's language.
                    pgettext_lazy(
                        "respondent", "We do not know this code. Check the code on your letter and try again."
                    ),
                )
            elif result.outcome in (Opening.IN_USE, Opening.CLOSED, Opening.HANDED_IN_AT_CLOSING, Opening.WITHDRAWN):
                shown_in = language if "lang" in request.GET or "lang" in request.POST else result.language
                context = {"reason": result.outcome.value, "words": words_for(result.audience)}
                return respondent_render(
                    request, "surveys/code_message.html", context, respondent_language(request, shown_in)
                )
            elif result.response is not None:
                opened = redirect(
                    resume_url(result.response) + _query(respondent_language(request, result.language), False)
                )
                if result.device_token is not None:
                    remember_device(opened, result.device_token)
                return opened
    explicit = "lang" in request.GET or "lang" in request.POST
    # A link of a known batch speaks its language; the form carries it, so every next page (an error too) does.
    greeting: dict[str, object] = {"form": form, "explicit_language": explicit or landing is not None}
    if landing is not None:  # a link of a known batch: what this is, how long it takes, in its language
        greeting |= {
            "words": words_for(landing.audience),
            "minutes": questionnaire_minutes(landing.round_id, landing.audience),
        }
    return respondent_render(request, "surveys/code_entry.html", greeting, language)


def _closed_link(request: HttpRequest, audience: str, language: str) -> HttpResponse:
    """A link whose voice has closed says so at once, not after a welcome and a button: the same for every
    code of the batch (the voice is closed for all), except to the phone that was answering when it closed."""
    token = device_token(request)
    answering = _told_it_was_handed_in_at_closing(request, token) if token is not None else None
    context = {"reason": "closed", "words": words_for(audience)}
    return answering or respondent_render(request, "surveys/code_message.html", context, language)


def _told_it_was_handed_in_at_closing(request: HttpRequest, token: str) -> HttpResponse | None:
    """To the device that was answering when its voice closed: what it saved was handed in (None otherwise)."""
    closed_in = was_handed_in_at_closing(token)
    if closed_in is None:
        return None
    closed_language, closed_audience = closed_in
    context = {"reason": "handed_in_at_closing", "words": words_for(closed_audience)}
    return respondent_render(
        request, "surveys/code_message.html", context, respondent_language(request, closed_language)
    )


def resume_url(response: SurveyResponse) -> str:
    """Where a questionnaire goes on: the language choice, the next unanswered page, or the last step."""
    if response.last_page == 0:
        return reverse("surveys:language")
    if response.last_page >= page_count(response):
        return reverse("surveys:end")
    return reverse("surveys:page", args=[response.last_page + 1])


def _open_questionnaire(
    request: HttpRequest, shows_questions: bool = False
) -> tuple[SurveyResponse, str] | HttpResponse:
    """The questionnaire this device started and its language, or what to show instead: the thank-you page
    once it is handed in here, the code page when this device has none, and what happened to it when its
    voice closed (closing hands in every questionnaire in progress, so no draft outlives its voice)."""
    token = device_token(request)
    # A page that shows questions reads which texts are loaded in the same query (a rare failed save, apart).
    response = draft_on_device(token, for_questions=shows_questions) if token is not None else None
    if response is None:
        answering = _told_it_was_handed_in_at_closing(request, token) if token is not None else None
        if answering is not None:
            return answering
        handed_in = handed_in_language(request)
        language = respondent_language(request, handed_in or "nl")
        after = "surveys:code" if handed_in is None else "surveys:thanks"
        return redirect(reverse(after) + _query(language, False))
    language = respondent_language(request, response.language)
    if response.status != ResponseStatus.IN_PROGRESS:  # handed in by a request running beside this one
        return redirect(reverse("surveys:thanks") + _query(language, False))
    return response, language


def page_count(response: SurveyResponse) -> int:
    return len(questionnaire_pages(response.round_id, response.audience))


@transaction.non_atomic_requests
def choose_language(request: HttpRequest) -> HttpResponse:
    opened = _open_questionnaire(request)
    if isinstance(opened, HttpResponse):
        return opened
    response, language = opened
    if request.method == "POST":
        record_language_choice(response, language)
        return redirect(reverse("surveys:page", args=[1]) + _query(language, False))
    context = {
        "response": response,
        "words": words_for(response.audience),
        "minutes": questionnaire_minutes(response.round_id, response.audience),
    }
    return respondent_render(request, "surveys/language.html", context, language)


@transaction.non_atomic_requests  # reads outside the write lock; save_answers has its own transaction
def question_page(request: HttpRequest, page: int) -> HttpResponse:
    opened = _open_questionnaire(request, shows_questions=request.method == "GET")
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
            shown_next = view_asked_for(request, language, dutch)
            try:
                saved_in = shown_next[0] if shown_next else language
                save_answers(response, page, form.answers(), saved_in, goes_on=shown_next is None)
            except AlreadyHandedIn:
                return redirect(reverse("surveys:thanks") + _query(language, False))
            if shown_next is not None:
                return redirect(reverse("surveys:page", args=[page]) + _query(*shown_next))
            if request.POST.get("action") == "back" and page > 1:
                return redirect(reverse("surveys:page", args=[page - 1]) + _query(language, dutch))
            if page == len(pages):
                return redirect(reverse("surveys:end") + _query(language, dutch))
            return redirect(reverse("surveys:page", args=[page + 1]) + _query(language, dutch))
    else:
        existing = initial_answers(response.answers.filter(item_id__in=item_ids).values_list("item_id", "value"))
        form = RespondentPageForm(item_ids=item_ids, initial=existing)
    items = items_on_page(
        response.round_id, response.audience, language, response.school_id, item_ids, response.texts_state
    )
    context = {
        "response": response,
        **question_page_context(form, items, page, len(pages), language, dutch),
        "answers_form": "r-answers",  # the header's language buttons submit this form: nothing ticked is lost
        "enter_goes_on": True,
    }
    status = 400 if form.is_bound else 200  # a bound form here did not validate
    return respondent_render(request, "surveys/page.html", context, language, status)


@transaction.non_atomic_requests
def end_page(request: HttpRequest) -> HttpResponse:
    opened = _open_questionnaire(request)
    if isinstance(opened, HttpResponse):
        return opened
    response, language = opened
    dutch = show_dutch(request)
    form = OpenAnswerForm(
        request.POST if request.method == "POST" else None, initial={"open_answer": response.open_answer}
    )
    confirm_empty = False
    if request.method == "POST" and form.is_valid():
        text = form.cleaned_data["open_answer"]
        shown_next = view_asked_for(request, language, dutch)
        if shown_next is not None:  # the Dutch text or another language: what was typed is kept
            if not keep_open_answer(response, text):
                return redirect(reverse("surveys:thanks") + _query(language, False))
            record_language_choice(response, shown_next[0])
            return redirect(reverse("surveys:end") + _query(*shown_next))
        if request.POST.get("action") == "back":
            # Going back keeps what was typed so far, like every other page that is left.
            keep_open_answer(response, text)
            count = page_count(response)
            return redirect(reverse("surveys:page", args=[count]) + _query(language, dutch))
        # Nothing given at all: ask once whether to send anyway (a code is spent on it); the second press sends.
        confirm_empty = request.POST.get("confirm_empty") != "1" and not has_answered_anything(response, text)
        if not confirm_empty:
            hand_in(response, text)
            thanked = redirect(reverse("surveys:thanks") + _query(language, False))
            # The token is gone: nothing left to continue; the cookie keeps how to thank.
            remember_device(thanked, handed_in_cookie(language, response.audience, response.round_id))
            return thanked
    pages = page_count(response) + 1
    with translation.override(language):
        limit = number_format(OPEN_ANSWER_LIMIT, force_grouping=True)
    context = {
        "response": response,
        "form": form,
        "page": pages,
        "pages": pages,
        "percent": 100 * (pages - 1) // pages,
        "show_dutch": dutch and language != "nl",
        "words": words_for(response.audience),
        "answers_form": "r-answers",
        "confirm_empty": confirm_empty,
        "limit": limit,
    }
    status = 400 if form.is_bound and not confirm_empty else 200  # a bound form that is not a question did not validate
    return respondent_render(request, "surveys/end.html", context, language, status)


def thanks(request: HttpRequest) -> HttpResponse:
    audience, language = handed_in_audience(request), respondent_language(request, "nl")
    links = links_after_thanks(handed_in_round(request), language, audience or "")
    context: dict[str, object] = {"words": words_for(audience), "links": links}
    return respondent_render(request, "surveys/thanks.html", context, language)


@transaction.non_atomic_requests
def read_aloud(request: HttpRequest, item_id: UUID) -> HttpResponseBase:
    token = device_token(request)
    response = draft_on_device(token, for_questions=True) if token is not None else None
    if response is None:
        raise Http404
    language = respondent_language(request, response.language)
    if not has_voice(language):
        raise Http404
    shown = respondent_item(
        response.round_id, response.audience, language, response.school_id, item_id, response.texts_state
    )
    if shown is None:
        raise Http404
    spoken_in = language if not shown.is_fallback else "nl"
    # Private: which questionnaire (school, audience) the clip belongs to comes from the device cookie.
    return audio_response(request, spoken_in, shown.spoken_text, "private, max-age=31536000, immutable")
