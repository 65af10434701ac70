from typing import Any
from uuid import UUID

from django import forms
from django.utils.translation import pgettext_lazy

from surveys.texts import RespondentItem

DONT_KNOW = "dk"


class CodeForm(forms.Form):
    code = forms.CharField(
        label=pgettext_lazy("respondent", "Your code"),
        max_length=40,
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false", "inputmode": "text"}
        ),
        help_text=pgettext_lazy("respondent", "The code is on your letter, for example ABCDE-FGHJK."),
    )


class RespondentPageForm(forms.Form):
    """One page of a parent's or pupil's questionnaire: a few items on a five-step scale."""

    def __init__(self, *args: Any, items: list[RespondentItem], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.items = items
        for shown in items:
            choices = [(option.value, option.label) for option in shown.options] + [(DONT_KNOW, DONT_KNOW)]
            self.fields[f"item-{shown.item.id}"] = forms.ChoiceField(
                label=shown.text, choices=choices, required=False, widget=forms.RadioSelect
            )

    def answers(self) -> dict[UUID, int | None]:
        result: dict[UUID, int | None] = {}
        for shown in self.items:
            raw = self.cleaned_data.get(f"item-{shown.item.id}")
            if raw == DONT_KNOW:
                result[shown.item.id] = None
            elif raw:
                result[shown.item.id] = int(raw)
        return result

    def chosen(self, shown: RespondentItem) -> str:
        value = self[f"item-{shown.item.id}"].value()
        return str(value) if value else ""


class OpenAnswerForm(forms.Form):
    open_answer = forms.CharField(
        label=pgettext_lazy("respondent", "Is there anything else you want to tell the school? (You may skip this.)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
