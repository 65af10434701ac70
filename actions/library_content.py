"""Reading and checking the action library files (TOML) — pure functions, no database.

See actions/content/README.md for the schema.
"""

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from framework.content_files import DIMENSION_KEYS, STATUSES, ContentError, content_digest, load_toml

LIBRARY_DIR = Path(__file__).resolve().parent / "content"
TARGET_GROUPS = ("all_parents", "new_parents", "parents_little_dutch", "parents_in_poverty", "team", "pupils")
EFFORTS = ("low", "medium", "high")
PUPIL_ROLES = ("none", "informed", "participates", "leads")
KEY_PATTERN = re.compile(r"^[a-z0-9-]+$")


@dataclass(frozen=True)
class LibraryEntry:
    key: str
    dimensions: tuple[str, ...]
    target_group: str
    effort: str
    pupil_role: str
    position: int
    texts: dict[str, dict[str, str]]  # language -> title, description, pupil_part, status


@dataclass(frozen=True)
class Library:
    digest: str
    actions: list[LibraryEntry]


def _text(entry: dict[str, Any], where: str, pupil_role: str) -> dict[str, str]:
    for name in ("title", "description"):
        if not isinstance(entry.get(name), str) or not entry[name].strip():
            raise ContentError(f"{where}: '{name}' is missing or empty")
    pupil_part = entry.get("pupil_part", "")
    if not isinstance(pupil_part, str) or (pupil_role != "none") != bool(pupil_part.strip()):
        raise ContentError(f"{where}: 'pupil_part' must say how pupils take part, and only when they do")
    return {
        "title": entry["title"].strip(),
        "description": entry["description"].strip(),
        "pupil_part": pupil_part.strip(),
    }


def read_library(library_dir: Path = LIBRARY_DIR) -> Library:
    translations = {path.stem: load_toml(path) for path in sorted((library_dir / "translations").glob("*.toml"))}
    actions: list[LibraryEntry] = []
    seen: set[str] = set()
    for position, entry in enumerate(load_toml(library_dir / "library.toml").get("action", []), start=1):
        key = entry.get("key", "")
        where = f"library.toml [{key}]"
        if not isinstance(key, str) or not KEY_PATTERN.match(key) or key in seen:
            raise ContentError(f"{where}: the key must be unique, lowercase letters, digits and dashes")
        dimensions = entry.get("dimensions")
        if not isinstance(dimensions, list) or not dimensions or not set(dimensions) <= set(DIMENSION_KEYS):
            raise ContentError(f"{where}: dimensions must be one or more of {DIMENSION_KEYS}")
        for name, allowed in (("target_group", TARGET_GROUPS), ("effort", EFFORTS), ("pupil_role", PUPIL_ROLES)):
            if entry.get(name) not in allowed:
                raise ContentError(f"{where}: {name} must be one of {allowed}")
        texts = {"nl": {**_text(entry, where, entry["pupil_role"]), "status": "reviewed"}}
        for language, catalogue in translations.items():
            translated = catalogue.get("action", {}).get(key)
            if translated:
                where_translated = f"translations/{language}.toml [action.{key}]"
                status = translated.get("status", "draft")
                if status not in STATUSES:
                    raise ContentError(f"{where_translated}: status must be one of {STATUSES}")
                texts[language] = {**_text(translated, where_translated, entry["pupil_role"]), "status": status}
        seen.add(key)
        ordered = tuple(d for d in DIMENSION_KEYS if d in dimensions)
        actions.append(
            LibraryEntry(key, ordered, entry["target_group"], entry["effort"], entry["pupil_role"], position, texts)
        )
    return Library(digest=content_digest(library_dir), actions=actions)
