"""Issue 12 walk-through, point 2: counts say what the figures rest on ("in de cijfers"), not "handed in"; the
team's sentence counts the members still busy among those the profile rests on."""

import pytest
from django.test import Client
from django.utils import translation

from analysis.models import TeamResponse
from analysis.rounds import invite_to_round, submit_response
from framework.models import Audience
from schools.models import Membership, Role
from tests.helpers.survey_data import constant, hand_in_surveys, profile_url, team_answers
from tests.helpers.world import World, make_user

pytestmark = pytest.mark.django_db


def three_handed_in_one_busy_of_six(world: World) -> None:
    while TeamResponse.objects.filter(round=world.round).count() < 6:
        number = TeamResponse.objects.filter(round=world.round).count()
        user = make_user(f"Collega {number}", f"collega{number}@example.org")
        Membership.objects.create(school=world.school, user=user, role=Role.TEAM)
        invite_to_round(world.round, [user])
    responses = list(TeamResponse.objects.filter(round=world.round).select_related("user").order_by("pk"))
    for response in responses[:4]:
        team_answers(world.round, response.user)
    for response in responses[:3]:
        submit_response(response)


def test_the_team_sentence_gives_the_count_the_figures_rest_on(world: World, alice_client: Client) -> None:
    three_handed_in_one_busy_of_six(world)
    html = " ".join(alice_client.get(profile_url(world)).content.decode().split())
    assert "Op basis van de antwoorden van 4 van de 6 uitgenodigden: 3 ingediend, 1 nog bezig." in html


def test_parents_and_pupils_are_counted_as_in_the_figures_not_as_handed_in(world: World, alice_client: Client) -> None:
    team_answers(world.round, world.alice)
    hand_in_surveys(world.round, Audience.PARENT, 5, constant(3), group="2A")
    hand_in_surveys(world.round, Audience.PARENT, 2, constant(3), group="K3")  # handed in, waiting for five
    with translation.override("nl"):
        html = " ".join(alice_client.get(profile_url(world)).content.decode().split())
    assert "5 ouders en 0 leerlingen staan in de cijfers." in html
    assert "ingediend" not in html.split("Respons per groep")[1].split("</thead>")[0]
    assert '<th scope="col">In de cijfers</th>' in html
