"""For tests that change framework texts in the database directly, as loading new content would."""

import uuid

from framework.models import ContentRelease


def record_content_release() -> None:
    """What a loader records after changing content: every server's cache of content texts moves on."""
    ContentRelease.objects.create(digest=f"test:{uuid.uuid4().hex}")
