"""The link on the questionnaire's thank-you page: "what does the school do with your answers?".

Registered into surveys.after_thanks (surveys may not import feedback). It is there only once the round's
feedback page is published; pupils go to their own version in the je-form when the page has one for their band.
"""

from uuid import UUID

from django.utils import translation
from django.utils.translation import pgettext

from feedback.models import FeedbackPage
from feedback.public import public_path, pupils_path
from feedback.texts import feedback_text
from framework.models import PUPIL_AUDIENCES
from surveys.after_thanks import ThanksLink


def feedback_link(round_id: UUID, language: str, audience: str) -> ThanksLink | None:
    page = FeedbackPage.objects.select_related("published_version").filter(round_id=round_id).first()
    if page is None or page.published_version is None:
        return None
    pupil = audience in PUPIL_AUDIENCES
    with translation.override(language):
        if pupil:
            words = pgettext("respondent-pupil", "What does the school do with your answers?")
        else:
            words = pgettext("respondent", "What does the school do with your answers?")
    path = public_path(page)
    if pupil and audience in feedback_text(page.published_version.content).for_pupils:
        path = pupils_path(page, audience)
    return ThanksLink(f"{path}?lang={language}", words)
