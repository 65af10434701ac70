"""Loading versioned content once per version: every loader of content files (the framework, the action
library, the support directory) records the digest of what it loaded and skips it the next time."""

from collections.abc import Callable
from typing import TypeVar

from django.db import transaction
from django.db.models import Max

from framework.models import ContentRelease

Loaded = TypeVar("Loaded")
DIGEST_LENGTH = 64  # ContentRelease.digest


def release_name(prefix: str, digest: str) -> str:
    """The release of one kind of content ("actions:", "support:"; the framework has none), cut to fit."""
    return (prefix + digest)[:DIGEST_LENGTH]


def load_once(release: str, load: Callable[[], Loaded], force: bool = False) -> Loaded | None:
    """Run `load` and record `release` in one transaction; None (nothing run) when it was loaded before."""
    if not force and ContentRelease.objects.filter(digest=release).exists():
        return None
    with transaction.atomic():
        loaded = load()
        # A new row even when forced to load a release again: the latest row is the version that
        # caches of content texts are keyed by (see latest_release), on every server alike.
        ContentRelease.objects.filter(digest=release).delete()
        ContentRelease.objects.create(digest=release)
    return loaded


def latest_release() -> int:
    """Which content is loaded: a number that grows with every load, seen alike by every server."""
    return ContentRelease.objects.aggregate(latest=Max("pk"))["latest"] or 0
