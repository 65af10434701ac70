"""The coordinator's form to compose the page: points tied to figures, the team's conclusion, the plan's actions,
the pupils' versions and the engagementsverklaring's evaluation. Plain fields, no JavaScript needed."""

from collections.abc import Sequence
from datetime import date
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from engagement.past_dates import PastDateField
from feedback.composing import PARENTS, PUPILS, FigureOption
from feedback.texts import POOLED_LABEL, EvaluationShown, FeedbackText, FigureRef, PlannedAction, Point
from framework.models import PUPIL_AUDIENCES, Audience

INCOMPLETE = _(
    "The form arrived incomplete, so nothing was saved. Here is the text as it was: change it and save again."
)
POINT_SLOTS = 5  # at most five points per audience (feedback.versions.MAX_POINTS)
TEXT_LIMIT = 600


def _area(label: Any, rows: int = 3, limit: int = TEXT_LIMIT, help_text: Any = "") -> forms.CharField:
    return forms.CharField(
        label=label,
        required=False,
        max_length=limit,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": rows}),
    )


def figure_label(option: FigureOption) -> str:
    """The figure as the coordinator chooses it. Answers are counted in chunks of five, so the number is who is IN
    the figure (not who answered); the pooled rest is named as what it is, not as a group."""
    where = POOLED_LABEL if option.pooled else (option.group_name or option.side_name)
    mean = f"{option.ref.mean:.1f}".replace(".", ",") if option.ref.mean is not None else "–"
    facts = {"dimension": option.dimension_name, "where": where, "mean": mean, "people": option.ref.respondents}
    if option.ref.audience == PUPILS:
        return str(_("%(dimension)s · %(where)s: mean %(mean)s, %(people)s pupils in this figure") % facts)
    return str(_("%(dimension)s · %(where)s: mean %(mean)s, %(people)s parents in this figure") % facts)


def missing_fields(form: forms.Form) -> list[str]:
    """The fields the page showed that a sent form lacks (a browser always sends them, empty or not; only an
    unticked checkbox is left out). A form without them is incomplete, not a wish to empty the page."""
    if not form.is_bound:
        return []
    shown = [name for name, field in form.fields.items() if not isinstance(field.widget, forms.CheckboxInput)]
    return [name for name in shown if name not in form.data]


