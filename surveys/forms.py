from typing import Any
from uuid import UUID

from django import forms
from django.utils.translation import pgettext_lazy

DONT_KNOW = "dk"


SCALE_CHOICES = [(value, value) for value in ("1", "2", "3", "4", "5")] + [(DONT_KNOW, DONT_KNOW)]


class RespondentPageForm(forms.Form):
    """One page of a parent's or pupil's questionnaire: a few items on a five-step scale.

    Built from item ids alone, so a posted page is checked without loading any text.
    """

    def __init__(self, *args: Any, item_ids: list[UUID], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.item_ids = item_ids
        for item_id in item_ids:
            self.fields[f"item-{item_id}"] = forms.ChoiceField(
                choices=SCALE_CHOICES, required=False, widget=forms.RadioSelect
            )

    def answers(self) -> dict[UUID, int | None]:
        result: dict[UUID, int | None] = {}
        for item_id in self.item_ids:
            raw = self.cleaned_data.get(f"item-{item_id}")
            if raw == DONT_KNOW:
                result[item_id] = None
            elif raw:
                result[item_id] = int(raw)
        return result

    def chosen(self, item_id: UUID) -> str:
        value = self[f"item-{item_id}"].value()
        return str(value) if value else ""


class OpenAnswerForm(forms.Form):
    open_answer = forms.CharField(
        label=pgettext_lazy("respondent", "Is there anything else you want to tell the school? (You may skip this.)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
