"""Reading and checking the content files (TOML) — pure functions, no database.

See framework/content/README.md for the schema.
"""

import hashlib
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

CONTENT_DIR = Path(__file__).resolve().parent / "content"
DIMENSION_KEYS = ("kennis", "rationeel", "overtuiging", "gedrag", "tijd", "emotie", "competentie")
DIRECTIONS = ("parent_to_school", "school_to_parent", "team_self")
AUDIENCES = ("team", "parent", "pupil_10_12", "pupil_12_18")
STATUSES = ("draft", "reviewed")
SCALE_VALUES = ("1", "2", "3", "4", "5")
DIMENSION_FIELDS = ("name", "description", "question", "example_parent", "example_school")


class ContentError(ValueError):
    """The content files break the schema; the message names the file and the key."""


@dataclass(frozen=True)
class DimensionEntry:
    key: str
    position: int
    below_surface: bool
    texts: dict[str, dict[str, str]]  # language -> field -> text (plus "status")


@dataclass(frozen=True)
class ScaleEntry:
    key: str
    texts: dict[str, dict[str, Any]]  # language -> {"labels": {...}, "dont_know": ..., "status": ...}


@dataclass(frozen=True)
class ItemEntry:
    key: str
    audience: str
    dimension: str
    direction: str
    construct: str
    scale: str
    position: int
    texts: dict[str, tuple[str, str]]  # language -> (text, status)


@dataclass(frozen=True)
class Content:
    digest: str
    dimensions: list[DimensionEntry] = field(default_factory=list)
    scales: list[ScaleEntry] = field(default_factory=list)
    items: list[ItemEntry] = field(default_factory=list)


def load_toml(path: Path) -> dict[str, Any]:
    """A content file; a syntax error names the file (every content loader reads through here)."""
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as error:
        raise ContentError(f"{path.name}: {error}") from error


def _require(entry: dict[str, Any], names: tuple[str, ...], where: str) -> None:
    for name in names:
        value = entry.get(name)
        if not isinstance(value, str) or not value.strip():
            raise ContentError(f"{where}: '{name}' is missing or empty")


