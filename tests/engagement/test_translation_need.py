"""Translation only where necessary (the Flemish language rule since June 2024): per family a reason and a
last day; without them, or after that day, the letter and the reading page are Dutch only, with read-aloud
and pictograms. The rule, the import, the staff pages, the letters, the reading page and the migration."""

import json
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import ngettext

from engagement.families.importing import parse_families_csv
from engagement.families.storing import store_families
from engagement.families.translation_need import (
    end_of_school_year,
    last_day_of,
    translation_counts,
    translation_offered,
)
from engagement.models import Declaration, Family, TranslationReason
from respondents.languages import has_voice
from tests.helpers.engagement_parent_steps import READ, add_translation, make_family, opened_client
from tests.helpers.job_downloads import made_file
from tests.helpers.migrations import migrate_to, migrate_to_latest
from tests.helpers.respondent_helpers import html_element, parse, said, text_of
from tests.helpers.tools import require_tool, run_poppler
from tests.helpers.world import World, in_dutch

pytestmark = pytest.mark.usefixtures("compiled_messages")

TODAY = date(2026, 11, 29)
DUTCH_ONLY = "This text is in Dutch only: the school offers a translation only to families who do not yet speak Dutch, and only for a while."  # noqa: E501
PROMISED_TRANSLATION = "met een vertaling naast de Nederlandse tekst"


@dataclass
class Recorded:
    """What the rule reads of a family, without a database row."""

    language: str = "tr"
    translation_reason: str = TranslationReason.NEWCOMER
    translation_until: date | None = date(2027, 8, 31)


# The rule ----------------------------------------------------------------------------------------


def test_a_dutch_family_reads_the_dutch_only_whatever_is_recorded() -> None:
    offer = translation_offered(Recorded(language="nl"), TODAY)
    assert (offer.offered, offer.why) == (False, "dutch")


@pytest.mark.parametrize("recorded", [Recorded(translation_reason=""), Recorded(translation_until=None)])
def test_without_a_reason_and_a_last_day_no_translation_is_offered(recorded: Recorded) -> None:
    offer = translation_offered(recorded, TODAY)
    assert (offer.offered, offer.why) == (False, "no_reason")


def test_the_translation_holds_through_its_last_day_and_stops_the_day_after() -> None:
    recorded = Recorded(translation_until=TODAY)
    assert translation_offered(recorded, TODAY).offered is True
    after = translation_offered(recorded, TODAY + timedelta(days=1))
    assert (after.offered, after.why) == (False, "expired")


def test_the_suggested_last_day_is_the_end_of_the_school_year() -> None:
    assert end_of_school_year(date(2026, 9, 1)) == date(2027, 8, 31)
    assert end_of_school_year(date(2027, 8, 31)) == date(2027, 8, 31)
    assert end_of_school_year(date(2027, 9, 1)) == date(2028, 8, 31)
    assert last_day_of("2026-2027") == date(2027, 8, 31)


def test_the_counts_say_who_reads_a_translation_and_whose_ends_within_30_days() -> None:
    families = [
        Recorded(translation_until=TODAY + timedelta(days=30)),  # ends within 30 days
        Recorded(translation_until=TODAY + timedelta(days=31)),
        Recorded(translation_until=TODAY - timedelta(days=1)),  # passed: Dutch only
        Recorded(translation_reason=""),  # no reason: Dutch only
        Recorded(language="nl", translation_reason=""),
    ]
    counts = translation_counts(families, TODAY)
    assert (counts.offered, counts.expiring, counts.dutch_only) == (2, 1, 2)


# The import --------------------------------------------------------------------------------------


def test_the_import_reads_the_reason_and_the_last_day_as_belgians_and_iso_write_them() -> None:
    parsed = parse_families_csv(
        b"gezin;klas;taal;reden;tot\n"
        b"G1;1A;Turks;nieuwkomer;30/06/2027\n"
        b"G2;1A;ar;Volgt Nederlandse les;2027-03-01\n"
        b"G3;1A;fr;vader werkt in Brussel;\n"
        b"G4;1A;;;\n"
    )
    assert parsed.ok, parsed.errors
    found = {row.reference: row.translation for row in parsed.rows}
    assert found["G1"] is not None and (found["G1"].reason, found["G1"].until) == ("newcomer", date(2027, 6, 30))
    assert found["G2"] is not None and (found["G2"].reason, found["G2"].until) == ("learning_dutch", date(2027, 3, 1))
    assert found["G3"] is not None and (found["G3"].reason, found["G3"].note) == ("other", "vader werkt in Brussel")
    assert found["G4"] is not None and (found["G4"].reason, found["G4"].until) == ("", None)


