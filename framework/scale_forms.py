"""The scale answer form shared by the team's analysis pages and the parents' and pupils' questionnaires.

Every item on a page is a radio field named `field_name(item id)`: a value on its five-step scale, or
DONT_KNOW ("weet ik niet"), which is stored as an empty value. This module owns that encoding both ways:
`answers()` reads a posted page, `initial_answers()` prefills a page with what was stored before.
"""

from collections.abc import Iterable, Sequence
from typing import Any
from uuid import UUID

from django import forms

from framework.content_files import SCALE_VALUES

DONT_KNOW = "dk"


def field_name(item_id: UUID) -> str:
    return f"item-{item_id}"


def encode(value: int | None) -> str:
    """A stored answer as a field value: the number, or DONT_KNOW for an empty one."""
    return DONT_KNOW if value is None else str(value)


def decode(raw: str) -> int | None:
    """A valid field value as a stored answer: DONT_KNOW becomes None."""
    return None if raw == DONT_KNOW else int(raw)


def initial_answers(stored: Iterable[tuple[UUID, int | None]]) -> dict[str, str]:
    """The initial data of a page for the (item id, value) pairs answered before."""
    return {field_name(item_id): encode(value) for item_id, value in stored}


def answer_choices(options: Iterable[tuple[str, str]], dont_know_label: str) -> list[tuple[str, str]]:
    """The scale's (value, label) options followed by "weet ik niet"."""
    return [*options, (DONT_KNOW, dont_know_label)]


# The values alone, for a page that is checked without loading any text (the template labels them).
PLAIN_CHOICES = tuple(answer_choices(((value, value) for value in SCALE_VALUES), DONT_KNOW))


class ScaleAnswerForm(forms.Form):
    """A page of items answered on a scale; a subclass adds its items with `add_item` in its __init__."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.item_ids: list[UUID] = []

    def add_item(
        self, item_id: UUID, choices: Sequence[tuple[str, str]] = PLAIN_CHOICES, label: str | None = None
    ) -> None:
        self.item_ids.append(item_id)
        self.fields[field_name(item_id)] = forms.ChoiceField(
            label=label, choices=choices, required=False, widget=forms.RadioSelect
        )

    def answers(self) -> dict[UUID, int | None]:
        """Item id -> value for the items answered on this page (None is "weet ik niet")."""
        result: dict[UUID, int | None] = {}
        for item_id in self.item_ids:
            raw = self.cleaned_data.get(field_name(item_id))
            if raw:
                result[item_id] = decode(raw)
        return result
