"""The coordinator's code batches, the letters and the links list."""

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django.utils.translation import pgettext
from PIL import Image

from analysis.rounds import close_round
from respondents.codes import ALPHABET, format_code
from respondents.letters import short_address
from surveys.batches import issue_codes
from surveys.code_files import kept_codes, kept_until
from surveys.letters import questionnaire_link
from surveys.models import (
    CodeBatch,
    RespondentCode,
    SurveyResponse,
)
from tests.helpers.days import on_one_day
from tests.helpers.letter_jobs import ask_for_letters, download_letters
from tests.helpers.survey_data import (
    BATCH,
    batch_url,
    count_queries,
    in_english,
    invitations_url,
    make_batch,
    messages_of,
)
from tests.helpers.tools import run_poppler
from tests.helpers.world import World

# 1. Code batches -------------------------------------------------------------------------------


def test_a_coordinator_makes_a_batch_for_a_class_with_a_home_language(world: World, alice_client: Client) -> None:
    assert alice_client.get(invitations_url(world)).status_code == 200
    batch, codes = make_batch(alice_client, world, group_label="  3A ", home_language="ar", size="25")
    assert (batch.audience, batch.group_kind, batch.group_label, batch.home_language) == ("parent", "class", "3A", "ar")
    assert batch.size == 25 and batch.round == world.round and batch.school == world.school
    assert batch.created_by == world.alice
    assert len(codes) == len(set(codes)) == 25
    assert all(len(code) == 10 and set(code) <= set(ALPHABET) for code in codes)
    assert RespondentCode.objects.filter(batch=batch).count() == 25
    page = alice_client.get(invitations_url(world))
    html = page.content.decode()
    assert "العربية" in html
    assert batch_url("letters", world, batch) in html and batch_url("links", world, batch) in html
    assert page.context["batches"] == [(batch, kept_until(batch.id), "Arabisch (العربية)")]
    assert kept_until(batch.id) is not None


def test_the_made_message_counts_the_codes(world: World, alice_client: Client) -> None:
    response = in_english(alice_client).post(invitations_url(world), {**BATCH, "size": "7"}, follow=True)
    assert "7 codes are made" in " ".join(messages_of(response))


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        (
            {"audience": "pupil_10_12", "group_kind": "grade", "group_label": "tweede graad", "size": "4"},
            "tweede graad",
        ),
        ({"audience": "pupil_12_18", "group_kind": "whole_school", "group_label": "", "size": "1"}, ""),
        ({"group_kind": "whole_school", "group_label": "", "home_language": "tr", "size": "1000"}, ""),
    ],
)
def test_batches_for_a_grade_or_the_whole_school(
    world: World, alice_client: Client, fields: dict[str, str], expected: str
) -> None:
    batch, codes = make_batch(alice_client, world, **fields)
    assert batch.group_kind == fields["group_kind"] and batch.group_label == expected
    assert len(codes) == batch.size == int(fields["size"])
    assert batch.home_language == fields.get("home_language", "")


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"size": "0"}, "size"),
        ({"size": "1001"}, "size"),
        ({"size": "-3"}, "size"),
        ({"size": "veel"}, "size"),
        ({"group_label": ""}, "group_label"),
        ({"group_label": "   "}, "group_label"),
        ({"group_kind": "grade", "group_label": ""}, "group_label"),
        ({"home_language": "xx"}, "home_language"),
        ({"home_language": "nl"}, "home_language"),  # Dutch is always on the letter: not a home language
        ({"audience": "team"}, "audience"),
        ({"group_kind": "street"}, "group_kind"),
        ({"group_label": "x" * 61}, "group_label"),
    ],
)
def test_bad_batch_input_gives_a_field_error(
    world: World, alice_client: Client, fields: dict[str, str], field: str
) -> None:
    response = alice_client.post(invitations_url(world), {**BATCH, **fields})
    assert response.status_code == 400
    assert field in response.context["form"].errors
    assert 'class="form-errors"' in response.content.decode()
    assert not CodeBatch.objects.exists() and not RespondentCode.objects.exists()


def test_a_group_name_is_one_line(world: World, alice_client: Client) -> None:
    batch, _codes = make_batch(alice_client, world, group_label='Klas "3A"\r\n  zon/maan')
    assert batch.group_label == 'Klas "3A" zon/maan'
    letters, today = on_one_day(lambda: alice_client.get(batch_url("links", world, batch)))
    expected = f'attachment; filename="links-klas-3a-zon-maan-de-regenboog-oudercontact-{today}.txt"'
    assert letters["Content-Disposition"] == expected


def test_team_members_get_403_and_outsiders_404(
    world: World, bob_client: Client, charlie_client: Client, alice_client: Client
) -> None:
    batch, _codes = make_batch(alice_client, world)
    urls = [invitations_url(world)] + [batch_url(name, world, batch) for name in ("letters", "links", "forget")]
    for url in urls:
        assert bob_client.get(url).status_code == 403, url
        assert bob_client.post(url, BATCH).status_code == 403, url
        assert charlie_client.get(url).status_code == 404, url
        assert charlie_client.post(url, BATCH).status_code == 404, url
        anonymous = Client().get(url)
        assert (anonymous.status_code, anonymous["Location"]) == (302, f"{reverse('accounts:login')}?next={url}"), url
    assert CodeBatch.objects.count() == 1


