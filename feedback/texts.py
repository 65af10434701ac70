"""The feedback page's text as data, stored in FeedbackVersion.content. Pure, no database.

Four parts and two extras:
- `parents` and `pupils`: what they said, 3–5 points each, every point one plain sentence about one dimension,
  tied to a figure the rule of five allows (`FigureRef`, checked by feedback.privacy before it is kept);
- `team`: what the team concluded, in the coordinator's own words;
- `actions`: the actions the school takes, taken from the round's plan (when, who, the pupils' part);
- `for_pupils`: per pupil age band, the same news in the je-form;
- `evaluation`: the engagementsverklaring's year-end evaluation per domain, once the schoolraad has seen it;
- `done` ("wij deden"): what happened with the plan's actions that are done or stopped (feedback.done).
"""

from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

from django.utils.translation import gettext_lazy as _

PARENTS, PUPILS, TEAM, ACTIONS = "parents", "pupils", "team", "actions"
SECTIONS = (PARENTS, PUPILS, TEAM, ACTIONS)
ACTION_PARTS = ("title", "when", "who", "pupils_part")
DONE_PARTS = ("title", "what_happened")


POOLED_LABEL = _("answers of several groups together (not counted per group)")
POOLED_GROUP = "*"  # the rest of several groups released together: a key, where results.voices has a label


@dataclass(frozen=True)
class FigureRef:
    """A figure of the round's results: the mean of `audience` ("parents" or "pupils") on one dimension and side,
    for the whole school (`group` "") or one group, with the people it rests on, as it was when the point was made."""

    audience: str
    dimension: str
    side: str
    group: str
    respondents: int
    mean: float | None

    @property
    def key(self) -> str:
        return f"{self.audience}:{self.side}:{self.dimension}:{self.group}"

    @property
    def is_pooled(self) -> bool:
        return self.group == POOLED_GROUP

    @property
    def group_label(self) -> str:
        """The group as staff read it: empty for the whole school, the pooled rest named as what it is."""
        return str(POOLED_LABEL) if self.is_pooled else self.group


@dataclass(frozen=True)
class Point:
    dimension: str  # a framework dimension key: its name and pictogram are shown beside the sentence
    text: str
    figure: FigureRef | None


@dataclass(frozen=True)
class PlannedAction:
    action_id: str  # the plan's Action this was taken from
    title: str
    when: str
    who: str
    pupils_part: str
    dimensions: tuple[str, ...] = ()


@dataclass(frozen=True)
class DomainDelivery:
    domain: str  # an engagement.domains key
    delivered: str  # an engagement Delivery value


@dataclass(frozen=True)
class EvaluationShown:
    """The declaration's year-end evaluation, shown only with the date the schoolraad discussed it."""

    declaration_id: str
    school_year: str
    seen_by_schoolraad_on: str  # ISO date
    domains: tuple[DomainDelivery, ...]


@dataclass(frozen=True)
class DoneAction:
    """ "Wij deden": what happened with one action of the plan, in the coordinator's words for families."""

    action_id: str
    title: str
    outcome: str  # an actions ActionStatus value: "done" or "stopped"
    what_happened: str


@dataclass(frozen=True)
class FeedbackText:
    introduction: str = ""
    parents: tuple[Point, ...] = ()
    pupils: tuple[Point, ...] = ()
    team: str = ""
    actions: tuple[PlannedAction, ...] = ()
    for_pupils: Mapping[str, str] = field(default_factory=dict)  # pupil audience → je-form text
    evaluation: EvaluationShown | None = None
    done: tuple[DoneAction, ...] = ()

    def as_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["for_pupils"] = dict(self.for_pupils)
        return data

    def figures(self) -> list[FigureRef]:
        return [point.figure for point in (*self.parents, *self.pupils) if point.figure is not None]


