"""Reading and checking the support directory's content file (TOML) — pure functions, no database.

See support/content/README.md for the schema.
"""

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from framework.content_files import ContentError, content_digest, load_toml
from support.models import OrganisationKind

DIRECTORY_DIR = Path(__file__).resolve().parent / "content"
KEY_PATTERN = re.compile(r"^[a-z0-9-]+$")
TEXTS = ("name", "region", "help_nl", "help_en")
OFFERS = ("offers_training", "offers_projects", "offers_coaching")


@dataclass(frozen=True)
class OrganisationEntry:
    key: str
    name: str
    kind: str
    region: str
    website: str
    help_nl: str
    help_en: str
    offers: dict[str, bool]  # offers_training, offers_projects, offers_coaching
    position: int


@dataclass(frozen=True)
class Directory:
    version: int
    digest: str
    organisations: list[OrganisationEntry]


def _entry(entry: dict[str, Any], position: int, seen: set[str]) -> OrganisationEntry:
    key = entry.get("key", "")
    where = f"directory.toml [{key}]"
    if not isinstance(key, str) or not KEY_PATTERN.match(key) or key in seen:
        raise ContentError(f"{where}: the key must be unique, lowercase letters, digits and dashes")
    for name in TEXTS:
        if not isinstance(entry.get(name), str) or not entry[name].strip():
            raise ContentError(f"{where}: '{name}' is missing or empty")
    if entry.get("kind") not in OrganisationKind.values:
        raise ContentError(f"{where}: kind must be one of {OrganisationKind.values}")
    website = entry.get("website", "")
    if not isinstance(website, str) or (website and not website.startswith("https://")):
        raise ContentError(f"{where}: website must start with https:// or be left out")
    offers = {name: entry.get(name, False) for name in OFFERS}
    if not all(isinstance(value, bool) for value in offers.values()):
        raise ContentError(f"{where}: {', '.join(OFFERS)} must be true or false")
    texts = {name: entry[name].strip() for name in TEXTS}
    return OrganisationEntry(key=key, kind=entry["kind"], website=website, offers=offers, position=position, **texts)


def read_directory(directory_dir: Path = DIRECTORY_DIR) -> Directory:
    data = load_toml(directory_dir / "directory.toml")
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ContentError("directory.toml: 'version' must be a whole number from 1")
    organisations: list[OrganisationEntry] = []
    seen: set[str] = set()
    for position, entry in enumerate(data.get("organisation", []), start=1):
        organisations.append(_entry(entry, position, seen))
        seen.add(organisations[-1].key)
    if not organisations:
        raise ContentError("directory.toml: no organisations")
    return Directory(version=version, digest=content_digest(directory_dir), organisations=organisations)
