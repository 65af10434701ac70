"""A family that signed "voor akkoord" on paper: recorded by the coordinator after a confirmation,
corrected or removed after a confirmation, counted beside the kennisname on the phone, exported."""

import csv
import io
import json
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from engagement.drafting import change_text, start_declaration, take_step, version_text
from engagement.families.paper import NotRecordable, record_paper_signature
from engagement.models import Acknowledgment, Declaration, DeclarationVersion, Family, PaperSignature
from tests.helpers.job_downloads import made_file
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
        paper_url(published_declaration, on_paper), {"action": "record", "signed_on": "2026-09-17"}
    )
    assert confirmation.status_code == 200
    assert "Record that family F1 signed on paper on Sept. 17, 2026?" in confirmation.content.decode()
    assert '<input type="hidden" name="signed_on" value="2026-09-17">' in confirmation.content.decode()
    assert not PaperSignature.objects.exists()  # nothing before the confirmation
    done = client.post(
        paper_url(published_declaration, on_paper), {"action": "record", "signed_on": "2026-09-17", "confirm": "1"}
    )
    assert done.status_code == 302
    signature = PaperSignature.objects.get()
    assert (signature.family, signature.signed_on, signature.recorded_by) == (on_paper, date(2026, 9, 17), world.alice)
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
    record_paper_signature(signer, published(published_declaration), date(2026, 9, 17), world.alice)
    url = paper_url(published_declaration, signer)
    alice_client.post(url, {"action": "record", "signed_on": "2026-09-18", "confirm": "1"})
    assert PaperSignature.objects.get().signed_on == date(2026, 9, 18)
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


def test_a_date_before_the_schoolraad_adopted_the_text_is_refused_with_its_reason(
    world: World, published_declaration: Declaration, alice_client: Client
) -> None:
    url = paper_url(published_declaration, family(world, "F1"))
    client = in_english(alice_client)
    for too_early in ("2020-01-01", "2026-09-14"):  # the schoolraad adopted version 1 on 15 September 2026
        response = client.post(url, {"action": "record", "signed_on": too_early})
        assert response.status_code == 400
        content = response.content.decode()
        assert "The paper cannot be signed before Sept. 15, 2026, the day the schoolraad adopted this text." in content
        assert 'data-testid="confirm-paper"' not in content
    client.post(url, {"action": "record", "signed_on": "2020-01-01", "confirm": "1"})
    assert not PaperSignature.objects.exists()
    on_the_day = client.post(url, {"action": "record", "signed_on": "2026-09-15"})
    assert on_the_day.status_code == 200 and 'data-testid="confirm-paper"' in on_the_day.content.decode()


def test_without_the_adoption_of_that_version_the_publication_day_is_the_earliest(
    world: World, published_declaration: Declaration, alice_client: Client
) -> None:
    version = published(published_declaration)
    # Version 1 went online on 1 October; the schoolraad's adoption on record is now of version 2.
    DeclarationVersion.objects.filter(pk=version.pk).update(published_at=datetime(2026, 10, 1, 10, tzinfo=UTC))
    text = version_text(version)
    change_text(published_declaration, replace(text, title=f"{text.title} (nieuw)"), world.alice, "")
    take_step(published_declaration, "consult")
    take_step(published_declaration, "adopt", adopted_on=date(2026, 11, 20))
    signer = family(world, "F1")
    response = in_english(alice_client).post(
        paper_url(published_declaration, signer), {"action": "record", "signed_on": "2026-09-30"}
    )
    assert response.status_code == 400
    assert "The paper cannot be signed before Oct. 1, 2026, the day this text was published." in (
        response.content.decode()
    )
    version.refresh_from_db()
    with pytest.raises(NotRecordable):
        record_paper_signature(signer, version, date(2026, 9, 30), world.alice)
    assert record_paper_signature(signer, version, date(2026, 10, 1), world.alice).signed_on == date(2026, 10, 1)


def test_only_a_published_version_of_the_familys_school_can_be_signed(
    world: World, published_declaration: Declaration
) -> None:
    draft = start_declaration(world.school, "2027-2028", world.alice)
    with pytest.raises(NotRecordable):
        record_paper_signature(family(world, "F1"), draft.versions.get(), date(2026, 9, 17), world.alice)
    stranger = Family.objects.create(school=world.other_school, school_year="2026-2027", reference="X", class_name="1A")
    with pytest.raises(NotRecordable):
        record_paper_signature(stranger, published(published_declaration), date(2026, 9, 17), world.alice)
    assert not PaperSignature.objects.exists()


def test_team_members_and_other_schools_cannot_record(
    world: World, published_declaration: Declaration, bob_client: Client, charlie_client: Client
) -> None:
    url = paper_url(published_declaration, family(world, "F1"))
    data = {"action": "record", "signed_on": "2026-09-17", "confirm": "1"}
    assert bob_client.post(url, data).status_code == 403
    assert charlie_client.post(url, data).status_code == 404
    assert not PaperSignature.objects.exists()


def test_a_family_that_signed_on_paper_gets_no_reminder_letter(
    world: World, published_declaration: Declaration, alice_client: Client
) -> None:
    signer, waiting = family(world, "F1"), family(world, "F2")
    record_paper_signature(signer, published(published_declaration), date(2026, 9, 17), world.alice)
    url = reverse("engagement:family_letters", args=[world.school.id, published_declaration.id])
    response = alice_client.post(url, {"class_name": "", "families": "waiting", "reference": signer.reference})
    assert response.status_code == 400  # nobody to remind with this choice
    response = made_file(alice_client, url, {"class_name": "", "families": "waiting", "reference": waiting.reference})
    assert response.content.startswith(b"%PDF")


def test_exports_carry_the_paper_signature(
    world: World, published_declaration: Declaration, alice_client: Client
) -> None:
    signer, waiting = family(world, "F1"), family(world, "F2")
    record_paper_signature(signer, published(published_declaration), date(2026, 9, 17), world.alice)
    response = made_file(
        in_english(alice_client), reverse("engagement:family_export", args=[world.school.id, published_declaration.id])
    )
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][-1] == "Signed on paper on"
    assert [(row[0], row[3], row[-1]) for row in rows[1:]] == [
        ("F1", "no", "2026-09-17"),
        (waiting.reference, "no", ""),
    ]
    privacy = made_file(
        alice_client, reverse("engagement:family_privacy_export", args=[world.school.id, published_declaration.id])
    )
    families = {entry["reference"]: entry for entry in json.loads(privacy.content)["families"]}
    assert families["F1"]["paper_signatures"] == [{"version": 1, "signed_on": "2026-09-17"}]
    assert families["F2"]["paper_signatures"] == []
