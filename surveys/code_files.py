"""The plain codes of a batch, kept in a file for the coordinator to print, for at most 24 hours.

Codes never sit in the database or a session: only their HMAC is stored. The file under
settings.CODE_FILES_DIR is what the letters and the links are made from; it is deleted when the
coordinator forgets the codes, when it is read after 24 hours, by a chore the worker runs hourly
(surveys/apps.py) and by `manage.py delete_expired_code_files`.
"""

import os
import tempfile
from datetime import datetime, timedelta
from pathlib import Path
from uuid import UUID

from django.conf import settings
from django.utils import timezone

KEPT_FOR = timedelta(hours=24)
SUFFIX = ".codes"


def _path(batch_id: UUID) -> Path:
    return Path(settings.CODE_FILES_DIR) / f"{batch_id}{SUFFIX}"


def _made_at(path: Path) -> datetime:
    return datetime.fromtimestamp(path.stat().st_mtime, tz=timezone.get_current_timezone())


def keep_codes(batch_id: UUID, codes: list[str]) -> None:
    """Write the codes where only this application's user can read them (written whole, then renamed)."""
    directory = Path(settings.CODE_FILES_DIR)
    directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=directory, prefix=".", suffix=".tmp")  # mode 0600
    with os.fdopen(handle, "w") as file:
        file.write("\n".join(codes) + "\n")
    Path(temporary).replace(_path(batch_id))


def kept_until(batch_id: UUID, now: datetime | None = None) -> datetime | None:
    """Until when the batch's codes can be printed; None once they are gone (an expired file is deleted)."""
    path = _path(batch_id)
    try:
        until = _made_at(path) + KEPT_FOR
    except FileNotFoundError:
        return None
    if until <= (now or timezone.now()):
        path.unlink(missing_ok=True)
        return None
    return until


def kept_codes(batch_id: UUID, now: datetime | None = None) -> list[str] | None:
    """The batch's plain codes while they are kept, else None."""
    if kept_until(batch_id, now) is None:
        return None
    try:
        return _path(batch_id).read_text().split()
    except FileNotFoundError:  # deleted meanwhile
        return None


def delete_codes(batch_id: UUID) -> None:
    _path(batch_id).unlink(missing_ok=True)


def delete_expired_code_files(now: datetime | None = None) -> int:
    """Delete every code file older than 24 hours (and half-written leftovers); returns how many."""
    directory = Path(settings.CODE_FILES_DIR)
    if not directory.is_dir():
        return 0
    deadline = (now or timezone.now()) - KEPT_FOR
    deleted = 0
    for path in directory.iterdir():
        if path.name.endswith((SUFFIX, ".tmp")) and _made_at(path) <= deadline:
            path.unlink(missing_ok=True)
            deleted += 1
    return deleted
