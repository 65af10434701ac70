"""A school invites an organisation per school year, shares closed rounds one by one after reading what leaves
the school, and can withdraw; the organisation sees nothing of a school that does not share with it."""

from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils.html import escape

from organisations.models import OrganisationMembership, SchoolLink, SharedRound
from organisations.regional.overview import build_overview
from organisations.regional.wording import WHAT_LEAVES
from tests.helpers.mail import sent_by_the_worker
from tests.helpers.world import World, in_dutch, make_user
from tests.organisations.regional_data import closed_round, organisation_with_coach, share


def test_the_coordinator_invites_shares_after_confirming_and_withdraws(world: World, alice_client: Client) -> None:
    atlas, _coach = organisation_with_coach("Atlas")
    round_ = closed_round("De Regenboog", school=world.school)
    links_url = reverse("organisations:school_links", args=[world.school.id])
    response = alice_client.post(links_url, {"organisation": atlas.id, "school_year": "2026-2027"})
    link = SchoolLink.objects.get(school=world.school, organisation=atlas)
    assert response.status_code == 302 and not link.named
    share_url = reverse("organisations:share_round", args=[world.school.id, link.id, round_.id])
    asked = alice_client.post(share_url)
    assert asked.status_code == 200
    assert escape(in_dutch(str(WHAT_LEAVES))) in asked.content.decode()
    assert not SharedRound.objects.filter(link=link).exists()  # nothing leaves before the confirmation
    assert alice_client.post(share_url, {"confirmed": "on"}).status_code == 302
    assert SharedRound.objects.filter(link=link, round=round_).exists()
    withdraw_url = reverse("organisations:withdraw_link", args=[world.school.id, link.id])
    assert alice_client.get(withdraw_url).status_code == 200  # the confirmation first
    assert SharedRound.objects.filter(link=link).exists()
    assert alice_client.post(withdraw_url).status_code == 302
    link.refresh_from_db()
    assert link.withdrawn_at is not None and not SharedRound.objects.filter(link=link).exists()


def test_an_open_round_or_another_years_round_cannot_be_shared(world: World, alice_client: Client) -> None:
    atlas, _coach = organisation_with_coach("Atlas")
    link = share(atlas, closed_round("De Regenboog", school=world.school))
    # world.round is still open; a closed round of 2025 is another school year than the link's.
    earlier = closed_round("De Regenboog", school=world.school, period=(world.round.starts_on.replace(year=2025),) * 2)
    for round_ in (world.round, earlier):
        url = reverse("organisations:share_round", args=[world.school.id, link.id, round_.id])
        assert alice_client.post(url, {"confirmed": "on"}).status_code == 404
        assert not SharedRound.objects.filter(link=link, round=round_).exists()


def test_a_school_year_with_an_invalid_year_says_why(world: World, alice_client: Client) -> None:
    atlas, _coach = organisation_with_coach("Atlas")
    url = reverse("organisations:school_links", args=[world.school.id])
    response = alice_client.post(url, {"organisation": atlas.id, "school_year": "2026"})
    assert response.status_code == 200
    assert in_dutch("Write the school year as 2026-2027.") in response.content.decode()
    assert not SchoolLink.objects.exists()


def test_the_organisation_sees_only_schools_that_share_with_it(world: World) -> None:
    atlas, _coach = organisation_with_coach("Atlas")
    ingent, _other = organisation_with_coach("IN-Gent")
    sharing = [closed_round(f"Deelt {index}") for index in range(5)]
    for round_ in sharing:
        share(atlas, round_, named=True)
    invited_only = closed_round("Nodigt uit, deelt niet")
    share(atlas, invited_only).shared_rounds.all().delete()  # invited, but no round shared
    elsewhere = closed_round("Deelt met IN-Gent")
    share(ingent, elsewhere, named=True)
    withdrawn = closed_round("Trok terug")
    share(atlas, withdrawn, named=True)
    from organisations.links import withdraw_link

    withdraw_link(SchoolLink.objects.get(school=withdrawn.school, organisation=atlas))
    overview = build_overview(atlas, None, "nl")
    assert overview.named_schools == tuple(sorted(f"Deelt {index}" for index in range(5)))
    assert overview.unnamed_schools == 0
    assert all(figure.distribution.schools == 5 for figure in overview.dimensions[0].figures[:2])  # type: ignore[union-attr]


def test_staff_are_invited_by_e_mail_and_accept_with_the_invited_address(world: World) -> None:
    atlas, coach = organisation_with_coach("Atlas")
    OrganisationMembership.objects.filter(user=coach).update(role="admin")
    with sent_by_the_worker():
        response = world.client_for(coach).post(
            reverse("organisations:staff", args=[atlas.id]), {"email": "nina@example.org", "role": "coach"}
        )
    assert response.status_code == 302
    [message] = mail.outbox
    assert message.to == ["nina@example.org"] and "Atlas" in message.subject
    link = next(line for line in message.body.splitlines() if "/invitations/" in line)
    path = link[link.index("/invitations/") :]
    wrong = world.client_for(make_user("Wim Anders", "wim@example.org"))
    assert wrong.post(path).status_code == 302
    assert not OrganisationMembership.objects.filter(user__email="wim@example.org").exists()
    nina = make_user("Nina Coach", "nina@example.org")
    assert world.client_for(nina).post(path).status_code == 302
    assert OrganisationMembership.objects.get(user=nina, organisation=atlas).role == "coach"
    assert Client().get(path).status_code == 404  # used once


def test_stopping_a_round_and_inviting_again_after_withdrawing_share_nothing_until_shared(
    world: World, alice_client: Client
) -> None:
    atlas, _coach = organisation_with_coach("Atlas")
    round_ = closed_round("De Regenboog", school=world.school)
    link = share(atlas, round_, named=True)
    assert build_overview(atlas, None, "nl").named_schools == ("De Regenboog",)
    stop_url = reverse("organisations:stop_round", args=[world.school.id, link.id, round_.id])
    assert alice_client.post(stop_url).status_code == 302
    assert build_overview(atlas, None, "nl").sharing == 0
    share(atlas, round_, named=True)
    alice_client.post(reverse("organisations:withdraw_link", args=[world.school.id, link.id]))
    links_url = reverse("organisations:school_links", args=[world.school.id])
    alice_client.post(links_url, {"organisation": atlas.id, "school_year": "2026-2027", "named": "on"})
    link.refresh_from_db()
    assert link.is_active and not link.shared_rounds.exists()  # a new invitation shares nothing by itself
    assert build_overview(atlas, None, "nl").sharing == 0
