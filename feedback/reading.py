"""What families read: the published Dutch text, part by part, with the translation in their language beside it.

The translation is never shown alone (Vaste Commissie voor Taaltoezicht), as on the engagementsverklaring's page.
Dimension names come from the framework in both languages; domain titles from the published engagementsverklaring.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field

from engagement.models import Declaration
from engagement.parents.acknowledging import TRANSLATION_WORD
from engagement.parents.acknowledging import reading_for as declaration_reading
from feedback.models import FeedbackTranslation, FeedbackVersion
from feedback.texts import ACTIONS, PARENTS, PUPILS, FeedbackText, Point, feedback_text
from framework.localized import show_dimensions
from framework.models import TranslationStatus
from respondents.languages import MASTER, dutch_name


@dataclass(frozen=True)
class Passage:
    key: str  # the field's key (feedback.texts.source_fields): read-aloud links name it
    dutch: str
    translated: str  # "" when not translated


@dataclass(frozen=True)
class PointBlock:
    dimension: str
    dimension_dutch: str
    dimension_translated: str
    text: Passage
    respondents: int


@dataclass(frozen=True)
class ActionBlock:
    """One action, shown and read aloud as one block ("actions.<n>"): its title, when, who and the pupils' part."""

    key: str
    title: Passage
    when: Passage
    who: Passage
    pupils_part: Passage

    def words(self, translated: bool) -> str:
        parts = [self.title, self.when, self.who, self.pupils_part]
        texts = [(part.translated if translated else part.dutch) for part in parts]
        return ". ".join(text.rstrip(".") for text in texts if text) if texts[0] else ""


@dataclass(frozen=True)
class DeliveryBlock:
    domain: str
    title_dutch: str
    title_translated: str
    delivered: str  # an engagement Delivery value


@dataclass(frozen=True)
class FeedbackReading:
    version: FeedbackVersion
    translation_language: str  # "" when the Dutch is shown alone
    translation_is_draft: bool
    introduction: Passage
    parents: list[PointBlock]
    pupils: list[PointBlock]
    team: Passage
    actions: list[ActionBlock]
    evaluation: list[DeliveryBlock]
    evaluation_seen_on: str
    for_pupils: dict[str, Passage] = field(default_factory=dict)

    @property
    def translation_label(self) -> str:
        return f"{TRANSLATION_WORD} — {dutch_name(self.translation_language)}" if self.translation_language else ""

    def passages(self) -> list[Passage]:
        found = [self.introduction, *(block.text for block in (*self.parents, *self.pupils)), self.team]
        for action in self.actions:
            found += [action.title, action.when, action.who, action.pupils_part]
        return [*found, *self.for_pupils.values()]

    def words(self, key: str, translated: bool) -> str | None:
        """The words of one passage (or a whole action) for read-aloud; None when there is none (or no translation)."""
        for action in self.actions:
            if action.key == key:
                return action.words(translated) or None
        for passage in self.passages():
            if passage.key == key:
                return (passage.translated if translated else passage.dutch) or None
        return None


def _points(
    section: str, points: tuple[Point, ...], translated: Mapping[str, str], names: dict[str, tuple[str, str]]
) -> list[PointBlock]:
    return [
        PointBlock(
            point.dimension,
            *names.get(point.dimension, (point.dimension, "")),
            Passage(f"{section}.{index}", point.text, translated.get(f"{section}.{index}", "")),
            point.figure.respondents if point.figure else 0,
        )
        for index, point in enumerate(points)
    ]


def _dimension_names(translated: Mapping[str, str]) -> dict[str, tuple[str, str]]:
    """Per dimension its Dutch name and the translation's ("dimension.<key>", prefilled from the framework)."""
    dutch = {shown.key: shown.name for shown in show_dimensions(MASTER)}
    return {key: (name, translated.get(f"dimension.{key}", "")) for key, name in dutch.items()}


def _evaluation(text: FeedbackText, language: str) -> list[DeliveryBlock]:
    if text.evaluation is None:
        return []
    declaration = Declaration.objects.filter(pk=text.evaluation.declaration_id).select_related("published_version")
    found = declaration.first()
    titles: Mapping[str, str] = {}
    translated_titles: Mapping[str, str] = {}
    if found is not None and found.published_version is not None:
        reading = declaration_reading(found.published_version, language)
        titles = reading.dutch.domain_titles
        translated_titles = reading.translation.domain_titles if reading.translation else {}
    return [
        DeliveryBlock(
            row.domain, titles.get(row.domain, row.domain), translated_titles.get(row.domain, ""), row.delivered
        )
        for row in text.evaluation.domains
    ]


def reading_for(version: FeedbackVersion, language: str) -> FeedbackReading:
    """The version in Dutch, with the translation in `language` beside it if one exists (draft or reviewed)."""
    text = feedback_text(version.content)
    row = None
    if language != MASTER:
        row = FeedbackTranslation.objects.filter(version=version, language=language).first()
    translated: Mapping[str, str] = row.fields if row is not None else {}
    names = _dimension_names(translated)

    def passage(key: str, dutch: str) -> Passage:
        return Passage(key, dutch, translated.get(key, "") if dutch else "")

    return FeedbackReading(
        version=version,
        translation_language=row.language if row is not None else "",
        translation_is_draft=row is not None and row.status == TranslationStatus.DRAFT,
        introduction=passage("introduction", text.introduction),
        parents=_points(PARENTS, text.parents, translated, names),
        pupils=_points(PUPILS, text.pupils, translated, names),
        team=passage("team", text.team),
        actions=[
            ActionBlock(
                key=f"{ACTIONS}.{index}",
                title=passage(f"{ACTIONS}.{index}.title", action.title),
                when=passage(f"{ACTIONS}.{index}.when", action.when),
                who=passage(f"{ACTIONS}.{index}.who", action.who),
                pupils_part=passage(f"{ACTIONS}.{index}.pupils_part", action.pupils_part),
            )
            for index, action in enumerate(text.actions)
        ],
        evaluation=_evaluation(text, language),
        evaluation_seen_on=text.evaluation.seen_by_schoolraad_on if text.evaluation else "",
        for_pupils={band: passage(f"for_pupils.{band}", words) for band, words in text.for_pupils.items()},
    )
