"""The coordinator's side of families: import, overview per class, letters and reminders, the exported list."""

import csv
import io
import re
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from engagement.drafting import change_text, latest_version, start_declaration, version_text
from engagement.families.codes import family_for_code, issue_code
from engagement.families.translation_need import end_of_school_year
from engagement.models import Acknowledgment, Declaration, DeclarationVersion, Family, FamilyCode, TranslationReason
from jobs.models import Job
from tests.helpers.engagement_parent_steps import add_translation
from tests.helpers.job_downloads import made_file
from tests.helpers.tools import run_poppler
from tests.helpers.world import World, in_dutch

# Helpers ---------------------------------------------------------------------------------------


def url(name: str, declaration: Declaration) -> str:
    return reverse(f"engagement:{name}", args=[declaration.school_id, declaration.id])


def in_english(client: Client) -> Client:
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def upload(client: Client, declaration: Declaration, text: str | bytes, name: str = "gezinnen.csv") -> Any:
    content = text.encode() if isinstance(text, str) else text
    return client.post(url("family_import", declaration), {"file": SimpleUploadedFile(name, content, "text/csv")})


def add_families(school: Any, year: str, class_name: str, count: int, language: str = "nl") -> list[Family]:
    return [
        Family.objects.create(
            school=school,
            school_year=year,
            reference=f"{class_name}-{i}",
            class_name=class_name,
            language=language,
            translation_reason="" if language == "nl" else TranslationReason.NEWCOMER,
            translation_until=None if language == "nl" else end_of_school_year(timezone.localdate()),
        )
        for i in range(count)
    ]


def acknowledge(family: Family, version: DeclarationVersion, name: str = "Ouder") -> Acknowledgment:
    return Acknowledgment.objects.create(family=family, school=family.school, version=version, name=name, language="nl")


def pdf_text(pdf: bytes, tmp_path: Path) -> list[str]:
    assert pdf.startswith(b"%PDF")
    path = tmp_path / "letters.pdf"
    path.write_bytes(pdf)
    text = run_poppler("pdftotext", "-layout", path, "-")
    return [page for page in text.split("\f") if page.strip()]


PRINTED_CODE = re.compile(r"\b([2-9A-Z]{5})-([2-9A-Z]{5})\b")


@pytest.fixture
def declaration(published_declaration: Declaration) -> Declaration:
    return published_declaration


# 1. Import -------------------------------------------------------------------------------------


def test_import_creates_the_families_of_the_declarations_school_year(
    world: World, declaration: Declaration, alice_client: Client
) -> None:
    response = upload(in_english(alice_client), declaration, "referentie;klas;taal\nG1;1A;\nG2;1A;Turks\nG3;2B;ar\n")
    assert response.status_code == 302 and response["Location"] == url("family_overview", declaration)
    families = Family.objects.filter(school=world.school).order_by("reference")
    assert [(f.reference, f.class_name, f.language, f.school_year) for f in families] == [
        ("G1", "1A", "nl", "2026-2027"),
        ("G2", "1A", "tr", "2026-2027"),
        ("G3", "2B", "ar", "2026-2027"),
    ]
    page = alice_client.get(url("family_overview", declaration))
    assert "Import done: 3 families added, 0 families updated." in page.content.decode()


def test_a_file_with_bad_rows_imports_nothing_and_lists_every_line(
    world: World, declaration: Declaration, alice_client: Client
) -> None:
    add_families(world.school, "2026-2027", "1A", 1)
    before = list(Family.objects.values_list("reference", "class_name", "language"))
    text = "reference,class,language\nG1,1A,nl\n,1A,nl\nG3,1A,klingon\nG1,2A,fr\nG5,2A,en\n"
    response = upload(in_english(alice_client), declaration, text)
    assert response.status_code == 400
    content = response.content.decode()
    assert "Nothing was imported" in content
    errors = [(error.line, error.reason) for error in response.context["form"].row_errors]
    assert errors == [
        (3, "The family reference is empty."),
        (4, "Unknown language “klingon”."),
        (5, "The family reference “G1” is also on line 2."),
    ]
    for line, reason in errors:
        assert f"<td>{line}</td><td>{reason}</td>" in content.replace("&quot;", '"')
    assert list(Family.objects.values_list("reference", "class_name", "language")) == before


