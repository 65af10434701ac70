"""A date field for something that already happened (a schoolraad meeting, a signature on paper)."""

from datetime import date
from typing import Any

from django import forms
from django.utils import timezone
from django_stubs_ext import StrPromise

EARLIEST_YEAR = 2000  # an earlier year is a typing slip, not a date in a school's records


class PastDateField(forms.DateField):
    """A date picker that refuses tomorrow and typing slips, each with the form's own words."""

    def __init__(self, *, in_future: str | StrPromise, implausible: str | StrPromise, **kwargs: Any) -> None:
        kwargs.setdefault("widget", forms.DateInput(attrs={"type": "date"}))
        super().__init__(**kwargs)
        self.in_future = in_future
        self.implausible = implausible

    def validate(self, value: Any) -> None:
        super().validate(value)
        if isinstance(value, date) and value > timezone.localdate():
            raise forms.ValidationError(self.in_future)
        if isinstance(value, date) and value.year < EARLIEST_YEAR:
            raise forms.ValidationError(self.implausible)