def test_a_bad_date_or_a_date_without_a_reason_is_refused_on_its_line() -> None:
    parsed = parse_families_csv(
        b"gezin;klas;taal;reden;tot\n"
        b"G1;1A;tr;nieuwkomer;31/02/2027\n"
        b"G2;1A;tr;nieuwkomer;volgend jaar\n"
        b"G3;1A;tr;;30/06/2027\n"
    )
    assert not parsed.ok and parsed.rows == ()
    not_a_date = "“%(date)s” is not a date: write the day until which the translation is offered as 30/06/2027."
    assert [(error.line, error.reason) for error in parsed.errors] == [
        (2, in_dutch(not_a_date) % {"date": "31/02/2027"}),
        (3, in_dutch(not_a_date) % {"date": "volgend jaar"}),
        (4, in_dutch("A translation date without a reason: say why the family is offered a translation.")),
    ]


def test_a_reason_without_a_day_holds_until_the_end_of_the_school_year(world: World) -> None:
    parsed = parse_families_csv(b"gezin;klas;taal;reden\nG1;1A;tr;nieuwkomer\n")
    store_families(world.school, "2026-2027", parsed.rows)
    family = Family.objects.get(reference="G1")
    assert (family.translation_reason, family.translation_until) == ("newcomer", date(2027, 8, 31))


def test_a_list_without_the_columns_keeps_what_the_school_recorded(world: World) -> None:
    family = make_family(world, reference="G1")
    recorded = (family.translation_reason, family.translation_until)
    store_families(world.school, "2026-2027", parse_families_csv(b"gezin;klas;taal\nG1;4B;ar\n").rows)
    family.refresh_from_db()
    assert (family.class_name, family.language) == ("4B", "ar")
    assert (family.translation_reason, family.translation_until) == recorded


def test_after_an_import_the_coordinator_reads_how_many_families_get_the_dutch_only(
    world: World, published_declaration: Declaration, alice_client: Client
) -> None:
    url = reverse("engagement:family_import", args=[world.school.id, published_declaration.id])
    csv = b"gezin;klas;taal;reden\nG1;1A;tr;nieuwkomer\nG2;1A;ar;\nG3;1A;fr;\nG4;1A;nl;\n"
    page = alice_client.post(url, {"file": SimpleUploadedFile("gezinnen.csv", csv, "text/csv")}, follow=True)
    assert page.status_code == 200
    singular = (
        "%(count)d family with another language than Dutch has no reason for a translation, or its date has "
        "passed: it reads the Dutch only. Record why and until when under “Translations”."
    )
    plural = (
        "%(count)d families with another language than Dutch have no reason for a translation, or their date has "
        "passed: they read the Dutch only. Record why and until when under “Translations”."
    )
    with translation.override("nl"):
        expected = ngettext(singular, plural, 2) % {"count": 2}
    assert expected.startswith("2 gezinnen met een andere taal")
    assert expected in text_of(page)


# The families pages ------------------------------------------------------------------------------


def translations_url(declaration: Declaration, family: Family | None = None) -> str:
    if family is None:
        return reverse("engagement:family_translations", args=[declaration.school_id, declaration.id])
    return reverse("engagement:family_translation", args=[declaration.school_id, declaration.id, family.id])


def test_the_coordinator_records_a_reason_and_a_last_day(
    world: World, published_declaration: Declaration, alice_client: Client
) -> None:
    family = make_family(world, translated=False)
    page = alice_client.get(translations_url(published_declaration))
    assert page.status_code == 200
    row = next(node for node in parse(page.content).iter("tr") if node.attrs.get("data-reference") == "F001")
    assert row.attrs["data-offered"] == "no"
    saved = alice_client.post(
        translations_url(published_declaration, family),
        {"reason": "learning_dutch", "note": "tot juni bij het CVO", "until": "2027-06-30"},
    )
    assert saved.status_code == 302
    family.refresh_from_db()
    assert (family.translation_reason, family.translation_note, family.translation_until) == (
        "learning_dutch",
        "tot juni bij het CVO",
        date(2027, 6, 30),
    )


