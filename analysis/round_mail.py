"""The team's e-mails about a round: the invitation to answer, and the reminder the coordinator sends.

A reminder goes only when the coordinator asks for it, only to invited team members who have not handed in,
and at most once an hour per round: people expect a nudge, not a stream.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import transaction
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from accounts.models import User
from accounts.staff_mail import StaffMail, enqueue_on_commit, public_url
from analysis.models import CollectionWindow, ResponseStatus, Round, RoundReminder, TeamResponse, Voice

REMINDER_INTERVAL = timedelta(hours=1)


class ReminderTooSoon(Exception):
    """The round's last reminder went less than an hour ago."""


class NobodyToRemind(Exception):
    """Everyone invited has handed in, or the team's reflection is closed."""


@dataclass(frozen=True)
class ReminderState:
    waiting: int  # how many would get a reminder now
    last: RoundReminder | None
    next_allowed_at: datetime | None  # None: a reminder may go now


def _team_window(round_: Round) -> CollectionWindow | None:
    return CollectionWindow.objects.filter(round=round_, voice=Voice.TEAM, closed_at__isnull=True).first()


def not_handed_in(round_: Round) -> list[User]:
    """The invited team members who still have to hand in, while the team's reflection is open."""
    if _team_window(round_) is None:
        return []
    responses = TeamResponse.objects.filter(round=round_, user__is_active=True).exclude(status=ResponseStatus.SUBMITTED)
    return [response.user for response in responses.select_related("user").order_by("user__name")]


def reminder_state(round_: Round, now: datetime) -> ReminderState:
    last = RoundReminder.objects.filter(round=round_).select_related("sent_by").first()
    next_allowed = None if last is None or last.sent_at + REMINDER_INTERVAL <= now else last.sent_at + REMINDER_INTERVAL
    return ReminderState(len(not_handed_in(round_)), last, next_allowed)


@transaction.atomic
def send_reminder(round_: Round, by: User) -> int:
    """Queue a reminder to everyone who has not handed in; returns how many get it."""
    Round.objects.select_for_update().get(pk=round_.pk)  # two clicks at once send one reminder
    now = timezone.now()
    if reminder_state(round_, now).next_allowed_at is not None:
        raise ReminderTooSoon
    recipients = not_handed_in(round_)
    if not recipients:
        raise NobodyToRemind
    RoundReminder.objects.create(
        school_id=round_.school_id, round=round_, sent_by=by, sent_at=now, recipients=len(recipients)
    )
    from analysis.mail_tasks import send_round_mail  # the tasks module imports this one

    enqueue_on_commit(send_round_mail, "reminder", str(round_.pk), [user.pk for user in recipients], by.name)
    return len(recipients)


def mail_invitations(round_: Round, user_ids: list[int], invited_by: User | None) -> None:
    """Queue the invitation to answer for newly invited people (not for the one who invites)."""
    recipients = [user_id for user_id in user_ids if invited_by is None or user_id != invited_by.pk]
    if recipients:
        from analysis.mail_tasks import send_round_mail

        enqueue_on_commit(
            send_round_mail, "invitation", str(round_.pk), recipients, invited_by.name if invited_by else ""
        )


def _facts(round_: Round) -> dict[str, str]:
    """What both e-mails name: the round, its school, until when the team answers, and the round's page."""
    window = _team_window(round_)
    return {
        "round": round_.title,
        "school": round_.school.name,
        "until": formats.date_format(window.closes_on if window else round_.ends_on, "DATE_FORMAT"),
        "link": public_url(reverse("analysis:round", args=[round_.school_id, round_.pk])),
    }


def write_invitation(round_: Round, sender: str) -> StaffMail:
    facts = _facts(round_)
    return StaffMail(
        _("Your view, please: %(round)s at %(school)s") % facts,
        _(
            "You are invited to answer the team's questions of the round %(round)s at %(school)s on Betrokken: "
            "how do you see the involvement of parents and school? It takes about 20 minutes; you can stop "
            "and go on later.\n\nPlease hand in your answers by %(until)s:\n%(link)s\n"
        )
        % facts,
        _("You get this e-mail because %(sender)s invited you to this round as a member of the team of %(school)s.")
        % {"sender": sender or _("a coordinator"), "school": round_.school.name},
    )


def write_reminder(round_: Round, sender: str) -> StaffMail:
    facts = _facts(round_)
    return StaffMail(
        _("Reminder: your answers for %(round)s at %(school)s") % facts,
        _(
            "You have not handed in your answers for the round %(round)s at %(school)s yet. The team's "
            "reflection is open until %(until)s; what you saved is kept.\n\nGo on here:\n%(link)s\n"
        )
        % facts,
        _(
            "You get this e-mail because %(sender)s sent a reminder to the team members who had not handed in. "
            "Reminders go only when a coordinator asks, at most once an hour."
        )
        % {"sender": sender or _("a coordinator")},
    )
