"""The coordinator's choice for one family: why it is offered a translation and until when, or none."""

from datetime import date
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from engagement.families.translation_columns import until_too_late
from engagement.families.translation_need import last_day_of, latest_until
from engagement.models import Family, TranslationReason


class TranslationNeedForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("Why does the school offer this family a translation?"),
        choices=[("", _("No translation: the family reads the Dutch only")), *TranslationReason.choices],
        required=False,
    )
    note = forms.CharField(
        label=_("Note (optional)"),
        help_text=_("For example: the parent follows Dutch lessons at the CVO until June."),
        max_length=200,
        required=False,
    )
    until = forms.DateField(
        label=_("Translation until"),
        help_text=_("The translation stops after this day; suggested: the end of the school year."),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    confirm_removal = forms.BooleanField(
        label=_("Yes, stop the translation: from now on this family reads the Dutch only."), required=False
    )

    def __init__(self, *args: Any, family: Family, today: date, **kwargs: Any) -> None:
        kwargs.setdefault(
            "initial",
            {
                "reason": family.translation_reason,
                "note": family.translation_note,
                "until": family.translation_until or last_day_of(family.school_year),
            },
        )
        super().__init__(*args, **kwargs)
        self.family, self.today = family, today

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if "reason" in self.errors:  # an unknown reason: its own error, not a question about stopping
            return cleaned
        reason, until = cleaned.get("reason"), cleaned.get("until")
        if reason and until is not None and until < self.today:
            self.add_error("until", _("This day has passed: choose a day from today on."))
        latest = latest_until(self.today)
        if reason and until is not None and until > latest:
            self.add_error("until", until_too_late(latest))
        if reason == TranslationReason.OTHER and not cleaned.get("note", "").strip():
            self.add_error("note", _("Another reason: say in the note why the family is offered a translation."))
        if not reason and self.family.translation_reason and not cleaned.get("confirm_removal"):
            self.add_error(
                "confirm_removal",
                _("Confirm that the translation stops: the family's letters and reading page become Dutch only."),
            )
        return cleaned
