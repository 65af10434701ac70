"""Issue 11, point 6: a new letter adds a code and the earlier letters keep working, unless the coordinator voids
their codes; a voided code says, in the family's language, that a newer letter was sent."""

import json
from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from engagement.families.codes import family_code_digest, family_for_code, issue_code
from engagement.families.letters import letters_pdf
from engagement.models import Declaration, Family, FamilyCode
from respondents.codes import new_code
from respondents.models import ThrottleBucket
from tests.helpers.engagement_parent_steps import READ, enter, make_family, opened_client
from tests.helpers.job_downloads import made_file
from tests.helpers.migrations import migrate_to, migrate_to_latest
from tests.helpers.respondent_helpers import parse, said, text_of
from tests.helpers.tools import run_poppler
from tests.helpers.world import World, in_dutch

NEWER_LETTER = "The school sent you a newer letter"
USE_THE_NEWEST = (
    "This code no longer works. Use the code on the newest letter from the school. No longer have it? Ask the school."
)
UNKNOWN = "We do not know this code. Check the code on your letter and try again."


def letters_url(declaration: Declaration) -> str:
    return reverse("engagement:family_letters", args=[declaration.school_id, declaration.id])


def print_letters(client: Client, declaration: Declaration, **choice: str) -> None:
    response = made_file(client, letters_url(declaration), {"class_name": "3A", "families": "all", **choice})
    assert response["Content-Type"] == "application/pdf"


def test_reprinting_keeps_the_earlier_code_working_beside_the_new_one(
    world: World, published_declaration: Declaration, alice_client: Client
) -> None:
    family = make_family(world, language="ar")
    first = issue_code(family)
    print_letters(alice_client, published_declaration)  # the form's default: keep the earlier letters working
    assert family_for_code(first) == family
    assert list(family.codes.values_list("voided_at", flat=True)) == [None, None]
    assert enter(Client(), first)["Location"] == READ  # the parent with the first letter reads on


def test_the_letter_no_longer_says_that_an_earlier_letter_stops_working(
    world: World, published_declaration: Declaration, tmp_path: Path
) -> None:
    path = tmp_path / "brieven.pdf"
    path.write_bytes(letters_pdf(published_declaration, [make_family(world, language="nl")], reminder=False))
    text = " ".join(run_poppler("pdftotext", path, "-").split())
    promise = "Elke nieuwe brief heeft een nieuwe code: stuurt de school u een nieuwere brief, gebruik dan de code op"
    assert promise in text and "werkt niet meer" not in text


def test_the_letters_form_offers_both_choices_and_keeps_by_default(
    world: World, published_declaration: Declaration, alice_client: Client
) -> None:
    make_family(world)
    page = parse(alice_client.get(letters_url(published_declaration)).content)
    radios = {node.attrs["value"]: node for node in page.iter("input") if node.attrs.get("name") == "earlier_codes"}
    assert set(radios) == {"keep", "void"}
    assert "checked" in radios["keep"].attrs and "checked" not in radios["void"].attrs
    text = text_of(alice_client.get(letters_url(published_declaration)))
    assert in_dutch("Letters printed earlier") in text
    assert in_dutch("Printing makes new codes.") in text


def test_voiding_on_the_letters_form_stops_the_earlier_codes_only_of_the_printed_families(
    world: World, published_declaration: Declaration, alice_client: Client
) -> None:
    family = make_family(world, language="ar")
    elsewhere = Family.objects.create(
        school=world.school, school_year="2026-2027", reference="F002", class_name="4B", language="tr"
    )
    first, other = issue_code(family), issue_code(elsewhere)
    print_letters(alice_client, published_declaration, earlier_codes="void")
    assert family_for_code(first) is None
    assert family.codes.filter(voided_at__isnull=True).count() == 1  # the code on the new letter
    assert family_for_code(other) == elsewhere  # another class was not printed: untouched


def test_a_lost_letter_is_replaced_for_one_family_only(
    world: World, published_declaration: Declaration, alice_client: Client
) -> None:
    lost = make_family(world, language="ar")
    neighbour = make_family(world, reference="F002")  # the same class
    lost_code, neighbour_code = issue_code(lost), issue_code(neighbour)
    overview = reverse("engagement:family_overview", args=[world.school.id, published_declaration.id])
    link = letters_url(published_declaration) + "?reference=F001"
    assert link in alice_client.get(overview).content.decode()  # "New letter for F001" on the overview
    form = parse(alice_client.get(link).content)
    assert next(node for node in form.iter("input") if node.attrs.get("name") == "reference").attrs["value"] == "F001"
    print_letters(alice_client, published_declaration, reference="F001", earlier_codes="void")
    assert family_for_code(lost_code) is None and lost.codes.filter(voided_at__isnull=True).count() == 1
    assert family_for_code(neighbour_code) == neighbour and neighbour.codes.count() == 1  # no new letter, no voiding