def test_import_updates_families_with_the_same_reference_only_in_this_school_year(
    world: World, declaration: Declaration, alice_client: Client
) -> None:
    mine = Family.objects.create(school=world.school, school_year="2026-2027", reference="G1", class_name="1A")
    code = issue_code(mine)
    last_year = Family.objects.create(school=world.school, school_year="2025-2026", reference="G1", class_name="K3")
    elsewhere = Family.objects.create(
        school=world.other_school, school_year="2026-2027", reference="G1", class_name="X"
    )
    response = upload(in_english(alice_client), declaration, "gezin;klas;taal\nG1;2A;fr\nG2;2A;\n")
    assert response.status_code == 302
    mine.refresh_from_db()
    assert (mine.class_name, mine.language) == ("2A", "fr")
    assert family_for_code(code) == mine  # moving class keeps the family's code
    last_year.refresh_from_db()
    elsewhere.refresh_from_db()
    assert (last_year.class_name, elsewhere.class_name) == ("K3", "X")
    assert Family.objects.filter(school=world.school, school_year="2026-2027").count() == 2
    page = alice_client.get(url("family_overview", declaration))
    assert "Import done: 1 family added, 1 family updated." in page.content.decode()


def test_a_file_over_two_megabytes_is_refused(declaration: Declaration, alice_client: Client) -> None:
    big = b"reference;class\n" + b"G;1A\n" * 420_000  # over 2 MB, under the request limit of the import
    response = upload(in_english(alice_client), declaration, big)
    assert response.status_code == 400
    assert "The file is larger than 2 MB." in response.content.decode()
    assert not Family.objects.exists()


def test_an_empty_post_or_a_binary_file_shows_an_error(declaration: Declaration, alice_client: Client) -> None:
    client = in_english(alice_client)
    assert "Choose the CSV file with the families." in client.post(url("family_import", declaration)).content.decode()
    response = upload(client, declaration, b"\x89PNG\r\n\x1a\n\x00\x00", "photo.csv")
    assert response.status_code == 400 and "This is not a CSV file." in response.content.decode()


# 2. Overview -----------------------------------------------------------------------------------


def test_overview_counts_per_class_who_acknowledged_the_published_version(
    world: World, declaration: Declaration, alice_client: Client
) -> None:
    published = declaration.published_version
    assert published is not None
    first = add_families(world.school, "2026-2027", "1A", 3)
    second = add_families(world.school, "2026-2027", "10A", 2, language="tr")
    add_families(world.school, "2025-2026", "1A", 4)  # another school year: not counted
    acknowledge(first[0], published)
    acknowledge(second[0], published)
    acknowledge(second[1], published)
    draft = change_text(declaration, replace(version_text(latest_version(declaration)), title="Nieuw"), world.alice, "")
    assert draft is not None
    acknowledge(first[1], draft)  # not the published version: does not count
    declaration.refresh_from_db()
    response = in_english(alice_client).get(url("family_overview", declaration))
    assert response.status_code == 200
    summaries = {s.class_name: (len(s.families), s.acknowledged) for s in response.context["summaries"]}
    assert summaries == {"1A": (3, 1), "10A": (2, 2)}
    assert [s.class_name for s in response.context["summaries"]] == ["1A", "10A"]  # 1 before 10
    waiting = [status.family.reference for s in response.context["summaries"] for status in s.waiting]
    assert waiting == ["1A-1", "1A-2"]
    content = response.content.decode()
    assert "3 of 5 families acknowledged the published version 1." in content
    assert "Reminders for 1A" in content and "Reminders for 10A" not in content


def test_overview_without_a_published_version_hides_the_acknowledgments(world: World, alice_client: Client) -> None:
    draft = start_declaration(world.school, "2027-2028", world.alice)
    add_families(world.school, "2027-2028", "1A", 2)
    content = in_english(alice_client).get(url("family_overview", draft)).content.decode()
    assert "Nothing is published yet" in content
    assert "Not yet acknowledged" not in content and "Print letters" not in content
    assert '<th scope="col">Acknowledged</th>' not in content


def test_overview_without_families_explains_the_csv_format(declaration: Declaration, alice_client: Client) -> None:
    content = in_english(alice_client).get(url("family_overview", declaration)).content.decode()
    assert "No families yet" in content and "reference;class;language" in content


