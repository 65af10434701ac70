"""The weekly summary: who is due for one, claiming it once, and its text.

Off unless a person switches it on (accounts.User.weekly_digest, on the "My e-mail" page). Each subscriber's
week runs from their own last summary; the claim is a conditional UPDATE, so two workers never send one twice.
"""

from datetime import date, datetime, timedelta

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import formats
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from accounts.models import User
from accounts.staff_mail import StaffMail, public_url
from analysis.models import Voice
from digest.models import DigestDelivery
from digest.summary import WEEK, SchoolSummary, VoiceCount

CHORE_EVERY = timedelta(hours=1)


def claim_digest(user: User, now: datetime) -> bool:
    """Take this week's summary of `user` for sending; False when it went less than a week ago."""
    if DigestDelivery.objects.filter(user=user, last_sent_at__lte=now - WEEK).update(last_sent_at=now):
        return True
    try:
        with transaction.atomic():
            DigestDelivery.objects.create(user=user, last_sent_at=now)
    except IntegrityError:
        return False
    return True


def queue_due_digests(now: datetime) -> int:
    """The chore: queue a summary for every subscriber whose week is over; returns how many."""
    from digest.mail_tasks import send_weekly_digest  # the tasks module imports this one

    queued = 0
    for user in User.objects.filter(weekly_digest=True, is_active=True).order_by("pk"):
        if claim_digest(user, now):
            send_weekly_digest.enqueue(user.pk)
            queued += 1
    return queued


def _voice_line(count: VoiceCount) -> str:
    def shown(number: int) -> str:
        return _("fewer than 5") if count.hides(number) else str(number)

    return _("%(voice)s: %(handed_in)s handed in, %(busy)s busy") % {
        "voice": capfirst(Voice(count.voice).label),
        "handed_in": shown(count.handed_in),
        "busy": shown(count.busy),
    }


def _school_lines(summary: SchoolSummary) -> list[str]:
    lines = [summary.school.name, "=" * len(summary.school.name)]
    for round_ in summary.rounds:
        lines.append(
            ngettext(
                "Open round %(round)s (%(invited)d team member invited)",
                "Open round %(round)s (%(invited)d team members invited)",
                round_.team_invited,
            )
            % {"round": round_.title, "invited": round_.team_invited}
        )
        lines.extend(f"- {_voice_line(count)}" for count in round_.voices)
    if summary.new_comments is not None:
        lines.append(
            ngettext(
                "Engagementsverklaring: %(count)d new comment this week.",
                "Engagementsverklaring: %(count)d new comments this week.",
                summary.new_comments,
            )
            % {"count": summary.new_comments}
        )
    if summary.due_actions:
        lines.append(_("Actions due in the coming week:"))
        lines.extend(
            f"- {action.title} ({formats.date_format(action.due_on, 'SHORT_DATE_FORMAT')})"
            for action in summary.due_actions
        )
    if len(lines) == 2:
        lines.append(_("Nothing to report this week."))
    return lines


def write_digest(summaries: list[SchoolSummary], today: date) -> StaffMail:
    body = [_("Your week on Betrokken, up to %(day)s.") % {"day": formats.date_format(today, "DATE_FORMAT")}]
    for summary in summaries:
        body.extend(["", *_school_lines(summary)])
    body.extend(["", _("Figures of parents and pupils show 1 to 4 as “fewer than 5”, as on the round's page.")])
    return StaffMail(
        _("Your week on Betrokken"),
        "\n".join(body),
        _(
            "You get this e-mail because you asked for a weekly summary. To stop it, switch it off under "
            "My e-mail: %(link)s"
        )
        % {"link": public_url(reverse("accounts:email_settings"))},
    )
