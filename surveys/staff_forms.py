from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.plain_text import single_line
from framework.models import SURVEY_AUDIENCE_CHOICES
from respondents.languages import STAFF_TRANSLATION_CHOICES
from surveys.batches import MAX_BATCH_SIZE
from surveys.models import CodeBatch


class CodeBatchForm(forms.ModelForm[CodeBatch]):
    home_language = forms.ChoiceField(
        label=_("Home language (optional)"),
        required=False,
        help_text=_("Letters then show the translation beside the Dutch text, and the questionnaire opens in it."),
    )
    size = forms.IntegerField(label=_("Number of codes"), min_value=1, max_value=MAX_BATCH_SIZE, initial=25)

    class Meta:
        model = CodeBatch
        fields = ("audience", "group_kind", "group_label", "home_language", "size")
        help_texts = {"group_label": _("For example 3A or 'first grade'. Leave empty for the whole school.")}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["audience"].choices = [("", _("— choose —")), *SURVEY_AUDIENCE_CHOICES]  # type: ignore[attr-defined]
        self.fields["home_language"].choices = [("", _("No specific language")), *STAFF_TRANSLATION_CHOICES]  # type: ignore[attr-defined]

    def clean_group_label(self) -> str:
        return single_line(str(self.cleaned_data.get("group_label") or ""))

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("group_kind") != "whole_school" and not (cleaned.get("group_label") or "").strip():
            self.add_error("group_label", _("Name the class or grade."))
        return cleaned


class CorrectionForm(forms.Form):
    text = forms.CharField(
        label=_("Corrected translation"),
        max_length=400,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": _("Write the corrected translation.")},
    )

    def clean_text(self) -> str:
        text = self.cleaned_data["text"].strip()
        if not text:
            raise forms.ValidationError(_("Write the corrected translation."))
        return text
