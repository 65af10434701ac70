"""For tests that change framework texts in the database directly, as loading new content would."""

import uuid

from framework.releases import load_once


def record_content_release() -> None:
    """Record a release as a loader does after changing content: every server's cache of content texts moves on."""
    load_once(f"test:{uuid.uuid4().hex}", lambda: None)