def test_overview_queries_do_not_grow_with_the_families(
    world: World, declaration: Declaration, alice_client: Client
) -> None:
    published = declaration.published_version
    assert published is not None

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert alice_client.get(url("family_overview", declaration)).status_code == 200
        return len(captured.captured_queries)

    other = change_text(declaration, replace(version_text(published), title="Nieuw"), world.alice, "")
    assert other is not None  # families who acknowledged another version show that version's number
    for family in add_families(world.school, "2026-2027", "1A", 2):
        acknowledge(family, published)
    acknowledge(add_families(world.school, "2026-2027", "1B", 1)[0], other)
    few = queries()
    for class_name in ("2A", "3A", "4B", "5C"):
        for family in add_families(world.school, "2026-2027", class_name, 10):
            acknowledge(family, published)
        for family in add_families(world.school, "2026-2027", class_name + "x", 5):
            acknowledge(family, other)
    assert queries() == few


# 3. Letters ------------------------------------------------------------------------------------


def test_letters_of_a_class_carry_a_new_working_code_and_the_class(
    world: World, declaration: Declaration, alice_client: Client, tmp_path: Path
) -> None:
    families = add_families(world.school, "2026-2027", "3B", 2) + add_families(world.school, "2026-2027", "4C", 1)
    families[1].language = "tr"
    families[1].translation_reason = TranslationReason.NEWCOMER
    families[1].translation_until = end_of_school_year(timezone.localdate())
    families[1].save()
    add_translation(declaration, "tr")  # the letter promises a translation only where one is published
    old_code = issue_code(families[0])
    page = in_english(alice_client).get(url("family_letters", declaration) + "?class=3B")
    assert "Printing makes new codes." in page.content.decode()
    response = made_file(alice_client, url("family_letters", declaration), {"class_name": "3B", "families": "all"})
    assert response["Content-Type"] == "application/pdf"
    pages = pdf_text(response.content, tmp_path)
    assert len(pages) == 2
    codes = ["".join(PRINTED_CODE.search(page).groups()) for page in pages]  # type: ignore[union-attr]
    # The recipient line, not a bare "4C": a random code or its link may hold those two characters.
    assert all("3B · 3B-" in page and "4C · " not in page for page in pages)
    assert [family_for_code(code) for code in codes] == families[:2]
    assert family_for_code(old_code) == families[0]  # by default the earlier letter keeps working too
    assert "Vertaling" not in pages[0] and "Vertaling – Türkçe" in pages[1]
    assert f"/v/c/{codes[0]}/" in pages[0].replace("\n", "")
    assert not families[2].codes.exists()  # another class: untouched


def test_reminders_go_only_to_families_who_have_not_acknowledged(
    world: World, declaration: Declaration, alice_client: Client, tmp_path: Path
) -> None:
    published = declaration.published_version
    assert published is not None
    families = add_families(world.school, "2026-2027", "1A", 3, language="nl")  # one column: the text reads on
    acknowledge(families[1], published)
    kept_code = issue_code(families[1])
    response = made_file(alice_client, url("family_letters", declaration), {"class_name": "", "families": "waiting"})
    pages = pdf_text(response.content, tmp_path)
    assert len(pages) == 2
    reminder = in_dutch("We have not yet received your acknowledgment of our engagement declaration.", "letter")
    assert all(" ".join(reminder.split()) in " ".join(page.split()) for page in pages)
    assert [family.reference for page in pages for family in families if family.reference in page] == ["1A-0", "1A-2"]
    assert family_for_code(kept_code) == families[1]  # the family who acknowledged keeps its code


def test_no_letters_before_publication_or_without_families(
    world: World, declaration: Declaration, alice_client: Client
) -> None:
    response = in_english(alice_client).post(url("family_letters", declaration), {"class_name": "", "families": "all"})
    assert response.status_code == 400 and "There are no families yet" in response.content.decode()
    draft = start_declaration(world.school, "2027-2028", world.alice)
    add_families(world.school, "2027-2028", "1A", 1)
    response = alice_client.post(url("family_letters", draft), {"class_name": "", "families": "all"})
    assert response.status_code == 400 and "Nothing is published yet" in response.content.decode()
    assert not FamilyCode.objects.exists()


def test_reminders_when_everyone_acknowledged_say_so(
    world: World, declaration: Declaration, alice_client: Client
) -> None:
    published = declaration.published_version
    assert published is not None
    acknowledge(add_families(world.school, "2026-2027", "1A", 1)[0], published)
    response = in_english(alice_client).post(
        url("family_letters", declaration), {"class_name": "1A", "families": "waiting"}
    )
    assert response.status_code == 400
    assert "There are no families to print a letter for with this choice." in response.content.decode()


