"""Finding 7b: the version diff is bounded (repetitive 2,000-character texts took 90 s and killed a worker).

The bound is counted, not timed: match_work is what SequenceMatcher would look at, and above
MAX_MATCH_WORK the changed middle is shown as replaced. A deadline inside word_diff is the second guard.
"""

import random

from bench.word_diff import prose  # the same Dutch-looking text the benchmark times
from engagement.consultation.diff import (
    ADDED,
    MAX_MATCH_WORK,
    REMOVED,
    SAME,
    TOKEN,
    DiffPiece,
    match_work,
    word_diff,
)


def _rebuilt(pieces: tuple[DiffPiece, ...]) -> tuple[str, str]:
    old = "".join(piece.text for piece in pieces if piece.kind != ADDED)
    new = "".join(piece.text for piece in pieces if piece.kind != REMOVED)
    return old, new


def _shuffled_words(text: str, seed: int) -> str:
    words = text.split()
    random.Random(seed).shuffle(words)
    return " ".join(words)


def test_repetitive_20000_character_texts_fall_back_to_text_replaced() -> None:
    old = "a b " * 5000
    new = _shuffled_words(old, seed=1)
    assert match_work(TOKEN.findall(old), TOKEN.findall(new)) > 100 * MAX_MATCH_WORK  # what took minutes before
    pieces = word_diff(old, new)
    assert [piece.kind for piece in pieces] == [REMOVED, ADDED]
    assert _rebuilt(pieces) == (old, new)


def test_repetitive_texts_keep_their_unchanged_start_and_end() -> None:
    old = "Wij bellen u. " + "a b " * 5000 + "Tot dan."
    new = "Wij bellen u. " + "b a " * 5000 + "Tot dan."
    pieces = word_diff(old, new)
    assert [piece.kind for piece in pieces] == [SAME, REMOVED, ADDED, SAME]
    assert (pieces[0].text, pieces[-1].text) == ("Wij bellen u. ", "Tot dan.")
    assert _rebuilt(pieces) == (old, new)


def test_two_different_20000_character_texts_still_get_a_word_diff_within_the_budget() -> None:
    old, new = prose(seed=3), prose(seed=4)
    assert len(old) >= 20_000 and len(new) >= 20_000
    assert match_work(TOKEN.findall(old), TOKEN.findall(new)) <= MAX_MATCH_WORK
    pieces = word_diff(old, new)
    assert sum(piece.kind == SAME for piece in pieces) > 10  # a real diff, not one replacement
    assert _rebuilt(pieces) == (old, new)


def test_a_passed_deadline_shows_the_changed_middle_as_replaced() -> None:
    old = "We bellen u op. Kom gerust langs."
    new = "We bellen of mailen u op. Kom gerust eens langs."
    assert len(word_diff(old, new)) > 3  # with time, a word diff
    pieces = word_diff(old, new, seconds=-1.0)
    assert [piece.kind for piece in pieces] == [SAME, REMOVED, ADDED, SAME]
    assert _rebuilt(pieces) == (old, new)
