"""What a parent or pupil does with a code: open the questionnaire, answer page by page, hand in."""

import enum
from dataclasses import dataclass
from uuid import UUID

from django.db import transaction
from django.db.models import F
from django.db.models.functions import Greatest
from django.utils import timezone

from analysis.models import ResponseStatus, RoundStatus
from respondents.codes import code_digest, resume_digest
from surveys.models import CodeStatus, RespondentCode, SurveyAnswer, SurveyResponse
from surveys.tallies import count_handed_in


class Opening(enum.Enum):
    UNKNOWN = "unknown"
    USED = "used"
    CLOSED = "closed"
    OPENED = "opened"


@dataclass(frozen=True)
class OpenResult:
    outcome: Opening
    response: SurveyResponse | None = None
    language: str = "nl"  # the batch's home language, to greet an unknown respondent in


class AlreadyHandedIn(Exception):
    """A page was posted for a questionnaire that is handed in already (a double submit, a back button)."""


def open_with_code(code: str) -> OpenResult:
    """Open (or resume) the questionnaire of a normalized code."""
    with transaction.atomic():
        row = (
            RespondentCode.objects.select_for_update()
            .select_related("batch", "batch__round")
            .filter(digest=code_digest(code))
            .first()
        )
        if row is None:
            return OpenResult(Opening.UNKNOWN)
        batch = row.batch
        language = batch.home_language or "nl"
        if batch.round.status != RoundStatus.OPEN:
            return OpenResult(Opening.CLOSED, language=language)
        if row.status == CodeStatus.NEW:
            response = SurveyResponse.objects.create(
                school_id=row.school_id,
                round_id=batch.round_id,
                audience=batch.audience,
                group_label=batch.group_label,
                home_language=batch.home_language,
                language=language,
                resume_digest=resume_digest(code),
            )
            row.status = CodeStatus.STARTED
            row.save(update_fields=["status"])
            return OpenResult(Opening.OPENED, response, language)
        draft = SurveyResponse.objects.filter(
            resume_digest=resume_digest(code), status=ResponseStatus.IN_PROGRESS
        ).first()
        if draft is None:  # handed in: the link to the code is gone, the code is spent
            return OpenResult(Opening.USED, language=language)
        return OpenResult(Opening.OPENED, draft, draft.language)


def record_language_choice(response: SurveyResponse, language: str) -> None:
    """The language the respondent chose to answer in; the following pages are shown in it."""
    SurveyResponse.objects.filter(pk=response.pk).update(language=language)
    response.language = language


def keep_open_answer(response: SurveyResponse, text: str) -> bool:
    """Keep what was typed in the open question when the respondent goes back, as every page left is kept.

    Returns False when the questionnaire was handed in meanwhile: a handed-in answer never changes.
    """
    kept = SurveyResponse.objects.filter(pk=response.pk, status=ResponseStatus.IN_PROGRESS).update(open_answer=text)
    if kept:
        response.open_answer = text
    return bool(kept)


def save_answers(response: SurveyResponse, page: int, answers: dict[UUID, int | None], language: str) -> None:
    """Store one page; a page posted twice (double click, resent after a lost connection) stores once.

    The conditional update comes first: it locks the row (or, on SQLite, the database) and tells
    in the same statement whether the questionnaire is still open, so a hand-in cannot slip between.
    Answers are upserted in one statement; an item left out keeps what was answered before.
    """
    with transaction.atomic():
        updated = SurveyResponse.objects.filter(pk=response.pk, status=ResponseStatus.IN_PROGRESS).update(
            last_page=Greatest(F("last_page"), page), language=language
        )
        if not updated:
            raise AlreadyHandedIn
        if answers:
            SurveyAnswer.objects.bulk_create(
                [
                    SurveyAnswer(school_id=response.school_id, response_id=response.pk, item_id=item_id, value=value)
                    for item_id, value in answers.items()
                ],
                update_conflicts=True,
                unique_fields=["response", "item"],
                update_fields=["value"],
            )
    response.last_page, response.language = max(response.last_page, page), language


def hand_in(response: SurveyResponse, open_answer: str) -> bool:
    """Hand in; returns False when it was handed in already. Erases the link to the code."""
    with transaction.atomic():
        try:
            locked = SurveyResponse.objects.select_for_update().get(pk=response.pk)
        except SurveyResponse.DoesNotExist:
            return False
        if locked.status != ResponseStatus.IN_PROGRESS:
            return False
        locked.status = ResponseStatus.SUBMITTED
        locked.resume_digest = None
        locked.open_answer = open_answer
        locked.submitted_on = timezone.localdate()
        locked.save(update_fields=["status", "resume_digest", "open_answer", "submitted_on"])
        count_handed_in(locked)
    return True
