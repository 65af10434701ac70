"""The published declaration on paper: the Dutch text, and the Dutch beside a translation (WeasyPrint).

Both are drawn from engagement.reading.reading_blocks, the blocks the parent's phone page shows, so screen
and paper say the same. The Dutch text is the official text; a translation is printed beside it, marked as
an aid, never alone. Pango shapes Arabic and lays out right-to-left text; the font stack in the templates
names fonts the project installs (fonts-noto-core) with DejaVu Sans as the fallback.
"""

from dataclasses import dataclass
from datetime import date

from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import pgettext
from weasyprint import HTML

from engagement.domains import PARENT_PART_LABELS
from engagement.drafting import version_text
from engagement.models import Declaration, DeclarationTranslation, DeclarationVersion
from engagement.reading import ReadingBlock, reading_blocks
from engagement.texts import declaration_text
from framework.models import TranslationStatus
from respondents.languages import dutch_name, is_right_to_left, native_name


@dataclass(frozen=True)
class Facts:
    """What the paper says about the text: whose it is, which version, when adopted and published."""

    school_name: str
    school_year: str
    version_number: int
    adopted_on: date | None
    published_on: date | None


@dataclass(frozen=True)
class Labels:
    """The printed words around the text, in one language."""

    language: str
    direction: str
    parts: dict[str, str]
    column: str  # above the column: "Dutch — the official text" or "Translation (…) — an aid"
    untranslated: str
    draft: str


def facts(declaration: Declaration, version: DeclarationVersion) -> Facts:
    # The schoolraad date belongs to the adopted text: a later adoption of a newer text is not this one's.
    adopted_on = declaration.adopted_on if declaration.adopted_version_id == version.pk else None
    published_on = timezone.localtime(version.published_at).date() if version.published_at else None
    return Facts(declaration.school.name, declaration.school_year, version.number, adopted_on, published_on)


def labels(language: str, translated_into: str = "") -> Labels:
    """The labels in `language`; `translated_into` makes them the labels of a translation's column."""
    with translation.override(language):
        if translated_into:
            name = dutch_name(translated_into) if language == "nl" else native_name(translated_into)
            column = pgettext("letter", "Translation (%(language)s) — an aid; the Dutch text is the official text") % {
                "language": name
            }
        else:
            column = pgettext("letter", "Dutch — the official text")
        return Labels(
            language=language,
            direction="rtl" if is_right_to_left(language) else "ltr",
            parts={part: str(label) for part, label in PARENT_PART_LABELS.items()},
            column=column,
            untranslated=pgettext("letter", "This part is not translated yet: read the Dutch text."),
            draft=pgettext("letter", "Draft translation: not yet checked by a second reader."),
        )


@dataclass(frozen=True)
class Row:
    """One reading block on paper, with the label of its part on either side ("" for the introduction)."""

    block: ReadingBlock
    dutch_label: str
    translated_label: str


def rows(blocks: list[ReadingBlock], dutch: Labels, translated: Labels | None = None) -> list[Row]:
    return [
        Row(block, dutch.parts.get(block.part, ""), translated.parts.get(block.part, "") if translated else "")
        for block in blocks
    ]


def _pdf(template: str, context: dict[str, object]) -> bytes:
    # Dates and the surrounding words of the official document are Dutch, whatever the reader's interface language.
    with translation.override("nl"):
        html = render_to_string(template, context)
    pdf: bytes = HTML(string=html).write_pdf()
    return pdf


def declaration_pdf(declaration: Declaration, version: DeclarationVersion) -> bytes:
    """The published version in Dutch, A4."""
    text = version_text(version)
    dutch = labels("nl")
    return _pdf(
        "engagement/documents/declaration.html",
        {"facts": facts(declaration, version), "text": text, "rows": rows(reading_blocks(text, None), dutch)},
    )


def bilingual_pdf(declaration: Declaration, version: DeclarationVersion, translated: DeclarationTranslation) -> bytes:
    """The published version with a translation beside it: Dutch left, the translation right, block by block."""
    text = version_text(version)
    other = declaration_text(translated.title, translated.introduction, translated.domains)
    dutch, translated_labels = labels("nl"), labels(translated.language, translated.language)
    return _pdf(
        "engagement/documents/bilingual.html",
        {
            "facts": facts(declaration, version),
            "text": text,
            "translation": other,
            "rows": rows(reading_blocks(text, other), dutch, translated_labels),
            "dutch": dutch,
            "translated_dutch": labels("nl", translated.language),
            "translated": translated_labels,
            "is_draft": translated.status == TranslationStatus.DRAFT,
        },
    )
