"""Throttling of code guessing on both code pages (/q/ and /v/), in the database so that every server
process sees the same counts.

Each client (an IPv4 address or an IPv6 /64, see respondents/addresses.py) may type a few wrong codes
per 15 minutes and a few dozen per day; past either limit that client waits, whatever it types. The
count of everyone's wrong codes together only raises an alert, once per window: a shared limit that
refuses would let anyone with a few dozen addresses shut the code page for every parent and pupil,
and slowing everyone down would hold the server's few workers for the attacker.
"""

import logging
from collections.abc import Callable
from datetime import datetime, timedelta
from enum import StrEnum
from typing import TypeVar

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.http import HttpResponse
from django.utils import timezone

from accounts.addresses import address_group
from respondents.codes import keyed_digest
from respondents.models import ThrottleBucket

WINDOW = timedelta(minutes=15)
DAY = timedelta(days=1)
PER_ADDRESS = "address"
PER_ADDRESS_PER_DAY = "address-day"
OVERALL = "overall"

logger = logging.getLogger("betrokken.security")
Found = TypeVar("Found")


def _window_start(now: datetime, length: timedelta) -> datetime:
    seconds = int(length.total_seconds())
    return datetime.fromtimestamp(int(now.timestamp()) // seconds * seconds, tz=now.tzinfo)


def _address_windows(now: datetime) -> dict[str, tuple[datetime, int]]:
    """Per scope of an address: the start of the current window and the failures allowed in it."""
    return {
        PER_ADDRESS: (_window_start(now, WINDOW), settings.CODE_FAILURES_PER_ADDRESS),
        PER_ADDRESS_PER_DAY: (_window_start(now, DAY), settings.CODE_FAILURES_PER_ADDRESS_PER_DAY),
    }


def _address_key(address: str) -> str:
    # Keyed, so the table does not give back the addresses (an IPv4 address space is small enough to try).
    return keyed_digest("throttle", address_group(address))


def guesses_per_address_per_day() -> int:
    """The most wrong codes one client can try in a day at the configured limits."""
    per_window = settings.CODE_FAILURES_PER_ADDRESS * (DAY // WINDOW)
    return min(per_window, settings.CODE_FAILURES_PER_ADDRESS_PER_DAY)


class Wait(StrEnum):
    """How long a client that typed too many wrong codes waits; the value names the message it reads."""

    WINDOW = "throttled"  # until the 15 minutes are over
    DAY = "throttled_today"  # until tomorrow


def wait_for(address: str, now: datetime | None = None) -> Wait | None:
    """Whether this client typed too many wrong codes; what everyone else typed does not count."""
    windows = _address_windows(now or timezone.now())
    current = Q()
    for scope, (start, _limit) in windows.items():
        current |= Q(scope=scope, window_start=start)
    counts = ThrottleBucket.objects.filter(current, key=_address_key(address)).values_list("scope", "count")
    over = {scope for scope, count in counts if count >= windows[scope][1]}
    if PER_ADDRESS_PER_DAY in over:
        return Wait.DAY
    return Wait.WINDOW if PER_ADDRESS in over else None


def seconds_to_wait(wait: Wait, now: datetime | None = None) -> int:
    """How long until the window that refuses this client is over: the Retry-After of its 429 page."""
    now = now or timezone.now()
    length = DAY if wait is Wait.DAY else WINDOW
    return max(1, int((_window_start(now, length) + length - now).total_seconds()))


def refused(response: HttpResponse, wait: Wait) -> HttpResponse:
    """The 429 page of a waiting client, telling the browser when to ask again."""
    response.headers["Retry-After"] = str(seconds_to_wait(wait))
    return response


def is_blocked(address: str, now: datetime | None = None) -> bool:
    return wait_for(address, now) is not None


def _increment(scope: str, key: str, start: datetime) -> None:
    updated = ThrottleBucket.objects.filter(scope=scope, key=key, window_start=start).update(count=F("count") + 1)
    if not updated:
        try:
            with transaction.atomic():
                ThrottleBucket.objects.create(scope=scope, key=key, window_start=start, count=1)
        except IntegrityError:  # created by a parallel request meanwhile
            ThrottleBucket.objects.filter(scope=scope, key=key, window_start=start).update(count=F("count") + 1)


@transaction.atomic
def record_failure(address: str, now: datetime | None = None) -> None:
    now = now or timezone.now()
    windows = _address_windows(now)
    key = _address_key(address)
    for scope, (start, _limit) in windows.items():
        _increment(scope, key, start)
    overall_start = _window_start(now, WINDOW)
    _increment(OVERALL, "all", overall_start)
    overall = ThrottleBucket.objects.get(scope=OVERALL, key="all", window_start=overall_start).count
    if overall == settings.CODE_FAILURES_OVERALL:  # the row is locked until commit: one request sees this
        logger.warning(
            "%s wrong codes on the code pages since %s: someone may be guessing codes from many addresses.",
            overall,
            overall_start.isoformat(),
        )
    ThrottleBucket.objects.filter(
        Q(scope__in=(PER_ADDRESS, OVERALL), window_start__lt=overall_start)
        | Q(scope=PER_ADDRESS_PER_DAY, window_start__lt=windows[PER_ADDRESS_PER_DAY][0])
    ).delete()


def look_up_counted(address: str, look_up: Callable[[], Found | None]) -> Found | None:
    """What a code in a link belongs to (its language), looked up before the code is sent.

    An unknown code counts as a wrong code, as on the code form, so links tell no more about which codes
    exist than typing does; a client that has to wait is not looked up at all.
    """
    if wait_for(address):
        return None
    found = look_up()
    if found is None:
        record_failure(address)
    return found
