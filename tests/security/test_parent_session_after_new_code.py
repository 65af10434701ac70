"""Finding 10: a parent's reading session ends when the code it was opened with is voided (a lost or stolen
letter). A new letter that leaves the earlier code working leaves its session open too (issue 11)."""

from typing import Any

from django.test import Client

from engagement.families.codes import issue_code
from engagement.models import Family
from tests.helpers.engagement_parent_steps import CODE, READ, enter, make_family, opened_client
from tests.helpers.world import World


def test_a_reading_session_stops_once_the_familys_code_is_voided(world: World, published_declaration: Any) -> None:
    family = make_family(world)
    old_device = opened_client(family)
    assert old_device.get(READ).status_code == 200

    # The school prints a new letter and voids the earlier code.
    new_code = issue_code(Family.objects.get(pk=family.pk), void_earlier=True)

    refused = old_device.get(READ)
    assert refused.status_code == 302 and refused["Location"].startswith(CODE)
    acknowledged = old_device.post(READ, {"acknowledge": "1"})
    assert acknowledged.status_code == 302 and acknowledged["Location"].startswith(CODE)
    assert old_device.get(READ).status_code == 302  # and it stays ended, also after the refusal

    new_device = Client()
    assert enter(new_device, new_code)["Location"] == READ
    assert new_device.get(READ).status_code == 200


def test_a_reading_session_survives_when_nothing_changed(world: World, published_declaration: Any) -> None:
    family = make_family(world)
    device = opened_client(family)
    for _ in range(2):
        assert device.get(READ).status_code == 200


def test_a_reading_session_survives_a_new_letter_that_keeps_the_earlier_code(
    world: World, published_declaration: Any
) -> None:
    family = make_family(world)
    device = opened_client(family)
    issue_code(Family.objects.get(pk=family.pk))  # a reminder letter; the first letter keeps working
    assert device.get(READ).status_code == 200
