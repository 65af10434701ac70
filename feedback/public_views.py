"""The page families read, without an account, at the page's public address (feedback.public).

Works without JavaScript on a 360 px phone, right to left where the language is; the Dutch text is the official
text and a translation in the chosen language stands beside it. Before publication the address says so (404).
"""

from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.urls import reverse

from engagement.parents.acknowledging import DUTCH_MASTER_LABEL
from feedback.done import done_passages
from feedback.models import FeedbackPage
from feedback.public import PUPIL_BANDS, page_for_slug, published_texts
from feedback.reading import FeedbackReading
from respondents.languages import MASTER, has_voice, is_right_to_left
from respondents.read_aloud import audio_response
from respondents.rendering import explicit_language, respondent_render


def _page(slug: str) -> FeedbackPage:
    page = page_for_slug(slug)
    if page is None:
        raise Http404
    return page


def _render(
    request: HttpRequest, template: str, context: dict[str, object], language: str, status: int = 200
) -> HttpResponse:
    reading = context.get("reading")
    wide = isinstance(reading, FeedbackReading) and bool(reading.translation_language)  # two columns side by side
    context = {**context, "body_class": "d-body", "main_class": "d-wide" if wide else ""}
    response = respondent_render(request, template, context, language, status)
    response.headers["X-Robots-Tag"] = "noindex"
    return response


def _reading_context(page: FeedbackPage, reading: FeedbackReading, language: str) -> dict[str, object]:
    return {
        "page": page,
        "school": page.round.school,
        "reading": reading,
        "dutch_label": DUTCH_MASTER_LABEL,
        "translation_rtl": is_right_to_left(reading.translation_language) if reading.translation_language else False,
        "dutch_voice": has_voice(MASTER),
        "translation_voice": bool(reading.translation_language) and has_voice(reading.translation_language),
        "audio_base": reverse("feedback:public", args=[page.public_slug]) + "audio/",
        "pupil_bands": [band for band, audience in PUPIL_BANDS.items() if audience in reading.for_pupils],
        "done": done_passages(reading.version, language),  # "wij deden" (feedback.done)
    }


def public(request: HttpRequest, slug: str) -> HttpResponse:
    page = _page(slug)
    language = explicit_language(request) or MASTER
    reading = published_texts(page, language)
    if reading is None:
        return _render(request, "feedback/public/not_published.html", {"school": page.round.school}, language, 404)
    return _render(request, "feedback/public/page.html", _reading_context(page, reading, language), language)


def public_pupils(request: HttpRequest, slug: str, band: str) -> HttpResponse:
    """The pupils' version in the je-form for one age band, with the actions' part for pupils."""
    page = _page(slug)
    audience = PUPIL_BANDS.get(band)
    language = explicit_language(request) or MASTER
    reading = published_texts(page, language)
    if reading is None:
        return _render(request, "feedback/public/not_published.html", {"school": page.round.school}, language, 404)
    if audience is None or audience not in reading.for_pupils:
        raise Http404
    context = {**_reading_context(page, reading, language), "band": band, "words": reading.for_pupils[audience]}
    return _render(request, "feedback/public/pupils.html", context, language)


def public_audio(request: HttpRequest, slug: str, language: str, key: str) -> HttpResponseBase:
    """One passage of the published text spoken: the Dutch ("nl") or its translation in `language`."""
    page = _page(slug)
    if not has_voice(language):
        raise Http404
    reading = published_texts(page, language)
    if reading is None or (language != MASTER and reading.translation_language != language):
        raise Http404
    words = reading.words(key, translated=language != MASTER)
    if not words:
        raise Http404
    return audio_response(request, language, words, "public, max-age=300")
