"""The parent's acknowledgment form: a typed name and a confirmation box, errors in the parent's language."""

from django import forms
from django.utils.translation import pgettext_lazy

NAME_MAX_LENGTH = 120  # Acknowledgment.name


class AcknowledgmentForm(forms.Form):
    name = forms.CharField(
        label=pgettext_lazy("respondent", "Your name"),
        help_text=pgettext_lazy("respondent", "The name of the parent who read the declaration."),
        max_length=NAME_MAX_LENGTH,
        strip=True,  # a name of spaces only is empty, so it is refused as missing
        error_messages={
            "required": pgettext_lazy("respondent", "Type your name."),
            "max_length": pgettext_lazy("respondent", "Your name is too long: use at most 120 characters."),
        },
    )
    confirmed = forms.BooleanField(
        # Reading (kennisname), not agreeing: signing the schoolreglement "voor akkoord" is a separate act.
        label=pgettext_lazy("respondent", "I have read the engagementsverklaring."),
        error_messages={
            "required": pgettext_lazy("respondent", "Tick the box to confirm that you have read the declaration."),
        },
    )
