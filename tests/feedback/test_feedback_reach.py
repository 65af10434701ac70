"""Issue 14, point 4: reaching families. The page's short address, the QR poster (A4 and A3), a letter per family
through the worker, and the link on the questionnaire's thank-you page once the page is published."""

import io
import re
import subprocess
import tempfile
from datetime import date

import pytest
from django.test import Client
from django.urls import reverse
from PIL import Image
from pypdf import PdfReader

from engagement.models import Family, TranslationReason
from feedback.family_letters import FEEDBACK_LETTERS
from feedback.models import SLUG_ALPHABET, SLUG_LENGTH, FeedbackPage
from feedback.public import public_path
from feedback.reach import public_link, short_address
from feedback.versions import change_text, latest_version, start_page, take_step, version_text
from jobs.models import Job
from surveys.devices import COOKIE_NAME, handed_in_cookie
from tests.feedback.test_feedback_for_families import translate
from tests.helpers.feedback_rounds import closed_round, complete_text
from tests.helpers.feedback_rounds import published_page as published
from tests.helpers.job_downloads import made_file, start_file
from tests.helpers.qr_in_pdf import qr_matches, rendered_page
from tests.helpers.respondent_helpers import answer_everything, hand_in, issue, start
from tests.helpers.worker import run_worker
from tests.helpers.world import World

pytestmark = pytest.mark.django_db

A4_POINTS, A3_POINTS = (595, 842), (842, 1191)


def pdf_text(pdf: bytes) -> str:
    with tempfile.NamedTemporaryFile(suffix=".pdf") as file:
        file.write(pdf)
        file.flush()
        text = subprocess.run(["pdftotext", file.name, "-"], capture_output=True, check=True).stdout.decode()
    return "\f".join(" ".join(page.split()) for page in text.split("\f"))  # words as read, not as wrapped