def test_an_unknown_reference_prints_nothing_and_voids_nothing(
    world: World, published_declaration: Declaration, alice_client: Client
) -> None:
    family = make_family(world)
    code = issue_code(family)
    response = alice_client.post(
        letters_url(published_declaration),
        {"class_name": "", "families": "all", "reference": "F999", "earlier_codes": "void"},
    )
    assert response.status_code == 400
    assert in_dutch("There are no families to print a letter for with this choice.") in text_of(response)
    assert family_for_code(code) == family and family.codes.count() == 1


def test_a_voided_code_says_in_the_familys_language_that_a_newer_letter_was_sent(
    world: World, published_declaration: Declaration
) -> None:
    family = make_family(world, language="ar")
    first = issue_code(family)
    newest = issue_code(family, void_earlier=True)
    page = enter(Client(), first)  # the visitor chose no language
    assert page.status_code == 200
    html = parse(page.content)
    assert next(html.iter("html")).attrs["lang"] == "ar"
    text = text_of(page)
    assert said("ar", NEWER_LETTER) in text and said("ar", NEWER_LETTER) != NEWER_LETTER
    assert said("ar", USE_THE_NEWEST) in text
    dutch = [node for node in html.iter("div") if node.attrs.get("lang") == "nl"]
    assert len(dutch) == 1 and said("nl", USE_THE_NEWEST) in dutch[0].text()  # the Dutch beside it
    assert said("ar", UNKNOWN) not in text
    assert family.reference not in text and family.class_name not in text  # nothing else about the family
    assert enter(Client(), newest)["Location"] == READ  # the newest code works


def test_an_older_letters_link_says_at_once_in_the_familys_language_that_a_newer_letter_was_sent(
    world: World, published_declaration: Declaration
) -> None:
    family = make_family(world, language="ar")
    first = issue_code(family)
    issue_code(family, void_earlier=True)
    page = Client().get(reverse("engagement:parent_code_link", args=[first]))  # the QR link of the older letter
    assert page.status_code == 200
    assert next(parse(page.content).iter("html")).attrs["lang"] == "ar"
    assert said("ar", NEWER_LETTER) in text_of(page)
    assert not ThrottleBucket.objects.filter(scope="address").exists()  # a real letter is not a wrong code


def test_a_voided_code_follows_a_language_the_visitor_chose(world: World, published_declaration: Declaration) -> None:
    family = make_family(world, language="ar")
    first = issue_code(family)
    issue_code(family, void_earlier=True)
    page = enter(Client(), first, lang="fr")
    assert said("fr", NEWER_LETTER) in text_of(page) and said("ar", NEWER_LETTER) not in text_of(page)


def test_a_dutch_familys_voided_code_shows_the_message_once(world: World, published_declaration: Declaration) -> None:
    family = make_family(world, language="nl")
    first = issue_code(family)
    issue_code(family, void_earlier=True)
    text = text_of(enter(Client(), first))
    assert text.count(said("nl", USE_THE_NEWEST)) == 1


def test_voiding_ends_a_reading_opened_with_that_code_but_not_one_opened_with_the_new_code(
    world: World, published_declaration: Declaration
) -> None:
    family = make_family(world)
    old_device = opened_client(family)
    newest = issue_code(Family.objects.get(pk=family.pk), void_earlier=True)
    new_device = Client()
    assert enter(new_device, newest)["Location"] == READ
    assert old_device.get(READ).status_code == 302
    assert new_device.get(READ).status_code == 200


def test_the_privacy_export_lists_every_letter_of_a_family(
    world: World, published_declaration: Declaration, alice_client: Client
) -> None:
    family = make_family(world)
    issue_code(family)
    issue_code(family, void_earlier=True)
    url = reverse("engagement:family_privacy_export", args=[world.school.id, published_declaration.id])
    exported = json.loads(made_file(alice_client, url).content)["families"][0]["codes"]
    first, second = family.codes.order_by("issued_at", "id")
    assert exported == [
        {"issued_at": first.issued_at.isoformat(), "voided_at": first.voided_at.isoformat()},  # type: ignore[union-attr]
        {"issued_at": second.issued_at.isoformat(), "voided_at": None},
    ]


# The migration ---------------------------------------------------------------------------------

BEFORE = [("engagement", "0001_initial")]
AFTER = [("engagement", "0002_family_codes")]


@pytest.mark.django_db(transaction=True)
def test_the_migration_keeps_every_existing_family_code_working() -> None:
    old_apps = migrate_to(BEFORE)
    school = old_apps.get_model("schools", "School").objects.create(name="Oude School")
    old_family = old_apps.get_model("engagement", "Family")
    issued_at = timezone.now()
    code = new_code()
    with_code = old_family.objects.create(
        school=school,
        school_year="2025-2026",
        reference="A1",
        class_name="1A",
        code_digest=family_code_digest(code),
        code_issued_at=issued_at,
    )
    old_family.objects.create(school=school, school_year="2025-2026", reference="A2", class_name="1A")

    migrate_to(AFTER)
    migrate_to_latest()

    moved: Any = FamilyCode.objects.get()
    assert (moved.family_id, moved.issued_at, moved.voided_at) == (with_code.id, issued_at, None)
    found = family_for_code(code)
    assert found is not None and found.reference == "A1"
    assert Family.objects.get(reference="A2").codes.count() == 0