def content_digest(content_dir: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(content_dir.rglob("*.toml")):
        digest.update(str(path.relative_to(content_dir)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def read_content(content_dir: Path = CONTENT_DIR) -> Content:
    content = Content(digest=content_digest(content_dir))
    translations = {path.stem: load_toml(path) for path in sorted((content_dir / "translations").glob("*.toml"))}
    _read_dimensions(content, load_toml(content_dir / "dimensions.toml"), translations)
    _read_scales(content, load_toml(content_dir / "scales.toml"), translations)
    for path in sorted((content_dir / "items").glob("*.toml")):
        _read_items(content, path.name, load_toml(path), translations)
    _check_mirrors(content)
    return content


def _read_dimensions(content: Content, data: dict[str, Any], translations: dict[str, dict[str, Any]]) -> None:
    entries = data.get("dimension", [])
    keys = [entry.get("key") for entry in entries]
    if tuple(keys) != DIMENSION_KEYS:
        raise ContentError(f"dimensions.toml: expected the seven dimensions {DIMENSION_KEYS} in order, got {keys}")
    for position, entry in enumerate(entries, start=1):
        _require(entry, DIMENSION_FIELDS, f"dimensions.toml [{entry['key']}]")
        if entry.get("iceberg") not in ("above", "below"):
            raise ContentError(f"dimensions.toml [{entry['key']}]: iceberg must be 'above' or 'below'")
        texts = {"nl": {name: entry[name].strip() for name in DIMENSION_FIELDS} | {"status": "reviewed"}}
        for language, catalogue in translations.items():
            translated = catalogue.get("dimension", {}).get(entry["key"])
            if translated:
                where = f"translations/{language}.toml [dimension.{entry['key']}]"
                _require(translated, DIMENSION_FIELDS, where)
                texts[language] = {name: translated[name].strip() for name in DIMENSION_FIELDS}
                texts[language]["status"] = _status(translated, where)
        content.dimensions.append(DimensionEntry(entry["key"], position, entry["iceberg"] == "below", texts))


def _status(entry: dict[str, Any], where: str) -> str:
    status = entry.get("status", "draft")
    if status not in STATUSES:
        raise ContentError(f"{where}: status must be one of {STATUSES}")
    return str(status)


def _labels(entry: dict[str, Any], where: str) -> dict[str, str]:
    labels = entry.get("labels")
    if not isinstance(labels, dict) or tuple(sorted(labels)) != SCALE_VALUES:
        raise ContentError(f"{where}: labels must have exactly the keys 1 to 5")
    if not all(isinstance(label, str) and label.strip() for label in labels.values()):
        raise ContentError(f"{where}: every label needs a text")
    _require(entry, ("dont_know",), where)
    return {value: labels[value].strip() for value in SCALE_VALUES}


def _read_scales(content: Content, data: dict[str, Any], translations: dict[str, dict[str, Any]]) -> None:
    for entry in data.get("scale", []):
        where = f"scales.toml [{entry.get('key')}]"
        _require(entry, ("key",), where)
        texts: dict[str, dict[str, Any]] = {
            "nl": {"labels": _labels(entry, where), "dont_know": entry["dont_know"].strip(), "status": "reviewed"}
        }
        for language, catalogue in translations.items():
            translated = catalogue.get("scale", {}).get(entry["key"])
            if translated:
                where = f"translations/{language}.toml [scale.{entry['key']}]"
                texts[language] = {
                    "labels": _labels(translated, where),
                    "dont_know": translated["dont_know"].strip(),
                    "status": _status(translated, where),
                }
        content.scales.append(ScaleEntry(entry["key"], texts))
    if not content.scales:
        raise ContentError("scales.toml: no scales")


def _read_items(
    content: Content, file_name: str, data: dict[str, Any], translations: dict[str, dict[str, Any]]
) -> None:
    known_keys = {item.key for item in content.items}
    scale_keys = {scale.key for scale in content.scales}
    for position, entry in enumerate(data.get("item", []), start=1):
        where = f"items/{file_name} [{entry.get('key')}]"
        _require(entry, ("key", "audience", "dimension", "direction", "construct", "scale", "text"), where)
        if entry["key"] in known_keys:
            raise ContentError(f"{where}: the key is used twice")
        if entry["audience"] not in AUDIENCES:
            raise ContentError(f"{where}: audience must be one of {AUDIENCES}")
        if entry["dimension"] not in DIMENSION_KEYS:
            raise ContentError(f"{where}: unknown dimension '{entry['dimension']}'")
        if entry["direction"] not in DIRECTIONS:
            raise ContentError(f"{where}: direction must be one of {DIRECTIONS}")
        if entry["scale"] not in scale_keys:
            raise ContentError(f"{where}: unknown scale '{entry['scale']}'")
        texts = {"nl": (entry["text"].strip(), "reviewed")}
        for language, catalogue in translations.items():
            translated = catalogue.get("item", {}).get(entry["key"])
            if translated:
                _require(translated, ("text",), f"translations/{language}.toml [item.{entry['key']}]")
                texts[language] = (translated["text"].strip(), _status(translated, where))
        known_keys.add(entry["key"])
        content.items.append(
            ItemEntry(
                key=entry["key"],
                audience=entry["audience"],
                dimension=entry["dimension"],
                direction=entry["direction"],
                construct=entry["construct"],
                scale=entry["scale"],
                position=position,
                texts=texts,
            )
        )


def _check_mirrors(content: Content) -> None:
    """Every parent and pupil item mirrors a construct of the team's item bank."""
    team = {item.construct: item for item in content.items if item.audience == "team"}
    for item in content.items:
        if item.audience == "team":
            continue
        mirrored = team.get(item.construct)
        if mirrored is None:
            raise ContentError(f"item {item.key}: construct '{item.construct}' is not in the team's item bank")
        if (mirrored.dimension, mirrored.direction) != (item.dimension, item.direction):
            raise ContentError(f"item {item.key}: dimension and direction differ from team item {mirrored.key}")
