"""Throttling of code guessing, per address and for everyone together, in the database
(so that every server process sees the same counts)."""

import hashlib
from datetime import datetime, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from respondents.models import ThrottleBucket

WINDOW = timedelta(minutes=15)
PER_ADDRESS = "address"
OVERALL = "overall"


def _window_start(now: datetime) -> datetime:
    seconds = int(WINDOW.total_seconds())
    return datetime.fromtimestamp(int(now.timestamp()) // seconds * seconds, tz=now.tzinfo)


def _limits() -> dict[str, int]:
    return {PER_ADDRESS: settings.CODE_FAILURES_PER_ADDRESS, OVERALL: settings.CODE_FAILURES_OVERALL}


def _keys(address: str) -> dict[str, str]:
    return {PER_ADDRESS: hashlib.sha256(address.encode()).hexdigest(), OVERALL: "all"}


def is_blocked(address: str, now: datetime | None = None) -> bool:
    start = _window_start(now or timezone.now())
    limits = _limits()
    for scope, key in _keys(address).items():
        bucket = ThrottleBucket.objects.filter(scope=scope, key=key, window_start=start).first()
        if bucket is not None and bucket.count >= limits[scope]:
            return True
    return False


@transaction.atomic
def record_failure(address: str, now: datetime | None = None) -> None:
    start = _window_start(now or timezone.now())
    for scope, key in _keys(address).items():
        updated = ThrottleBucket.objects.filter(scope=scope, key=key, window_start=start).update(count=F("count") + 1)
        if not updated:
            try:
                with transaction.atomic():
                    ThrottleBucket.objects.create(scope=scope, key=key, window_start=start, count=1)
            except IntegrityError:  # created by a parallel request meanwhile
                ThrottleBucket.objects.filter(scope=scope, key=key, window_start=start).update(count=F("count") + 1)
    ThrottleBucket.objects.filter(window_start__lt=start - WINDOW).delete()