def _str(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def _figure(value: Any) -> FigureRef | None:
    if not isinstance(value, Mapping):
        return None
    mean = value.get("mean")
    respondents = value.get("respondents")
    return FigureRef(
        _str(value.get("audience")),
        _str(value.get("dimension")),
        _str(value.get("side")),
        _str(value.get("group")),
        respondents if isinstance(respondents, int) else 0,
        float(mean) if isinstance(mean, int | float) else None,
    )


def _points(values: Any) -> tuple[Point, ...]:
    if not isinstance(values, list):
        return ()
    return tuple(
        Point(_str(value.get("dimension")), _str(value.get("text")), _figure(value.get("figure")))
        for value in values
        if isinstance(value, Mapping)
    )


def _actions(values: Any) -> tuple[PlannedAction, ...]:
    if not isinstance(values, list):
        return ()
    return tuple(
        PlannedAction(
            action_id=_str(value.get("action_id")),
            title=_str(value.get("title")),
            when=_str(value.get("when")),
            who=_str(value.get("who")),
            pupils_part=_str(value.get("pupils_part")),
            dimensions=tuple(key for key in value.get("dimensions") or () if isinstance(key, str)),
        )
        for value in values
        if isinstance(value, Mapping)
    )


def _evaluation(value: Any) -> EvaluationShown | None:
    if not isinstance(value, Mapping):
        return None
    domains = tuple(
        DomainDelivery(_str(row.get("domain")), _str(row.get("delivered")))
        for row in value.get("domains") or ()
        if isinstance(row, Mapping)
    )
    return EvaluationShown(
        _str(value.get("declaration_id")),
        _str(value.get("school_year")),
        _str(value.get("seen_by_schoolraad_on")),
        domains,
    )


def _done(values: Any) -> tuple[DoneAction, ...]:
    if not isinstance(values, list):
        return ()
    return tuple(
        DoneAction(
            _str(value.get("action_id")),
            _str(value.get("title")),
            _str(value.get("outcome")),
            _str(value.get("what_happened")),
        )
        for value in values
        if isinstance(value, Mapping)
    )


def feedback_text(content: Mapping[str, Any]) -> FeedbackText:
    """Read stored JSON back; malformed parts are left out rather than trusted."""
    pupils_texts = content.get("for_pupils")
    return FeedbackText(
        introduction=_str(content.get("introduction")),
        parents=_points(content.get("parents")),
        pupils=_points(content.get("pupils")),
        team=_str(content.get("team")),
        actions=_actions(content.get("actions")),
        for_pupils={key: _str(text) for key, text in pupils_texts.items() if _str(text)}
        if isinstance(pupils_texts, Mapping)
        else {},
        evaluation=_evaluation(content.get("evaluation")),
        done=_done(content.get("done")),
    )


@dataclass(frozen=True)
class SourceField:
    """One translatable field of the Dutch text: a key that stays the same between versions of the same shape."""

    key: str  # "introduction", "parents.0", "pupils.1", "team", "actions.2.who", "for_pupils.pupil_10_12"
    section: str
    dutch: str


def source_fields(text: FeedbackText) -> list[SourceField]:
    """Every field with Dutch text, in reading order."""
    fields = [SourceField("introduction", "", text.introduction)]
    fields += [SourceField(f"{PARENTS}.{index}", PARENTS, point.text) for index, point in enumerate(text.parents)]
    fields += [SourceField(f"{PUPILS}.{index}", PUPILS, point.text) for index, point in enumerate(text.pupils)]
    fields.append(SourceField(TEAM, TEAM, text.team))
    for index, action in enumerate(text.actions):
        fields += [SourceField(f"{ACTIONS}.{index}.{part}", ACTIONS, getattr(action, part)) for part in ACTION_PARTS]
    fields += [
        SourceField(f"for_pupils.{band}", "for_pupils", words) for band, words in sorted(text.for_pupils.items())
    ]
    for index, done in enumerate(text.done):
        fields += [
            SourceField(f"done.{index}.{part}", "done", getattr(done, part)) for part in ("title", "what_happened")
        ]
    return [field for field in fields if field.dutch.strip()]


def field_values(text: FeedbackText) -> dict[str, str]:
    return {field.key: field.dutch for field in source_fields(text)}