class ComposeForm(forms.Form):
    introduction = _area(_("Introduction"), rows=3)
    team = _area(_("What the team concluded"), rows=4, help_text=_("In your own words, for parents."))
    change_note = forms.CharField(label=_("What changed (for the versions list)"), required=False, max_length=300)

    def __init__(
        self,
        *args: Any,
        options: Sequence[FigureOption],
        plan: Sequence[PlannedAction],
        evaluation_year: str = "",
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.options = {option.ref.key: option for option in options}
        self.plan = list(plan)
        for audience in (PARENTS, PUPILS):
            choices = [("", _("— no point —"))] + [
                (option.ref.key, figure_label(option)) for option in options if option.ref.audience == audience
            ]
            for slot in range(1, POINT_SLOTS + 1):
                self.fields[f"{audience}_{slot}_figure"] = forms.ChoiceField(
                    label=_("Figure"), choices=choices, required=False
                )
                self.fields[f"{audience}_{slot}_text"] = _area(_("What they said, in one or two plain sentences"), 2)
        for action in self.plan:
            prefix = f"action_{action.action_id}"
            self.fields[f"{prefix}_include"] = forms.BooleanField(label=_("On the page"), required=False)
            self.fields[f"{prefix}_title"] = forms.CharField(label=_("Title"), max_length=200, required=False)
            self.fields[f"{prefix}_when"] = forms.CharField(label=_("When"), max_length=120, required=False)
            self.fields[f"{prefix}_who"] = forms.CharField(label=_("Who"), max_length=120, required=False)
            self.fields[f"{prefix}_pupils_part"] = _area(_("What pupils do"), 2)
        for audience in PUPIL_AUDIENCES:
            self.fields[f"for_pupils_{audience}"] = _area(
                _("For pupils (%(band)s), in the je-form") % {"band": Audience(audience).label}, 4
            )
        self.evaluation_year = evaluation_year
        if evaluation_year:
            self.fields["evaluation_include"] = forms.BooleanField(
                label=_("Show the year-end evaluation of the engagementsverklaring %(year)s")
                % {"year": evaluation_year},
                required=False,
            )
            self.fields["evaluation_seen_on"] = PastDateField(
                label=_("Date the schoolraad discussed the evaluation"),
                required=False,
                in_future=_("The schoolraad cannot have seen it in the future: give the date of its meeting."),
                implausible=_("Give the date of the meeting."),
            )

    def point_slots(self, audience: str) -> list[tuple[forms.BoundField, forms.BoundField]]:
        return [
            (self[f"{audience}_{slot}_figure"], self[f"{audience}_{slot}_text"]) for slot in range(1, POINT_SLOTS + 1)
        ]

    @property
    def parent_slots(self) -> list[tuple[forms.BoundField, forms.BoundField]]:
        return self.point_slots(PARENTS)

    @property
    def pupil_slots(self) -> list[tuple[forms.BoundField, forms.BoundField]]:
        return self.point_slots(PUPILS)

    def action_rows(self) -> list[tuple[PlannedAction, list[forms.BoundField]]]:
        parts = ("include", "title", "when", "who", "pupils_part")
        return [(action, [self[f"action_{action.action_id}_{part}"] for part in parts]) for action in self.plan]

    def pupil_fields(self) -> list[forms.BoundField]:
        return [self[f"for_pupils_{audience}"] for audience in PUPIL_AUDIENCES]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if missing_fields(self):
            raise forms.ValidationError(INCOMPLETE)
        for audience in (PARENTS, PUPILS):
            for slot in range(1, POINT_SLOTS + 1):
                figure, text = cleaned.get(f"{audience}_{slot}_figure"), cleaned.get(f"{audience}_{slot}_text", "")
                if text and not figure:
                    self.add_error(f"{audience}_{slot}_figure", _("Tie this point to a figure of the round."))
                if figure and not text:
                    self.add_error(f"{audience}_{slot}_text", _("Write what they said, or choose no figure."))
        if cleaned.get("evaluation_include") and not cleaned.get("evaluation_seen_on"):
            self.add_error("evaluation_seen_on", _("The evaluation is shown only after the schoolraad has seen it."))
        return cleaned

    def points(self, audience: str) -> tuple[Point, ...]:
        found = []
        for slot in range(1, POINT_SLOTS + 1):
            key, text = (
                self.cleaned_data.get(f"{audience}_{slot}_figure"),
                self.cleaned_data.get(f"{audience}_{slot}_text"),
            )
            if key and text:
                ref: FigureRef = self.options[key].ref
                found.append(Point(ref.dimension, text.strip(), ref))
        return tuple(found)

    def text(self, evaluation: EvaluationShown | None) -> FeedbackText:
        """The composed text; `evaluation`: the declaration's evaluation as the coordinator chose to show it."""
        data = self.cleaned_data
        actions = tuple(
            PlannedAction(
                action.action_id,
                data[f"action_{action.action_id}_title"].strip() or action.title,
                data[f"action_{action.action_id}_when"].strip(),
                data[f"action_{action.action_id}_who"].strip(),
                data[f"action_{action.action_id}_pupils_part"].strip(),
                action.dimensions,
            )
            for action in self.plan
            if data.get(f"action_{action.action_id}_include")
        )
        return FeedbackText(
            introduction=data["introduction"].strip(),
            parents=self.points(PARENTS),
            pupils=self.points(PUPILS),
            team=data["team"].strip(),
            actions=actions,
            for_pupils={
                audience: data[f"for_pupils_{audience}"].strip()
                for audience in PUPIL_AUDIENCES
                if data[f"for_pupils_{audience}"].strip()
            },
            evaluation=evaluation if data.get("evaluation_include") else None,
        )

    def seen_on(self) -> date | None:
        value = self.cleaned_data.get("evaluation_seen_on")
        return value if isinstance(value, date) else None


def initial_from(text: FeedbackText, plan: Sequence[PlannedAction]) -> dict[str, Any]:
    """The form's values for a kept text; plan actions not on the page start unticked with the plan's words."""
    initial: dict[str, Any] = {"introduction": text.introduction, "team": text.team}
    for audience, points in ((PARENTS, text.parents), (PUPILS, text.pupils)):
        for slot, point in enumerate(points, start=1):
            initial[f"{audience}_{slot}_figure"] = point.figure.key if point.figure else ""
            initial[f"{audience}_{slot}_text"] = point.text
    on_page = {action.action_id: action for action in text.actions}
    for action in plan:
        shown = on_page.get(action.action_id, action)
        prefix = f"action_{action.action_id}"
        initial[f"{prefix}_include"] = action.action_id in on_page
        for part in ("title", "when", "who", "pupils_part"):
            initial[f"{prefix}_{part}"] = getattr(shown, part)
    for audience, words in text.for_pupils.items():
        initial[f"for_pupils_{audience}"] = words
    if text.evaluation is not None:
        initial["evaluation_include"] = True
        initial["evaluation_seen_on"] = text.evaluation.seen_by_schoolraad_on
    return initial
