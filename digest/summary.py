"""What the weekly summary says about one person's schools, as plain data.

Only what the person's own pages show them: open rounds with the counts of the round page (parents' and
pupils' questionnaires under the rule of five, 1–4 as "fewer than 5"), new comments on the engagementsverklaring
for those in its consultation, and actions due within the coming week (all of them for the coordinator, one's own
for others). Never a name of someone who answered or did not.
"""

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from accounts.models import User
from actions.models import Action, ActionStatus
from analysis.models import Round, RoundStatus
from analysis.queries import participation
from analysis.windows import VoiceProgress, voice_states
from engagement.models import DeclarationState, DomainComment
from schools.models import Membership, School

WEEK = timedelta(days=7)


@dataclass(frozen=True)
class VoiceCount:
    """A voice's counts as the round's page shows them (analysis.windows.VoiceProgress)."""

    voice: str  # analysis.models.Voice
    handed_in: int
    busy: int
    anonymous: bool  # 1–4 shows as "fewer than 5"

    def hides(self, count: int) -> bool:
        return self.anonymous and 0 < count < 5


@dataclass(frozen=True)
class OpenRound:
    title: str
    team_invited: int
    voices: list[VoiceCount]


@dataclass(frozen=True)
class DueAction:
    title: str
    due_on: date


@dataclass(frozen=True)
class SchoolSummary:
    school: School
    rounds: list[OpenRound]
    new_comments: int | None  # None: this person is not in the consultation
    due_actions: list[DueAction]


def _open_round(round_: Round, today: date) -> OpenRound:
    counts = participation(round_)
    team = VoiceProgress(counts["submitted"], counts["in_progress"], anonymous=False)
    voices = [
        VoiceCount(state.window.voice, state.progress.handed_in, state.progress.busy, state.progress.anonymous)
        for state in voice_states(round_, team, today)
        if state.window.is_open and state.progress is not None
    ]
    return OpenRound(round_.title, counts["invited"], voices)


def summarise(membership: Membership, now: datetime, today: date) -> SchoolSummary:
    school = membership.school
    rounds = []
    if membership.reads_analysis:
        open_rounds = Round.objects.filter(school=school, status=RoundStatus.OPEN).order_by("starts_on", "title")
        rounds = [_open_round(round_, today) for round_ in open_rounds]
    new_comments = None
    if membership.comments_on_declaration or membership.edits_declaration:
        new_comments = DomainComment.objects.filter(
            school=school, declaration__state=DeclarationState.CONSULTATION, created_at__gt=now - WEEK
        ).count()
    due = Action.objects.filter(school=school, due_on__gte=today, due_on__lte=today + WEEK).exclude(
        status__in=(ActionStatus.DONE, ActionStatus.STOPPED)
    )
    if not membership.is_coordinator:
        due = due.filter(owner=membership.user)
    due_actions = [
        DueAction(action.title, action.due_on) for action in due.order_by("due_on", "title") if action.due_on
    ]
    return SchoolSummary(school, rounds, new_comments, due_actions)


def summaries_for(user: User, now: datetime, today: date) -> list[SchoolSummary]:
    memberships = Membership.objects.filter(user=user).select_related("school", "user").order_by("school__name")
    return [summarise(membership, now, today) for membership in memberships]
