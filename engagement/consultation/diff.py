"""A readable diff between two versions of a declaration: per field, word by word. Pure, no database."""

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from engagement.domains import DOMAIN_KEYS
from engagement.texts import TEXT_FIELDS, DeclarationText

SAME, ADDED, REMOVED = "same", "added", "removed"
TOKEN = re.compile(r"\s+|\w+|[^\w\s]")


@dataclass(frozen=True)
class DiffPiece:
    kind: str  # SAME, ADDED or REMOVED
    text: str


@dataclass(frozen=True)
class FieldDiff:
    domain: str  # "" for the title and introduction
    part: str  # "title", "introduction", or one of TEXT_FIELDS
    pieces: tuple[DiffPiece, ...]

    @property
    def changed(self) -> bool:
        return any(piece.kind != SAME for piece in self.pieces)


def word_diff(old: str, new: str) -> tuple[DiffPiece, ...]:
    before, after = TOKEN.findall(old), TOKEN.findall(new)
    pieces: list[DiffPiece] = []

    def add(kind: str, tokens: list[str]) -> None:
        text = "".join(tokens)
        if not text:
            return
        if pieces and pieces[-1].kind == kind:
            pieces[-1] = DiffPiece(kind, pieces[-1].text + text)
        else:
            pieces.append(DiffPiece(kind, text))

    for tag, i1, i2, j1, j2 in SequenceMatcher(None, before, after, autojunk=False).get_opcodes():
        if tag == "equal":
            add(SAME, before[i1:i2])
        else:
            add(REMOVED, before[i1:i2])
            add(ADDED, after[j1:j2])
    return tuple(pieces)


def version_diff(old: DeclarationText, new: DeclarationText) -> list[FieldDiff]:
    """Every field of both versions in reading order; a field only one side has counts as added or removed."""
    fields = [
        FieldDiff("", "title", word_diff(old.title, new.title)),
        FieldDiff("", "introduction", word_diff(old.introduction, new.introduction)),
    ]
    for key in DOMAIN_KEYS:
        if key not in old.domains and key not in new.domains:
            continue
        fields.append(
            FieldDiff(key, "title", word_diff(old.domain_titles.get(key, ""), new.domain_titles.get(key, "")))
        )
        for part in TEXT_FIELDS:
            before = getattr(old.domains[key], part) if key in old.domains else ""
            after = getattr(new.domains[key], part) if key in new.domains else ""
            fields.append(FieldDiff(key, part, word_diff(before, after)))
    return fields
