"""The migration that adds AnswerTally.held_back marks the chunks of existing rounds the way a release now does."""

import importlib

import pytest
from django.apps import apps

from framework.models import Audience, Item
from surveys.models import AnswerTally
from tests.helpers.survey_data import constant, hand_in_surveys
from tests.helpers.world import World

migration = importlib.import_module("surveys.migrations.0011_tally_held_back")


def dont_know_on_gedrag(item: Item) -> int | None:
    return None if item.dimension.key == "gedrag" else 3


@pytest.mark.django_db
def test_existing_tallies_get_the_mark_a_release_now_sets(world: World) -> None:
    hand_in_surveys(world.round, Audience.PARENT, 4, constant(3), group="2A")
    hand_in_surveys(world.round, Audience.PARENT, 1, dont_know_on_gedrag, group="2A")
    as_released = dict(AnswerTally.objects.values_list("pk", "held_back"))
    assert sorted(set(as_released.values())) == [0, 1]  # Behaviour held back, the rest not
    AnswerTally.objects.update(held_back=0)  # as before the migration
    migration.mark_held_back(apps, None)
    assert dict(AnswerTally.objects.values_list("pk", "held_back")) == as_released
