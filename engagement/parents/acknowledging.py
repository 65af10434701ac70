"""A family reads the published declaration and acknowledges it (kennisname): once per family per version.

The Dutch text is the master; a translation is an aid shown beside it, never instead of it. What a
parent acknowledged is recorded with the name they typed, the time, the version and the language of
the translation they saw ("nl" when they read the Dutch text alone).
"""

from dataclasses import dataclass

from django.db import IntegrityError, transaction

from engagement.drafting import version_text
from engagement.models import (
    Acknowledgment,
    Declaration,
    DeclarationTranslation,
    DeclarationVersion,
    Family,
)
from engagement.reading import ReadingBlock, reading_blocks
from engagement.texts import DeclarationText, declaration_text
from framework.models import TranslationStatus
from respondents.languages import dutch_name, is_supported

# Fixed Dutch on purpose, whatever language the parent chose: these words mark the master text and
# the translation (Vaste Commissie voor Taaltoezicht), so they are never themselves translated.
DUTCH_MASTER_LABEL = "Nederlands (officiële tekst)"
TRANSLATION_WORD = "Vertaling"


def published_declaration_for(family: Family) -> Declaration | None:
    """The declaration the family reads: its school's, for its school year, once a version is published."""
    return (
        Declaration.objects.select_related("published_version", "school")
        .filter(school_id=family.school_id, school_year=family.school_year, published_version__isnull=False)
        .first()
    )


@dataclass(frozen=True)
class Reading:
    """What the reading page shows: the Dutch master text and, when there is one, the translation beside it."""

    version: DeclarationVersion
    dutch: DeclarationText
    translation: DeclarationText | None
    translation_language: str  # "" when the Dutch text is shown alone
    translation_is_draft: bool
    blocks: list[ReadingBlock]

    @property
    def shown_language(self) -> str:
        """The language recorded with an acknowledgment: the translation's, or Dutch."""
        return self.translation_language or "nl"

    @property
    def translation_label(self) -> str:
        return f"{TRANSLATION_WORD} — {dutch_name(self.translation_language)}"


def reading_for(version: DeclarationVersion, language: str) -> Reading:
    """The version in Dutch, with the translation in `language` beside it if one exists (any status)."""
    dutch = version_text(version)
    row = None
    if language != "nl":
        row = DeclarationTranslation.objects.filter(version=version, language=language).first()
    translated = declaration_text(row.title, row.introduction, row.domains) if row is not None else None
    return Reading(
        version=version,
        dutch=dutch,
        translation=translated,
        translation_language=row.language if row is not None else "",
        translation_is_draft=row is not None and row.status == TranslationStatus.DRAFT,
        blocks=reading_blocks(dutch, translated),
    )


def existing_acknowledgment(family: Family, version: DeclarationVersion) -> Acknowledgment | None:
    return Acknowledgment.objects.filter(family=family, version=version).first()


def earlier_acknowledgment(family: Family, version: DeclarationVersion) -> Acknowledgment | None:
    """The family's newest acknowledgment of an older version of the same declaration, if any."""
    return (
        Acknowledgment.objects.select_related("version")
        .filter(family=family, version__declaration_id=version.declaration_id, version__number__lt=version.number)
        .order_by("-version__number")
        .first()
    )


def acknowledge(family: Family, version: DeclarationVersion, name: str, language: str) -> Acknowledgment:
    """Record the family's acknowledgment of `version`; a second one (a double submit, a parallel request)
    returns the first instead of adding a row. Only a published version can be acknowledged."""
    if version.published_at is None:
        raise ValueError(f"{version} is not published")
    name = name.strip()
    if not name:
        raise ValueError("an acknowledgment needs the name of the parent")
    if not is_supported(language):
        raise ValueError(f"unknown language {language!r}")
    existing = existing_acknowledgment(family, version)
    if existing is not None:
        return existing
    try:
        with transaction.atomic():  # a savepoint: the request's transaction survives a lost race
            return Acknowledgment.objects.create(
                family=family, school_id=family.school_id, version=version, name=name[:120], language=language
            )
    except IntegrityError:
        raced = existing_acknowledgment(family, version)
        if raced is None:
            raise
        return raced
