"""The registry of what a job can make: apps to the right register a builder per kind in AppConfig.ready().

A builder gets the job (its params) and a `Progress` to report to, and returns the file's bytes. It raises
`JobFailed` with a sentence the person can act on ("the codes were deleted after 24 hours"); any other
exception is logged and shown as a general failure that may be retried.
"""

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from jobs.models import Job


class Progress(Protocol):
    def __call__(self, done: int, total: int) -> None: ...


Builder = Callable[["Job", Progress], bytes]


class JobFailed(Exception):
    """A failure with its reason for the person who asked (translated when raised). `final` when trying again
    cannot help (the codes are gone): the page then offers no button that would fail the same way."""

    def __init__(self, reason: str, *, final: bool = False) -> None:
        super().__init__(reason)
        self.reason = reason
        self.final = final


_builders: dict[str, Builder] = {}


def register(kind: str, builder: Builder) -> None:
    if _builders.get(kind, builder) is not builder:
        raise ValueError(f"A builder for {kind!r} is registered already")
    _builders[kind] = builder


def builder_for(kind: str) -> Builder:
    try:
        return _builders[kind]
    except KeyError:
        raise JobFailed(f"No builder for {kind!r}") from None
