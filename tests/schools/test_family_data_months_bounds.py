"""The family-data setting has one rule: between 1 and 36 months. The input says so to the browser, and every value
outside it gets the same message, whichever side it falls on."""

import pytest
from django.test import Client
from django.urls import reverse

from schools.models import FAMILY_DATA_MONTHS_DEFAULT, School
from tests.helpers.world import World, in_dutch

pytestmark = pytest.mark.django_db

OUT_OF_RANGE = in_dutch("Choose between %(min)s and %(max)s months.") % {"min": 1, "max": 36}


def test_the_input_carries_the_bounds(world: World, alice_client: Client) -> None:
    page = alice_client.get(reverse("schools:settings", args=[world.school.id])).content.decode()
    [field] = [tag for tag in page.split("<input") if 'name="family_data_months"' in tag]
    assert 'min="1"' in field and 'max="36"' in field


@pytest.mark.parametrize("months", ["-1", "0", "37", "40000"])
def test_every_value_out_of_range_gets_the_same_message(world: World, alice_client: Client, months: str) -> None:
    response = alice_client.post(reverse("schools:settings", args=[world.school.id]), {"family_data_months": months})
    assert response.status_code == 200
    assert response.context["form"].errors["family_data_months"] == [OUT_OF_RANGE]
    assert OUT_OF_RANGE in response.content.decode()
    assert School.objects.get(pk=world.school.pk).family_data_months == FAMILY_DATA_MONTHS_DEFAULT


@pytest.mark.parametrize("months", [1, 36])
def test_the_bounds_themselves_are_kept(world: World, alice_client: Client, months: int) -> None:
    response = alice_client.post(reverse("schools:settings", args=[world.school.id]), {"family_data_months": months})
    assert response.status_code == 302
    assert School.objects.get(pk=world.school.pk).family_data_months == months
