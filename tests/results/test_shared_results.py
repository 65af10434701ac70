"""Shared results: the coordinator shares parts of a round with parent representatives and the schoolraad.

They read what is shared and nothing else: no team member's answers or notes, no names of who answered,
no forms; a round or a part not shared does not exist for them (404).
"""

import random
import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from accounts.models import User
from actions.models import Action
from actions.shared_plan import shared_plan
from analysis.models import Conclusion, RoundSharing
from analysis.rounds import invite_to_round
from analysis.sharing import NOTHING_SHARED, SharedParts, share, shared_parts, shared_rounds
from framework.localized import show_dimensions
from framework.models import Dimension
from results.round_results import round_results
from results.shared_profile import shared_sides, team_is_shown
from schools.models import Membership, Role
from tests.helpers.survey_data import hand_in_surveys
from tests.helpers.team_answers import answer_everything
from tests.helpers.world import World, in_dutch, make_user

EVERYTHING = SharedParts(profile=True, conclusions=True, plan=True)
SECRET_NOTE = "Mevrouw Janssens van 3A komt nooit naar het oudercontact"


def reader(world: World, role: str = Role.PARENT_REP) -> User:
    user = make_user(f"Rita {role}", f"rita-{role}@example.org")
    Membership.objects.create(school=world.school, user=user, role=role)
    return user


def shared_url(world: World) -> str:
    return reverse("actions:shared", args=[world.school.id, world.round.id])


def sharing_url(world: World) -> str:
    return reverse("analysis:sharing", args=[world.school.id, world.round.id])


def team_of_five_answers(world: World) -> list[User]:
    """Alice, Bob and three colleagues answer everything, Bob with a note that names a parent."""
    colleagues = [make_user(f"Collega {index}", f"collega{index}@example.org") for index in range(3)]
    for colleague in colleagues:
        Membership.objects.create(school=world.school, user=colleague, role=Role.TEAM)
    invite_to_round(world.round, colleagues)
    rng = random.Random(12)
    answer_everything(world.round, world.bob, rng, note=SECRET_NOTE)
    for person in (world.alice, *colleagues):
        answer_everything(world.round, person, rng)
    return [world.alice, world.bob, *colleagues]


# the domain ---------------------------------------------------------------------------------------


def test_sharing_a_new_part_asks_for_confirmation_and_taking_one_back_does_not() -> None:
    before = SharedParts(profile=True)
    assert SharedParts(profile=True, plan=True).adds_to(before)
    assert SharedParts(conclusions=True).adds_to(before)
    assert not SharedParts(profile=True).adds_to(before)
    assert not NOTHING_SHARED.adds_to(before)
    assert not NOTHING_SHARED.anything
    assert SharedParts(plan=True).anything


def test_a_round_is_shared_until_the_coordinator_stops(world: World) -> None:
    assert shared_parts(world.round) == NOTHING_SHARED
    assert shared_rounds(world.school) == []
    share(world.round, SharedParts(profile=True, plan=True), world.alice)
    assert shared_parts(world.round) == SharedParts(profile=True, plan=True)
    assert shared_rounds(world.school) == [(world.round, SharedParts(profile=True, plan=True))]
    assert shared_rounds(world.other_school) == []
    share(world.round, NOTHING_SHARED, world.alice)
    assert shared_parts(world.round) == NOTHING_SHARED
    assert shared_rounds(world.school) == []
    assert RoundSharing.objects.get(round=world.round).changed_by == world.alice


def test_the_team_s_figures_need_five_team_members() -> None:
    assert not team_is_shown(4)
    assert team_is_shown(5)


def test_a_team_of_two_is_held_back_while_parents_figures_stay(world: World) -> None:
    rng = random.Random(3)
    answer_everything(world.round, world.bob, rng)
    answer_everything(world.round, world.alice, rng)
    hand_in_surveys(world.round, "parent", 5)
    results = round_results(world.round, "nl")
    assert any(row.mean is not None for side in results.sides for row in side.rows)
    sides = shared_sides(results.sides, team_members_counted=2)
    assert all(row.mean is None and row.spread is None for side in sides for row in side.rows)
    parent_side = sides[0]
    assert any(row.parents.mean == 3.0 for row in parent_side.rows)
    assert [series.css_class for series in parent_side.radar.series] == ["series-parents"]
    counted_as_five = shared_sides(results.sides, team_members_counted=5)[0]
    assert [series.css_class for series in counted_as_five.radar.series] == ["series-team", "series-parents"]
    assert counted_as_five.rows == results.sides[0].rows


def test_the_shared_plan_names_the_owner_s_role_not_the_owner(world: World) -> None:
    action = Action.objects.create(school=world.school, round=world.round, title="Koffiemoment", owner=world.bob)
    action.dimensions.set(Dimension.objects.filter(key__in=["tijd", "kennis"]))
    Action.objects.create(school=world.school, round=world.round, title="Zonder trekker")
    with translation.override("nl"):  # as the page renders it for a Dutch reader
        plan = {shown.title: shown for shown in shared_plan(world.round, show_dimensions("nl"))}
    assert plan["Koffiemoment"].carried_by == in_dutch("Team member")
    assert len(plan["Koffiemoment"].dimensions) == 2
    assert plan["Zonder trekker"].carried_by is None


