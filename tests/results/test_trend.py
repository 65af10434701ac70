"""A round that follows a previous one: the same items, and the change per dimension and perspective."""

import random
from datetime import date

from django.test import Client
from django.urls import reverse

from analysis.models import Round, RoundItem
from analysis.rounds import start_round
from framework.item_bank import set_hidden
from framework.models import Item
from tests.helpers.team_answers import answer_everything
from tests.helpers.world import World


def test_a_round_started_from_a_previous_one_asks_the_same_items(world: World, alice_client: Client) -> None:
    hidden = Item.objects.filter(school__isnull=True, audience="team").first()
    assert hidden is not None
    set_hidden(world.school, hidden, True, world.alice)  # hidden after the first round started
    response = alice_client.post(
        reverse("analysis:round_create", args=[world.school.id]),
        {
            "title": "Een jaar later",
            "scope": "whole_school",
            "starts_on": "2027-10-01",
            "ends_on": "2027-11-01",
            "previous": world.round.id,
            "invitees": [world.alice.pk, world.bob.pk],
        },
    )
    assert response.status_code == 302
    later = Round.objects.get(title="Een jaar later")
    assert later.previous == world.round
    same = set(RoundItem.objects.filter(round=world.round).values_list("item_id", flat=True))
    assert set(RoundItem.objects.filter(round=later).values_list("item_id", flat=True)) == same


def test_a_previous_round_of_another_school_cannot_be_chosen(world: World, alice_client: Client) -> None:
    response = alice_client.post(
        reverse("analysis:round_create", args=[world.school.id]),
        {
            "title": "X",
            "scope": "whole_school",
            "starts_on": "2027-10-01",
            "ends_on": "2027-11-01",
            "previous": world.other_round.id,
        },
    )
    assert response.status_code == 200
    assert "previous" in response.context["form"].errors


def test_the_profile_shows_the_change_since_the_previous_round(world: World, alice_client: Client) -> None:
    rng = random.Random(4)
    answer_everything(world.round, world.bob, rng)
    later = start_round(
        world.school,
        world.alice,
        "Later",
        "whole_school",
        "",
        date(2027, 1, 1),
        date(2027, 2, 1),
        [world.alice, world.bob],
        previous=world.round,
    )
    answer_everything(later, world.bob, rng)
    response = alice_client.get(reverse("results:profile", args=[world.school.id, later.id]))
    trend = response.context["trend"]
    assert [side.side for side in trend] == ["parent_to_school", "school_to_parent"]
    assert all(row.team.difference is not None for side in trend for row in side.rows)
    assert all(row.parents.difference is None for side in trend for row in side.rows)  # no parents either time
    html = response.content.decode()
    assert 'id="trend-heading"' in html and "series-before" in html
    first = alice_client.get(reverse("results:profile", args=[world.school.id, world.round.id]))
    assert first.context["trend"] is None
