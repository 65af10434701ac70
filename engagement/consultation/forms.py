"""Forms of the consultation: comments per domain, the coordinator's answer, the schoolraad's adoption."""

from collections.abc import Sequence
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from engagement.domains import COMMENT_TOPICS
from engagement.past_dates import PastDateField


class CommentForm(forms.Form):
    domain = forms.ChoiceField(label=_("About"), choices=COMMENT_TOPICS)
    body = forms.CharField(label=_("Your comment"), max_length=3000, widget=forms.Textarea(attrs={"rows": 4}))

    def __init__(self, *args: Any, topics: Sequence[tuple[str, Any]] = COMMENT_TOPICS, **kwargs: Any) -> None:
        """`topics`: what one may comment on; the declaration's domains, or the parts of another consulted text."""
        super().__init__(*args, **kwargs)
        self.fields["domain"].choices = topics  # type: ignore[attr-defined]

    def clean_body(self) -> str:
        body: str = self.cleaned_data["body"].strip()
        if not body:
            raise forms.ValidationError(_("Write your comment."))
        return body


class AnswerForm(forms.Form):
    answer = forms.CharField(label=_("Your answer"), max_length=3000, widget=forms.Textarea(attrs={"rows": 3}))

    def clean_answer(self) -> str:
        answer: str = self.cleaned_data["answer"].strip()
        if not answer:
            raise forms.ValidationError(_("Write your answer."))
        return answer


class AdoptForm(forms.Form):
    adopted_on = PastDateField(
        label=_("Date of the schoolraad meeting"),
        help_text=_("The meeting in which the schoolraad discussed and adopted this text."),
        in_future=_("The meeting cannot be in the future: adopt the text after the meeting."),
        implausible=_("Give the date of the meeting."),
    )
