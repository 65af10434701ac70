"""A parent representative or schoolraad member who carries an action reads it on “My actions”, never the team's plan.

Before, carrying one action opened the whole plan to her (every action, “Trekker: An De Smet”, the warnings drawn
from the team's analysis), even after the coordinator stopped sharing, with a breadcrumb to a profile she may not
open. Now the plan's pages are 404 to the parent side, and her own page shows her actions only: title,
dimensions, due date and status, with the status and evaluation for her to update.
"""

import re
from datetime import date

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import formats, translation

from accounts.models import User
from actions.models import Action
from actions.own_actions import own_actions
from analysis.sharing import NOTHING_SHARED, SharedParts, share
from framework.localized import show_dimensions
from framework.models import Dimension
from schools.models import Membership, Role
from tests.helpers.world import World, in_dutch, make_user

PARENT_SIDE = [Role.PARENT_REP, Role.SCHOOLRAAD]


def parent_side_owner(world: World, role: str = Role.PARENT_REP) -> tuple[User, Action, Action]:
    """A parent-side member who carries “Koffiemoment”; Bob carries “Huisbezoek” in the same round."""
    person = make_user("Fatima Amrani", f"fatima-{role}@example.org")
    Membership.objects.create(school=world.school, user=person, role=role)
    own = Action.objects.create(
        school=world.school, round=world.round, title="Koffiemoment", owner=person, due_on=date(2027, 3, 1)
    )
    own.dimensions.set(Dimension.objects.filter(key__in=["tijd", "kennis"]))
    other = Action.objects.create(school=world.school, round=world.round, title="Huisbezoek", owner=world.bob)
    return person, own, other


def my_actions_url(world: World) -> str:
    return reverse("actions:my_actions", args=[world.school.id])


def progress_url(world: World, action: Action) -> str:
    return reverse("actions:my_action", args=[world.school.id, action.id])


def plan_urls(world: World, action: Action) -> list[str]:
    args = [world.school.id, world.round.id]
    return [
        reverse("actions:plan", args=args),
        reverse("actions:detail", args=[*args, action.id]),
        reverse("actions:edit", args=[*args, action.id]),
    ]


@pytest.mark.parametrize("role", PARENT_SIDE)
def test_carrying_an_action_opens_none_of_the_plan_s_pages_shared_or_not(world: World, role: str) -> None:
    person, own, other = parent_side_owner(world, role)
    client = world.client_for(person)
    for sharing in (SharedParts(plan=True), NOTHING_SHARED):
        share(world.round, sharing, world.alice)
        for action in (own, other):
            for url in plan_urls(world, action):
                assert client.get(url).status_code == 404, (url, sharing)
                assert client.post(url).status_code == 404, (url, sharing)


def test_own_actions_are_hers_only_named_in_the_page_s_language(world: World) -> None:
    person, own, _other = parent_side_owner(world)
    later = Action.objects.create(school=world.school, round=world.round, title="Oudercafé", owner=person)
    Action.objects.create(school=world.other_school, round=world.other_round, title="Elders", owner=person)
    membership = Membership.objects.get(school=world.school, user=person)
    found = own_actions(membership, show_dimensions("nl"))
    assert [shown.action for shown in found] == [own, later]  # dated first, undated last
    names = {shown.key: shown.name for shown in show_dimensions("nl")}
    assert set(found[0].dimensions) == {names["tijd"], names["kennis"]}
    assert found[1].dimensions == ()


@pytest.mark.parametrize("role", PARENT_SIDE)
def test_her_page_shows_her_action_and_nothing_of_the_team_s_plan(world: World, role: str) -> None:
    person, _own, _other = parent_side_owner(world, role)
    share(world.round, NOTHING_SHARED, world.alice)
    page = world.client_for(person).get(my_actions_url(world))
    assert page.status_code == 200
    text = page.content.decode()
    main = text[text.index("<main") :]
    assert "Koffiemoment" in main
    with translation.override("nl"):
        assert formats.date_format(date(2027, 3, 1), "SHORT_DATE_FORMAT") in main
    assert "Huisbezoek" not in main
    for staff in (world.alice, world.bob):
        assert staff.name not in main
        assert staff.email not in main
    for team_only in ("How the plan covers the seven dimensions", "Suggestions from the action library"):
        assert in_dutch(team_only) not in main
    links = re.findall(r'href="([^"]*)"', main)
    assert [link for link in links if "/rounds/" in link] == []  # no plan, profile or round behind it
    assert f'action="{progress_url(world, _own)}"' in main


