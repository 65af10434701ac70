from django import forms
from django.utils.translation import pgettext_lazy


class CodeForm(forms.Form):
    """The code from a letter: a questionnaire code or a family code, typed as printed or not."""

    code = forms.CharField(
        label=pgettext_lazy("respondent", "Your code"),
        max_length=40,
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false", "inputmode": "text"}
        ),
        help_text=pgettext_lazy("respondent", "The code is on your letter, for example ABCDE-FGHJK."),
    )
