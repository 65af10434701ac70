"""Issue 15 follow-up: an organisation's administrator removes a member of its staff after a confirmation (POST
only), never the last administrator; the removed person gets 404 on the organisation's pages, as an outsider."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils.html import escape

from organisations.models import Organisation, OrganisationMembership, OrganisationRole
from organisations.staff import LastAdministrator, remove_staff_member
from tests.helpers.organisations import verified_organisation
from tests.helpers.world import World, in_dutch, make_user


def atlas_with_staff(world: World) -> tuple[Organisation, OrganisationMembership, OrganisationMembership]:
    """Atlas with Ada (its administrator, who made it) and Cas (a coach)."""
    ada = make_user("Ada Beheer", "ada@example.org")
    atlas = verified_organisation("Atlas", "integration", ada)
    cas = OrganisationMembership.objects.create(
        organisation=atlas, user=make_user("Cas Coach", "cas@example.org"), role=OrganisationRole.COACH
    )
    return atlas, OrganisationMembership.objects.get(organisation=atlas, user=ada), cas


def remove_url(member: OrganisationMembership) -> str:
    return reverse("organisations:remove_member", args=[member.organisation_id, member.id])


def test_an_administrator_removes_a_coach_after_confirming_and_the_coach_gets_404(world: World) -> None:
    atlas, ada, cas = atlas_with_staff(world)
    admin = world.client_for(ada.user)
    staff_page = admin.get(reverse("organisations:staff", args=[atlas.id])).content.decode()
    assert remove_url(cas) in staff_page
    asked = admin.post(remove_url(cas))  # the button on the staff list: the confirmation page, nothing removed
    assert asked.status_code == 200
    assert escape(in_dutch("Remove from the staff?")) in asked.content.decode()
    assert 'name="csrfmiddlewaretoken"' in asked.content.decode()
    assert OrganisationMembership.objects.filter(pk=cas.pk).exists()
    done = admin.post(remove_url(cas), {"confirmed": "on"})
    assert done.status_code == 302 and done["Location"] == reverse("organisations:staff", args=[atlas.id])
    assert not OrganisationMembership.objects.filter(pk=cas.pk).exists()
    coach = world.client_for(cas.user)
    for name in ("overview", "export", "staff"):
        assert coach.get(reverse(f"organisations:{name}", args=[atlas.id])).status_code == 404, name
    assert admin.post(remove_url(cas), {"confirmed": "on"}).status_code == 404  # gone: removed once


def test_removing_is_post_only_and_needs_the_csrf_token(world: World) -> None:
    _atlas, ada, cas = atlas_with_staff(world)
    assert world.client_for(ada.user).get(remove_url(cas)).status_code == 405
    checked = Client(enforce_csrf_checks=True)
    checked.force_login(ada.user)
    assert checked.post(remove_url(cas), {"confirmed": "on"}).status_code == 403
    assert OrganisationMembership.objects.filter(pk=cas.pk).exists()


def test_a_coach_cannot_remove_anyone(world: World) -> None:
    _atlas, ada, cas = atlas_with_staff(world)
    coach = world.client_for(cas.user)
    assert coach.post(remove_url(ada), {"confirmed": "on"}).status_code == 403
    assert OrganisationMembership.objects.filter(pk=ada.pk).exists()


def test_the_last_administrator_cannot_be_removed(world: World) -> None:
    atlas, ada, _cas = atlas_with_staff(world)
    admin = world.client_for(ada.user)
    staff_page = admin.get(reverse("organisations:staff", args=[atlas.id])).content.decode()
    assert remove_url(ada) not in staff_page
    assert in_dutch("the only administrator") in staff_page
    refused = admin.post(remove_url(ada), {"confirmed": "on"}, follow=True)
    assert refused.status_code == 200
    expected = in_dutch("%(name)s is the only administrator: invite another administrator first.")
    assert escape(expected % {"name": "Ada Beheer"}) in refused.content.decode()
    assert OrganisationMembership.objects.filter(pk=ada.pk).exists()
    with pytest.raises(LastAdministrator):
        remove_staff_member(ada)


def test_an_administrator_removes_another_administrator_and_then_herself_is_refused(world: World) -> None:
    atlas, ada, _cas = atlas_with_staff(world)
    bo = OrganisationMembership.objects.create(
        organisation=atlas, user=make_user("Bo Beheer", "bo@example.org"), role=OrganisationRole.ADMIN
    )
    admin = world.client_for(ada.user)
    assert admin.post(remove_url(bo), {"confirmed": "on"}).status_code == 302
    assert not OrganisationMembership.objects.filter(pk=bo.pk).exists()
    assert admin.post(remove_url(ada), {"confirmed": "on"}).status_code == 302  # refused: she is the last one now
    assert OrganisationMembership.objects.filter(pk=ada.pk).exists()


def test_an_administrator_who_removes_herself_lands_on_her_organisations(world: World) -> None:
    atlas, ada, _cas = atlas_with_staff(world)
    OrganisationMembership.objects.create(
        organisation=atlas, user=make_user("Bo Beheer", "bo@example.org"), role=OrganisationRole.ADMIN
    )
    admin = world.client_for(ada.user)
    asked = admin.post(remove_url(ada)).content.decode()
    assert escape(in_dutch("This is you: you lose access at once.")) in asked
    done = admin.post(remove_url(ada), {"confirmed": "on"})
    assert done["Location"] == reverse("organisations:list")
    assert admin.get(reverse("organisations:overview", args=[atlas.id])).status_code == 404
