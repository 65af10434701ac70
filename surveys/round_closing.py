"""When a parents' or pupils' voice closes: what was saved is handed in, and the rest enters the figures.

A questionnaire still in progress with at least one answer (a ticked question or a typed open answer) is
handed in as it is: nothing a parent saved is thrown away, and it counts like every other hand-in, in chunks
of five (docs/privacy.md, "Closing a voice"). One without any answer is removed: there is nothing to keep.
Then the voice's waiting questionnaires are released: full cells as a chunk, the rest pooled per audience.

analysis closes voices but may not import surveys (README, Layout), so surveys answers its signals.
"""

import random
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from django.db.models import Count, Exists, OuterRef, Q, Sum
from django.utils import timezone

from analysis.models import VOICE_AUDIENCES, CollectionWindow, ResponseStatus, Round, Voice
from analysis.windows import VoiceProgress, questionnaire_progress, voice_closed
from surveys.devices import device_digest
from surveys.models import GroupTally, HandedInAtClosing, Release, SurveyAnswer, SurveyResponse
from surveys.tallies import release_ready


@dataclass(frozen=True)
class ClosingOutcome:
    handed_in: int
    removed: int


def hand_in_at_closing(round_id: UUID, audiences: tuple[str, ...]) -> ClosingOutcome:
    """Hand in every questionnaire in progress of these audiences that holds an answer; remove the empty ones.

    Call inside the closing transaction, after the voice's window is closed (so no code opens a new one).
    Each device that was answering is remembered without a link to its questionnaire (HandedInAtClosing).
    """
    in_progress = SurveyResponse.objects.select_for_update().filter(
        round_id=round_id, audience__in=audiences, status=ResponseStatus.IN_PROGRESS
    )
    has_answer = Exists(SurveyAnswer.objects.filter(response=OuterRef("pk")))
    drafts = list(in_progress.annotate(has_answer=has_answer))
    kept = [draft for draft in drafts if draft.has_answer or draft.open_answer.strip()]
    empty = [draft.pk for draft in drafts if draft not in kept]
    devices = [
        HandedInAtClosing(
            school_id=draft.school_id,
            round_id=draft.round_id,
            device_digest=draft.device_digest,
            language=draft.language,
            audience=draft.audience,
        )
        for draft in kept
        if draft.device_digest
    ]
    random.shuffle(devices)  # their order says nothing about which questionnaire was whose
    HandedInAtClosing.objects.bulk_create(devices, ignore_conflicts=True)
    SurveyResponse.objects.filter(pk__in=[draft.pk for draft in kept]).update(
        status=ResponseStatus.SUBMITTED, resume_digest=None, device_digest=None, submitted_on=timezone.localdate()
    )
    SurveyResponse.objects.filter(pk__in=empty).delete()
    return ClosingOutcome(handed_in=len(kept), removed=len(empty))


def was_handed_in_at_closing(device: str) -> tuple[str, str] | None:
    """The language and audience of the questionnaire this device was answering when its voice closed, if it was."""
    return (
        HandedInAtClosing.objects.filter(device_digest=device_digest(device))
        .values_list("language", "audience")
        .first()
    )


def progress(round_: Round) -> dict[str, VoiceProgress]:
    """Per questionnaire voice: how many are in the figures, and how many are started and not yet in them.

    Neither moves when one questionnaire is handed in (only when a code is opened or a chunk of five is
    released), so watching them does not date anyone's answer; 1–4 are shown as "fewer than 5".
    """
    in_figures = dict(
        GroupTally.objects.filter(round=round_)
        .values_list("audience")
        .annotate(total=Sum("responses"))
        .values_list("audience", "total")
    )
    not_yet = dict(
        SurveyResponse.objects.filter(round=round_)
        .filter(Q(status=ResponseStatus.IN_PROGRESS) | Q(status=ResponseStatus.SUBMITTED, release=Release.WAITING))
        .values_list("audience")
        .annotate(count=Count("pk"))
        .values_list("audience", "count")
    )
    return {
        voice: VoiceProgress(
            handed_in=sum(in_figures.get(audience) or 0 for audience in VOICE_AUDIENCES[voice]),
            busy=sum(not_yet.get(audience, 0) for audience in VOICE_AUDIENCES[voice]),
            anonymous=True,
        )
        for voice in (Voice.PARENTS, Voice.PUPILS)
    }


def _close_questionnaires(sender: type[CollectionWindow], window: CollectionWindow, **_: Any) -> None:
    if window.voice == Voice.TEAM:
        return
    audiences = VOICE_AUDIENCES[window.voice]
    hand_in_at_closing(window.round_id, audiences)
    release_ready(window.round, audiences)


def _progress(sender: type[Round], round_: Round, **_: Any) -> dict[str, VoiceProgress]:
    return progress(round_)


def listen() -> None:
    voice_closed.connect(_close_questionnaires, sender=CollectionWindow, dispatch_uid="surveys-close-questionnaires")
    questionnaire_progress.connect(_progress, sender=Round, dispatch_uid="surveys-questionnaire-progress")
