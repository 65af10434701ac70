"""Support organisations, comments on actions, and the coach who follows several schools."""

from datetime import date

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.models import User
from actions.models import Action, ActionComment
from analysis.rounds import start_round
from framework.models import Dimension
from schools.models import Membership, Role, School
from support.models import OrganisationKind, SupportOrganisation
from tests.helpers.world import World, make_user


def organisation(name: str = "Integratiedienst Noord", **fields: object) -> SupportOrganisation:
    values: dict[str, object] = {
        "kind": OrganisationKind.INTEGRATION,
        "region": "Gent",
        "themes": "Nieuwkomers",
        "offers_coaching": True,
    } | fields
    return SupportOrganisation.objects.create(name=name, **values)


def coach_of(world: World, *schools: School) -> User:
    coach = make_user("Cora Coach", "cora@example.org")
    for school in schools or (world.school,):
        Membership.objects.create(school=school, user=coach, role=Role.COACH)
    return coach


def member(world: World, role: str, email: str) -> User:
    user = make_user(email.split("@")[0].title(), email)
    Membership.objects.create(school=world.school, user=user, role=role)
    return user


def detail_url(world: World, action: Action) -> str:
    return reverse("actions:detail", args=[world.school.id, world.round.id, action.id])


# The directory


def test_directory_lists_and_filters(world: World, bob_client: Client) -> None:
    organisation()
    organisation("CLB Zuid", kind=OrganisationKind.CLB, region="Antwerpen", offers_training=True)
    url = reverse("support:directory")
    response = bob_client.get(url)
    assert response.status_code == 200
    assert [o.name for o in response.context["organisations"]] == ["CLB Zuid", "Integratiedienst Noord"]
    assert response.context["regions"] == ["Antwerpen", "Gent"]
    assert [o.name for o in bob_client.get(url, {"region": "Gent"}).context["organisations"]] == [
        "Integratiedienst Noord"
    ]
    assert [o.name for o in bob_client.get(url, {"kind": "clb"}).context["organisations"]] == ["CLB Zuid"]
    empty = bob_client.get(url, {"kind": "clb", "region": "Gent"})
    assert not empty.context["organisations"]
    assert b"empty-state" in empty.content


def test_directory_empty_state_and_login_required(world: World, bob_client: Client) -> None:
    url = reverse("support:directory")
    assert b"empty-state" in bob_client.get(url).content
    response = Client().get(url)
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]


def test_an_example_entry_is_shown_with_a_badge(world: World, bob_client: Client) -> None:
    organisation("Taalpunt (voorbeeld)", is_example=True)
    organisation()  # a real entry: no badge
    content = bob_client.get(reverse("support:directory")).content.decode()
    assert content.count('data-testid="example-badge"') == 1


def test_staff_edits_organisations_in_the_admin(world: World) -> None:
    admin_user = make_user("Sam Beheer", "sam@example.org")
    User.objects.filter(pk=admin_user.pk).update(is_staff=True)
    client = world.client_for(User.objects.get(pk=admin_user.pk))
    add = reverse("admin:support_supportorganisation_add")
    assert client.get(add).status_code == 200
    response = client.post(
        add,
        {
            "name": "Ouderkoepel West",
            "kind": "parent_umbrella",
            "region": "West-Vlaanderen",
            "themes": "Ouderraad",
            "offers_training": "on",
            "website": "",
            "description": "",
        },
    )
    assert response.status_code == 302, response.content
    created = SupportOrganisation.objects.get(name="Ouderkoepel West")
    change = reverse("admin:support_supportorganisation_change", args=[created.pk])
    assert client.get(change).status_code == 200
    # someone who is not staff does not get in
    assert world.client_for(world.bob).get(add).status_code == 302


# Actions with a support organisation


def test_action_names_the_organisation_that_helps(world: World, alice_client: Client) -> None:
    helper = organisation()
    data = {
        "title": "Taalcafé voor ouders",
        "dimensions": [Dimension.objects.get(key=key).pk for key in ("kennis", "emotie", "tijd")],
        "target_group": "parents_little_dutch",
        "pupil_role": "none",
        "status": "planned",
        "support": str(helper.pk),
    }
    response = alice_client.post(reverse("actions:create", args=[world.school.id, world.round.id]), data)
    assert response.status_code == 302
    action = Action.objects.get()
    assert action.support == helper
    plan = alice_client.get(reverse("actions:plan", args=[world.school.id, world.round.id]))
    assert helper.name in plan.content.decode()
    assert detail_url(world, action) in plan.content.decode()
    helper.delete()
    action.refresh_from_db()
    assert action.support is None


# Comments


