"""A family that signed "voor akkoord" on paper: recorded by the coordinator after a confirmation,
corrected or removed after a confirmation, counted beside the kennisname on the phone, exported."""

import csv
import io
import json
from datetime import date, timedelta

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from engagement.drafting import start_declaration
from engagement.families.paper import NotRecordable, record_paper_signature
from engagement.models import Acknowledgment, Declaration, DeclarationVersion, Family, PaperSignature
from tests.helpers.world import World

pytestmark = pytest.mark.django_db


def published(declaration: Declaration) -> DeclarationVersion:
    version = declaration.published_version
    assert version is not None
    return version


def family(world: World, reference: str, class_name: str = "1A") -> Family:
    return Family.objects.create(
        school=world.school, school_year="2026-2027", reference=reference, class_name=class_name
    )


def paper_url(declaration: Declaration, family_: Family) -> str:
    return reverse("engagement:family_paper", args=[declaration.school_id, declaration.id, family_.id])


def overview_url(declaration: Declaration) -> str:
    return reverse("engagement:family_overview", args=[declaration.school_id, declaration.id])


def in_english(client: Client) -> Client:
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def test_recording_asks_for_confirmation_then_counts_the_family_as_signed_on_paper(
    world: World, published_declaration: Declaration, alice_client: Client
) -> None:
    on_paper, on_phone, neither = family(world, "F1"), family(world, "F2"), family(world, "F3", "2A")
    Acknowledgment.objects.create(
        family=on_phone, school=world.school, version=published(published_declaration), name="Ouder", language="nl"
    )
    client = in_english(alice_client)
    assert client.get(paper_url(published_declaration, on_paper)).status_code == 200
    confirmation = client.post(
        paper_url(published_declaration, on_paper), {"action": "record", "signed_on": "2026-09-03"}
    )
    assert confirmation.status_code == 200
    assert "Record that family F1 signed on paper on Sept. 3, 2026?" in confirmation.content.decode()
    assert '<input type="hidden" name="signed_on" value="2026-09-03">' in confirmation.content.decode()
    assert not PaperSignature.objects.exists()  # nothing before the confirmation
    done = client.post(
        paper_url(published_declaration, on_paper), {"action": "record", "signed_on": "2026-09-03", "confirm": "1"}
    )
    assert done.status_code == 302
    signature = PaperSignature.objects.get()
    assert (signature.family, signature.signed_on, signature.recorded_by) == (on_paper, date(2026, 9, 3), world.alice)
    assert signature.version == published(published_declaration)
    page = client.get(overview_url(published_declaration))
    content = page.content.decode()
    assert 'data-read="1" data-paper="1" data-neither="1"' in content
    assert "Read on the phone (kennisname): 1. Signed on paper “voor akkoord”: 1. Neither: 1." in content
    summaries = {s.class_name: (s.acknowledged, s.signed_on_paper, len(s.waiting)) for s in page.context["summaries"]}
    assert summaries == {"1A": (1, 1, 0), "2A": (0, 0, 1)}
    assert [status.family for s in page.context["summaries"] for status in s.waiting] == [neither]


def test_the_date_is_corrected_and_the_record_removed_each_after_a_confirmation(
    world: World, published_declaration: Declaration, alice_client: Client
) -> None:
    signer = family(world, "F1")
    record_paper_signature(signer, published(published_declaration), date(2026, 9, 3), world.alice)
    url = paper_url(published_declaration, signer)
    alice_client.post(url, {"action": "record", "signed_on": "2026-09-04", "confirm": "1"})
    assert PaperSignature.objects.get().signed_on == date(2026, 9, 4)
    confirmation = in_english(alice_client).post(url, {"action": "remove"})
    assert "Remove the paper signature of family F1" in confirmation.content.decode()
    assert PaperSignature.objects.count() == 1  # still there until confirmed
    alice_client.post(url, {"action": "remove", "confirm": "1"})
    assert not PaperSignature.objects.exists()


def test_a_date_in_the_future_is_refused(
    world: World, published_declaration: Declaration, alice_client: Client
) -> None:
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()
    response = alice_client.post(
        paper_url(published_declaration, family(world, "F1")),
        {"action": "record", "signed_on": tomorrow, "confirm": "1"},
    )
    assert response.status_code == 400
    assert not PaperSignature.objects.exists()


def test_only_a_published_version_of_the_familys_school_can_be_signed(
    world: World, published_declaration: Declaration
) -> None:
    draft = start_declaration(world.school, "2027-2028", world.alice)
    with pytest.raises(NotRecordable):
        record_paper_signature(family(world, "F1"), draft.versions.get(), date(2026, 9, 3), world.alice)
    stranger = Family.objects.create(school=world.other_school, school_year="2026-2027", reference="X", class_name="1A")
    with pytest.raises(NotRecordable):
        record_paper_signature(stranger, published(published_declaration), date(2026, 9, 3), world.alice)
    assert not PaperSignature.objects.exists()


def test_team_members_and_other_schools_cannot_record(
    world: World, published_declaration: Declaration, bob_client: Client, charlie_client: Client
) -> None:
    url = paper_url(published_declaration, family(world, "F1"))
    data = {"action": "record", "signed_on": "2026-09-03", "confirm": "1"}
    assert bob_client.post(url, data).status_code == 403
    assert charlie_client.post(url, data).status_code == 404
    assert not PaperSignature.objects.exists()


def test_a_family_that_signed_on_paper_gets_no_reminder_letter(
    world: World, published_declaration: Declaration, alice_client: Client
) -> None:
    signer, waiting = family(world, "F1"), family(world, "F2")
    record_paper_signature(signer, published(published_declaration), date(2026, 9, 3), world.alice)
    url = reverse("engagement:family_letters", args=[world.school.id, published_declaration.id])
    response = alice_client.post(url, {"class_name": "", "families": "waiting", "reference": signer.reference})
    assert response.status_code == 400  # nobody to remind with this choice
    response = alice_client.post(url, {"class_name": "", "families": "waiting", "reference": waiting.reference})
    assert response.status_code == 200 and response.content.startswith(b"%PDF")


def test_exports_carry_the_paper_signature(
    world: World, published_declaration: Declaration, alice_client: Client
) -> None:
    signer, waiting = family(world, "F1"), family(world, "F2")
    record_paper_signature(signer, published(published_declaration), date(2026, 9, 3), world.alice)
    response = in_english(alice_client).get(
        reverse("engagement:family_export", args=[world.school.id, published_declaration.id])
    )
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][-1] == "Signed on paper on"
    assert [(row[0], row[3], row[-1]) for row in rows[1:]] == [
        ("F1", "no", "2026-09-03"),
        (waiting.reference, "no", ""),
    ]
    privacy = alice_client.post(
        reverse("engagement:family_privacy_export", args=[world.school.id, published_declaration.id])
    )
    families = {entry["reference"]: entry for entry in json.loads(privacy.content)["families"]}
    assert families["F1"]["paper_signatures"] == [{"version": 1, "signed_on": "2026-09-03"}]
    assert families["F2"]["paper_signatures"] == []
