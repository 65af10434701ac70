"""Content in the reader's language, falling back visibly to the Dutch master text."""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TypeVar

from django.db.models import Prefetch, QuerySet

from framework.models import MASTER_LANGUAGE, Dimension, DimensionText, Item, ItemText, Scale, ScaleText

T = TypeVar("T")


def pick_language(texts: Mapping[str, T], language: str) -> tuple[T | None, bool]:
    """The text in `language`, else the Dutch master; the flag says a fallback happened."""
    if language in texts:
        return texts[language], False
    return texts.get(MASTER_LANGUAGE), language != MASTER_LANGUAGE


@dataclass(frozen=True)
class ScaleOption:
    value: str
    label: str


@dataclass(frozen=True)
class ShownItem:
    item: Item
    text: str
    is_fallback: bool
    options: tuple[ScaleOption, ...]
    dont_know: str


@dataclass(frozen=True)
class ShownDimension:
    dimension: Dimension
    key: str
    name: str
    description: str
    question: str
    example_parent: str
    example_school: str
    is_fallback: bool


def _languages(language: str) -> list[str]:
    return sorted({language, MASTER_LANGUAGE})


def prefetch_item_texts(items: QuerySet[Item], language: str) -> QuerySet[Item]:
    languages = _languages(language)
    return items.select_related("dimension", "scale").prefetch_related(
        Prefetch("texts", queryset=ItemText.objects.filter(language__in=languages)),
        Prefetch("scale__texts", queryset=ScaleText.objects.filter(language__in=languages)),
    )


def show_items(items: Iterable[Item], language: str) -> list[ShownItem]:
    """Items with text and answer labels in `language`; expects `prefetch_item_texts`."""
    shown = []
    for item in items:
        text, is_fallback = pick_language({t.language: t.text for t in item.texts.all()}, language)
        scale_text, _scale_fallback = pick_language({t.language: t for t in item.scale.texts.all()}, language)
        options: tuple[ScaleOption, ...] = ()
        dont_know = ""
        if scale_text is not None:
            options = tuple(ScaleOption(value, scale_text.labels[value]) for value in sorted(scale_text.labels))
            dont_know = scale_text.dont_know
        shown.append(ShownItem(item, text or item.key, is_fallback, options, dont_know))
    return shown


def show_dimensions(language: str) -> list[ShownDimension]:
    dimensions = Dimension.objects.prefetch_related(
        Prefetch("texts", queryset=DimensionText.objects.filter(language__in=_languages(language)))
    )
    shown = []
    for dimension in dimensions:
        text, is_fallback = pick_language({t.language: t for t in dimension.texts.all()}, language)
        if text is None:
            continue  # content not loaded in this language nor Dutch: nothing sensible to show
        shown.append(
            ShownDimension(
                dimension=dimension,
                key=dimension.key,
                name=text.name,
                description=text.description,
                question=text.question,
                example_parent=text.example_parent,
                example_school=text.example_school,
                is_fallback=is_fallback,
            )
        )
    return shown


def scale_choices(language: str) -> list[tuple[str, str]]:
    """Each scale named by its two ends, e.g. ("frequency", "Nooit … Altijd")."""
    scales = Scale.objects.prefetch_related(
        Prefetch("texts", queryset=ScaleText.objects.filter(language__in=_languages(language)))
    ).order_by("key")
    choices = []
    for scale in scales:
        text, _fallback = pick_language({t.language: t for t in scale.texts.all()}, language)
        if text is not None:
            choices.append((scale.key, f"{text.labels['1']} … {text.labels['5']}"))
    return choices
