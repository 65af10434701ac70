"""Issue 12 point 5: the plan's suggestions narrowed by dimension, effort and target group (a GET form)."""

from django.test import Client
from django.urls import reverse

from actions.models import LibraryAction
from tests.helpers.world import World


def plan_url(world: World, query: str = "") -> str:
    return reverse("actions:plan", args=[world.school.id, world.round.id]) + query


def suggested_keys(response: object) -> list[str]:
    return [shown.action.key for shown, _reasons, _dimensions in response.context["suggestions"]]  # type: ignore[attr-defined]


def test_effort_narrows_the_suggestions_and_the_choice_stays_in_the_form(world: World, alice_client: Client) -> None:
    response = alice_client.get(plan_url(world, "?effort=low"))
    keys = suggested_keys(response)
    low = set(LibraryAction.objects.filter(school__isnull=True, effort="low").values_list("key", flat=True))
    assert keys and set(keys) <= low and len(keys) == min(8, len(low))
    assert '<option value="low" selected>' in response.content.decode()
    assert response.context["filtered"]


def test_dimension_and_target_group_together(world: World, alice_client: Client) -> None:
    response = alice_client.get(plan_url(world, "?dimension=tijd&target_group=team&effort="))
    expected = LibraryAction.objects.filter(school__isnull=True, dimensions__key="tijd", target_group="team")
    assert suggested_keys(response) == list(expected.values_list("key", flat=True))
    assert len(suggested_keys(response)) == 1
    page = response.content.decode()
    assert '<option value="tijd" selected>' in page and '<option value="team" selected>' in page


def test_nothing_matching_shows_the_empty_state_with_a_way_back(world: World, alice_client: Client) -> None:
    assert not LibraryAction.objects.filter(target_group="pupils", effort="high").exists()
    response = alice_client.get(plan_url(world, "?target_group=pupils&effort=high"))
    assert response.context["suggestions"] == []
    page = response.content.decode()
    assert 'data-testid="no-suggestions"' in page
    assert f'href="{plan_url(world)}#suggestions"' in page


def test_a_value_not_on_offer_narrows_nothing(world: World, alice_client: Client) -> None:
    unfiltered = suggested_keys(alice_client.get(plan_url(world)))
    response = alice_client.get(plan_url(world, "?effort=enormous&dimension=geluk"))
    assert suggested_keys(response) == unfiltered
    assert not response.context["filtered"]


def test_each_suggestion_shows_all_its_reasons_and_its_dimensions(world: World, alice_client: Client) -> None:
    response = alice_client.get(plan_url(world, "?dimension=tijd&target_group=team"))
    page = " ".join(response.content.decode().split())
    (shown, reasons, dimensions) = response.context["suggestions"][0]
    assert dimensions == ["Rationeel", "Gedrag", "Tijd"]  # the framework's order
    assert page.count('class="reason"') == len(reasons) >= 1
    for name in dimensions:
        assert f'<span class="flag dimension-flag">{name}</span>' in page
    assert shown.action.get_effort_display() in page
