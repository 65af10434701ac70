"""A school's action library: the framework's actions plus its own, which then appear as suggestions."""

from django.test import Client
from django.urls import reverse

from actions.models import LibraryAction
from framework.models import Dimension
from tests.helpers.world import World


def own_action(world: World, client: Client, **fields: object) -> object:
    data = {
        "title": "Soepmoment op vrijdag",
        "description": "Ouders en leerkrachten eten samen soep na school.",
        "dimensions": [Dimension.objects.get(key=key).pk for key in ("emotie", "tijd")],
        "target_group": "all_parents",
        "effort": "low",
        "pupil_role": "participates",
        "pupil_part": "Leerlingen schenken de soep uit.",
    } | fields
    return client.post(reverse("actions:library", args=[world.school.id]), data)


def test_a_coordinator_adds_an_own_action_that_only_the_school_sees(world: World, alice_client: Client) -> None:
    # Four dimensions and a part for pupils: it outranks every framework action (at most three dimensions)
    # in a round without answers or plan yet, so it must be among the suggestions.
    four = [Dimension.objects.get(key=key).pk for key in ("emotie", "tijd", "kennis", "gedrag")]
    assert own_action(world, alice_client, dimensions=four).status_code == 302
    own = LibraryAction.objects.get(school=world.school)
    assert set(own.dimensions.values_list("key", flat=True)) == {"emotie", "tijd", "kennis", "gedrag"}
    page = alice_client.get(reverse("actions:library", args=[world.school.id])).content.decode()
    assert "Soepmoment op vrijdag" in page
    other = world.client_for(world.charlie).get(reverse("actions:library", args=[world.other_school.id]))
    assert "Soepmoment op vrijdag" not in other.content.decode()
    plan = alice_client.get(reverse("actions:plan", args=[world.school.id, world.round.id]))
    keys = {shown.action.key for shown, _suggestion, _names in plan.context["suggestions"]}
    assert own.key in keys and len(keys) == 8  # ranked among the framework's actions
    theirs = world.client_for(world.charlie).get(
        reverse("actions:plan", args=[world.other_school.id, world.other_round.id])
    )
    assert own.key not in {shown.action.key for shown, _suggestion, _names in theirs.context["suggestions"]}


def test_bad_input_is_refused_with_messages(world: World, alice_client: Client) -> None:
    response = own_action(world, alice_client, title="", dimensions=[], pupil_part="")
    assert response.status_code == 400
    assert {"title", "dimensions", "pupil_part"} <= set(response.context["form"].errors)
    assert not LibraryAction.objects.filter(school=world.school).exists()


def test_team_members_read_but_do_not_add(world: World, bob_client: Client) -> None:
    assert bob_client.get(reverse("actions:library", args=[world.school.id])).status_code == 200
    assert own_action(world, bob_client).status_code == 403