def test_a_batch_of_another_round_is_not_found(world: World, alice_client: Client, charlie_client: Client) -> None:
    other = issue_codes(world.other_round, "parent", "class", "1A", "", 2, world.charlie)
    for name in ("letters", "links", "forget"):
        url = reverse(f"surveys:{name}", args=[world.school.id, world.round.id, other.batch.id])
        assert alice_client.get(url).status_code == 404
        url = reverse(f"surveys:{name}", args=[world.other_school.id, world.other_round.id, other.batch.id])
        assert alice_client.get(url).status_code == 404


def test_a_closed_round_refuses_new_batches(world: World, alice_client: Client) -> None:
    close_round(world.round)
    client = in_english(alice_client)
    page = client.get(invitations_url(world))
    assert page.status_code == 200 and "Make the codes" not in page.content.decode()
    for fields in (BATCH, {**BATCH, "size": "0"}):
        response = client.post(invitations_url(world), fields, follow=True)
        assert response.redirect_chain[-1][0] == invitations_url(world)
        assert "The parents' and pupils' voices are closed; no new codes can be made." in messages_of(response)
    assert not CodeBatch.objects.exists()


# 2. Letters and links --------------------------------------------------------------------------

BIDI_CONTROLS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def pdf_pages(pdf: bytes, tmp_path: Path) -> tuple[Path, dict[str, str], list[str]]:
    assert pdf.startswith(b"%PDF")
    path = tmp_path / "letters.pdf"
    path.write_bytes(pdf)
    info_text = run_poppler("pdfinfo", path)
    info = dict(line.split(":", 1) for line in info_text.splitlines() if ":" in line)
    text = run_poppler("pdftotext", "-layout", path, "-")
    pages = [BIDI_CONTROLS.sub("", page) for page in text.split("\f")]
    return path, {key.strip(): value.strip() for key, value in info.items()}, [page for page in pages if page.strip()]


def dark_pixels(image: Image.Image, box: tuple[int, int, int, int], below: int = 128) -> int:
    return sum(image.crop(box).histogram()[:below])  # a greyscale image: one bucket per shade


