"""Red-team finding on issue 14: the numbers beside a figure must be true. Answers are counted in chunks of five,
so 3A's 9 parents and 3B's 6 give figures of 5 people each and a pooled rest of 5: the composer says how many
people are IN the figure, names the pooled rest as what it is, and families read the number counted for a point."""

from dataclasses import replace

import pytest
from django.test import Client
from django.utils import translation
from django.utils.translation import pgettext

from feedback.composing import figure_options
from feedback.forms import figure_label
from feedback.public import public_path
from feedback.texts import Point
from feedback.versions import change_text, latest_version, start_page, take_step, version_text
from tests.helpers.feedback_rounds import closed_round, complete_text, options_of
from tests.helpers.world import World

pytestmark = pytest.mark.django_db


def test_the_composer_says_how_many_people_are_in_each_figure(world: World) -> None:
    round_ = closed_round(world, parents={"3A": 9, "3B": 6})
    with translation.override("nl"):
        labels = {
            option.group_name: figure_label(option)
            for option in figure_options(round_, "nl")
            if option.ref.audience == "parents" and option.ref.dimension == "kennis" and option.group_name
        }
        assert set(labels) == {"3A", "3B", "andere groepen"}
        assert labels["3A"].startswith("Kennis · 3A: gemiddeld")
        assert labels["3A"].endswith(", 5 ouders in dit cijfer")
        assert labels["3B"].endswith(", 5 ouders in dit cijfer")
        pooled = "Kennis · antwoorden van verschillende groepen samen (niet per groep geteld): gemiddeld"
        assert labels["andere groepen"].startswith(pooled)
        pupils = [figure_label(option) for option in figure_options(round_, "nl") if option.ref.audience == "pupils"]
        assert pupils and all(label.endswith(" leerlingen in dit cijfer") for label in pupils)


def test_families_read_the_number_counted_for_a_point_not_who_answered(world: World) -> None:
    round_ = closed_round(world, parents={"3A": 9, "3B": 6})
    page = start_page(round_, world.alice)
    class_3b = {option.ref.dimension: option.ref for option in options_of(round_, "parents", "3B")}
    points = tuple(
        Point(dimension, "Ouders van 3B willen meer horen over de klas.", ref)
        for dimension, ref in list(class_3b.items())[:3]
    )
    text = complete_text(round_, version_text(latest_version(page)))
    change_text(page, replace(text, parents=points), world.alice)
    take_step(page, "consult")
    take_step(page, "publish")
    html = Client().get(public_path(page), {"lang": "tr"}).content.decode()
    assert html.count("Aantal ouders geteld voor dit punt: 5") == 3  # 3B's 6 parents: 5 of them in its figures
    assert "Aantal ouders dat antwoordde" not in html
    with translation.override("tr"):  # the translated column says the same
        said = pgettext("respondent", "Number of parents counted for this point: %(figure)s") % {"figure": 5}
    assert said == "Bu madde için sayılan veli sayısı: 5"


def test_a_pooled_figure_is_the_same_figure_in_every_staff_language(world: World) -> None:
    # Chosen while the coordinator read Dutch, it must still be an allowed figure when the page is saved in English.
    round_ = closed_round(world, parents={"3A": 9, "3B": 6})
    keys = {}
    for language in ("nl", "en"):
        with translation.override(language):
            keys[language] = {option.ref.key for option in figure_options(round_, language) if option.pooled}
    assert keys["nl"] and keys["nl"] == keys["en"]
    assert all(key.endswith(":*") for key in keys["nl"])
