"""The throttle's clock held still, so that a test sending many codes cannot cross the end of a 15-minute
window halfway (which would reset the counts and make it pass or fail by the minute it runs)."""

from datetime import UTC, datetime
from types import SimpleNamespace

import pytest

MIDDLE_OF_A_WINDOW = datetime(2026, 11, 3, 10, 7, 30, tzinfo=UTC)


def pin_throttle_clock(monkeypatch: pytest.MonkeyPatch, moment: datetime = MIDDLE_OF_A_WINDOW) -> None:
    """Only respondents.throttle sees the pinned moment; everything else keeps the real time."""
    monkeypatch.setattr("respondents.throttle.timezone", SimpleNamespace(now=lambda: moment))
