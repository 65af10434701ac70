"""A readability check for plain (B1) Dutch while the coordinator writes: long sentences and jargon.

Pure functions; the word list is versioned content (feedback/content/jargon.toml), read by `jargon_list`.
It warns, it never refuses: the coordinator decides.
"""

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

JARGON_FILE = Path(__file__).parent / "content" / "jargon.toml"
# B1 guidance (e.g. "Klare taal"): sentences of at most about fifteen words.
MAX_SENTENCE_WORDS = 15
LONG_SENTENCE, JARGON, POLITE_FORM = "long_sentence", "jargon", "polite_form"
# The u-form: pupils are spoken to with je/jij (as the questionnaires do, surveys/addressing.py).
POLITE_WORDS = frozenset({"u", "uw", "uzelf"})

SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")
WORD = re.compile(r"\w+(?:[-']\w+)*")


@dataclass(frozen=True)
class ReadabilityWarning:
    kind: str  # LONG_SENTENCE or JARGON
    excerpt: str  # the sentence (shortened) or the word as written
    words: int = 0  # the sentence's length in words
    plain: str = ""  # for jargon: a plainer way to say it


def sentences(text: str) -> list[str]:
    return [part.strip() for part in SENTENCE_END.split(text) if part.strip()]


def _short(sentence: str, words: int = 8) -> str:
    parts = sentence.split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")


def readability_warnings(
    text: str, jargon: Mapping[str, str], max_words: int = MAX_SENTENCE_WORDS
) -> list[ReadabilityWarning]:
    """Sentences longer than `max_words` words, and words of `jargon` (lower case → plain words), in reading order.

    A jargon entry also matches compounds that end in it ("ouderparticipatie" for "participatie"); an entry of
    several words ("in het kader van") matches those words in a row."""
    warnings = []
    seen: set[str] = set()
    phrases = [term for term in jargon if " " in term]
    for sentence in sentences(text):
        spaced = f" {' '.join(WORD.findall(sentence)).casefold()} "
        for phrase in phrases:
            if f" {phrase} " in spaced and phrase not in seen:
                seen.add(phrase)
                warnings.append(ReadabilityWarning(JARGON, phrase, plain=jargon[phrase]))
        found = WORD.findall(sentence)
        if len(found) > max_words:
            warnings.append(ReadabilityWarning(LONG_SENTENCE, _short(sentence), len(found)))
        for word in found:
            lower = word.casefold()
            entry = next((term for term in jargon if lower == term or lower.endswith(term)), None)
            if entry is not None and lower not in seen:
                seen.add(lower)
                warnings.append(ReadabilityWarning(JARGON, word, plain=jargon[entry]))
    return warnings


@lru_cache(maxsize=1)
def jargon_list() -> dict[str, str]:
    """The versioned word list: {word in lower case: plainer words}."""
    data = tomllib.loads(JARGON_FILE.read_text(encoding="utf-8"))
    return {entry["word"].casefold(): entry["plain"] for entry in data["jargon"]}


def polite_form_warnings(text: str) -> list[ReadabilityWarning]:
    """For a pupils' text: each u-form word ("u", "uw") once, as written."""
    seen: dict[str, ReadabilityWarning] = {}
    for word in WORD.findall(text):
        if word.casefold() in POLITE_WORDS and word.casefold() not in seen:
            seen[word.casefold()] = ReadabilityWarning(POLITE_FORM, word)
    return list(seen.values())
