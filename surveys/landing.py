"""What a parent or pupil sees before the first question: in which language, for whom, and how long it takes."""

import math
from dataclasses import dataclass
from uuid import UUID

from respondents.codes import code_digest
from respondents.languages import MASTER, is_supported
from surveys.models import RespondentCode
from surveys.texts import questionnaire_pages

# Measured by reading a page aloud at a slow pace: a question, five answers and the choice take about
# 20 seconds; the welcome, the language and the open question at the end add about two minutes.
SECONDS_PER_QUESTION = 20
SECONDS_AROUND_THE_QUESTIONS = 120
ROUNDED_TO_MINUTES = 5  # "about 10 minutes", not "about 12": a promise that is rather too long than too short


@dataclass(frozen=True)
class Landing:
    """The batch a code belongs to, as far as its first page needs it (nothing about the code's state)."""

    language: str  # the batch's home language when it has respondent texts, else Dutch
    audience: str
    round_id: UUID


def landing_for_code(code: str) -> Landing | None:
    """The batch of a normalized code, read only: the code is not started or changed."""
    row = (
        RespondentCode.objects.filter(digest=code_digest(code))
        .values_list("batch__home_language", "batch__audience", "batch__round_id")
        .first()
    )
    if row is None:
        return None
    home_language, audience, round_id = row
    return Landing(home_language if is_supported(home_language) else MASTER, audience, round_id)


def minutes_to_answer(question_count: int) -> int:
    """An honest estimate of the time a questionnaire takes, rounded up to whole steps of five minutes."""
    seconds = SECONDS_AROUND_THE_QUESTIONS + SECONDS_PER_QUESTION * max(question_count, 0)
    steps = math.ceil(seconds / (60 * ROUNDED_TO_MINUTES))
    return steps * ROUNDED_TO_MINUTES


def questionnaire_minutes(round_id: UUID, audience: str) -> int:
    return minutes_to_answer(sum(len(page) for page in questionnaire_pages(round_id, audience)))
