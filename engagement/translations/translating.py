"""Translating a published declaration version: its fields, what a new translation starts with, and what a
translation may hold. Pure functions, no database.

A translation is an aid beside the Dutch master text (Vaste Commissie voor Taaltoezicht): it says nothing more
and nothing other than the Dutch. So only a field with Dutch text is translated, and a ready translation (from
the template, or from the translation of an older version) is taken over only where the Dutch is word for word
the Dutch that translation was made of.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from engagement.domains import DomainText
from engagement.template_content import TemplateText
from engagement.texts import TEXT_FIELDS, DeclarationText
from framework.models import TranslationStatus

DOMAIN_PARTS = ("title", *TEXT_FIELDS)

# Why a field of a translation is refused.
MISSING = "missing"  # the Dutch has text here and the translation none, while the translation is marked reviewed
EXTRA = "extra"  # the Dutch has nothing here and the translation has text: a translation says nothing more

# Where a prefilled field came from.
FROM_TEMPLATE = "template"
FROM_EARLIER_VERSION = "earlier_version"


@dataclass(frozen=True)
class SourceField:
    """One translatable field of the Dutch text."""

    key: str  # "title", "introduction" or "<domain>.<part>", the same keys as reading.ReadingBlock.key
    domain: str  # "" for the declaration's title and introduction
    part: str  # "title", "introduction", "school_offers", "parents_commit" or "pupil_commits"
    dutch: str

    @property
    def has_dutch(self) -> bool:
        return bool(self.dutch.strip())


def source_fields(dutch: DeclarationText) -> list[SourceField]:
    """Every field of the Dutch text, in reading order: title, introduction, then per present domain its parts."""
    fields = [
        SourceField("title", "", "title", dutch.title),
        SourceField("introduction", "", "introduction", dutch.introduction),
    ]
    for key, domain in dutch.domains.items():
        fields.append(SourceField(f"{key}.title", key, "title", dutch.domain_titles.get(key, "")))
        fields += [SourceField(f"{key}.{part}", key, part, getattr(domain, part)) for part in TEXT_FIELDS]
    return fields


def field_values(text: DeclarationText) -> dict[str, str]:
    """A text as {field key: text}, the shape the form and the checks work with."""
    return {field.key: field.dutch for field in source_fields(text)}


def translation_from_values(dutch: DeclarationText, values: Mapping[str, str]) -> DeclarationText:
    """The translation to store: the Dutch text's domains, each field from `values` (empty when not given).

    Fields the Dutch does not have are not kept, so a stored translation never holds more than the Dutch."""

    def value(key: str) -> str:
        return normalise(values.get(key, ""))

    return DeclarationText(
        title=value("title"),
        introduction=value("introduction"),
        domain_titles={key: value(f"{key}.title") for key in dutch.domains},
        domains={key: DomainText(*(value(f"{key}.{part}") for part in TEXT_FIELDS)) for key in dutch.domains},
    )


def normalise(text: str) -> str:
    """Browsers send line ends as CRLF; the template and stored texts use LF. Neither changes what a text says."""
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()


@dataclass(frozen=True)
class PrefillSource:
    """A ready translation and the Dutch it was made of."""

    name: str  # FROM_TEMPLATE or FROM_EARLIER_VERSION
    dutch: DeclarationText
    translation: DeclarationText


@dataclass(frozen=True)
class Prefill:
    values: dict[str, str]  # {field key: text}; only the prefilled fields
    sources: dict[str, str]  # {field key: source name} of the same fields


def prefill(dutch: DeclarationText, sources: Sequence[PrefillSource]) -> Prefill:
    """What a new translation starts with: per field the first source whose Dutch is exactly this field's Dutch.

    A field whose Dutch the school changed starts empty: the ready translation would say something else."""
    return prefill_values(
        field_values(dutch),
        [(source.name, field_values(source.dutch), field_values(source.translation)) for source in sources],
    )


def prefill_values(
    dutch: Mapping[str, str], sources: Sequence[tuple[str, Mapping[str, str], Mapping[str, str]]]
) -> Prefill:
    """`prefill` on {field key: text}: each source is (name, the Dutch it was made of, its translation); also used
    by the feedback page to families (feedback.translating)."""
    values: dict[str, str] = {}
    used: dict[str, str] = {}
    for key, text in dutch.items():
        if not text.strip():
            continue
        for name, source_dutch, source_translation in sources:
            translated = normalise(source_translation.get(key, ""))
            if key in source_dutch and normalise(source_dutch[key]) == normalise(text) and translated:
                values[key] = translated
                used[key] = name
                break
    return Prefill(values, used)


def template_source(templates: Mapping[str, TemplateText], language: str) -> PrefillSource | None:
    """The template's translation in `language` as a prefill source, when the template has one."""
    if language == "nl" or language not in templates or "nl" not in templates:
        return None

    def as_text(template: TemplateText) -> DeclarationText:
        return DeclarationText(template.title, template.introduction, template.domain_titles, template.domains)

    return PrefillSource(FROM_TEMPLATE, as_text(templates["nl"]), as_text(templates[language]))


def check_translation(dutch: DeclarationText, values: Mapping[str, str], status: str) -> dict[str, str]:
    """Per field key, why the translation cannot be kept (MISSING or EXTRA); empty when it can.

    A draft may leave parts untranslated; a reviewed translation translates every part with Dutch text.
    No translation ever has text where the Dutch has none."""
    return check_values(field_values(dutch), values, status)


def check_values(dutch: Mapping[str, str], values: Mapping[str, str], status: str) -> dict[str, str]:
    """`check_translation` on {field key: text} (also the feedback page's translations)."""
    errors = {}
    for key, text in dutch.items():
        has_translation = bool(normalise(values.get(key, "")))
        if text.strip() and not has_translation and status == TranslationStatus.REVIEWED:
            errors[key] = MISSING
        elif not text.strip() and has_translation:
            errors[key] = EXTRA
    for key, value in values.items():  # a field the Dutch does not have at all
        if key not in dutch and normalise(value):
            errors[key] = EXTRA
    return errors


def untranslated_fields(dutch: DeclarationText, translation: DeclarationText) -> list[str]:
    """The keys of fields with Dutch text that the translation leaves empty (a draft may have them)."""
    translated = field_values(translation)
    return [
        field.key for field in source_fields(dutch) if field.has_dutch and not translated.get(field.key, "").strip()
    ]
