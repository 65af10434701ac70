"""A round's action plan: who may edit, the check as actions change, suggestions from the library."""

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from actions.models import Action, LibraryAction
from framework.models import Dimension
from schools.models import Membership, Role
from tests.helpers.world import World, make_user


def plan_url(world: World) -> str:
    return reverse("actions:plan", args=[world.school.id, world.round.id])


def warning_codes(response: object) -> set[str]:
    return {warning.code for warning, _names in response.context["warnings"]}  # type: ignore[attr-defined]


def new_action(world: World, client: Client, **fields: object) -> object:
    data = {
        "title": "Leerlinggestuurd oudercontact",
        "description": "Leerlingen tonen hun ouders hun werk.",
        "dimensions": [Dimension.objects.get(key=key).pk for key in ("emotie", "competentie", "tijd")],
        "target_group": "all_parents",
        "pupil_role": "leads",
        "pupil_part": "Leerlingen leiden het gesprek.",
        "owner": world.bob.pk,
        "starts_on": "2026-11-01",
        "due_on": "2026-12-15",
        "status": "planned",
        "success_indicator": "Negen op tien ouders komen.",
        "evaluation": "",
    } | fields
    return client.post(reverse("actions:create", args=[world.school.id, world.round.id]), data)


def test_an_empty_plan_shows_suggestions_and_warnings(world: World, alice_client: Client) -> None:
    response = alice_client.get(plan_url(world))
    assert response.status_code == 200
    assert {"few_dimensions", "no_pupils"} <= warning_codes(response)
    assert 1 <= len(response.context["suggestions"]) <= 8
    assert LibraryAction.objects.filter(school__isnull=True).count() >= 40


def test_writing_an_action_with_a_pupils_role_clears_the_warnings(world: World, alice_client: Client) -> None:
    response = new_action(world, alice_client)
    assert response.status_code == 302
    action = Action.objects.get()
    assert action.school == world.school and action.owner == world.bob
    assert set(action.dimensions.values_list("key", flat=True)) == {"emotie", "competentie", "tijd"}
    assert warning_codes(alice_client.get(plan_url(world))) == set()


def test_a_pupils_role_needs_a_description_and_dates_an_order(world: World, alice_client: Client) -> None:
    response = new_action(world, alice_client, pupil_part="", due_on="2026-10-01")
    assert response.status_code == 400
    assert set(response.context["form"].errors) == {"pupil_part", "due_on"}
    assert not Action.objects.exists()


def test_one_click_adds_a_suggestion_as_an_idea(world: World, alice_client: Client) -> None:
    first = alice_client.get(plan_url(world)).context["suggestions"][0][0]
    url = reverse("actions:add_suggestion", args=[world.school.id, world.round.id, first.action.id])
    assert alice_client.get(url).status_code == 405
    assert alice_client.post(url).status_code == 302
    action = Action.objects.get()
    assert (action.status, action.source_id, action.title) == ("idea", first.action.id, first.title)
    keys = [shown.action.key for shown, _s, _n in alice_client.get(plan_url(world)).context["suggestions"]]
    assert first.action.key not in keys


def test_owner_and_coordinator_edit_others_read(world: World, alice_client: Client, bob_client: Client) -> None:
    new_action(world, alice_client, owner="")
    action = Action.objects.get()
    edit = reverse("actions:edit", args=[world.school.id, world.round.id, action.id])
    assert bob_client.get(edit).status_code == 403  # not the owner
    Action.objects.filter(pk=action.pk).update(owner=world.bob)
    assert bob_client.get(edit).status_code == 200
    rep = make_user("Rita Ouderraad", "rita@example.org")
    Membership.objects.create(school=world.school, user=rep, role=Role.PARENT_REP)
    rep_client = world.client_for(rep)
    assert rep_client.get(plan_url(world)).status_code == 404  # they read what the coordinator shares
    Action.objects.create(school=world.school, round=world.round, title="Koffiemoment", owner=rep)
    assert rep_client.get(plan_url(world)).status_code == 404  # carrying an action: “My actions”, not the plan
    assert rep_client.get(edit).status_code == 404
    assert bob_client.post(reverse("actions:create", args=[world.school.id, world.round.id])).status_code == 403


def test_outsiders_get_404(world: World, alice_client: Client, charlie_client: Client) -> None:
    new_action(world, alice_client)
    action = Action.objects.get()
    for url in (plan_url(world), reverse("actions:edit", args=[world.school.id, world.round.id, action.id])):
        assert charlie_client.get(url).status_code == 404


def test_the_plan_page_query_count_does_not_grow_with_actions(world: World, alice_client: Client) -> None:
    new_action(world, alice_client)
    with CaptureQueriesContext(connection) as few:
        alice_client.get(plan_url(world))
    for index in range(6):
        new_action(world, alice_client, title=f"Actie {index}")
    with CaptureQueriesContext(connection) as many:
        alice_client.get(plan_url(world))
    assert len(many.captured_queries) == len(few.captured_queries)