def test_stopping_a_translation_asks_for_confirmation_first(
    world: World, published_declaration: Declaration, alice_client: Client
) -> None:
    family = make_family(world)
    refused = alice_client.post(translations_url(published_declaration, family), {"reason": "", "until": ""})
    assert refused.status_code == 400
    assert in_dutch("Confirm that the translation stops: the family's letters and reading page become Dutch only.") in (
        text_of(refused)
    )
    family.refresh_from_db()
    assert family.translation_reason == TranslationReason.NEWCOMER
    stopped = alice_client.post(
        translations_url(published_declaration, family), {"reason": "", "confirm_removal": "on"}
    )
    assert stopped.status_code == 302
    family.refresh_from_db()
    assert (family.translation_reason, family.translation_until) == ("", None)


def test_a_last_day_in_the_past_is_refused(
    world: World, published_declaration: Declaration, alice_client: Client
) -> None:
    family = make_family(world, translated=False)
    yesterday = timezone.localdate() - timedelta(days=1)
    page = alice_client.post(
        translations_url(published_declaration, family), {"reason": "newcomer", "until": yesterday.isoformat()}
    )
    assert page.status_code == 400
    family.refresh_from_db()
    assert family.translation_reason == ""


def test_the_overview_counts_translations_and_those_ending_within_30_days(
    world: World, published_declaration: Declaration, alice_client: Client
) -> None:
    make_family(world, reference="F1")
    ending = make_family(world, reference="F2")
    ending.translation_until = timezone.localdate() + timedelta(days=10)
    ending.save()
    make_family(world, reference="F3", translated=False)
    make_family(world, reference="F4", language="nl")
    page = alice_client.get(reverse("engagement:family_overview", args=[world.school.id, published_declaration.id]))
    counts = next(
        node for node in parse(page.content).iter("p") if node.attrs.get("data-testid") == "translation-counts"
    )
    assert (counts.attrs["data-offered"], counts.attrs["data-expiring"], counts.attrs["data-dutch-only"]) == (
        "2",
        "1",
        "1",
    )


def test_a_team_member_neither_reads_nor_changes_the_translations(
    world: World, published_declaration: Declaration, bob_client: Client
) -> None:
    family = make_family(world, translated=False)
    assert bob_client.get(translations_url(published_declaration)).status_code == 403
    assert bob_client.post(translations_url(published_declaration, family), {"reason": "newcomer"}).status_code == 403
    family.refresh_from_db()
    assert family.translation_reason == ""


def test_the_privacy_export_holds_what_the_school_noted_about_the_translation(
    world: World, published_declaration: Declaration, alice_client: Client
) -> None:
    make_family(world)
    url = reverse("engagement:family_privacy_export", args=[world.school.id, published_declaration.id])
    exported = json.loads(made_file(alice_client, url).content)["families"][0]
    assert (exported["translation_reason"], exported["translation_note"], exported["translation_until"]) == (
        "newcomer",
        "",
        end_of_school_year(timezone.localdate()).isoformat(),
    )


# The letters -------------------------------------------------------------------------------------


def letter_of(client: Client, declaration: Declaration, tmp_path: Path) -> str:
    url = reverse("engagement:family_letters", args=[declaration.school_id, declaration.id])
    response = made_file(client, url, {"class_name": "3A", "families": "all"})
    assert response["Content-Type"] == "application/pdf"
    path = tmp_path / "letter.pdf"
    path.write_bytes(response.content)
    return run_poppler("pdftotext", path, "-")


