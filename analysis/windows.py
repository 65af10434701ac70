"""The voices of a round (the team's reflection, the parents' voice, the pupils' voice) and their windows.

Each voice collects answers in its own window and is closed on its own: closing the team's reflection after
the team meeting leaves parents and pupils answering until the coordinator closes their voices (their end
dates are a plan; nothing closes by itself). When the last voice closes, the round is closed and its profile final.

analysis may not import surveys (README, Layout), so what happens to questionnaires goes through signals
that surveys answers: `voice_closed` (hand in what was saved, release the rest into the figures) and
`questionnaire_progress` (how far a questionnaire voice is, for the round's page).
"""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from uuid import UUID

from django.db import transaction
from django.dispatch import Signal
from django.utils import timezone

from analysis.models import VOICE_AUDIENCES, CollectionWindow, Round, RoundItem, RoundStatus, Voice
from framework.models import HiddenItem

# Sent inside the closing transaction with `window` (the CollectionWindow just closed).
voice_closed = Signal()
# Sent with `round_`; a receiver returns {voice: VoiceProgress} for the voices it knows.
questionnaire_progress = Signal()


class VoiceClosed(Exception):
    """Answers of a closed voice are frozen."""


@dataclass(frozen=True)
class VoiceProgress:
    """How far a voice is. For parents and pupils `handed_in` counts the questionnaires in the figures and
    `busy` those started and not yet in them (in progress, or handed in and waiting for a chunk of five):
    neither moves at one hand-in, and `anonymous` asks the page to show 1–4 as "fewer than 5"."""

    handed_in: int
    busy: int
    anonymous: bool


@dataclass(frozen=True)
class VoiceState:
    window: CollectionWindow
    progress: VoiceProgress | None
    planned_end_passed: bool


def open_windows(round_: Round, periods: Mapping[str, tuple[date, date]]) -> list[CollectionWindow]:
    """One open window per voice; a voice without a period gets the round's dates."""
    windows = [
        CollectionWindow(
            school_id=round_.school_id,
            round=round_,
            voice=voice,
            opens_on=periods.get(voice, (round_.starts_on, round_.ends_on))[0],
            closes_on=periods.get(voice, (round_.starts_on, round_.ends_on))[1],
        )
        for voice in Voice
    ]
    return CollectionWindow.objects.bulk_create(windows)


def windows_of(round_: Round) -> dict[str, CollectionWindow]:
    return {window.voice: window for window in CollectionWindow.objects.filter(round=round_)}


def voice_is_open(round_id: UUID, voice: str) -> bool:
    return CollectionWindow.objects.filter(round_id=round_id, voice=voice, closed_at__isnull=True).exists()


def open_questionnaire_voices(round_: Round) -> list[str]:
    """The voices other than the team's that still collect questionnaires (codes can be made for them)."""
    return list(
        CollectionWindow.objects.filter(round=round_, closed_at__isnull=True)
        .exclude(voice=Voice.TEAM)
        .order_by("voice")
        .values_list("voice", flat=True)
    )


def closed_audiences(round_: Round) -> list[str]:
    """The audiences whose voice is closed: their waiting questionnaires belong in the figures now."""
    closed = CollectionWindow.objects.filter(round=round_, closed_at__isnull=False).values_list("voice", flat=True)
    return [audience for voice in closed for audience in VOICE_AUDIENCES[voice]]


def voice_states(round_: Round, team_progress: VoiceProgress, today: date | None = None) -> list[VoiceState]:
    """Every voice of the round in a fixed order, with how far it is."""
    today = today or timezone.localdate()
    progress: dict[str, VoiceProgress] = {Voice.TEAM: team_progress}
    for _receiver, answered in questionnaire_progress.send(sender=Round, round_=round_):
        if isinstance(answered, dict):
            progress.update(answered)
    windows = windows_of(round_)
    return [
        VoiceState(
            window=windows[voice],
            progress=progress.get(voice),
            planned_end_passed=windows[voice].is_open and windows[voice].closes_on < today,
        )
        for voice in Voice
        if voice in windows
    ]


@transaction.atomic
def close_voice(round_: Round, voice: str) -> bool:
    """Close one voice for good; returns False when it was closed already. Closing the last open voice closes
    the round: the profile is final, and items hidden meanwhile leave it for good."""
    locked = Round.objects.select_for_update().get(pk=round_.pk)
    window = CollectionWindow.objects.select_for_update().get(round=locked, voice=voice)
    if not window.is_open:
        return False
    window.closed_at = timezone.now()
    window.save(update_fields=["closed_at"])
    voice_closed.send(sender=CollectionWindow, window=window)
    if not CollectionWindow.objects.filter(round=locked, closed_at__isnull=True).exists():
        _close_round(locked, window.closed_at)
    round_.status, round_.closed_at = locked.status, locked.closed_at
    return True


def _close_round(locked: Round, closed_at: object) -> None:
    if locked.status == RoundStatus.CLOSED:
        return
    hidden = HiddenItem.objects.filter(school_id=locked.school_id).values("item_id")
    RoundItem.objects.filter(round=locked, item_id__in=hidden).delete()
    locked.status = RoundStatus.CLOSED
    locked.closed_at = closed_at  # type: ignore[assignment]
    locked.save(update_fields=["status", "closed_at"])