# the views ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("role", [Role.PARENT_REP, Role.SCHOOLRAAD])
def test_a_round_not_shared_does_not_exist_for_its_readers(world: World, role: str) -> None:
    client = world.client_for(reader(world, role))
    assert client.get(shared_url(world)).status_code == 404
    listing = client.get(reverse("actions:shared_list", args=[world.school.id]))
    assert listing.status_code == 200
    assert world.round.title not in listing.content.decode()
    share(world.round, SharedParts(conclusions=True), world.alice)
    assert client.get(shared_url(world)).status_code == 200
    assert world.round.title in client.get(reverse("actions:shared_list", args=[world.school.id])).content.decode()
    share(world.round, NOTHING_SHARED, world.alice)
    assert client.get(shared_url(world)).status_code == 404


def test_the_shared_page_cannot_be_posted_to(world: World, bob_client: Client) -> None:
    client = world.client_for(reader(world))
    assert client.post(shared_url(world), {"profile": "on"}).status_code == 404  # nothing shared: no such page
    assert world.client_for(world.alice).post(shared_url(world)).status_code == 405  # she reads it always
    share(world.round, EVERYTHING, world.alice)
    assert client.post(shared_url(world), {"profile": "on"}).status_code == 405
    assert bob_client.post(shared_url(world)).status_code == 405
    assert world.client_for(world.charlie).post(shared_url(world)).status_code == 404


def test_the_coordinator_sees_what_the_readers_would_see_before_sharing(world: World, alice_client: Client) -> None:
    page = alice_client.get(shared_url(world))
    assert page.status_code == 200
    assert 'data-testid="shared-nothing"' in page.content.decode()


def test_sharing_asks_first_then_shares_and_stopping_needs_no_question(world: World, alice_client: Client) -> None:
    reader(world)
    asked = alice_client.post(sharing_url(world), {"profile": "on", "plan": "on"})
    assert asked.status_code == 200
    text = asked.content.decode()
    assert "Rita parent_rep" in text  # who will read it, by name
    assert shared_parts(world.round) == NOTHING_SHARED
    done = alice_client.post(sharing_url(world), {"profile": "on", "plan": "on", "confirmed": "on"})
    assert done.status_code == 302
    assert shared_parts(world.round) == SharedParts(profile=True, plan=True)
    fewer = alice_client.post(sharing_url(world), {"plan": "on"})
    assert fewer.status_code == 302
    assert shared_parts(world.round) == SharedParts(plan=True)
    stopped = alice_client.post(sharing_url(world), {})
    assert stopped.status_code == 302
    assert shared_parts(world.round) == NOTHING_SHARED


def test_the_round_page_offers_sharing_to_the_coordinator_only(
    world: World, alice_client: Client, bob_client: Client
) -> None:
    round_url = reverse("analysis:round", args=[world.school.id, world.round.id])
    assert sharing_url(world) in alice_client.get(round_url).content.decode()
    assert sharing_url(world) not in bob_client.get(round_url).content.decode()


@pytest.mark.parametrize("role", [Role.TEAM, Role.PARENT_REP, Role.SCHOOLRAAD, Role.COACH])
def test_only_the_coordinator_shares(world: World, role: str) -> None:
    client = world.client_for(reader(world, role))
    response = client.post(sharing_url(world), {"profile": "on", "confirmed": "on"})
    assert response.status_code == 403
    assert shared_parts(world.round) == NOTHING_SHARED


def test_the_shared_page_shows_the_parts_shared_and_nothing_of_the_team_s_own(world: World) -> None:
    team = team_of_five_answers(world)
    hand_in_surveys(world.round, "parent", 5, open_answer="Mijn zoon Ahmed wordt gepest")
    Conclusion.objects.create(
        school=world.school, round=world.round, dimension=Dimension.objects.get(key="tijd"), text="Avonden plannen."
    )
    action = Action.objects.create(school=world.school, round=world.round, title="Koffiemoment", owner=world.bob)
    action.dimensions.set(Dimension.objects.filter(key="tijd"))
    client = world.client_for(reader(world))

    share(world.round, SharedParts(profile=True), world.alice)
    profile_only = client.get(shared_url(world))
    assert profile_only.status_code == 200
    assert profile_only.context["team_shown"]
    text = profile_only.content.decode()
    assert text.count('<svg class="radar"') == 2
    assert "Avonden plannen." not in text
    assert "Koffiemoment" not in text

    share(world.round, EVERYTHING, world.alice)
    page = client.get(shared_url(world))
    text = page.content.decode()
    assert "Avonden plannen." in text
    assert "Koffiemoment" in text
    assert in_dutch("Team member") in text
    # Nothing of the team's own: notes, names or addresses of who answered, open answers, forms or edit links.
    assert SECRET_NOTE not in text
    assert "Mijn zoon Ahmed" not in text
    for person in team:
        assert person.name not in text
        assert person.email not in text
    forms = re.findall(r'<form[^>]*action="([^"]*)"', text)
    assert sorted(forms) == sorted([reverse("accounts:logout"), reverse("set_language")])  # the header's only
    assert "/plan/" not in text
    assert in_dutch("Notes from the team") not in text
    assert in_dutch("Spread") not in text


def test_readers_find_the_shared_results_in_their_menu_and_on_their_overview(world: World, bob_client: Client) -> None:
    link = f'href="{reverse("actions:shared_list", args=[world.school.id])}"'
    dashboard = reverse("results:dashboard", args=[world.school.id])
    for role in (Role.PARENT_REP, Role.SCHOOLRAAD):
        assert world.client_for(reader(world, role)).get(dashboard).content.decode().count(link) == 2
    assert link not in bob_client.get(dashboard).content.decode()