def test_every_member_reads_the_action_some_comment(world: World, alice_client: Client, bob_client: Client) -> None:
    action = Action.objects.create(school=world.school, round=world.round, title="Huisbezoek")
    url = detail_url(world, action)
    coach = coach_of(world)
    rep = member(world, Role.PARENT_REP, "rita@example.org")
    coach_client, rep_client = world.client_for(coach), world.client_for(rep)
    Action.objects.create(school=world.school, round=world.round, title="Koffiemoment", owner=rep)
    assert rep_client.get(url).status_code == 404  # the team's plan, even to one who carries an action of it
    assert rep_client.post(url, {"text": "Mag ik?"}).status_code == 404
    for client in (alice_client, bob_client, coach_client):
        assert client.get(url).status_code == 200
    assert bob_client.post(url, {"text": "Niet mijn actie"}).status_code == 403  # not the owner
    assert coach_client.post(url, {"text": "Denk aan een tolk."}).status_code == 302
    assert alice_client.post(url, {"text": "Goed idee."}).status_code == 302
    Action.objects.filter(pk=action.pk).update(owner=world.bob)
    assert bob_client.post(url, {"text": "Ik regel het."}).status_code == 302
    assert alice_client.post(url, {"text": "   "}).status_code == 400
    comments = list(ActionComment.objects.order_by("created_at"))
    assert [c.text for c in comments] == ["Denk aan een tolk.", "Goed idee.", "Ik regel het."]
    assert {c.school_id for c in comments} == {world.school.id}
    page = bob_client.get(url).content.decode()
    assert "Denk aan een tolk." in page and "Cora Coach" in page


def test_outsider_gets_404_on_the_action_page(world: World, charlie_client: Client) -> None:
    action = Action.objects.create(school=world.school, round=world.round, title="Huisbezoek")
    url = detail_url(world, action)
    assert charlie_client.get(url).status_code == 404
    assert charlie_client.post(url, {"text": "x"}).status_code == 404
    mixed = reverse("actions:detail", args=[world.other_school.id, world.other_round.id, action.id])
    assert charlie_client.get(mixed).status_code == 404
    assert not ActionComment.objects.exists()


# The coach never sees an individual's answers


def test_coach_reads_aggregates_and_plan_but_no_ones_answers(world: World) -> None:
    client = world.client_for(coach_of(world))
    assert client.get(reverse("results:profile", args=[world.school.id, world.round.id])).status_code == 200
    assert client.get(reverse("actions:plan", args=[world.school.id, world.round.id])).status_code == 200
    for page in (1, 2):
        url = reverse("analysis:answer", args=[world.school.id, world.round.id, page])
        assert client.get(url).status_code == 403
        assert client.post(url, {}).status_code == 403


# The coach overview


def test_coach_overview_shows_every_coached_school(world: World) -> None:
    coach = coach_of(world, world.school, world.other_school)
    Action.objects.create(school=world.school, round=world.round, title="Huisbezoek", status="done")
    Action.objects.create(school=world.school, round=world.round, title="Taalcafé")
    client = world.client_for(coach)
    response = client.get(reverse("actions:coach_overview"))
    assert response.status_code == 200
    schools = response.context["schools"]
    assert [s.school.name for s in schools] == ["De Regenboog", "Het Anker"]
    regenboog = schools[0].rounds[0]
    assert (regenboog.round, regenboog.actions, regenboog.done) == (world.round, 2, 1)
    assert regenboog.warnings >= 1  # two actions without dimensions: few dimensions, no pupils, no owner
    content = response.content.decode()
    assert reverse("results:profile", args=[world.school.id, world.round.id]) in content
    assert reverse("actions:plan", args=[world.other_school.id, world.other_round.id]) in content
    assert reverse("actions:coach_overview") in client.get(reverse("schools:home")).content.decode()


def test_coach_overview_empty_state(world: World, alice_client: Client) -> None:
    response = alice_client.get(reverse("actions:coach_overview"))  # alice coordinates, coaches nothing
    assert response.context["schools"] == []
    assert b"empty-state" in response.content
    assert reverse("actions:coach_overview") not in alice_client.get(reverse("schools:home")).content.decode()


def test_coach_overview_query_count_is_constant(world: World) -> None:
    coach = coach_of(world, world.school)
    client = world.client_for(coach)
    url = reverse("actions:coach_overview")
    dimension = Dimension.objects.first()
    Action.objects.create(school=world.school, round=world.round, title="Eerste").dimensions.add(dimension)  # type: ignore[arg-type]
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    Membership.objects.create(school=world.other_school, user=coach, role=Role.COACH)
    period = (date(2026, 10, 1), date(2026, 12, 1))
    extra = start_round(world.school, world.alice, "Tweede ronde", "whole_school", "", *period, [world.alice])
    for index, round_ in enumerate((world.round, extra, world.other_round) * 2):
        action = Action.objects.create(school=round_.school, round=round_, title=f"Actie {index}")
        action.dimensions.add(dimension)  # type: ignore[arg-type]
    with CaptureQueriesContext(connection) as many:
        response = client.get(url)
    assert sum(len(s.rounds) for s in response.context["schools"]) == 3
    assert len(many.captured_queries) == len(few.captured_queries)


@pytest.mark.parametrize("name", ["support:directory", "actions:coach_overview"])
def test_anonymous_is_sent_to_login(world: World, name: str) -> None:
    response = Client().get(reverse(name))
    assert response.status_code == 302
