"""One sentence of the previous round's feedback on the next round's invitation letter (issue 14, point 5):
"Vorig jaar zei u …; de school deed …", with the page's short address.

Only when the previous round's page was published with a "wij deden" part. In another language only where the
published translation has both parts; the Dutch column always has the sentence (the translation is an aid beside it).
"""

from analysis.models import Round
from feedback.models import FeedbackPage, FeedbackTranslation
from feedback.reach import short_address
from feedback.texts import feedback_text
from respondents.languages import MASTER
from respondents.letters import isolated
from surveys.letter_news import PreviousRoundNews

ON_LETTER = 160  # characters of each part: the letter stays one page; the page has the rest


def _short(text: str) -> str:
    """At most ON_LETTER characters, without the closing full stop: the letter's sentence goes on after it."""
    text = text.strip().rstrip(".。։۔።")
    return text if len(text) <= ON_LETTER else text[: ON_LETTER - 1].rsplit(" ", 1)[0] + "…"


def previous_round_news(round_: Round, language: str) -> PreviousRoundNews | None:
    if round_.previous_id is None:
        return None
    page = FeedbackPage.objects.select_related("published_version").filter(round_id=round_.previous_id).first()
    if page is None or page.published_version is None:
        return None
    text = feedback_text(page.published_version.content)
    if not text.parents or not text.done:
        return None
    said, did = text.parents[0].text, text.done[0].what_happened
    if language != MASTER:
        row = FeedbackTranslation.objects.filter(version=page.published_version, language=language).first()
        fields = row.fields if row is not None else {}
        said, did = fields.get("parents.0", ""), fields.get("done.0.what_happened", "")
        if not said or not did:
            return None
    return PreviousRoundNews(_short(said), _short(did), isolated(short_address(page)))
