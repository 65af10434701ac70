from django import forms
from django.utils.translation import gettext_lazy as _

from framework.localized import scale_choices, show_dimensions
from framework.models import Dimension, Direction, Scale


class SchoolItemForm(forms.Form):
    dimension = forms.ChoiceField(label=_("Dimension"))
    direction = forms.ChoiceField(label=_("Direction"), choices=Direction.choices)
    scale = forms.ChoiceField(label=_("Answer scale"))
    text_nl = forms.CharField(
        label=_("Question in Dutch"),
        max_length=400,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Write a clear question, not a statement; a higher answer should mean stronger involvement."),
    )
    text_en = forms.CharField(
        label=_("Question in English (optional)"),
        max_length=400,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args: object, language: str, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["dimension"].choices = [(d.key, d.name) for d in show_dimensions(language)]  # type: ignore[attr-defined]
        self.fields["scale"].choices = scale_choices(language)  # type: ignore[attr-defined]

    def clean_text_nl(self) -> str:
        text = self.cleaned_data["text_nl"].strip()
        if not text.endswith("?"):
            raise forms.ValidationError(_("Write the item as a question, ending with a question mark."))
        return text

    def clean(self) -> dict[str, object]:
        cleaned = super().clean() or {}
        if "dimension" in cleaned:
            cleaned["dimension"] = Dimension.objects.filter(key=cleaned["dimension"]).first()
            if cleaned["dimension"] is None:
                self.add_error("dimension", _("Choose a dimension from the list."))
        if "scale" in cleaned:
            cleaned["scale"] = Scale.objects.filter(key=cleaned["scale"]).first()
            if cleaned["scale"] is None:
                self.add_error("scale", _("Choose an answer scale from the list."))
        return cleaned


class VisibilityForm(forms.Form):
    hidden = forms.BooleanField(required=False)