def test_she_updates_status_and_evaluation_of_her_action_only(world: World) -> None:
    person, own, other = parent_side_owner(world)
    client = world.client_for(person)
    done = client.post(
        progress_url(world, own),
        {f"{own.pk}-status": "under_way", f"{own.pk}-evaluation": "Twaalf ouders kwamen."},
    )
    assert done.status_code == 302
    assert done["Location"] == my_actions_url(world)
    own.refresh_from_db()
    assert (own.status, own.evaluation, own.title) == ("under_way", "Twaalf ouders kwamen.", "Koffiemoment")
    assert client.post(progress_url(world, other), {f"{other.pk}-status": "done"}).status_code == 404
    other.refresh_from_db()
    assert other.status == "idea"
    wrong = client.post(progress_url(world, own), {f"{own.pk}-status": "finished"})
    assert wrong.status_code == 400
    own.refresh_from_db()
    assert own.status == "under_way"
    assert client.get(progress_url(world, own)).status_code == 405
    assert client.post(my_actions_url(world)).status_code == 405


def test_staff_have_the_plan_not_this_page_and_outsiders_find_nothing(
    world: World, alice_client: Client, bob_client: Client, charlie_client: Client
) -> None:
    _person, own, other = parent_side_owner(world)
    assert alice_client.get(my_actions_url(world)).status_code == 403
    assert bob_client.post(progress_url(world, other), {f"{other.pk}-status": "done"}).status_code == 403
    assert charlie_client.get(my_actions_url(world)).status_code == 404
    assert charlie_client.post(progress_url(world, own)).status_code == 404


@pytest.mark.parametrize("role", PARENT_SIDE)
def test_her_overview_and_the_shared_list_lead_to_her_actions(world: World, role: str, bob_client: Client) -> None:
    person, _own, _other = parent_side_owner(world, role)
    client = world.client_for(person)
    link = f'href="{my_actions_url(world)}"'
    assert link in client.get(reverse("results:dashboard", args=[world.school.id])).content.decode()
    assert link in client.get(reverse("actions:shared_list", args=[world.school.id])).content.decode()
    assert link not in bob_client.get(reverse("actions:shared_list", args=[world.school.id])).content.decode()


FORMAL_YOU = re.compile(r"\b(u|uw)\b", re.IGNORECASE)


def dutch_words(html: str) -> str:
    """The visible words of a page's main part (or of one section), tags stripped."""
    main = html[html.index("<main") : html.index("</main>")]
    return re.sub(r"<[^>]+>", " ", main)


def test_the_parent_side_s_pages_and_the_sharing_section_say_je_like_the_rest_of_the_staff_pages(
    world: World, alice_client: Client
) -> None:
    person, _own, _other = parent_side_owner(world)
    share(world.round, SharedParts(profile=True, conclusions=True, plan=True), world.alice)
    client = world.client_for(person)
    pages = {
        url: client.get(url).content.decode()
        for url in (
            reverse("results:dashboard", args=[world.school.id]),
            reverse("actions:shared_list", args=[world.school.id]),
            reverse("actions:shared", args=[world.school.id, world.round.id]),
            my_actions_url(world),
        )
    }
    round_page = alice_client.get(reverse("analysis:round", args=[world.school.id, world.round.id])).content.decode()
    pages["#sharing"] = round_page[round_page.index('id="sharing"') :]
    share(world.round, NOTHING_SHARED, world.alice)
    sharing_url = reverse("analysis:sharing", args=[world.school.id, world.round.id])
    pages["confirm"] = alice_client.post(sharing_url, {"plan": "on"}).content.decode()
    for where, html in pages.items():
        words = dutch_words(html) if where != "#sharing" else re.sub(r"<[^>]+>", " ", html[: html.index("</section>")])
        assert FORMAL_YOU.findall(words) == [], where
