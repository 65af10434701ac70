"""The form for one translation of a published version: a field per Dutch part that has text, and the status."""

from typing import Any

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from engagement.domains import PART_LABELS
from engagement.texts import DeclarationText
from engagement.translations.translating import (
    EXTRA,
    MISSING,
    SourceField,
    check_translation,
    normalise,
    source_fields,
    translation_from_values,
)
from framework.models import TranslationStatus
from respondents.languages import is_right_to_left

TITLE_MAX_LENGTH = 200  # DeclarationTranslation.title
TEXT_MAX_LENGTH = 10_000

ERRORS = {
    MISSING: _("Translate this part before marking the translation as reviewed."),
    EXTRA: _("The Dutch text has nothing here, so the translation may not either: a translation says nothing more."),
}


def form_name(key: str) -> str:
    """A field key ("oudercontact.school_offers") as a form field name (dots would get in the way of ids)."""
    return key.replace(".", "__")


def field_label(field: SourceField, dutch: DeclarationText) -> str:
    if not field.domain:
        return gettext("Title of the declaration") if field.part == "title" else str(PART_LABELS[field.part])
    domain_title = dutch.domain_titles.get(field.domain) or field.domain
    part = gettext("Title of the domain") if field.part == "title" else str(PART_LABELS[field.part])
    return f"{domain_title}: {part}"


class TranslationForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"),
        choices=TranslationStatus.choices,
        widget=forms.RadioSelect,
        help_text=_("Reviewed: a person who reads both languages well checked every part against the Dutch."),
    )
    # The published version this form was made for: a newer one may be published while someone translates.
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)

    def __init__(self, dutch: DeclarationText, language: str, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.dutch = dutch
        self.language = language
        direction = "rtl" if is_right_to_left(language) else "ltr"
        self.source_fields = [field for field in source_fields(dutch) if field.has_dutch]
        for field in self.source_fields:
            name = form_name(field.key)
            attrs = {"lang": language, "dir": direction, "aria-describedby": f"dutch-{name}"}
            if field.part == "title":
                widget: forms.Widget = forms.TextInput(attrs=attrs)
                max_length = TITLE_MAX_LENGTH
            else:
                widget = forms.Textarea(attrs={**attrs, "rows": 8 if field.part == "introduction" else 6})
                max_length = TEXT_MAX_LENGTH
            self.fields[name] = forms.CharField(
                label=field_label(field, dutch), required=False, max_length=max_length, widget=widget
            )

    def values(self) -> dict[str, str]:
        return {field.key: normalise(self.cleaned_data.get(form_name(field.key)) or "") for field in self.source_fields}

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        for key, code in check_translation(self.dutch, self.values(), cleaned.get("status", "")).items():
            name = form_name(key)
            if name in self.errors:  # already refused, e.g. too long
                continue
            self.add_error(name if name in self.fields else None, str(ERRORS[code]))
        return cleaned

    def full_clean(self) -> None:
        super().full_clean()
        # The fields point at the Dutch beside them; a refused field must point at its error as well.
        for name in self.errors:
            widget = self.fields[name].widget if name in self.fields else None
            if widget is not None and "aria-describedby" in widget.attrs:
                widget.attrs["aria-describedby"] = f"{widget.attrs['aria-describedby']} {self[name].auto_id}_error"

    def translated_text(self) -> DeclarationText:
        """What was filled in, as the translation's text (after is_valid)."""
        return translation_from_values(self.dutch, self.values())
