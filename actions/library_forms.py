from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from actions.check import PUPILS_TAKE_PART
from actions.forms import dimensions_field
from actions.models import Effort, PupilRole, TargetGroup
from framework.localized import ShownDimension


class OwnLibraryActionForm(forms.Form):
    """A school's own action for its library, in Dutch (the school's master language)."""

    title = forms.CharField(label=_("Title"), max_length=200)
    description = forms.CharField(label=_("Description"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3}))
    target_group = forms.ChoiceField(label=_("Target group"), choices=TargetGroup.choices)
    effort = forms.ChoiceField(label=_("Effort"), choices=Effort.choices)
    pupil_role = forms.ChoiceField(label=_("Pupils' role"), choices=PupilRole.choices)
    pupil_part = forms.CharField(
        label=_("How pupils take part"), max_length=1000, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args: Any, dimensions: list[ShownDimension], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["dimensions"] = dimensions_field(dimensions)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("pupil_role") in PUPILS_TAKE_PART and not (cleaned.get("pupil_part") or "").strip():
            self.add_error("pupil_part", _("Say how pupils take part."))
        return cleaned
