"""What is left of questionnaires in progress once their voice has closed, kept only as long as it serves.

When a voice closes, every questionnaire in progress is handed in or, empty, removed (surveys.round_closing);
the device that was answering is remembered (HandedInAtClosing) so that, coming back, it is told its answers
were handed in. The row holds no answer, only a digest of the device's cookie, which lives COOKIE_MAX_AGE
(60 days); a device that comes back later than that gets the ordinary "this code was used" page. So 60 days
after the closing the rows go, logged.
Questionnaires in progress in a voice still open are left alone: closing is the coordinator's decision.
"""

import logging
from datetime import datetime, timedelta

from analysis.models import VOICE_AUDIENCES, CollectionWindow, Voice
from surveys.devices import COOKIE_MAX_AGE
from surveys.models import HandedInAtClosing

logger = logging.getLogger("betrokken.retention")

REMEMBERED_FOR = timedelta(seconds=COOKIE_MAX_AGE)


def forget_devices_of_closed_voices(now: datetime) -> int:
    """Remove the devices remembered at a closing longer ago than a cookie lives; returns how many."""
    removed = 0
    windows = CollectionWindow.objects.filter(
        closed_at__lt=now - REMEMBERED_FOR, voice__in=(Voice.PARENTS, Voice.PUPILS)
    )
    for window in windows.order_by("closed_at"):
        count, _per_model = HandedInAtClosing.objects.filter(
            round_id=window.round_id, audience__in=VOICE_AUDIENCES[window.voice]
        ).delete()
        if count:
            logger.info(
                "Forgot %d device(s) of round %s's %s voice, closed on %s",
                count,
                window.round_id,
                window.voice,
                window.closed_at.date().isoformat() if window.closed_at else "",
            )
            removed += count
    return removed
