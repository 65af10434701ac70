"""A sharing school sees itself beside the region once its coordinator chose so: its own figure beside the range
of schools, worded as reflection, never a rank."""

from django.test import Client
from django.urls import reverse
from django.utils.html import escape

from organisations.models import SchoolLink
from organisations.regional.wording import BESIDE_MEANS
from tests.helpers.world import World, in_dutch
from tests.organisations.regional_data import closed_round, organisation_with_coach, share


def test_the_school_sees_itself_beside_the_region_only_after_opting_in(world: World, alice_client: Client) -> None:
    atlas, _coach = organisation_with_coach()
    own = closed_round("De Regenboog", school=world.school, parent_value=5)
    link = share(atlas, own)
    for index in range(4):
        share(atlas, closed_round(f"School {index}", parent_value=1 + index))
    url = reverse("organisations:beside_region", args=[world.school.id, link.id])
    off = alice_client.get(url).content.decode()
    assert 'class="own"' not in off and "polygon" not in off  # not chosen: nothing to show
    settings_url = reverse("organisations:link", args=[world.school.id, link.id])
    assert alice_client.post(settings_url, {"beside_region": "on"}).status_code == 302
    assert SchoolLink.objects.get(id=link.id).beside_region
    html = world.client_for(world.bob).get(url).content.decode()  # the team reads it too
    assert escape(in_dutch(str(BESIDE_MEANS))) in html
    assert 'class="own"' in html  # the diamond of the school's own figure
    assert "<td>5,0</td>" in html  # its own parents' figure beside the region's
    for other in ("School 0", "School 1", "School 2", "School 3"):
        assert other not in html  # the region is a range, no other school is named or placed


def test_a_withdrawn_link_shows_nothing_beside_the_region(world: World, alice_client: Client) -> None:
    atlas, _coach = organisation_with_coach()
    link = share(atlas, closed_round("De Regenboog", school=world.school))
    for index in range(4):
        share(atlas, closed_round(f"School {index}"))
    alice_client.post(reverse("organisations:link", args=[world.school.id, link.id]), {"beside_region": "on"})
    alice_client.post(reverse("organisations:withdraw_link", args=[world.school.id, link.id]))
    html = alice_client.get(reverse("organisations:beside_region", args=[world.school.id, link.id])).content.decode()
    assert 'class="own"' not in html and "box-plot" not in html
