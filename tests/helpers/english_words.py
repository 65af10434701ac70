"""English left on a page that should be Dutch: the text a person reads or hears, and words that are not Dutch.

Only the page's own text counts: scripts and styles are skipped, and so is anything marked with another
language (lang="en", a translation shown beside the Dutch, the names in a language menu). Attributes a
screen reader speaks (aria-label, title, alt, placeholder) count as text.
"""

import re
from html.parser import HTMLParser

# Words and phrases that are English and not Dutch: "in", "is", "over", "hand", "of", "have", "been", "team",
# "coach" and loanwords such as "cookies", "browser", "e-mail" or "feedback" are Dutch too and stay off the list.
ENGLISH_ONLY = (
    "the",
    "this",
    "that",
    "and",
    "of the",
    "your",
    "you",
    "with",
    "which",
    "should",
    "must",
    "too",
    "are",
    "will",
    "password",
    "characters",
    "please",
    "save",
    "cancel",
    "delete",
    "this field",
    "enter a valid",
    "required",
    "forbidden",
    "round",
    "rounds",
    "school year",
    "answers",
    "questionnaire",
    "parents",
    "pupils",
    "not found",
    "could not",
    "has been",
    "there are",
    "start date",
    "end date",
)
EMPTY_CHOICE = "---------"
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
SPOKEN_ATTRIBUTES = ("aria-label", "title", "alt", "placeholder")
PATTERN = re.compile(r"\b(" + "|".join(re.escape(word) for word in ENGLISH_ONLY) + r")\b", re.IGNORECASE)


class _DutchText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.skipping: list[bool] = []  # per open element: is its text not Dutch (another lang, script, style)
        self.parts: list[str] = []

    def _skipped(self) -> bool:
        return bool(self.skipping) and self.skipping[-1]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        lang = values.get("lang")
        skip = self._skipped() if lang is None else not lang.startswith("nl")
        skip = skip or tag in ("script", "style", "svg")
        if not skip:
            self.parts.extend(str(values[name]) for name in SPOKEN_ATTRIBUTES if values.get(name))
        if tag not in VOID:
            self.skipping.append(skip)

    def handle_endtag(self, tag: str) -> None:
        if tag not in VOID and self.skipping:
            self.skipping.pop()

    def handle_data(self, data: str) -> None:
        if not self._skipped():
            self.parts.append(data)


def dutch_text(html: str) -> str:
    """The text of the page a Dutch reader meets, tags and other languages left out."""
    parser = _DutchText()
    parser.feed(html)
    return " ".join(" ".join(parser.parts).split())


def english_in(html: str) -> list[str]:
    """The English words and empty "---------" choices on a Dutch page, each with a little context."""
    text = dutch_text(html)
    found = [text[max(0, m.start() - 40) : m.end() + 40] for m in PATTERN.finditer(text)]
    if EMPTY_CHOICE in html:
        found.append(EMPTY_CHOICE)
    return found
