"""Questionnaire items in the respondent's language, with the Dutch master beside them.

A school's correction of a translation wins over the framework's text. A missing translation
falls back to the Dutch text, marked so the page can say so — never to an empty label.
"""

from dataclasses import dataclass
from uuid import UUID

from django.db.models import Prefetch

from analysis.models import RoundItem
from framework.localized import pick_language
from framework.models import MASTER_LANGUAGE, Item, ItemText, ScaleText
from surveys.models import TranslationCorrection


@dataclass(frozen=True)
class Option:
    value: str
    label: str
    dutch_label: str


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


def respondent_items(round_id: UUID, audience: str, language: str, school_id: UUID) -> list[RespondentItem]:
    languages = sorted({language, MASTER_LANGUAGE})
    items = (
        Item.objects.filter(
            id__in=RoundItem.objects.filter(round_id=round_id).values("item_id"), audience=audience, retired=False
        )
        .select_related("dimension", "scale")
        .prefetch_related(
            Prefetch("texts", queryset=ItemText.objects.filter(language__in=languages)),
            Prefetch("scale__texts", queryset=ScaleText.objects.filter(language__in=languages)),
        )
        .order_by("dimension__position", "position")
    )
    corrections = dict(
        TranslationCorrection.objects.filter(school_id=school_id, language=language).values_list("item_id", "text")
    )
    shown = []
    for item in items:
        texts = {text.language: text.text for text in item.texts.all()}
        if item.id in corrections:
            texts[language] = corrections[item.id]
        text, is_fallback = pick_language(texts, language)
        dutch = texts.get(MASTER_LANGUAGE, item.key)
        scales = {scale_text.language: scale_text for scale_text in item.scale.texts.all()}
        scale, _fallback = pick_language(scales, language)
        dutch_scale = scales.get(MASTER_LANGUAGE)
        options = (
            tuple(
                Option(value, scale.labels[value], dutch_scale.labels[value] if dutch_scale else scale.labels[value])
                for value in sorted(scale.labels)
            )
            if scale
            else ()
        )
        shown.append(RespondentItem(item, text or dutch, dutch, is_fallback, options))
    return shown
