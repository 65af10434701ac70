"""What happens to a round: start it, invite people, save answers page by page, close it."""

from collections.abc import Iterable, Mapping
from datetime import date
from uuid import UUID

from django.db import transaction
from django.utils import timezone

from accounts.models import User
from analysis.models import (
    Answer,
    Conclusion,
    DimensionNote,
    ResponseStatus,
    Round,
    RoundItem,
    TeamResponse,
    Voice,
)
from analysis.round_mail import mail_invitations
from analysis.windows import VoiceClosed, close_voice, open_windows, voice_is_open
from framework.item_bank import questionnaire_items, visible_team_items
from framework.models import Dimension
from schools.models import School


@transaction.atomic
def start_round(
    school: School,
    created_by: User,
    title: str,
    scope: str,
    scope_description: str,
    starts_on: date,
    ends_on: date,
    invitees: Iterable[User],
    previous: Round | None = None,
    periods: Mapping[str, tuple[date, date]] | None = None,
) -> Round:
    """`periods` gives a voice (analysis.models.Voice) its own dates; the others get the round's."""
    round_ = Round.objects.create(
        school=school,
        title=title,
        scope=scope,
        scope_description=scope_description,
        starts_on=starts_on,
        ends_on=ends_on,
        created_by=created_by,
        previous=previous,
    )
    # The round fixes its items for every perspective: the team's, the parents' and the pupils'.
    # A round that follows a previous one asks the same items, so the two can be compared.
    if previous is not None:
        item_ids = list(RoundItem.objects.filter(round=previous).values_list("item_id", flat=True))
    else:
        item_ids = [
            *visible_team_items(school).values_list("id", flat=True),
            *questionnaire_items().values_list("id", flat=True),
        ]
    RoundItem.objects.bulk_create(RoundItem(school=school, round=round_, item_id=item_id) for item_id in item_ids)
    open_windows(round_, periods or {})
    invite_to_round(round_, invitees, invited_by=created_by)
    return round_


def invite_to_round(round_: Round, invitees: Iterable[User], invited_by: User | None = None) -> int:
    """Invite team members to answer; each new one gets an e-mail (from the worker), except the one inviting."""
    already = set(TeamResponse.objects.filter(round=round_).values_list("user_id", flat=True))
    new = [
        TeamResponse(school_id=round_.school_id, round=round_, user=user) for user in invitees if user.pk not in already
    ]
    TeamResponse.objects.bulk_create(new, ignore_conflicts=True)
    mail_invitations(round_, [response.user_id for response in new], invited_by)
    return len(new)


@transaction.atomic
def save_page(
    response: TeamResponse,
    dimension: Dimension,
    page: int,
    answers: Mapping[UUID, int | None],
    note: str,
) -> None:
    """Store one page: `answers` maps item id to a value (None: "weet ik niet"); items left out stay unanswered."""
    Round.objects.select_for_update().get(pk=response.round_id)
    if not voice_is_open(response.round_id, Voice.TEAM):
        raise VoiceClosed
    Answer.objects.filter(response=response, item_id__in=list(answers)).delete()
    Answer.objects.bulk_create(
        Answer(school_id=response.school_id, response=response, item_id=item_id, value=value)
        for item_id, value in answers.items()
    )
    DimensionNote.objects.update_or_create(
        response=response, dimension=dimension, defaults={"school_id": response.school_id, "text": note}
    )
    if response.status == ResponseStatus.INVITED:
        response.status = ResponseStatus.IN_PROGRESS
    response.last_page = max(response.last_page, page)
    response.save(update_fields=["status", "last_page", "updated_at"])


@transaction.atomic
def submit_response(response: TeamResponse) -> None:
    Round.objects.select_for_update().get(pk=response.round_id)
    if not voice_is_open(response.round_id, Voice.TEAM):
        raise VoiceClosed
    response.status = ResponseStatus.SUBMITTED
    response.submitted_at = timezone.now()
    response.save(update_fields=["status", "submitted_at", "updated_at"])


def close_round(round_: Round) -> None:
    """Close every voice that is still open, and so the round (see analysis.windows.close_voice)."""
    for voice in Voice:
        close_voice(round_, voice)


def save_conclusion(round_: Round, dimension: Dimension, text: str, by: User) -> Conclusion:
    conclusion, _created = Conclusion.objects.update_or_create(
        round=round_, dimension=dimension, defaults={"school_id": round_.school_id, "text": text, "updated_by": by}
    )
    return conclusion
