from typing import Any

from django import forms
from django.db.models import Q
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from actions.check import PUPILS_TAKE_PART
from actions.models import Action, ActionComment, Effort, TargetGroup
from actions.suggest import SuggestionFilter
from framework.localized import ShownDimension
from framework.models import Dimension
from schools.models import School
from support.models import SupportOrganisation


class DimensionChoiceField(forms.ModelMultipleChoiceField):
    def __init__(self, *args: Any, names: dict[int, str], **kwargs: Any) -> None:
        self.names = names
        super().__init__(*args, **kwargs)

    def label_from_instance(self, obj: Any) -> str:
        return self.names.get(obj.pk, obj.key)


def dimensions_field(dimensions: list[ShownDimension], help_text: str | Promise = "") -> DimensionChoiceField:
    """The tick boxes of the seven dimensions, named in the page's language."""
    return DimensionChoiceField(
        label=_("Dimensions it works on"),
        queryset=Dimension.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        names={shown.dimension.pk: shown.name for shown in dimensions},
        help_text=help_text,
    )


class OwnerChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.name or obj.email)


class ActionForm(forms.ModelForm[Action]):
    class Meta:
        model = Action
        fields = (
            "title",
            "description",
            "dimensions",
            "target_group",
            "pupil_role",
            "pupil_part",
            "owner",
            "support",
            "starts_on",
            "due_on",
            "status",
            "success_indicator",
            "evaluation",
        )
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "pupil_part": forms.Textarea(attrs={"rows": 2}),
            "success_indicator": forms.Textarea(attrs={"rows": 2}),
            "evaluation": forms.Textarea(attrs={"rows": 3}),
            "starts_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "due_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }

    def __init__(self, *args: Any, school: School, dimensions: list[ShownDimension], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["dimensions"] = dimensions_field(
            dimensions, _("Most good actions work on two or three dimensions at once.")
        )
        self.fields["owner"] = OwnerChoiceField(
            label=_("Owner"),
            queryset=User.objects.filter(memberships__school=school).order_by("name"),
            required=False,
            empty_label=_("— nobody yet —"),
            help_text=_("The person who makes sure it happens."),
        )
        self.fields["support"].required = False
        self.fields["support"].empty_label = _("— none —")  # type: ignore[attr-defined]
        self.fields["support"].label = _("Support organisation")
        self.fields["support"].help_text = _("The organisation that helps with this action, if any.")
        # An organisation that left the directory stays only on the actions that already name it.
        self.fields["support"].queryset = SupportOrganisation.objects.filter(  # type: ignore[attr-defined]
            Q(retired=False) | Q(pk=self.instance.support_id)
        )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        starts_on, due_on = cleaned.get("starts_on"), cleaned.get("due_on")
        if starts_on and due_on and due_on < starts_on:
            self.add_error("due_on", _("The due date comes before the start date."))
        if cleaned.get("pupil_role") in PUPILS_TAKE_PART and not (cleaned.get("pupil_part") or "").strip():
            self.add_error("pupil_part", _("Say how pupils take part."))
        return cleaned


class CommentForm(forms.ModelForm[ActionComment]):
    class Meta:
        model = ActionComment
        fields = ("text",)
        labels = {"text": _("Your comment")}
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}

    def clean_text(self) -> str:
        text = (self.cleaned_data.get("text") or "").strip()
        if not text:
            raise forms.ValidationError(_("Write a comment first."))
        return text


class SuggestionFilterForm(forms.Form):
    """Narrowing the plan's suggestions (a GET form: the choice stays in the URL); empty means any."""

    dimension = forms.ChoiceField(label=_("Dimension"), required=False)
    effort = forms.ChoiceField(label=_("Effort"), required=False, choices=[("", _("Any effort")), *Effort.choices])
    target_group = forms.ChoiceField(
        label=_("Target group"), required=False, choices=[("", _("Any target group")), *TargetGroup.choices]
    )

    def __init__(self, *args: Any, dimensions: list[ShownDimension], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = [("", _("Any dimension")), *((shown.key, shown.name) for shown in dimensions)]
        self.fields["dimension"].choices = choices  # type: ignore[attr-defined]

    def chosen(self) -> SuggestionFilter:
        """The valid part of the choice; a value that is not on offer (an old or edited URL) narrows nothing."""
        if not self.is_bound:
            return SuggestionFilter()
        self.is_valid()
        cleaned = getattr(self, "cleaned_data", {})
        return SuggestionFilter(
            cleaned.get("dimension", ""), cleaned.get("effort", ""), cleaned.get("target_group", "")
        )


class ProgressForm(forms.ModelForm[Action]):
    """What the owner of an action on the parent side keeps up to date on her own page."""

    class Meta:
        model = Action
        fields = ("status", "evaluation")
        widgets = {"evaluation": forms.Textarea(attrs={"rows": 3})}
