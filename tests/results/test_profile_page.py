"""The round's result page: chart and table per side, marks, notes, conclusions, and its query count."""

import random

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.models import User
from analysis.models import Conclusion
from analysis.rounds import invite_to_round, start_round
from framework.models import Dimension
from schools.models import Membership, Role
from tests.helpers.team_answers import answer_everything
from tests.helpers.world import World, make_user


def add_team(world: World, count: int) -> list[User]:
    people = []
    for index in range(count):
        user = make_user(f"Teamlid {index}", f"team{index}@example.org")
        Membership.objects.create(school=world.school, user=user, role=Role.TEAM)
        people.append(user)
    invite_to_round(world.round, people)
    return people


def profile_url(world: World) -> str:
    return reverse("results:profile", args=[world.school.id, world.round.id])


def test_empty_round_says_what_to_do(world: World, alice_client: Client) -> None:
    response = alice_client.get(profile_url(world))
    assert response.status_code == 200
    assert response.context["profile"].is_empty
    assert b"<svg" not in response.content


def test_profile_shows_chart_table_notes_for_both_sides(world: World, alice_client: Client) -> None:
    rng = random.Random(1)
    answer_everything(world.round, world.bob, rng, note="Ouders vinden de weg niet")
    answer_everything(world.round, world.alice, rng)
    response = alice_client.get(profile_url(world))
    page = response.content.decode()
    assert page.count('<svg class="radar"') == 2
    assert page.count('<table class="data-table">') == 2
    assert "Ouders vinden de weg niet" in page
    assert "Bob Leraar" not in page  # notes carry no names
    sides = response.context["sides"]
    assert [side.side for side in sides] == ["parent_to_school", "school_to_parent"]
    assert all(row.answers > 0 for side in sides for row in side.rows)


def test_coordinator_writes_a_shared_conclusion(world: World, alice_client: Client, bob_client: Client) -> None:
    response = alice_client.post(profile_url(world), {"dimension": "tijd", "tijd-text": "Avondmomenten plannen."})
    assert response.status_code == 302
    assert Conclusion.objects.get(round=world.round, dimension__key="tijd").text == "Avondmomenten plannen."
    assert "Avondmomenten plannen." in bob_client.get(profile_url(world)).content.decode()


def test_unknown_dimension_for_a_conclusion_is_a_clear_error(world: World, alice_client: Client) -> None:
    response = alice_client.post(profile_url(world), {"dimension": "bestaat-niet", "x-text": "?"})
    assert response.status_code == 400
    assert not Conclusion.objects.exists()


def count_queries(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


def test_profile_query_count_does_not_grow_with_answers(world: World, alice_client: Client) -> None:
    rng = random.Random(2)
    answer_everything(world.round, world.bob, rng, note="een")
    few = count_queries(alice_client, profile_url(world))
    for user in add_team(world, 8):
        answer_everything(world.round, user, rng, note="meer")
    Conclusion.objects.create(school=world.school, round=world.round, dimension=Dimension.objects.first(), text="x")
    assert count_queries(alice_client, profile_url(world)) == few
    assert few <= 25


@pytest.mark.parametrize(
    "name",
    ["analysis:rounds", "results:dashboard", "schools:members", "framework:items", "schools:home"],
)
def test_list_pages_have_a_constant_query_count(world: World, alice_client: Client, name: str) -> None:
    url = reverse(name) if name == "schools:home" else reverse(name, args=[world.school.id])
    few = count_queries(alice_client, url)
    people = add_team(world, 6)
    for index in range(6):
        start_round(
            world.school,
            world.alice,
            f"Ronde {index}",
            "whole_school",
            "",
            world.round.starts_on,
            world.round.ends_on,
            people,
        )
    alice_client.post(reverse("schools:members", args=[world.school.id]), {"email": "n@example.org", "role": "team"})
    assert count_queries(alice_client, url) == few


def test_round_detail_and_answer_pages_have_a_constant_query_count(world: World, alice_client: Client) -> None:
    detail = reverse("analysis:round", args=[world.school.id, world.round.id])
    answer = reverse("analysis:answer", args=[world.school.id, world.round.id, 1])
    few = (count_queries(alice_client, detail), count_queries(alice_client, answer))
    rng = random.Random(3)
    for user in add_team(world, 5):
        answer_everything(world.round, user, rng)
    answer_everything(world.round, world.alice, rng)
    assert (count_queries(alice_client, detail), count_queries(alice_client, answer)) == few
