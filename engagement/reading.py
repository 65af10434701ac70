"""What a parent reads: the Dutch master text, block by block, with the translation beside it.

The translation is never shown alone (Vaste Commissie voor Taaltoezicht: a translation is an aid next
to the Dutch text, labelled as such, saying nothing more). The same blocks feed the phone page and the
bilingual PDF, so screen and paper say the same.
"""

from dataclasses import dataclass

from django.utils.safestring import SafeString

from engagement.domains import DOMAIN_KEYS
from engagement.markdown import plain_text, render_markdown
from engagement.texts import TEXT_FIELDS, DeclarationText


@dataclass(frozen=True)
class Passage:
    """One piece of text in one language: as HTML to show and as plain words to read aloud."""

    html: SafeString
    words: str


@dataclass(frozen=True)
class ReadingBlock:
    key: str  # "introduction" or "<domain>.<field>": stable, used for read-aloud links
    domain: str  # "" for the introduction
    part: str  # "introduction", "school_offers", "parents_commit" or "pupil_commits"
    heading: str  # the Dutch domain title, on the first block of a domain
    heading_translated: str
    dutch: Passage
    translated: Passage | None  # None: no translation, or this part is not translated


def _passage(text: str) -> Passage | None:
    return Passage(render_markdown(text), plain_text(text)) if text.strip() else None


def reading_blocks(dutch: DeclarationText, translation: DeclarationText | None) -> list[ReadingBlock]:
    blocks = []
    intro = _passage(dutch.introduction)
    if intro is not None:
        translated = _passage(translation.introduction) if translation else None
        blocks.append(ReadingBlock("introduction", "", "introduction", "", "", intro, translated))
    for key in DOMAIN_KEYS:
        domain = dutch.domains.get(key)
        if domain is None:
            continue
        other = translation.domains.get(key) if translation else None
        first = True
        for part in TEXT_FIELDS:
            passage = _passage(getattr(domain, part))
            if passage is None:
                continue
            translated = _passage(getattr(other, part)) if other is not None else None
            blocks.append(
                ReadingBlock(
                    f"{key}.{part}",
                    key,
                    part,
                    dutch.domain_titles.get(key, "") if first else "",
                    (translation.domain_titles.get(key, "") if translation and first else ""),
                    passage,
                    translated,
                )
            )
            first = False
    return blocks


def block_words(blocks: list[ReadingBlock], key: str, translated: bool) -> str | None:
    """The words of one block for read-aloud, or None when there is no such block (or no translation of it)."""
    for block in blocks:
        if block.key == key:
            passage = block.translated if translated else block.dutch
            return passage.words if passage else None
    return None
