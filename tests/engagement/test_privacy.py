"""Privacy: the coordinator exports or deletes one school year's family data; both are logged."""

import json

from django.conf import settings
from django.test import Client
from django.urls import reverse

from engagement.families.codes import family_for_code, issue_code
from engagement.models import Acknowledgment, Declaration, Family, PrivacyAction, PrivacyLog
from jobs.models import Job
from tests.helpers.job_downloads import made_file
from tests.helpers.world import World


def url(name: str, declaration: Declaration) -> str:
    return reverse(f"engagement:{name}", args=[declaration.school_id, declaration.id])


def in_english(client: Client) -> Client:
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def families_with_acknowledgments(world: World, declaration: Declaration) -> tuple[Family, Family]:
    """Two families of De Regenboog in 2026-2027, one acknowledged; plus rows that must never be touched."""
    version = declaration.published_version
    assert version is not None
    acknowledged = Family.objects.create(school=world.school, school_year="2026-2027", reference="G1", class_name="1A")
    waiting = Family.objects.create(
        school=world.school, school_year="2026-2027", reference="G2", class_name="2B", language="ar"
    )
    Acknowledgment.objects.create(family=acknowledged, school=world.school, version=version, name="Sara", language="nl")
    # Another school year of this school, and the same year of another school.
    last_year = Family.objects.create(school=world.school, school_year="2025-2026", reference="G1", class_name="K3")
    Acknowledgment.objects.create(family=last_year, school=world.school, version=version, name="Vorig", language="nl")
    Family.objects.create(school=world.other_school, school_year="2026-2027", reference="G1", class_name="1A")
    return acknowledged, waiting


def test_export_gives_everything_of_the_school_year_and_is_logged(
    world: World, published_declaration: Declaration, alice_client: Client
) -> None:
    acknowledged, _waiting = families_with_acknowledgments(world, published_declaration)
    issue_code(acknowledged)
    response = made_file(alice_client, url("family_privacy_export", published_declaration))
    assert response["Content-Type"] == "application/json"
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert (data["school"], data["school_year"]) == ("De Regenboog", "2026-2027")
    assert [(f["reference"], f["class"], f["language"]) for f in data["families"]] == [
        ("G1", "1A", "nl"),
        ("G2", "2B", "ar"),
    ]
    assert [(a["name"], a["version"]) for a in data["families"][0]["acknowledgments"]] == [("Sara", 1)]
    assert data["families"][1]["acknowledgments"] == []
    code = acknowledged.codes.get()
    assert data["families"][0]["codes"] == [{"issued_at": code.issued_at.isoformat(), "voided_at": None}]
    assert code.digest not in response.content.decode()  # the keys to the codes stay inside
    log = PrivacyLog.objects.get()
    assert (log.school, log.school_year, log.action, log.done_by) == (
        world.school,
        "2026-2027",
        PrivacyAction.EXPORT,
        world.alice,
    )
    assert (log.families, log.acknowledgments) == (2, 1)


def test_export_is_a_deliberate_post(published_declaration: Declaration, alice_client: Client) -> None:
    response = alice_client.get(url("family_privacy_export", published_declaration))
    assert (response.status_code, response["Location"]) == (302, url("family_privacy", published_declaration))
    assert not PrivacyLog.objects.exists() and not Job.objects.exists()


def test_deleting_needs_the_school_year_typed(
    world: World, published_declaration: Declaration, alice_client: Client
) -> None:
    families_with_acknowledgments(world, published_declaration)
    client = in_english(alice_client)
    page = client.get(url("family_delete", published_declaration))
    assert "This deletes 2 families and 1 acknowledgment of the school year 2026-2027" in page.content.decode()
    for typed in ("", "2025-2026", "ja", "2026-2027x"):
        response = client.post(url("family_delete", published_declaration), {"confirmation": typed})
        assert response.status_code == 400
    assert "Type the school year exactly as shown (2026-2027) to delete." in response.content.decode()
    assert Family.objects.count() == 4 and Acknowledgment.objects.count() == 2
    assert not PrivacyLog.objects.exists()


def test_deleting_removes_only_this_school_year_of_this_school_and_is_logged(
    world: World, published_declaration: Declaration, alice_client: Client
) -> None:
    acknowledged, _waiting = families_with_acknowledgments(world, published_declaration)
    code = issue_code(acknowledged)
    response = in_english(alice_client).post(
        url("family_delete", published_declaration), {"confirmation": " 2026-2027 "}, follow=True
    )
    assert response.redirect_chain[-1][0] == url("family_privacy", published_declaration)
    content = response.content.decode()
    assert "Deleted for 2026-2027: families: 2, acknowledgments: 1." in content
    assert not Family.objects.filter(school=world.school, school_year="2026-2027").exists()
    assert family_for_code(code) is None
    assert list(Family.objects.order_by("school__name").values_list("school__name", "school_year")) == [
        ("De Regenboog", "2025-2026"),
        ("Het Anker", "2026-2027"),
    ]
    assert list(Acknowledgment.objects.values_list("name", flat=True)) == ["Vorig"]
    log = PrivacyLog.objects.get()
    assert (log.school, log.school_year, log.action, log.done_by, log.families, log.acknowledgments) == (
        world.school,
        "2026-2027",
        PrivacyAction.DELETE,
        world.alice,
        2,
        1,
    )
    # The log is listed on the privacy page, and the page now says nothing is left to delete.
    assert "Alice Coördinator" in content and "There is nothing to delete for this school year." in content


def test_the_log_shows_exports_and_deletions_of_this_school_only(
    world: World, published_declaration: Declaration, alice_client: Client
) -> None:
    PrivacyLog.objects.create(
        school=world.other_school, school_year="2026-2027", action="delete", done_by=world.charlie
    )
    made_file(alice_client, url("family_privacy_export", published_declaration))
    response = in_english(alice_client).get(url("family_privacy", published_declaration))
    assert [entry.action for entry in response.context["log"]] == [PrivacyAction.EXPORT]
    assert "Charlie" not in response.content.decode()


def test_team_member_and_outsider_can_neither_export_nor_delete(
    world: World, published_declaration: Declaration, bob_client: Client, charlie_client: Client
) -> None:
    families_with_acknowledgments(world, published_declaration)
    for client, status in ((bob_client, 403), (charlie_client, 404)):
        assert client.post(url("family_privacy_export", published_declaration)).status_code == status
        response = client.post(url("family_delete", published_declaration), {"confirmation": "2026-2027"})
        assert response.status_code == status
    assert Family.objects.count() == 4 and not PrivacyLog.objects.exists()
