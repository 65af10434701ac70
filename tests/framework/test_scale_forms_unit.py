"""The shared scale answer form: "weet ik niet" both ways, and nothing off the scale."""

from typing import Any
from uuid import UUID, uuid4

from framework.scale_forms import (
    DONT_KNOW,
    ScaleAnswerForm,
    answer_choices,
    decode,
    encode,
    field_name,
    initial_answers,
)


class PageForm(ScaleAnswerForm):
    def __init__(self, *args: Any, item_ids: list[UUID], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for item_id in item_ids:
            self.add_item(item_id)


def test_dont_know_is_stored_as_none_and_shown_as_dont_know() -> None:
    assert encode(None) == DONT_KNOW and decode(DONT_KNOW) is None
    assert [decode(encode(value)) for value in (1, 2, 3, 4, 5)] == [1, 2, 3, 4, 5]


def test_stored_answers_prefill_the_fields_named_after_their_items() -> None:
    first, second = uuid4(), uuid4()
    assert initial_answers([(first, 4), (second, None)]) == {f"item-{first}": "4", f"item-{second}": DONT_KNOW}
    assert field_name(first) == f"item-{first}"


def test_a_posted_page_gives_values_and_none_for_dont_know_and_skips_what_was_left_open() -> None:
    answered, unsure, left_open = uuid4(), uuid4(), uuid4()
    data = {field_name(answered): "5", field_name(unsure): DONT_KNOW}
    form = PageForm(data, item_ids=[answered, unsure, left_open])
    assert form.is_valid(), form.errors
    assert form.answers() == {answered: 5, unsure: None}


def test_a_value_off_the_scale_is_refused() -> None:
    item_id = uuid4()
    for value in ("0", "6", "x", "DK", "None"):
        form = PageForm({field_name(item_id): value}, item_ids=[item_id])
        assert not form.is_valid() and field_name(item_id) in form.errors, value


def test_a_form_prefilled_with_stored_answers_shows_them() -> None:
    item_id = uuid4()
    form = PageForm(item_ids=[item_id], initial=initial_answers([(item_id, None)]))
    assert form[field_name(item_id)].value() == DONT_KNOW


def test_labelled_choices_end_with_dont_know() -> None:
    assert answer_choices([("1", "Never"), ("5", "Always")], "Don't know") == [
        ("1", "Never"),
        ("5", "Always"),
        (DONT_KNOW, "Don't know"),
    ]
