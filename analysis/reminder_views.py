"""The coordinator's reminder to team members who have not handed in: a confirmation page, then the POST."""

from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from accounts.http import AuthenticatedRequest
from analysis.access import get_rw_round
from analysis.round_mail import NobodyToRemind, ReminderTooSoon, not_handed_in, reminder_state, send_reminder


@login_required
def reminder(request: AuthenticatedRequest, school_id: UUID, round_id: UUID) -> HttpResponse:
    membership, round_ = get_rw_round(request, school_id, round_id)
    if not membership.is_coordinator:
        raise PermissionDenied
    if request.method == "POST":
        try:
            count = send_reminder(round_, request.user)
        except ReminderTooSoon:
            messages.error(request, _("A reminder went less than an hour ago; you can send the next one later."))
        except NobodyToRemind:
            messages.error(request, _("There is nobody to remind: everyone handed in, or the reflection is closed."))
        else:
            message = ngettext(
                "The reminder goes to %(count)d person.", "The reminder goes to %(count)d people.", count
            )
            messages.success(request, message % {"count": count})
        return redirect("analysis:round", school_id=school_id, round_id=round_id)
    context = {
        "membership": membership,
        "school": round_.school,
        "round": round_,
        "recipients": not_handed_in(round_),
        "reminders": reminder_state(round_, timezone.now()),
    }
    return render(request, "analysis/reminder_confirm.html", context)
