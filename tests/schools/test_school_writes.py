"""The schools' writes, without HTTP: registering a school, withdrawing an invitation."""

import pytest
from django.utils import timezone

from accounts.models import User
from schools.invitations import create_invitation, withdraw_invitation
from schools.models import Invitation, Membership, Role
from schools.schools import register_school
from tests.helpers.world import World, make_user


@pytest.mark.django_db
def test_a_registered_school_has_its_founder_as_coordinator() -> None:
    founder: User = make_user("Fien Stichter", "fien@example.org")
    school = register_school("De Linde", "Brugge", founder)
    assert (school.name, school.town) == ("De Linde", "Brugge")
    assert [(m.user, m.role) for m in Membership.objects.filter(school=school)] == [(founder, Role.COORDINATOR)]


def test_withdrawing_deletes_an_open_invitation_of_the_school(world: World) -> None:
    invitation, _token = create_invitation(world.school, "new@example.org", Role.TEAM, world.alice)
    withdrawn = withdraw_invitation(world.school, invitation.id)
    assert withdrawn is not None and withdrawn.email == "new@example.org"
    assert not Invitation.objects.filter(id=invitation.id).exists()
    assert withdraw_invitation(world.school, invitation.id) is None  # a second click finds nothing


def test_an_accepted_invitation_or_another_schools_is_not_withdrawn(world: World) -> None:
    accepted, _token = create_invitation(world.school, "joined@example.org", Role.TEAM, world.alice)
    Invitation.objects.filter(id=accepted.id).update(accepted_at=timezone.now())
    elsewhere, _token = create_invitation(world.other_school, "x@example.org", Role.TEAM, world.charlie)
    assert withdraw_invitation(world.school, accepted.id) is None
    assert withdraw_invitation(world.school, elsewhere.id) is None
    assert Invitation.objects.filter(id__in=[accepted.id, elsewhere.id]).count() == 2
