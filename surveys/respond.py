"""What a parent or pupil does with a code: open the questionnaire, answer page by page, hand in."""

import enum
from dataclasses import dataclass
from uuid import UUID

from django.db import connection, transaction
from django.db.models import F
from django.db.models.functions import Greatest
from django.utils import timezone

from analysis.models import ResponseStatus, voice_of
from analysis.windows import voice_is_open
from respondents.codes import code_digest, resume_digest
from surveys.devices import device_digest, new_device_token
from surveys.models import CodeStatus, HandedInAtClosing, RespondentCode, SurveyAnswer, SurveyResponse
from surveys.page_save_postgres import save_page_in_one_statement
from surveys.tallies import count_handed_in
from surveys.texts_state import texts_state_columns, texts_state_of


class Opening(enum.Enum):
    UNKNOWN = "unknown"
    IN_USE = "in_use"  # handed in, or started on another device: the same answer for both (no oracle)
    CLOSED = "closed"
    HANDED_IN_AT_CLOSING = "handed_in_at_closing"  # this device was answering when the voice closed
    WITHDRAWN = "withdrawn"  # the school voided the batch: the same for unused, started and handed-in codes
    OPENED = "opened"


@dataclass(frozen=True)
class OpenResult:
    outcome: Opening
    response: SurveyResponse | None = None
    language: str = "nl"  # the batch's home language, to greet an unknown respondent in
    device_token: str | None = None  # set when a new questionnaire starts: the cookie of its device
    audience: str = ""  # the batch's audience, to speak to a pupil as a pupil


class AlreadyHandedIn(Exception):
    """A page was posted for a questionnaire that is handed in already (a double submit, a back button)."""


def open_with_code(code: str, device: str | None = None) -> OpenResult:
    """Open a new questionnaire with a normalized code, or resume it on the `device` (token) that started it.

    A code that was handed in and a code started on another device give the same outcome: whoever
    types a code learns nothing about what its family did, and stored answers never reach another device.
    """
    with transaction.atomic():
        row = (
            RespondentCode.objects.select_for_update().select_related("batch").filter(digest=code_digest(code)).first()
        )
        if row is None:
            return OpenResult(Opening.UNKNOWN)
        batch = row.batch
        language = batch.home_language or "nl"
        if not voice_is_open(batch.round_id, voice_of(batch.audience)):
            if device is not None and _was_answering_at_closing(batch.round_id, device):
                return OpenResult(Opening.HANDED_IN_AT_CLOSING, language=language, audience=batch.audience)
            return OpenResult(Opening.CLOSED, language=language, audience=batch.audience)
        withdrawn = batch.voided_at is not None
        if row.status == CodeStatus.NEW and not withdrawn:
            token = new_device_token()
            response = SurveyResponse.objects.create(
                school_id=row.school_id,
                round_id=batch.round_id,
                audience=batch.audience,
                group_label=batch.group_label,
                home_language=batch.home_language,
                language=language,
                resume_digest=resume_digest(code),
                device_digest=device_digest(token),
            )
            row.status = CodeStatus.STARTED
            row.save(update_fields=["status"])
            return OpenResult(Opening.OPENED, response, language, token)
        draft = None
        if device is not None:  # handed in: the link to the code is gone, nothing is found
            draft = SurveyResponse.objects.filter(
                resume_digest=resume_digest(code), device_digest=device_digest(device)
            ).first()
        if draft is None:
            if withdrawn:  # only the device that started it goes on (see surveys.batches.void_batch)
                return OpenResult(Opening.WITHDRAWN, language=language, audience=batch.audience)
            return _claim_draft_from_before_devices(code, language, batch.audience)
        return OpenResult(Opening.OPENED, draft, draft.language)


def _was_answering_at_closing(round_id: UUID, device: str) -> bool:
    return HandedInAtClosing.objects.filter(round_id=round_id, device_digest=device_digest(device)).exists()


