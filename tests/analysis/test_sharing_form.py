"""The round page's sharing form: each box sits with its own label, so ticking "conclusions" shares the conclusions.

Before, Django's default field group put each box after its help text, beside the next field's label: the box
beside "De conclusies van het team" was the profile's.
"""

from html.parser import HTMLParser

from django.test import Client
from django.urls import reverse

from schools.models import Membership, Role
from tests.helpers.world import World, make_user

SHARED_PARTS = ("id_profile", "id_conclusions", "id_plan")


class SharingFormReader(HTMLParser):
    """The tags inside the #sharing section's first form, in order: ("input", id) and ("label", for)."""

    def __init__(self) -> None:
        super().__init__()
        self.in_section = False
        self.forms_seen = 0
        self.tags: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if found.get("id") == "sharing":
            self.in_section = True
        if not self.in_section:
            return
        if tag == "form":
            self.forms_seen += 1
        if self.forms_seen != 1:
            return
        if tag == "input" and found.get("type") == "checkbox":
            self.tags.append(("input", found.get("id") or ""))
        elif tag == "label":
            self.tags.append(("label", found.get("for") or ""))


def test_each_box_sits_directly_before_its_own_label(world: World, alice_client: Client) -> None:
    page = alice_client.get(reverse("analysis:round", args=[world.school.id, world.round.id]))
    reader = SharingFormReader()
    reader.feed(page.content.decode())
    assert reader.tags == [tag for part in SHARED_PARTS for tag in (("input", part), ("label", part))]


def test_each_box_is_described_by_its_own_help_text(world: World, alice_client: Client) -> None:
    text = alice_client.get(reverse("analysis:round", args=[world.school.id, world.round.id])).content.decode()
    for part in SHARED_PARTS:
        assert f'aria-describedby="{part}_helptext"' in text
        assert f'id="{part}_helptext"' in text


def test_the_confirmation_names_each_reader_with_the_role_after_a_dash(world: World, alice_client: Client) -> None:
    fatima = make_user("Fatima Amrani (oudervereniging)", "fatima@example.org")
    Membership.objects.create(school=world.school, user=fatima, role=Role.PARENT_REP)
    url = reverse("analysis:sharing", args=[world.school.id, world.round.id])
    text = alice_client.post(url, {"conclusions": "on"}).content.decode()
    role = Membership(role=Role.PARENT_REP).get_role_display()
    assert f"Fatima Amrani (oudervereniging) — {role}" in text
    assert ") (" not in text
