"""Organisations as tenants above schools: outsiders and another organisation's staff get 404 on every
organisation URL, staff without the right role 403; a school reaches only its own links."""

from collections.abc import Iterator

import pytest
from django.test import Client
from django.urls import URLPattern, reverse

from organisations.models import OrganisationMembership, OrganisationRole
from organisations.staff import invite_staff
from tests.helpers.world import World, make_user
from tests.organisations.regional_data import organisation_with_coach
from tests.schools.test_outsiders_get_404 import school_scoped_patterns


def organisation_patterns() -> Iterator[tuple[str, URLPattern]]:
    """Every URL pattern that takes an organisation id: the schools' walk, by another key."""
    return school_scoped_patterns("organisation_id")


def organisation_urls(organisation_id: object, invitation_id: object, membership_id: object) -> list[str]:
    values = {"organisation_id": organisation_id, "invitation_id": invitation_id, "membership_id": membership_id}
    return [
        reverse(f"{namespace}:{pattern.name}", kwargs={name: values[name] for name in pattern.pattern.converters})
        for namespace, pattern in organisation_patterns()
    ]


def test_the_walk_finds_the_organisation_urls() -> None:
    names = {f"{namespace}:{pattern.name}" for namespace, pattern in organisation_patterns()}
    assert names == {
        "organisations:overview",
        "organisations:export",
        "organisations:staff",
        "organisations:withdraw_invitation",
        "organisations:remove_member",
    }


@pytest.mark.parametrize("who", ["outsider", "staff_of_another_organisation", "school_coordinator"])
def test_everyone_but_its_staff_gets_404_on_every_organisation_url(world: World, who: str) -> None:
    atlas, coach = organisation_with_coach("Atlas")
    invitation = invite_staff(atlas, "new@example.org", OrganisationRole.COACH, coach)
    if who == "outsider":
        person = make_user("Olga Buiten", "olga@example.org")
    elif who == "staff_of_another_organisation":
        _ingent, person = organisation_with_coach("IN-Gent")
    else:
        person = world.alice  # coordinates a school, is on no organisation's staff
    client = world.client_for(person)
    coach_membership = OrganisationMembership.objects.get(organisation=atlas, user=coach)
    urls = organisation_urls(atlas.id, invitation.id, coach_membership.id)
    assert len(urls) == 5
    for url in urls:
        for method in (client.get, client.post):
            response = method(url)
            assert response.status_code == 404, f"{method.__name__.upper()} {url} gave {response.status_code}"


def test_a_coach_reads_but_only_an_administrator_invites_staff(world: World) -> None:
    atlas, coach = organisation_with_coach("Atlas")
    admin = make_user("Ada Beheer", "ada@example.org")
    OrganisationMembership.objects.create(organisation=atlas, user=admin, role=OrganisationRole.ADMIN)
    invitation = invite_staff(atlas, "new@example.org", OrganisationRole.COACH, admin)
    coach_client = world.client_for(coach)
    staff_url = reverse("organisations:staff", args=[atlas.id])
    withdraw_url = reverse("organisations:withdraw_invitation", args=[atlas.id, invitation.id])
    assert coach_client.get(staff_url).status_code == 200
    assert coach_client.get(reverse("organisations:overview", args=[atlas.id])).status_code == 200
    assert coach_client.post(staff_url, {"email": "x@example.org", "role": "coach"}).status_code == 403
    assert coach_client.post(withdraw_url).status_code == 403
    admin_client = world.client_for(admin)
    assert admin_client.post(withdraw_url).status_code == 302
    assert admin_client.post(withdraw_url).status_code == 404  # gone: withdrawn once


def test_anonymous_visitor_is_sent_to_login(world: World) -> None:
    atlas, _coach = organisation_with_coach("Atlas")
    response = Client().get(reverse("organisations:overview", args=[atlas.id]))
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]


def test_a_school_reaches_only_its_own_links(world: World, charlie_client: Client) -> None:
    from organisations.links import invite_organisation

    atlas, _coach = organisation_with_coach("Atlas")
    link = invite_organisation(world.school, atlas, "2026-2027", False, world.alice)
    # Charlie coordinates another school: its id with De Regenboog's link is 404, as is De Regenboog's page.
    assert charlie_client.get(reverse("organisations:link", args=[world.other_school.id, link.id])).status_code == 404
    assert charlie_client.get(reverse("organisations:link", args=[world.school.id, link.id])).status_code == 404
    bob = world.client_for(world.bob)  # a team member reads, the coordinator writes
    assert bob.get(reverse("organisations:link", args=[world.school.id, link.id])).status_code == 200
    assert bob.post(reverse("organisations:link", args=[world.school.id, link.id]), {"named": "on"}).status_code == 403
    assert bob.post(reverse("organisations:withdraw_link", args=[world.school.id, link.id])).status_code == 403


def test_a_staff_invitations_token_is_masked_in_every_log_like_a_schools() -> None:
    from betrokken.secret_paths import mask_secret_paths
    from tests.deploy.test_deploy_files import nginx_logged_uri

    path = reverse("organisations:accept_invitation", args=["x1Y2-z3_t0ken"])
    assert mask_secret_paths(path) == nginx_logged_uri(path) == "/invitations/***/organisation/"