def _claim_draft_from_before_devices(code: str, language: str, audience: str) -> OpenResult:
    """A questionnaire started before drafts belonged to a device has none: the first device that types its
    code takes it over, so what that parent saved is not lost; from then on it is that device's."""
    legacy = SurveyResponse.objects.filter(
        resume_digest=resume_digest(code), device_digest__isnull=True, status=ResponseStatus.IN_PROGRESS
    ).first()
    if legacy is None:
        return OpenResult(Opening.IN_USE, language=language, audience=audience)
    token = new_device_token()
    legacy.device_digest = device_digest(token)
    legacy.save(update_fields=["device_digest"])
    return OpenResult(Opening.OPENED, legacy, legacy.language, token)


def draft_on_device(device: str, for_questions: bool = False) -> SurveyResponse | None:
    """The questionnaire in progress that the device with this token started.

    `for_questions` reads the state of the texts in the same query (surveys.texts_state), for a page about
    to show questions: their texts then need no query of their own.
    """
    # The digest is unique: no ordering to ask for (.first() would add one).
    if not for_questions:
        return next(iter(SurveyResponse.objects.filter(device_digest=device_digest(device))[:1]), None)
    table = SurveyResponse._meta.db_table
    found = SurveyResponse.objects.raw(
        f"SELECT {table}.*, {texts_state_columns(table)} FROM {table} WHERE {table}.device_digest = %s",  # noqa: S608 -- table names from the models; the digest is a parameter
        [device_digest(device)],
    )
    draft = next(iter(found), None)
    if draft is not None:
        draft.texts_state = texts_state_of(draft)
    return draft


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


def save_answers(
    response: SurveyResponse, page: int, answers: dict[UUID, int | None], language: str, goes_on: bool = True
) -> None:
    """Store one page; a page posted twice (double click, resent after a lost connection) stores once.

    `goes_on` is False when the page is saved to be shown again (the Dutch text, another language): then the
    questionnaire does not resume after this page, as the respondent has not finished it.

    The conditional update comes first: it locks the row (or, on SQLite, the database) and tells
    in the same statement whether the questionnaire is still open, so a hand-in cannot slip between.
    Answers are upserted in one statement; an item left out keeps what was answered before. On PostgreSQL
    both are one statement (surveys.page_save_postgres).
    """
    last_page = page if goes_on else 0
    if connection.vendor == "postgresql":
        if not save_page_in_one_statement(response.pk, last_page, language, answers):
            raise AlreadyHandedIn
    else:
        with transaction.atomic():
            updated = SurveyResponse.objects.filter(pk=response.pk, status=ResponseStatus.IN_PROGRESS).update(
                last_page=Greatest(F("last_page"), last_page), language=language
            )
            if not updated:
                raise AlreadyHandedIn
            if answers:
                SurveyAnswer.objects.bulk_create(
                    [
                        SurveyAnswer(
                            school_id=response.school_id, response_id=response.pk, item_id=item_id, value=value
                        )
                        for item_id, value in answers.items()
                    ],
                    update_conflicts=True,
                    unique_fields=["response", "item"],
                    update_fields=["value"],
                )
    response.last_page, response.language = max(response.last_page, page if goes_on else 0), language


def has_answered_anything(response: SurveyResponse, open_answer: str) -> bool:
    """Whether anything was given: an answer on a page ("I don't know" included) or a word in the open question."""
    return bool(open_answer.strip()) or response.answers.exists()


def hand_in(response: SurveyResponse, open_answer: str) -> bool:
    """Hand in; returns False when it was handed in already. Erases the link to the code and to the device."""
    with transaction.atomic():
        try:
            locked = SurveyResponse.objects.select_for_update().get(pk=response.pk)
        except SurveyResponse.DoesNotExist:
            return False
        if locked.status != ResponseStatus.IN_PROGRESS:
            return False
        locked.status = ResponseStatus.SUBMITTED
        locked.resume_digest = None
        locked.device_digest = None
        locked.open_answer = open_answer
        locked.submitted_on = timezone.localdate()
        locked.save(update_fields=["status", "resume_digest", "device_digest", "open_answer", "submitted_on"])
        count_handed_in(locked)
    return True