def test_too_many_letters_at_once_are_refused_before_any_code_changes(
    world: World, declaration: Declaration, alice_client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("engagement.families.views.MAX_LETTERS_PER_PDF", 2)
    add_families(world.school, "2026-2027", "1A", 3)
    response = in_english(alice_client).post(url("family_letters", declaration), {"class_name": "", "families": "all"})
    assert response.status_code == 400
    assert "That is more than 2 letters at once: print them class by class." in response.content.decode()
    assert not FamilyCode.objects.exists() and not Job.objects.exists()


# 4. The exported list --------------------------------------------------------------------------


def test_export_lists_every_family_with_its_acknowledgment_in_csv_and_excel(
    world: World, declaration: Declaration, alice_client: Client
) -> None:
    published = declaration.published_version
    assert published is not None
    done, waiting = add_families(world.school, "2026-2027", "1A", 2, language="tr")
    evil = Family.objects.create(
        school=world.school, school_year="2026-2027", reference="=HYPERLINK()", class_name="2A"
    )
    acknowledge(done, published, name="=1+1 Ayşe")
    Family.objects.create(school=world.other_school, school_year="2026-2027", reference="ANKER", class_name="1A")
    response = made_file(in_english(alice_client), url("family_export", declaration))
    assert response["Content-Type"].startswith("text/csv")
    assert response.content.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == [
        "Family reference",
        "Class",
        "Language",
        "Acknowledged",
        "Acknowledged at",
        "Name typed",
        "Version",
        "Signed on paper on",
    ]
    assert rows[1][:4] == [done.reference, "1A", "tr", "yes"] and rows[1][5:] == ["'=1+1 Ayşe", "1", ""]
    assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d", rows[1][4])
    assert rows[2] == [waiting.reference, "1A", "tr", "no", "", "", "", ""]
    assert rows[3][:2] == ["'" + evil.reference, "2A"]
    assert len(rows) == 4  # nothing of the other school
    response = made_file(alice_client, url("family_export_xlsx", declaration))
    assert response["Content-Disposition"] == 'attachment; filename="gezinnen-de-regenboog-2026-2027.xlsx"'
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet is not None and sheet.title == "Families"
    assert [["" if cell is None else str(cell) for cell in row] for row in sheet.iter_rows(values_only=True)] == rows
    assert sheet.cell(2, 7).value == 1  # the version number stays a number


# 5. Who may -------------------------------------------------------------------------------------

PAGES = ["family_overview", "family_import", "family_letters", "family_privacy", "family_delete"]
# Buttons that ask the worker for a file: a GET starts nothing and leads to the overview with the buttons.
EXPORTS = ["family_export", "family_export_xlsx"]


@pytest.mark.parametrize("name", [*PAGES, *EXPORTS, "family_privacy_export"])
def test_team_members_get_403_and_outsiders_404(
    name: str, world: World, declaration: Declaration, bob_client: Client, charlie_client: Client
) -> None:
    add_families(world.school, "2026-2027", "1A", 1)
    assert bob_client.get(url(name, declaration)).status_code == 403
    assert bob_client.post(url(name, declaration), {"confirmation": "2026-2027"}).status_code == 403
    assert charlie_client.get(url(name, declaration)).status_code == 404
    assert charlie_client.post(url(name, declaration), {"confirmation": "2026-2027"}).status_code == 404
    assert Family.objects.count() == 1


@pytest.mark.parametrize("name", PAGES)
def test_the_coordinator_sees_every_page(
    name: str, world: World, declaration: Declaration, alice_client: Client
) -> None:
    add_families(world.school, "2026-2027", "1A", 1)
    assert alice_client.get(url(name, declaration)).status_code == 200


@pytest.mark.parametrize("name", EXPORTS)
def test_a_get_of_an_export_starts_nothing_and_leads_to_its_button(
    name: str, world: World, declaration: Declaration, alice_client: Client
) -> None:
    add_families(world.school, "2026-2027", "1A", 1)
    response = alice_client.get(url(name, declaration))
    assert response.status_code == 302 and response["Location"] == url("family_overview", declaration)
    assert not Job.objects.exists()
    assert url(name, declaration) in alice_client.get(response["Location"]).content.decode()


def test_anonymous_visitors_are_sent_to_log_in(declaration: Declaration) -> None:
    response = Client().get(url("family_overview", declaration))
    assert response.status_code == 302 and "login" in response["Location"]
