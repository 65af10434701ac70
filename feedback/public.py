"""The feedback page's public side: what other parts (posters, letters, the questionnaire's thank-you page) need.

- `public_path(page)`: the page's address, `/terug/<slug>/` (URL name "feedback:public"); `?lang=<code>` opens it
  in a language, `/terug/<slug>/leerlingen/<10-12|12-18>/` ("feedback:public_pupils") is the pupils' version;
- `page_of_round(round_)`: a round's page, or None; `is_published(page)`: whether families can read it (the
  address works before that too, and says the page is not published yet, with status 404);
- `published_texts(page, language)`: the published version's Dutch text and its translation in `language`
  (feedback.reading.FeedbackReading), or None before publication.
"""

from django.urls import reverse

from analysis.models import Round
from feedback.models import FeedbackPage
from feedback.reading import FeedbackReading, reading_for
from framework.models import Audience

# The pupils' versions in the address, per age band of the questionnaires (framework.models.Audience).
PUPIL_BANDS = {"10-12": Audience.PUPIL_10_12, "12-18": Audience.PUPIL_12_18}


def public_path(page: FeedbackPage) -> str:
    return reverse("feedback:public", args=[page.public_slug])


def pupils_path(page: FeedbackPage, audience: str) -> str:
    band = next(band for band, known in PUPIL_BANDS.items() if known == audience)
    return reverse("feedback:public_pupils", args=[page.public_slug, band])


def page_of_round(round_: Round) -> FeedbackPage | None:
    return FeedbackPage.objects.filter(round=round_).first()


def page_for_slug(slug: str) -> FeedbackPage | None:
    return FeedbackPage.objects.select_related("published_version", "round__school").filter(public_slug=slug).first()


def is_published(page: FeedbackPage) -> bool:
    return page.published_version_id is not None


def published_texts(page: FeedbackPage, language: str) -> FeedbackReading | None:
    if page.published_version is None:
        return None
    return reading_for(page.published_version, language)
