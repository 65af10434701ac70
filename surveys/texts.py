"""Questionnaire items in the respondent's language, with the Dutch master beside them.

A school's correction of a translation wins over the framework's text. A missing translation
falls back to the Dutch text, marked so the page can say so — never to an empty label.
"""

from collections.abc import Collection
from dataclasses import dataclass
from functools import lru_cache
from uuid import UUID

from django.core.cache import cache

from analysis.models import RoundItem
from framework.localized import pick_language
from framework.models import MASTER_LANGUAGE, Item, ItemText, ScaleText
from surveys.models import TranslationCorrection
from surveys.texts_state import TextsState, current_texts_state


@dataclass(frozen=True)
class Option:
    value: str
    label: str
    dutch_label: str
    is_fallback: bool = False  # no label in the chosen language: the Dutch label is shown


@dataclass(frozen=True)
class RespondentItem:
    item: Item
    text: str
    dutch_text: str
    is_fallback: bool  # no translation in the chosen language: the Dutch text is shown
    options: tuple[Option, ...]

    @property
    def spoken_text(self) -> str:
        """What read-aloud says: the question, then the answer options."""
        return " ".join([self.text, *(f"{option.value}: {option.label}." for option in self.options)])


PAGES_CACHE_SECONDS = 60


def questionnaire_pages(round_id: UUID, audience: str) -> list[list[UUID]]:
    """The item ids of a questionnaire, one page per dimension (no texts).

    Asked on every page a respondent saves, and a round's questionnaire items do not change while it
    runs (only a content upgrade can retire one), so the answer is kept a minute in the cache.
    """
    key = f"questionnaire-pages:{round_id}:{audience}"
    pages: list[list[UUID]] | None = cache.get(key)
    if pages is None:
        pages = _load_questionnaire_pages(round_id, audience)
        cache.set(key, pages, PAGES_CACHE_SECONDS)
    return pages


def _load_questionnaire_pages(round_id: UUID, audience: str) -> list[list[UUID]]:
    rows = (
        Item.objects.filter(
            id__in=RoundItem.objects.filter(round_id=round_id).values("item_id"), audience=audience, retired=False
        )
        .order_by("dimension__position", "position")
        .values_list("id", "dimension_id")
    )
    pages: list[list[UUID]] = []
    last_dimension = None
    for item_id, dimension_id in rows:
        if dimension_id != last_dimension:
            pages.append([])
            last_dimension = dimension_id
        pages[-1].append(item_id)
    return pages


def respondent_items(
    round_id: UUID,
    audience: str,
    language: str,
    school_id: UUID,
    item_ids: Collection[UUID] | None = None,
    texts_state: TextsState | None = None,
) -> list[RespondentItem]:
    """The questionnaire's items as the respondent sees them, in order; only those of `item_ids` when given.

    Asked on every page shown, so kept to at most one plain query: the school's corrections, read on
    every request so a correction shows at once on every server (none when `texts_state` says the school
    has none). The framework's texts change only when content is loaded, so they come from this process's
    cache keyed by the latest content release. `texts_state` is read here when not given. Which items the
    questionnaire holds comes from `questionnaire_pages`.
    """
    in_questionnaire = [item_id for page in questionnaire_pages(round_id, audience) for item_id in page]
    asked = set(in_questionnaire if item_ids is None else item_ids)
    wanted = tuple(item_id for item_id in in_questionnaire if item_id in asked)
    state = texts_state or current_texts_state()
    framework = _framework_texts(state.release, language, wanted)
    items = [framework.items[item_id] for item_id in wanted if item_id in framework.items]
    corrections: dict[UUID, str] = {}
    if state.school_corrects:
        corrections = dict(
            TranslationCorrection.objects.filter(
                school_id=school_id, language=language, item_id__in=wanted
            ).values_list("item_id", "text")
        )
    shown = []
    for item in items:
        item_texts = dict(framework.texts.get(item.id, {}))
        if corrections.get(item.id, "").strip():  # a blank correction counts as missing too
            item_texts[language] = corrections[item.id]
        text, is_fallback = pick_language(item_texts, language)
        dutch = item_texts.get(MASTER_LANGUAGE) or item.key
        shown.append(RespondentItem(item, text or dutch, dutch, is_fallback, framework.options.get(item.scale_id, ())))
    return shown


def respondent_item(
    round_id: UUID,
    audience: str,
    language: str,
    school_id: UUID,
    item_id: UUID,
    texts_state: TextsState | None = None,
) -> RespondentItem | None:
    """One item of the questionnaire as the respondent sees it (what read-aloud speaks), or None if not in it."""
    return next(iter(respondent_items(round_id, audience, language, school_id, [item_id], texts_state)), None)


@dataclass(frozen=True)
class _FrameworkTexts:
    """The framework's side of some items in one language and Dutch; shared between requests, never changed."""

    items: dict[UUID, Item]
    texts: dict[UUID, dict[str, str]]  # item id → language → text (blank texts left out)
    options: dict[int, tuple[Option, ...]]  # per scale id


@lru_cache(maxsize=2048)  # a few entries per language and page: bounded, and old releases fall out
def _framework_texts(release: int, language: str, item_ids: tuple[UUID, ...]) -> _FrameworkTexts:
    """Two queries: the items with their texts, and their scales' labels. `release` is only the cache key."""
    languages = sorted({language, MASTER_LANGUAGE})
    # Only fields shown: a full row costs more to build than the query.
    found: dict[UUID, Item] = {}
    texts: dict[UUID, dict[str, str]] = {}
    for item_text in (
        ItemText.objects.filter(item_id__in=item_ids, language__in=languages)
        .select_related("item")
        .only("item_id", "language", "text", "item__id", "item__key", "item__dimension_id", "item__scale_id")
    ):
        found[item_text.item_id] = item_text.item
        if item_text.text.strip():  # a blank translation counts as missing: never an empty question
            texts.setdefault(item_text.item_id, {})[item_text.language] = item_text.text
    if missing := [item_id for item_id in item_ids if item_id not in found]:  # no text at all: shown by its key
        found |= {
            item.id: item for item in Item.objects.filter(id__in=missing).only("id", "key", "dimension_id", "scale_id")
        }
    scale_ids = {item.scale_id for item in found.values()}
    scale_labels: dict[int, dict[str, dict[str, str]]] = {}
    for scale_id, scale_language, labels in ScaleText.objects.filter(
        scale_id__in=scale_ids, language__in=languages
    ).values_list("scale_id", "language", "labels"):
        scale_labels.setdefault(scale_id, {})[scale_language] = labels
    options = {scale_id: _options(scale_labels.get(scale_id, {}), language) for scale_id in scale_ids}
    return _FrameworkTexts(found, texts, options)


def forget_framework_texts() -> None:
    """Empty this process's cache of framework texts (tests that change texts behind the loaders' back)."""
    _framework_texts.cache_clear()


def _options(labels: dict[str, dict[str, str]], language: str) -> tuple[Option, ...]:
    """The answer options of the Dutch scale; a label missing or blank in `language` is the Dutch one."""
    dutch = labels.get(MASTER_LANGUAGE) or {}
    translated = labels.get(language) or {}
    options = []
    for value in sorted(dutch or translated):
        dutch_label = str(dutch.get(value) or "").strip()
        label = str(translated.get(value) or "").strip()
        fallback = not label and language != MASTER_LANGUAGE
        options.append(Option(value, label or dutch_label or value, dutch_label or label or value, fallback))
    return tuple(options)