@pytest.mark.parametrize(
    ("translated", "published_in_turkish", "beside"),
    [(False, True, False), (True, False, False), (True, True, True)],
    ids=["no-reason", "no-published-translation", "both"],
)
def test_a_letter_promises_a_translation_only_where_the_family_gets_one(
    world: World,
    published_declaration: Declaration,
    alice_client: Client,
    tmp_path: Path,
    translated: bool,
    published_in_turkish: bool,
    beside: bool,
) -> None:
    make_family(world, language="tr", translated=translated)
    if published_in_turkish:
        add_translation(published_declaration, "tr")
    text = " ".join(letter_of(alice_client, published_declaration, tmp_path).split())
    assert ("Vertaling – Türkçe" in text) is beside
    assert PROMISED_TRANSLATION not in text  # the Dutch column promises no translation, whichever family
    assert "U kunt ze lezen op een gsm." in text
    assert "Aanwezigheid en spijbelbeleid" in text  # the domains beside their pictograms, in Dutch


# The reading page --------------------------------------------------------------------------------


def test_without_a_translation_the_family_reads_the_dutch_with_read_aloud_and_pictograms(
    world: World, published_declaration: Declaration, tmp_path: Path
) -> None:
    require_tool("espeak-ng", "espeak-ng")
    family = make_family(world, language="tr", translated=False)
    add_translation(published_declaration, "tr")
    with override_settings(AUDIO_CACHE_DIR=tmp_path):
        assert has_voice("nl")
        client = opened_client(family)
        page = client.get(READ)
        assert page.status_code == 200
        assert html_element(page).attrs["lang"] == "nl"
        assert "TR-INTRODUCTION" not in text_of(page) and "TR-TITLE" not in text_of(page)
        assert said("nl", DUTCH_ONLY) in text_of(page)
        pictograms = [node.attrs.get("data-domain") for node in parse(page.content).iter("svg")]
        assert set(pictograms) >= {"oudercontact", "aanwezigheid", "leerlingenbegeleiding", "nederlands"}
        sources = [node.attrs["src"] for node in parse(page.content).iter("audio")]
        assert sources and all("/audio/nl/" in src for src in sources)
        turkish = reverse("engagement:parent_audio", args=["tr", "introduction"])
        assert client.get(turkish).status_code == 404
        assert client.get(READ + "?lang=tr").content.count(b"TR-INTRODUCTION") == 0  # no way round by choosing


def test_after_the_last_day_the_translation_is_gone_from_the_reading_page(
    world: World, published_declaration: Declaration
) -> None:
    family = make_family(world, language="tr")
    add_translation(published_declaration, "tr")
    client = opened_client(family)
    assert "TR-INTRODUCTION" in text_of(client.get(READ))
    family.translation_until = timezone.localdate() - timedelta(days=1)
    family.save()
    page = client.get(READ)
    assert "TR-INTRODUCTION" not in text_of(page) and said("nl", DUTCH_ONLY) in text_of(page)


def test_with_a_translation_it_stands_beside_the_dutch_and_the_page_says_so(
    world: World, published_declaration: Declaration
) -> None:
    family = make_family(world, language="tr")
    add_translation(published_declaration, "tr")
    page = opened_client(family).get(READ)
    assert html_element(page).attrs["lang"] == "tr"
    assert "TR-INTRODUCTION" in text_of(page)
    assert said("tr", DUTCH_ONLY) not in text_of(page) and said("nl", DUTCH_ONLY) not in text_of(page)


# The migration -----------------------------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_the_migration_keeps_existing_translations_until_the_end_of_the_school_year() -> None:
    old_apps = migrate_to([("engagement", "0003_paper_signatures")])
    school = old_apps.get_model("schools", "School").objects.create(name="Oude School")
    old_family = old_apps.get_model("engagement", "Family")
    old_family.objects.create(school=school, school_year="2026-2027", reference="A1", class_name="1A", language="ar")
    old_family.objects.create(school=school, school_year="2026-2027", reference="A2", class_name="1A", language="nl")
    migrate_to([("engagement", "0004_family_translation_need")])
    migrate_to_latest()
    arabic, dutch = Family.objects.filter(school_id=school.id).order_by("reference")
    assert (arabic.translation_reason, arabic.translation_until) == (
        TranslationReason.EXISTING,
        end_of_school_year(date.today()),
    )
    assert arabic.get_translation_reason_display() == "Bestaande keuze (na te kijken)"
    assert (dutch.translation_reason, dutch.translation_until) == ("", None)
