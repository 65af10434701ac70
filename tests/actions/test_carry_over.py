"""Actions of the previous round are carried over or closed with an evaluation."""

from datetime import date

from django.test import Client
from django.urls import reverse

from actions.models import Action
from analysis.rounds import start_round
from framework.models import Dimension
from tests.helpers.world import World


def test_open_actions_are_carried_over_or_closed(world: World, alice_client: Client) -> None:
    old = Action.objects.create(school=world.school, round=world.round, title="Huisbezoeken", status="under_way")
    old.dimensions.set(Dimension.objects.filter(key__in=["kennis", "emotie"]))
    other = Action.objects.create(school=world.school, round=world.round, title="Koffiemoment", status="planned")
    Action.objects.create(school=world.school, round=world.round, title="Klaar", status="done")
    later = start_round(
        world.school,
        world.alice,
        "Later",
        "whole_school",
        "",
        date(2027, 1, 1),
        date(2027, 2, 1),
        [],
        previous=world.round,
    )
    url = reverse("actions:previous", args=[world.school.id, later.id])
    page = alice_client.get(url)
    assert [action.title for action, _form in page.context["rows"]] == ["Huisbezoeken", "Koffiemoment"]

    alice_client.post(url, {"action": old.id, "decision": "carry"})
    copy = Action.objects.get(round=later)
    assert (copy.title, copy.carried_from, copy.status) == ("Huisbezoeken", old, "under_way")
    assert set(copy.dimensions.values_list("key", flat=True)) == {"kennis", "emotie"}

    refused = alice_client.post(url, {"action": other.id, "decision": "close", f"{other.id}-status": "done"})
    assert refused.status_code == 400  # an evaluation is required
    alice_client.post(
        url,
        {
            "action": other.id,
            "decision": "close",
            f"{other.id}-status": "stopped",
            f"{other.id}-evaluation": "Te weinig volk.",
        },
    )
    other.refresh_from_db()
    assert (other.status, other.evaluation) == ("stopped", "Te weinig volk.")
    assert alice_client.get(url).context["rows"] == []


def test_only_coordinators_and_never_outsiders(world: World, bob_client: Client, charlie_client: Client) -> None:
    url = reverse("actions:previous", args=[world.school.id, world.round.id])
    assert bob_client.get(url).status_code == 403
    assert charlie_client.get(url).status_code == 404
