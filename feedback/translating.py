"""Translating a version of the feedback page: what a new translation starts with, and storing it.

A translation is an aid beside the Dutch (as the engagementsverklaring's: engagement.translations.translating,
whose dict-based prefill and checks are used here). A field is prefilled only where its Dutch is word for word the
Dutch a ready translation was made of: an action's title and pupils' part from the action library's translation
(actions/content), a dimension's name from the framework's translation (framework/content), or a field of this
page's earlier version's translation. Pictograms need no translating.
"""

from collections.abc import Mapping

from accounts.models import User
from actions.models import Action, LibraryActionText
from engagement.translations.translating import FROM_EARLIER_VERSION, Prefill, prefill_values
from feedback.models import FeedbackTranslation, FeedbackVersion
from feedback.texts import ACTIONS, FeedbackText, SourceField, feedback_text, source_fields
from framework.localized import show_dimensions
from framework.models import TranslationStatus
from respondents.languages import MASTER

FROM_LIBRARY = "library"
FROM_FRAMEWORK = "framework"
DIMENSIONS = "dimensions"
Source = tuple[str, Mapping[str, str], Mapping[str, str]]


def library_source(text: FeedbackText, language: str) -> Source:
    """The library's Dutch and `language` texts of the page's actions that come from the library, by field key."""
    sources = dict(
        Action.objects.filter(id__in=[action.action_id for action in text.actions if action.action_id])
        .exclude(source=None)
        .values_list("id", "source_id")
    )
    library = {
        (row.action_id, row.language): row
        for row in LibraryActionText.objects.filter(action_id__in=sources.values(), language__in=(MASTER, language))
    }
    dutch: dict[str, str] = {}
    translated: dict[str, str] = {}
    for index, action in enumerate(text.actions):
        source = next((source for action_id, source in sources.items() if str(action_id) == action.action_id), None)
        if source is None:
            continue
        master, other = library.get((source, MASTER)), library.get((source, language))
        if master is None or other is None:
            continue
        for part, dutch_text, translated_text in (
            ("title", master.title, other.title),
            ("pupils_part", master.pupil_part, other.pupil_part),
        ):
            dutch[f"{ACTIONS}.{index}.{part}"] = dutch_text
            translated[f"{ACTIONS}.{index}.{part}"] = translated_text
    return FROM_LIBRARY, dutch, translated


def dimension_fields(text: FeedbackText) -> list[SourceField]:
    """The names of the dimensions the points are about, as fields of their own ("dimension.kennis")."""
    used = dict.fromkeys(point.dimension for point in (*text.parents, *text.pupils))
    names = {shown.key: shown.name for shown in show_dimensions(MASTER)}
    return [SourceField(f"dimension.{key}", DIMENSIONS, names[key]) for key in used if key in names]


def framework_source(text: FeedbackText, language: str) -> Source:
    """The framework's own names of those dimensions in `language`, where it has them (framework/content)."""
    fields = dimension_fields(text)
    translated = {shown.key: shown.name for shown in show_dimensions(language) if not shown.is_fallback}
    return (
        FROM_FRAMEWORK,
        {field.key: field.dutch for field in fields},
        {
            field.key: translated[field.key.split(".", 1)[1]]
            for field in fields
            if field.key.split(".", 1)[1] in translated
        },
    )


def translatable_fields(version: FeedbackVersion) -> list[SourceField]:
    """Everything a translation of `version` translates: the text's fields and the points' dimension names."""
    text = feedback_text(version.content)
    return [*source_fields(text), *dimension_fields(text)]


def earlier_source(version: FeedbackVersion, language: str) -> Source | None:
    """The newest translation in `language` of an earlier version, with the Dutch it was made of."""
    row = (
        FeedbackTranslation.objects.filter(
            version__page_id=version.page_id, version__number__lt=version.number, language=language
        )
        .select_related("version")
        .order_by("-version__number")
        .first()
    )
    if row is None:
        return None
    return FROM_EARLIER_VERSION, {field.key: field.dutch for field in translatable_fields(row.version)}, row.fields


def start_values(version: FeedbackVersion, language: str) -> Prefill:
    """What a new translation of `version` in `language` starts with."""
    text = feedback_text(version.content)
    candidates = (earlier_source(version, language), library_source(text, language), framework_source(text, language))
    dutch = {field.key: field.dutch for field in translatable_fields(version)}
    return prefill_values(dutch, [source for source in candidates if source])


def save_translation(
    version: FeedbackVersion, language: str, values: Mapping[str, str], prefilled: list[str], status: str, user: User
) -> FeedbackTranslation:
    """One translation per version and language, replaced when saved again. `prefilled`: the keys still as prefilled."""
    translation, _created = FeedbackTranslation.objects.update_or_create(
        version=version,
        language=language,
        defaults={
            "school_id": version.school_id,
            "status": status,
            "fields": {key: text for key, text in values.items() if text},
            "prefilled": sorted(prefilled),
            "updated_by": user,
        },
    )
    return translation


def carry_translations(version: FeedbackVersion) -> None:
    """At publication: each language translated for the version families read until now, and not yet for this one,
    keeps the parts whose Dutch did not change. It stays reviewed only when nothing had to be left out."""
    translated = set(version.translations.values_list("language", flat=True))
    earlier = FeedbackTranslation.objects.filter(
        version__page_id=version.page_id, version__published_at__isnull=False, version__number__lt=version.number
    ).exclude(language__in=translated)
    newest: dict[str, FeedbackTranslation] = {}
    for row in earlier.select_related("version").order_by("version__number"):
        newest[row.language] = row
    dutch = {field.key: field.dutch for field in translatable_fields(version)}
    for language, row in newest.items():
        before = {field.key: field.dutch for field in translatable_fields(row.version)}
        kept = prefill_values(dutch, [(FROM_EARLIER_VERSION, before, row.fields)])
        complete = set(kept.values) == {key for key, text in dutch.items() if text.strip()}
        FeedbackTranslation.objects.create(
            version=version,
            school_id=version.school_id,
            language=language,
            status=row.status if complete else TranslationStatus.DRAFT,
            fields=kept.values,
            prefilled=sorted(key for key in row.prefilled if key in kept.values),
            updated_by=row.updated_by,
        )