def letter_qr(pdf: bytes, page: int) -> Image.Image:
    """A letter's QR code stands left of its link, under the columns: the left quarter of the page holds it and the
    lines of one column's text, which blank rows separate."""
    image = rendered_page(pdf, page)
    width, height = image.size
    return image.crop((0, 0, width // 4, height))


def reach_url(page: FeedbackPage, name: str, *args: str) -> str:
    return reverse(f"feedback:{name}", args=[page.school_id, page.round_id, *args])


# --- the short address -------------------------------------------------------------------------------------------


def test_the_short_address_is_short_unguessable_and_stays_through_new_versions(world: World) -> None:
    page = published(world)
    slug = page.public_slug
    assert len(slug) == SLUG_LENGTH == 8 and set(slug) <= set(SLUG_ALPHABET)
    assert not set("01ilo") & set(SLUG_ALPHABET)  # nothing read wrongly from paper
    assert len(SLUG_ALPHABET) ** SLUG_LENGTH > 8 * 10**11
    assert short_address(page) == f"127.0.0.1:8000/terug/{slug}/"
    text = version_text(latest_version(page))
    change_text(page, text.__class__(**{**text.__dict__, "team": "Een nieuwe zin van het team."}), world.alice)
    take_step(page, "consult")
    take_step(page, "publish")
    page.refresh_from_db()
    assert page.published_version.number == 3  # type: ignore[union-attr]
    assert page.public_slug == slug and Client().get(public_path(page)).status_code == 200


def test_an_unpublished_page_shows_nothing_at_its_address(world: World) -> None:
    page = start_page(closed_round(world), world.alice)
    response = Client().get(public_path(page))
    assert response.status_code == 404
    assert "Koffiemoment" not in response.content.decode()  # the plan's action in the draft is not shown


# --- the poster --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("size", "points"), [("a4", A4_POINTS), ("a3", A3_POINTS)])
def test_the_poster_is_one_page_of_its_size_with_the_address_and_a_qr_code_of_the_link(
    world: World, alice_client: Client, size: str, points: tuple[int, int]
) -> None:
    page = published(world)
    translate(page, "tr")
    translate(page, "ar")
    response = alice_client.get(reach_url(page, "poster", size))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert f"affiche-{size}-" in response["Content-Disposition"]
    pdf = response.content
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == points
    text = pdf_text(pdf)
    assert short_address(page) in text and "Jullie zeiden, wij doen" in text
    assert "Türkçe" in text  # the languages the page can be read in beside the Dutch
    assert qr_matches(rendered_page(pdf), public_link(page))
    assert not qr_matches(rendered_page(pdf), public_link(page) + "x")  # the check can fail


def test_no_poster_before_publication(world: World, alice_client: Client) -> None:
    page = start_page(closed_round(world), world.alice)
    response = alice_client.get(reach_url(page, "poster", "a4"))
    assert response.status_code == 302 and response["Location"] == reach_url(page, "reach")
    shown = alice_client.get(reach_url(page, "reach")).content.decode()
    assert "Affiches en brieven maakt u zodra de pagina gepubliceerd is." in shown  # Alice reads Dutch
    assert alice_client.get(reach_url(page, "poster", "a5")).status_code == 404


# --- a letter per family ------------------------------------------------------------------------------------------


def families(world: World) -> None:
    year = "2026-2027"
    until = date(2099, 8, 31)
    Family.objects.create(
        school=world.school,
        school_year=year,
        reference="F-TR",
        class_name="3A",
        language="tr",
        translation_reason=TranslationReason.choices[0][0],
        translation_until=until,
    )
    Family.objects.create(school=world.school, school_year=year, reference="F-NL", class_name="3A", language="nl")
    Family.objects.create(  # Turkish at home, but the school gives no reason for a translation: the Dutch only
        school=world.school, school_year=year, reference="F-TR-NO-REASON", class_name="3B", language="tr"
    )


def test_each_family_gets_one_page_in_its_language_beside_the_dutch_through_the_worker(
    world: World, alice_client: Client
) -> None:
    page = published(world)
    translate(page, "tr")
    families(world)
    response = made_file(alice_client, reach_url(page, "letters"))
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    assert len(reader.pages) == 3
    pages = {}
    for number in range(3):
        text = pdf_text(response.content).split("\f")[number]
        reference = re.search(r"F-[A-Z-]+", text)
        assert reference is not None
        pages[reference.group()] = (number + 1, text)
    number, turkish = pages["F-TR"]
    assert "velilere ve öğrencilere görüşlerini sordu" in turkish and "vroeg ouders en leerlingen" in turkish
    assert "Vertaling" in turkish
    assert qr_matches(letter_qr(response.content, number), public_link(page, "tr"))
    for dutch_only in ("F-NL", "F-TR-NO-REASON"):
        number, text = pages[dutch_only]
        assert "vroeg ouders en leerlingen" in text and "görüşlerini" not in text
        assert qr_matches(letter_qr(response.content, number), public_link(page))
    assert "Koffiemoment aan de schoolpoort" in pages["F-NL"][1]  # what the school does, from the plan


def test_letters_for_one_class_and_none_for_an_unknown_class(world: World, alice_client: Client) -> None:
    page = published(world)
    families(world)
    one_class = made_file(alice_client, reach_url(page, "letters"), {"class_name": "3B"})
    assert len(PdfReader(io.BytesIO(one_class.content)).pages) == 1
    refused = alice_client.post(reach_url(page, "letters"), {"class_name": "9Z"})
    assert refused.status_code == 302 and not Job.objects.filter(kind=FEEDBACK_LETTERS, params__class_name="9Z")


def test_letters_of_a_version_no_longer_published_fail_with_a_reason(world: World, alice_client: Client) -> None:
    page = published(world)
    families(world)
    job = start_file(alice_client, reach_url(page, "letters"))
    text = version_text(latest_version(page))
    change_text(page, text.__class__(**{**text.__dict__, "team": "Nog een nieuwe zin."}), world.alice)
    take_step(page, "consult")
    take_step(page, "publish")
    run_worker()
    job.refresh_from_db()
    assert job.status == "failed"
    assert job.failure == "Intussen werd een andere versie gepubliceerd: maak de brieven opnieuw."  # in Alice's Dutch


def test_a_team_member_makes_no_letters(world: World, bob_client: Client) -> None:
    page = published(world)
    families(world)
    assert bob_client.post(reach_url(page, "letters")).status_code == 403


# --- the thank-you page ------------------------------------------------------------------------------------------


def thanks_in(client: Client, language: str) -> str:
    response = client.get(reverse("surveys:thanks"), {"lang": language})
    assert response.status_code == 200
    return response.content.decode()


def test_the_thank_you_page_links_to_the_feedback_once_it_is_published_not_before(world: World) -> None:
    client = Client()
    response = start(client, issue(world).codes[0], "tr")
    answer_everything(client, response)
    assert hand_in(client, response).status_code == 302
    assert str(world.round.id) in client.cookies[COOKIE_NAME].value  # the device knows the round, not the person
    before = thanks_in(client, "tr")
    assert "Okul cevaplarınızla ne yapıyor?" not in before and "/terug/" not in before
    page = start_page(closed_round(world), world.alice)
    assert "/terug/" not in thanks_in(client, "tr")  # a draft: still nothing
    change_text(page, complete_text(world.round, version_text(latest_version(page))), world.alice)
    take_step(page, "consult")
    assert "/terug/" not in thanks_in(client, "tr")  # in consultation: still nothing
    take_step(page, "publish")
    after = thanks_in(client, "tr")
    assert "Okul cevaplarınızla ne yapıyor?" in after
    assert f'href="/terug/{page.public_slug}/?lang=tr"' in after
    assert Client().get(f"/terug/{page.public_slug}/", {"lang": "tr"}).status_code == 200


def test_a_pupil_is_sent_to_the_pupils_version_in_the_je_form(world: World) -> None:
    page = published(world)
    client = Client()
    client.cookies[COOKIE_NAME] = handed_in_cookie("nl", "pupil_10_12", world.round.id)
    shown = thanks_in(client, "nl")
    assert "Wat doet de school met jouw antwoorden?" in shown
    assert f'href="/terug/{page.public_slug}/leerlingen/10-12/?lang=nl"' in shown


def test_a_device_of_another_round_or_an_older_cookie_gets_no_link(world: World) -> None:
    published(world)
    older = Client()
    older.cookies[COOKIE_NAME] = handed_in_cookie("nl", "parent")  # handed in before the round was remembered
    assert "/terug/" not in thanks_in(older, "nl")
    broken = Client()
    broken.cookies[COOKIE_NAME] = "handed-in:nl:parent:not-a-round"
    assert "/terug/" not in thanks_in(broken, "nl")


def test_the_reach_page_shows_the_address_the_poster_languages_and_the_classes(
    world: World, alice_client: Client
) -> None:
    page = published(world)
    translate(page, "tr")
    families(world)
    html = alice_client.get(reach_url(page, "reach")).content.decode()
    assert short_address(page) in html
    assert "naast het Nederlands kunnen lezen: Turks." in html  # Alice reads Dutch
    assert '<option value="3B">3B</option>' in html and "Alle klassen (3 gezinnen)" in html
