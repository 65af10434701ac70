"""A request together with the day it was made on, for what carries the day (download names)."""

from collections.abc import Callable
from typing import TypeVar

from django.utils import timezone

T = TypeVar("T")


def on_one_day(request: Callable[[], T]) -> tuple[T, str]:
    """The request's result and its day (ISO); made again if it ran over midnight, so the day is certain."""
    while True:
        day = timezone.localdate()
        result = request()
        if timezone.localdate() == day:
            return result, day.isoformat()
