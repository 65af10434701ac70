"""A readable diff between two versions of a declaration: per field, word by word. Pure, no database."""

import re
import time
from collections import Counter
from dataclasses import dataclass
from difflib import Match, SequenceMatcher

from engagement.domains import DOMAIN_KEYS
from engagement.texts import TEXT_FIELDS, DeclarationText

SAME, ADDED, REMOVED = "same", "added", "removed"
# A word or sign with the spaces after it: spaces never make a match of their own, and long unchanged runs
# stay one match (marking spaces as junk instead split them per word and cost seconds).
TOKEN = re.compile(r"\w+\s*|[^\w\s]\s*|\s+")


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


# A version diff must answer while the page loads: repetitive 2,000-character texts once took 90 s.
# Matching costs about the sum, over the words both texts share, of how often each occurs in one times
# the other (SequenceMatcher looks at every pairing); above MAX_MATCH_WORK, or past the deadline, the
# changed middle is shown as replaced as a whole.
MAX_MATCH_WORK = 250_000
DIFF_SECONDS = 0.6  # plus at most one matching step (bounded by MAX_MATCH_WORK): well under a second


class _OutOfTime(Exception):
    pass


class _DeadlineMatcher(SequenceMatcher[str]):
    """SequenceMatcher that gives up when its deadline has passed."""

    def __init__(self, a: list[str], b: list[str], deadline: float) -> None:
        self.deadline = deadline
        super().__init__(None, a, b, autojunk=False)

    def find_longest_match(self, alo: int = 0, ahi: int | None = None, blo: int = 0, bhi: int | None = None) -> Match:
        if time.monotonic() > self.deadline:
            raise _OutOfTime
        return super().find_longest_match(alo, ahi, blo, bhi)


def match_work(before: list[str], after: list[str]) -> int:
    """The pairings matching would look at: per shared word, its count in `before` times its count in `after`."""
    counts = Counter(after)
    return sum(counts[token] for token in before if token in counts)


def _common_ends(before: list[str], after: list[str]) -> tuple[int, int]:
    """How many tokens both lists share at the start, and then at the end."""
    start = 0
    while start < min(len(before), len(after)) and before[start] == after[start]:
        start += 1
    end = 0
    while end < min(len(before), len(after)) - start and before[-1 - end] == after[-1 - end]:
        end += 1
    return start, end


def _matched(before: list[str], after: list[str], deadline: float) -> list[tuple[str, int, int, int, int]] | None:
    """SequenceMatcher's opcodes, or None when matching would cost too much or the deadline passes."""
    if match_work(before, after) > MAX_MATCH_WORK:
        return None
    try:
        return list(_DeadlineMatcher(before, after, deadline).get_opcodes())
    except _OutOfTime:
        return None


def _opcodes(before: list[str], after: list[str], seconds: float) -> list[tuple[str, int, int, int, int]]:
    deadline = time.monotonic() + seconds  # one deadline for both tries below
    whole = _matched(before, after, deadline)
    if whole is not None:
        return whole
    # Too costly as a whole: keep the unchanged start and end, and try again on the middle alone.
    start, end = _common_ends(before, after)
    old_end, new_end = len(before) - end, len(after) - end
    head = [("equal", 0, start, 0, start)] if start else []
    tail = [("equal", old_end, len(before), new_end, len(after))] if end else []
    inner = _matched(before[start:old_end], after[start:new_end], deadline)
    if inner is None:
        return [*head, ("replace", start, old_end, start, new_end), *tail]
    return head + [(tag, i1 + start, i2 + start, j1 + start, j2 + start) for tag, i1, i2, j1, j2 in inner] + tail


def word_diff(old: str, new: str, seconds: float = DIFF_SECONDS) -> tuple[DiffPiece, ...]:
    """Word by word what changed; bounded in time (see MAX_MATCH_WORK), else the changed middle as replaced."""
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

    for tag, i1, i2, j1, j2 in _opcodes(before, after, seconds):
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
