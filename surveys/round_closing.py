"""When a round closes, the questionnaires still waiting for a chunk enter the figures together.

analysis closes rounds but may not import surveys (README, Layout), so surveys listens for the save.
"""

from typing import Any

from django.db.models.signals import post_save

from analysis.models import Round, RoundStatus
from surveys.tallies import release_the_rest


def _release_at_close(sender: type[Round], instance: Round, update_fields: frozenset[str] | None, **_: Any) -> None:
    if instance.status == RoundStatus.CLOSED and (update_fields is None or "status" in update_fields):
        release_the_rest(instance)


def listen() -> None:
    post_save.connect(_release_at_close, sender=Round, dispatch_uid="surveys-release-at-close")
