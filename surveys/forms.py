from typing import Any
from uuid import UUID

from django import forms
from django.utils.translation import pgettext_lazy

from framework.scale_forms import ScaleAnswerForm, field_name
from surveys.addressing import PARENT_WORDS


class RespondentPageForm(ScaleAnswerForm):
    """One page of a parent's or pupil's questionnaire: a few items on a five-step scale.

    Built from item ids alone, so a posted page is checked without loading any text.
    """

    def __init__(self, *args: Any, item_ids: list[UUID], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for item_id in item_ids:
            self.add_item(item_id)

    def chosen(self, item_id: UUID) -> str:
        value = self[field_name(item_id)].value()
        return str(value) if value else ""


OPEN_ANSWER_LIMIT = 2000  # characters; the page shows the limit, and a longer text comes back with it kept


class OpenAnswerForm(forms.Form):
    open_answer = forms.CharField(
        label=PARENT_WORDS.open_question,  # the page shows the words of its audience (surveys.addressing)
        required=False,
        max_length=OPEN_ANSWER_LIMIT,
        error_messages={
            "max_length": pgettext_lazy(
                "respondent",
                "This text has %(show_value)d characters; at most %(limit_value)d fit. "
                "Make it a little shorter: nothing has been lost.",
            )
        },
        widget=forms.Textarea(attrs={"rows": 4}),
    )
