import re
from datetime import date
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from analysis.models import Round, Scope, Voice
from framework.localized import ShownItem
from framework.scale_forms import ScaleAnswerForm, answer_choices, field_name
from schools.models import Role, School

EARLIEST_DATE = date(2000, 1, 1)
LATEST_DATE = date(2100, 12, 31)


class PeopleChoiceField(forms.ModelMultipleChoiceField):
    """People by user id. A value that is no plausible id is refused before it reaches the database:
    SQLite raises OverflowError on a number beyond 64 bits instead of finding nobody."""

    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.name} ({obj.email})"

    def clean(self, value: Any) -> Any:
        if isinstance(value, list | tuple):
            for pk in value:
                if not re.fullmatch(r"[0-9]{1,18}", str(pk)):
                    raise forms.ValidationError(
                        self.error_messages["invalid_pk_value"], code="invalid_pk_value", params={"pk": pk}
                    )
        return super().clean(value)


def team_people(school: School) -> Any:
    return User.objects.filter(
        memberships__school=school, memberships__role__in=(Role.COORDINATOR, Role.TEAM)
    ).order_by("name")


def _date_field(label: Any) -> forms.DateField:
    return forms.DateField(
        label=label, required=False, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )


# The voices that may get their own period on the round form (the team's is the round's own dates).
QUESTIONNAIRE_PERIOD_FIELDS = {
    Voice.PARENTS: ("parents_opens_on", "parents_closes_on"),
    Voice.PUPILS: ("pupils_opens_on", "pupils_closes_on"),
}


class RoundForm(forms.ModelForm[Round]):
    parents_opens_on = _date_field(_("Parents answer from"))
    parents_closes_on = _date_field(_("Parents answer until"))
    pupils_opens_on = _date_field(_("Pupils answer from"))
    pupils_closes_on = _date_field(_("Pupils answer until"))
    field_order = (
        "title",
        "scope",
        "scope_description",
        "starts_on",
        "ends_on",
        "parents_opens_on",
        "parents_closes_on",
        "pupils_opens_on",
        "pupils_closes_on",
        "previous",
        "invitees",
    )
    invitees = PeopleChoiceField(
        label=_("Who answers?"),
        queryset=User.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Team members and coordinators of the school. You can invite more later."),
    )

    class Meta:
        model = Round
        fields = ("title", "scope", "scope_description", "starts_on", "ends_on", "previous")
        labels = {"starts_on": _("The team answers from"), "ends_on": _("The team answers until")}
        help_texts = {
            "ends_on": _(
                "The team's reflection. Parents and pupils get the same dates unless you give them their own "
                "below: they usually answer after the team meeting, so give them a later end date."
            )
        }
        widgets = {
            "scope": forms.RadioSelect,
            "scope_description": forms.Textarea(attrs={"rows": 3}),
            "starts_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "ends_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }

    def __init__(self, *args: Any, school: School, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        people = team_people(school)
        self.fields["invitees"].queryset = people  # type: ignore[attr-defined]
        if not self.is_bound:
            self.fields["invitees"].initial = list(people)
        self.fields["scope"].choices = Scope.choices  # type: ignore[attr-defined]
        previous = self.fields["previous"]
        previous.queryset = Round.objects.filter(school=school).order_by("-starts_on")  # type: ignore[attr-defined]
        previous.empty_label = _("No: a new start with the current questions")  # type: ignore[attr-defined]
        previous.label_from_instance = lambda round_: f"{round_.title} ({round_.starts_on:%d/%m/%Y})"  # type: ignore[attr-defined]

    def clean_starts_on(self) -> date:
        return _date_in_range(self.cleaned_data["starts_on"])

    def clean_ends_on(self) -> date:
        return _date_in_range(self.cleaned_data["ends_on"])

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        starts_on, ends_on = cleaned.get("starts_on"), cleaned.get("ends_on")
        if starts_on and ends_on and ends_on < starts_on:
            self.add_error("ends_on", _("The end date comes before the start date."))
        for opens_field, closes_field in QUESTIONNAIRE_PERIOD_FIELDS.values():
            if not (cleaned.get(opens_field) or cleaned.get(closes_field)):
                continue  # the round's dates, checked above
            opens_on = cleaned.get(opens_field) or starts_on
            closes_on = cleaned.get(closes_field) or ends_on
            for name, value in ((opens_field, cleaned.get(opens_field)), (closes_field, cleaned.get(closes_field))):
                if value and not EARLIEST_DATE <= value <= LATEST_DATE:
                    self.add_error(name, _("Give a date between 2000 and 2100."))
            if opens_on and closes_on and closes_on < opens_on and closes_field not in self.errors:
                self.add_error(closes_field, _("The end date comes before the start date."))
        scope = cleaned.get("scope")
        if scope in (Scope.GROUP, Scope.SITUATION) and not (cleaned.get("scope_description") or "").strip():
            self.add_error("scope_description", _("Describe the group or the situation this round is about."))
        return cleaned

    def periods(self) -> dict[str, tuple[date, date]]:
        """Each voice's period; a date left empty is the round's (the team's) date."""
        data = self.cleaned_data
        periods: dict[str, tuple[date, date]] = {Voice.TEAM: (data["starts_on"], data["ends_on"])}
        for voice, (opens_field, closes_field) in QUESTIONNAIRE_PERIOD_FIELDS.items():
            periods[voice] = (data.get(opens_field) or data["starts_on"], data.get(closes_field) or data["ends_on"])
        return periods


def _date_in_range(value: date) -> date:
    if not EARLIEST_DATE <= value <= LATEST_DATE:
        raise forms.ValidationError(_("Give a date between 2000 and 2100."))
    return value


class InviteToRoundForm(forms.Form):
    invitees = PeopleChoiceField(label=_("Invite"), queryset=User.objects.none(), widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args: Any, school: School, exclude_ids: set[int], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["invitees"].queryset = team_people(school).exclude(pk__in=exclude_ids)  # type: ignore[attr-defined]


class AnswerPageForm(ScaleAnswerForm):
    """One dimension's items as five-step scales plus "weet ik niet", and a note."""

    note = forms.CharField(
        label=_("Note on this dimension (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("An example, a doubt, an idea. Notes are shown to the team without your name."),
    )

    def __init__(self, *args: Any, items: list[ShownItem], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.items = items
        for shown in items:
            options = ((option.value, option.label) for option in shown.options)
            self.add_item(shown.item.id, answer_choices(options, shown.dont_know), label=shown.text)

    def rows(self) -> list[tuple[ShownItem, forms.BoundField]]:
        return [(shown, self[field_name(shown.item.id)]) for shown in self.items]


class ConclusionForm(forms.Form):
    """Prefixed with the dimension key, so the seven forms on one page keep their own ids."""

    text = forms.CharField(
        label=_("Shared conclusion"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("What does the team conclude about this dimension, after talking it through?"),
    )


class SharingForm(forms.Form):
    """What parent representatives and schoolraad members may read of a round; `confirmed` after the question."""

    profile = forms.BooleanField(
        label=_("The profile"),
        required=False,
        help_text=_(
            "The team's, the parents' and the pupils' figures per dimension, under the rule of five. "
            "Open answers stay with the team."
        ),
    )
    conclusions = forms.BooleanField(
        label=_("The team's conclusions"), required=False, help_text=_("The shared conclusion per dimension.")
    )
    plan = forms.BooleanField(
        label=_("The action plan"),
        required=False,
        help_text=_("Each action with its dimensions, target group, status and due date; who carries it by role."),
    )
    confirmed = forms.BooleanField(required=False, widget=forms.HiddenInput)
