"""The answer options a questionnaire page builds in Python (surveys.templatetags.answer_options)."""

from types import SimpleNamespace
from typing import cast

from surveys.page_context import Choice, ShownQuestion
from surveys.templatetags.answer_options import answer_options
from surveys.texts import RespondentItem
from tests.helpers.respondent_helpers import parse


def question(choices: list[Choice], dont_know_checked: bool = False) -> ShownQuestion:
    shown = cast(RespondentItem, SimpleNamespace())  # the options do not read the item
    return ShownQuestion(shown, "item-1", dont_know_checked, choices)


def test_every_text_is_escaped_and_only_the_chosen_option_is_checked() -> None:
    html = answer_options(
        question([Choice("1", '<b>nooit</b> & "nee"', "", False, False), Choice("2", "soms", "", False, True)]),
        "<i>weet niet</i>",
        "",
    )
    tree = parse(html)
    radios = list(tree.iter("input"))
    assert [(radio.attrs["name"], radio.attrs["value"], "checked" in radio.attrs) for radio in radios] == [
        ("item-1", "1", False),
        ("item-1", "2", True),
        ("item-1", "dk", False),
    ]
    assert not list(tree.iter("b")) and not list(tree.iter("i"))  # shown as text, never as markup
    assert [label.text() for label in tree.iter("label")] == ['<b>nooit</b> & "nee"', "soms", "<i>weet niet</i>"]


def test_the_dutch_labels_and_an_untranslated_label_are_marked_as_dutch() -> None:
    html = answer_options(
        question([Choice("1", "jamais", "nooit", False, False), Choice("2", "soms", "", True, False)], True),
        "je ne sais pas",
        "weet ik niet",
    )
    tree = parse(html)
    dutch = [(node.text(), node.attrs.get("dir")) for node in tree.iter("span") if node.attrs.get("lang") == "nl"]
    assert dutch == [("nooit", "ltr"), ("soms", "ltr"), ("weet ik niet", "ltr")]
    assert "checked" in list(tree.iter("input"))[-1].attrs  # "I don't know" was the answer
    assert [use.attrs["href"] for use in tree.iter("use")] == ["#l1", "#l2", "#ldk"]
