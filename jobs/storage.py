"""Generated files on disk under GENERATED_FILES_DIR (shared storage when there is more than one server).

Letters hold plain codes, so files are written readable by the owner only and removed when they expire
(`remove_expired_files`, a scheduled chore) or when their job is removed.
"""

import os
from datetime import datetime
from pathlib import Path
from uuid import UUID

from django.conf import settings


def generated_dir() -> Path:
    directory = Path(settings.GENERATED_FILES_DIR)
    directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    return directory


def write_file(job_id: UUID, attempt: int, content: bytes) -> str:
    """Write atomically (a temporary name, then rename) and return the path relative to the directory."""
    name = f"{job_id}-{attempt}"
    final = generated_dir() / name
    temporary = final.with_suffix(".part")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(content)
    temporary.replace(final)
    return name


def open_file(relative: str) -> Path | None:
    path = generated_dir() / relative
    return path if relative and path.is_file() else None


def remove_file(relative: str) -> None:
    if relative:
        (generated_dir() / relative).unlink(missing_ok=True)


def files_older_than(moment: datetime) -> list[Path]:
    limit = moment.timestamp()
    return [path for path in generated_dir().iterdir() if path.is_file() and path.stat().st_mtime < limit]