def assert_qr_code_drawn(path: Path, tmp_path: Path, page: int) -> None:
    """Render the page at 40 dpi: below the rule across the page, the QR code fills the left corner."""
    prefix = tmp_path / f"page{page}"
    run_poppler("pdftoppm", "-r", "40", "-png", "-f", str(page), "-l", str(page), path, prefix)
    (png,) = tmp_path.glob(f"page{page}*.png")
    image = Image.open(png).convert("L")
    width, height = image.size
    rule = next(
        y
        for y in range(height // 4, height)
        if dark_pixels(image, (0, y, width, y + 1), below=230) > width * 0.6  # the line above the access block
    )
    qr_box = (0, rule + 2, width // 5, rule + 2 + height // 7)
    right_box = (width * 4 // 5, rule + 2, width, rule + 2 + height // 7)
    assert dark_pixels(image, qr_box) > 400  # about half of a ~45×45 px square of modules is black
    assert dark_pixels(image, right_box) == 0


def test_letters_are_one_a4_per_family_in_dutch_with_the_arabic_translation(
    world: World, alice_client: Client, tmp_path: Path
) -> None:
    batch, codes = make_batch(alice_client, world, home_language="ar", size="3")
    response, pdf = download_letters(alice_client, world, batch)
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith('attachment; filename="brieven-3a-ar-de-regenboog-oudercontact-')
    assert response["Cache-Control"] == "private, no-store"
    path, info, pages = pdf_pages(pdf, tmp_path)
    assert info["Pages"] == "3"
    assert info["Page size"].startswith("595.") and "(A4)" in info["Page size"]
    with translation.override("nl"):
        dutch = [pgettext("letter", "Dear parent,"), pgettext("letter", "How?")]
    with translation.override("ar"):
        arabic_sentence = pgettext("letter", "Your answers are anonymous: the school cannot see who answered what.")
        arabic_greeting = pgettext("letter", "Dear parent,")
    arabic_word = arabic_sentence.split()[0]
    assert re.fullmatch("[\u0600-\u06ff]+", arabic_word), arabic_word  # the catalogue really holds Arabic
    address = short_address("surveys:code")
    for code, page in zip(codes, pages, strict=True):
        assert "De Regenboog" in page
        assert "Nederlands" in page and all(text in page for text in dutch)
        assert "Vertaling – العربية" in page  # the translation is marked as one, in Dutch
        assert arabic_word in page and arabic_greeting.rstrip("،,") in page
        assert format_code(code) in page and re.search(r"\b[A-Z0-9]{5}-[A-Z0-9]{5}\b", page)
        assert questionnaire_link(code) in page
        # The short address in the Dutch text and in the Arabic text, read left to right in both.
        assert len(re.findall(re.escape(address) + r"(?!c/)", page)) == 2, page
        assert "/q/127.0.0.1" not in page
    assert_qr_code_drawn(path, tmp_path, 1)


def test_a_letter_without_a_home_language_is_dutch_only(world: World, alice_client: Client, tmp_path: Path) -> None:
    batch, codes = make_batch(alice_client, world, audience="pupil_10_12", group_label="5B", size="2")
    _path, info, pages = pdf_pages(download_letters(alice_client, world, batch)[1], tmp_path)
    assert info["Pages"] == "2"
    with translation.override("nl"):
        greeting = pgettext("letter", "Hello,")
    for code, page in zip(codes, pages, strict=True):
        assert "Vertaling" not in page
        assert greeting in page and format_code(code) in page and questionnaire_link(code) in page
        assert not re.search("[\u0600-\u06ff]", page)


def test_letters_in_an_ethiopic_script(world: World, alice_client: Client, tmp_path: Path) -> None:
    batch, codes = make_batch(alice_client, world, home_language="ti", size="1")
    path, info, (page,) = pdf_pages(download_letters(alice_client, world, batch)[1], tmp_path)
    with translation.override("ti"):
        greeting = pgettext("letter", "Dear parent,")
    assert info["Pages"] == "1"
    assert "Vertaling – ትግርኛ" in page and greeting.rstrip("፣,") in page and format_code(codes[0]) in page
    fonts = run_poppler("pdffonts", path)
    assert "Ethiopic" in fonts  # not boxes: a font that has the script is embedded


def test_the_links_list_has_one_link_per_code_that_opens_the_code_page(world: World, alice_client: Client) -> None:
    batch, codes = make_batch(alice_client, world, size="4")
    response = alice_client.get(batch_url("links", world, batch))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="links-3a-de-regenboog-oudercontact-')
    assert response["Cache-Control"] == "no-store"
    links = response.content.decode().splitlines()
    assert links == [questionnaire_link(code) for code in codes]
    respondent = Client()
    for code, link in zip(codes, links, strict=True):
        assert link == f"{settings.PUBLIC_BASE_URL}/q/c/{code}/"
        page = respondent.get(urlsplit(link).path)
        assert page.status_code == 200
        assert re.search(f'<input[^>]* name="code"[^>]* value="{format_code(code)}"', page.content.decode())
        opened = respondent.post(reverse("surveys:code"), {"code": page.context["form"]["code"].value()})
        assert opened.status_code == 302 and "/language/" in opened["Location"]
    assert SurveyResponse.objects.count() == 4


def test_forgotten_codes_can_no_longer_be_downloaded(world: World, alice_client: Client) -> None:
    client = in_english(alice_client)
    batch, _codes = make_batch(client, world)
    kept, _kept_codes = make_batch(client, world, group_label="3B")
    assert client.get(batch_url("forget", world, batch)).status_code == 200  # asks first (forgets nothing)
    assert kept_codes(batch.id) is not None
    response = client.post(batch_url("forget", world, batch), follow=True)
    assert response.redirect_chain[-1][0] == invitations_url(world)
    assert "The codes are forgotten. The letters you printed still work." in messages_of(response)
    assert kept_codes(batch.id) is None and kept_codes(kept.id) is not None
    assert [(row[0], row[1] is not None) for row in response.context["batches"]] == [(batch, False), (kept, True)]
    assert "The codes are deleted: they can no longer be printed." in response.content.decode()
    for name in ("letters", "links"):
        gone = client.get(batch_url(name, world, batch), follow=True)
        assert gone.redirect_chain[-1][0] == invitations_url(world)
        assert gone.headers["Content-Type"].startswith("text/html")
        assert "The codes of this batch are no longer available. Make a new batch." in messages_of(gone)
    assert client.get(batch_url("links", world, kept)).status_code == 200
    assert ask_for_letters(client, world, kept).params["batch"] == str(kept.pk)
    assert RespondentCode.objects.filter(batch=batch).count() == 3  # printed letters still work


# Query counts -------------------------------------------------------------------------------


def test_invitations_query_count_does_not_grow_with_batches(world: World, alice_client: Client) -> None:
    make_batch(alice_client, world)
    few = count_queries(alice_client, invitations_url(world))
    for index in range(6):
        make_batch(alice_client, world, group_label=f"{index}B", home_language="fr", size="4")
    opened = list(RespondentCode.objects.filter(batch__group_label="2B").order_by("pk")[:3])  # one read, one order
    RespondentCode.objects.filter(id__in=[code.id for code in opened[:2]]).update(status="started")
    RespondentCode.objects.filter(id=opened[2].id).update(status="used")
    page = alice_client.get(invitations_url(world))
    assert [batch.opened for batch, _kept_until, _name in page.context["batches"]] == [0, 0, 0, 3, 0, 0, 0]
    assert count_queries(alice_client, invitations_url(world)) == few
