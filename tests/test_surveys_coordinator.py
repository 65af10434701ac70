"""The coordinator's side of the parents' and pupils' questionnaires: codes, letters, links,
translations, and what parents and pupils said on the round's profile — always under the rule of five."""

import re
import subprocess
from collections.abc import Callable
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape
from django.utils.translation import pgettext
from PIL import Image

from accounts.models import User
from analysis.models import Round, TeamResponse
from analysis.perspectives import Figure
from analysis.queries import counted_items
from analysis.rounds import close_round, save_page
from framework.item_bank import questionnaire_items, set_hidden
from framework.models import Audience, Dimension, Item, ItemText
from surveys.batches import issue_codes
from surveys.codes import ALPHABET, format_code
from surveys.letters import code_link, short_address
from surveys.models import (
    CodeBatch,
    RespondentCode,
    ResponseStatus,
    SurveyAnswer,
    SurveyResponse,
    TranslationCorrection,
)
from surveys.respond import Opening, hand_in, open_with_code, save_answers
from surveys.staff_views import ISSUED_SESSION_KEY
from surveys.tallies import rebuild_tallies
from surveys.texts import respondent_items
from tests.conftest import World

Value = int | None
ValueOf = Callable[[Item], Value]


# Helpers ---------------------------------------------------------------------------------------


def in_english(client: Client) -> Client:
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def invitations_url(world: World, round_: Round | None = None) -> str:
    return reverse("surveys:invitations", args=[world.school.id, (round_ or world.round).id])


def batch_url(name: str, world: World, batch: CodeBatch) -> str:
    return reverse(f"surveys:{name}", args=[world.school.id, world.round.id, batch.id])


def translations_url(world: World, language: str = "fr", audience: str = "parent") -> str:
    return reverse("surveys:translations", args=[world.school.id]) + f"?language={language}&audience={audience}"


def profile_url(world: World) -> str:
    return reverse("analysis:profile", args=[world.school.id, world.round.id])


BATCH = {"audience": "parent", "group_kind": "class", "group_label": "3A", "home_language": "", "size": "3"}


def make_batch(client: Client, world: World, **fields: str) -> tuple[CodeBatch, list[str]]:
    """Make a batch through the page, as a coordinator does; returns it with the codes of the session."""
    before = set(CodeBatch.objects.values_list("id", flat=True))
    response = client.post(invitations_url(world), {**BATCH, **fields})
    assert response.status_code == 302, response.content.decode()[:2000]
    batch = CodeBatch.objects.exclude(id__in=before).get()
    return batch, client.session[ISSUED_SESSION_KEY][str(batch.id)]


def messages_of(response: object) -> list[str]:
    return [str(message) for message in response.context["messages"]]  # type: ignore[attr-defined]


def count_queries(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


def constant(value: Value) -> ValueOf:
    return lambda _item: value


def hand_in_surveys(
    round_: Round,
    audience: str,
    count: int,
    value_of: ValueOf | None = None,
    group: str = "3A",
    home_language: str = "",
    open_answer: str = "",
    status: str = ResponseStatus.SUBMITTED,
) -> list[SurveyResponse]:
    """Questionnaires as the respondent pages store them, straight into the tables (everything 3 by default)."""
    value_of = value_of or constant(3)
    items = list(counted_items(round_, audience))
    assert items, f"the round has no {audience} items"
    responses = SurveyResponse.objects.bulk_create(
        SurveyResponse(
            school_id=round_.school_id,
            round=round_,
            audience=audience,
            group_label=group,
            home_language=home_language,
            language=home_language or "nl",
            status=status,
            last_page=7,
            open_answer=open_answer,
            submitted_on=date(2026, 11, 2) if status == ResponseStatus.SUBMITTED else None,
        )
        for _ in range(count)
    )
    SurveyAnswer.objects.bulk_create(
        SurveyAnswer(school_id=round_.school_id, response=response, item=item, value=value_of(item))
        for response in responses
        for item in items
    )
    rebuild_tallies(round_)  # what hand_in keeps up to date one questionnaire at a time
    return responses


def team_answers(round_: Round, user: User, value_of: ValueOf | None = None) -> None:
    """The team member answers every item of the round (4 by default)."""
    value_of = value_of or constant(4)
    response = TeamResponse.objects.get(round=round_, user=user)
    items = list(counted_items(round_))
    for page, dimension in enumerate(Dimension.objects.order_by("position"), start=1):
        answers = {item.id: value_of(item) for item in items if item.dimension_id == dimension.pk}
        save_page(response, dimension, page, answers, "")


def without_csrf(html: str) -> str:
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)


def section(html: str, start: str, end: str) -> str:
    assert start in html, start
    part = html.split(start, 1)[1]
    return part.split(end, 1)[0]


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
    assert page.context["batches"] == [(batch, True, "العربية")]


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
    letters = alice_client.get(batch_url("links", world, batch))
    assert letters["Content-Disposition"] == 'attachment; filename="links-Klas-3A-zon-maan.txt"'


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
        assert Client().get(url).status_code in (302, 404), url
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
        assert "This round is closed; no new codes can be made." in messages_of(response)
    assert not CodeBatch.objects.exists()


# 2. Letters and links --------------------------------------------------------------------------

BIDI_CONTROLS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def pdf_pages(pdf: bytes, tmp_path: Path) -> tuple[Path, dict[str, str], list[str]]:
    assert pdf.startswith(b"%PDF")
    path = tmp_path / "letters.pdf"
    path.write_bytes(pdf)
    info_text = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True, text=True).stdout
    info = dict(line.split(":", 1) for line in info_text.splitlines() if ":" in line)
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True)
    pages = [BIDI_CONTROLS.sub("", page) for page in text.stdout.split("\f")]
    return path, {key.strip(): value.strip() for key, value in info.items()}, [page for page in pages if page.strip()]


def dark_pixels(image: Image.Image, box: tuple[int, int, int, int], below: int = 128) -> int:
    return sum(image.crop(box).histogram()[:below])  # a greyscale image: one bucket per shade


def assert_qr_code_drawn(path: Path, tmp_path: Path, page: int) -> None:
    """Render the page at 40 dpi: below the rule across the page, the QR code fills the left corner."""
    prefix = tmp_path / f"page{page}"
    subprocess.run(
        ["pdftoppm", "-r", "40", "-png", "-f", str(page), "-l", str(page), str(path), str(prefix)], check=True
    )
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
    response = alice_client.get(batch_url("letters", world, batch))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="letters-3A.pdf"'
    assert response["Cache-Control"] == "no-store"
    path, info, pages = pdf_pages(response.content, tmp_path)
    assert info["Pages"] == "3"
    assert info["Page size"].startswith("595.") and "(A4)" in info["Page size"]
    with translation.override("nl"):
        dutch = [pgettext("letter", "Dear parent,"), pgettext("letter", "How?")]
    with translation.override("ar"):
        arabic_sentence = pgettext("letter", "Your answers are anonymous: the school cannot see who answered what.")
        arabic_greeting = pgettext("letter", "Dear parent,")
    arabic_word = arabic_sentence.split()[0]
    assert re.fullmatch("[\u0600-\u06ff]+", arabic_word), arabic_word  # the catalogue really holds Arabic
    address = short_address()
    for code, page in zip(codes, pages, strict=True):
        assert "De Regenboog" in page
        assert "Nederlands" in page and all(text in page for text in dutch)
        assert "Vertaling – العربية" in page  # the translation is marked as one, in Dutch
        assert arabic_word in page and arabic_greeting.rstrip("،,") in page
        assert format_code(code) in page and re.search(r"\b[A-Z0-9]{5}-[A-Z0-9]{5}\b", page)
        assert code_link(code) in page
        # The short address in the Dutch text and in the Arabic text, read left to right in both.
        assert len(re.findall(re.escape(address) + r"(?!c/)", page)) == 2, page
        assert "/q/127.0.0.1" not in page
    assert_qr_code_drawn(path, tmp_path, 1)


def test_a_letter_without_a_home_language_is_dutch_only(world: World, alice_client: Client, tmp_path: Path) -> None:
    batch, codes = make_batch(alice_client, world, audience="pupil_10_12", group_label="5B", size="2")
    _path, info, pages = pdf_pages(alice_client.get(batch_url("letters", world, batch)).content, tmp_path)
    assert info["Pages"] == "2"
    with translation.override("nl"):
        greeting = pgettext("letter", "Hello,")
    for code, page in zip(codes, pages, strict=True):
        assert "Vertaling" not in page
        assert greeting in page and format_code(code) in page and code_link(code) in page
        assert not re.search("[\u0600-\u06ff]", page)


def test_letters_in_an_ethiopic_script(world: World, alice_client: Client, tmp_path: Path) -> None:
    batch, codes = make_batch(alice_client, world, home_language="ti", size="1")
    path, info, (page,) = pdf_pages(alice_client.get(batch_url("letters", world, batch)).content, tmp_path)
    with translation.override("ti"):
        greeting = pgettext("letter", "Dear parent,")
    assert info["Pages"] == "1"
    assert "Vertaling – ትግርኛ" in page and greeting.rstrip("፣,") in page and format_code(codes[0]) in page
    fonts = subprocess.run(["pdffonts", str(path)], check=True, capture_output=True, text=True).stdout
    assert "Ethiopic" in fonts  # not boxes: a font that has the script is embedded


def test_the_links_list_has_one_link_per_code_that_opens_the_code_page(world: World, alice_client: Client) -> None:
    batch, codes = make_batch(alice_client, world, size="4")
    response = alice_client.get(batch_url("links", world, batch))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="links-3A.txt"'
    assert response["Cache-Control"] == "no-store"
    links = response.content.decode().splitlines()
    assert links == [code_link(code) for code in codes]
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
    assert client.get(batch_url("forget", world, batch)).status_code == 405
    response = client.post(batch_url("forget", world, batch), follow=True)
    assert response.redirect_chain[-1][0] == invitations_url(world)
    assert "The codes are forgotten. The letters you printed still work." in messages_of(response)
    assert str(batch.id) not in client.session[ISSUED_SESSION_KEY]
    assert response.context["batches"] == [(batch, False, ""), (kept, True, "")]
    assert "codes no longer shown" in response.content.decode()
    for name in ("letters", "links"):
        gone = client.get(batch_url(name, world, batch), follow=True)
        assert gone.redirect_chain[-1][0] == invitations_url(world)
        assert gone.headers["Content-Type"].startswith("text/html")
        assert "The codes of this batch are no longer available. Make a new batch." in messages_of(gone)
        assert client.get(batch_url(name, world, kept)).status_code == 200
    assert RespondentCode.objects.filter(batch=batch).count() == 3  # printed letters still work


def test_codes_live_only_in_the_session_that_made_them(world: World, alice_client: Client) -> None:
    batch, codes = make_batch(alice_client, world)
    other_session = in_english(world.client_for(world.alice))
    for name in ("letters", "links"):
        response = other_session.get(batch_url(name, world, batch), follow=True)
        assert response.redirect_chain[-1][0] == invitations_url(world)
        assert "The codes of this batch are no longer available. Make a new batch." in messages_of(response)
        assert not any(code in response.content.decode() for code in codes)
    assert other_session.get(invitations_url(world)).context["batches"] == [(batch, False, "")]
    assert not any(code in str(value) for code in codes for value in CodeBatch.objects.values_list())


# 3. Translations -------------------------------------------------------------------------------


def parent_item(position: int = 0) -> Item:
    return list(questionnaire_items().filter(audience=Audience.PARENT).order_by("dimension__position", "position"))[
        position
    ]


@pytest.mark.parametrize(
    ("language", "audience", "status", "label"),
    [
        ("fr", "parent", "draft", "draft"),
        ("en", "pupil_12_18", "reviewed", "reviewed"),
        ("so", "pupil_10_12", "missing", "missing: Dutch is shown"),
    ],
)
def test_the_coordinator_sees_each_translations_status(
    world: World, alice_client: Client, language: str, audience: str, status: str, label: str
) -> None:
    response = in_english(alice_client).get(translations_url(world, language, audience))
    assert response.status_code == 200
    rows = response.context["rows"]
    items = questionnaire_items().filter(audience=audience)
    assert {row.item_id for row in rows} == set(items.values_list("id", flat=True))
    assert {row.status for row in rows} == {status}
    assert all(row.dutch and row.audience == audience for row in rows)
    if status == "missing":
        assert all(row.text == "" for row in rows)
    else:
        texts = dict(ItemText.objects.filter(item__in=items, language=language).values_list("item_id", "text"))
        assert all(row.text == texts[row.item_id] for row in rows)
    html = response.content.decode()
    assert html.count(f"<td>{label}</td>") == len(rows)


def test_unknown_language_or_audience_falls_back_to_french_parents(world: World, alice_client: Client) -> None:
    response = alice_client.get(translations_url(world, "nl", "team"))
    assert response.status_code == 200
    assert (response.context["language"], response.context["audience"]) == ("fr", "parent")


def test_a_correction_is_shown_to_that_schools_respondents_only(world: World, alice_client: Client) -> None:
    item = parent_item()
    original = ItemText.objects.get(item=item, language="fr").text
    client = in_english(alice_client)
    response = client.post(translations_url(world), {"item": str(item.id), "text": "  Savez-vous comment ?  "})
    assert response.status_code == 302
    assert response["Location"].endswith(f"?language=fr&audience=parent#item-{item.id}")
    page = client.get(response["Location"])
    row = next(row for row in page.context["rows"] if row.item_id == item.id)
    assert (row.text, row.status) == ("Savez-vous comment ?", "school")
    assert "corrected by your school" in page.content.decode()
    assert [str(message) for message in page.context["messages"]] == [
        "The corrected translation is saved. Your school's respondents see it now."
    ]

    def shown_to(round_: Round, school_id: object) -> tuple[str, bool]:
        mine = next(
            shown for shown in respondent_items(round_.id, "parent", "fr", school_id) if shown.item.id == item.id
        )
        return mine.text, mine.is_fallback

    assert shown_to(world.round, world.school.id) == ("Savez-vous comment ?", False)
    assert shown_to(world.other_round, world.other_school.id) == (original, False)
    other = world.client_for(world.charlie).get(
        reverse("surveys:translations", args=[world.other_school.id]) + "?language=fr"
    )
    assert next(row for row in other.context["rows"] if row.item_id == item.id).status == "draft"
    # In another language the school's respondents still see the framework's text.
    english = next(
        shown for shown in respondent_items(world.round.id, "parent", "en", world.school.id) if shown.item.id == item.id
    )
    assert english.text == ItemText.objects.get(item=item, language="en").text


def test_correcting_again_replaces_the_correction(world: World, alice_client: Client) -> None:
    item = parent_item(3)
    for text in ("Eerste", "Tweede"):
        assert alice_client.post(translations_url(world), {"item": str(item.id), "text": text}).status_code == 302
    assert list(TranslationCorrection.objects.values_list("school", "item", "language", "text")) == [
        (world.school.id, item.id, "fr", "Tweede")
    ]


def test_a_missing_translation_can_be_filled_in_by_the_school(world: World, alice_client: Client) -> None:
    item = questionnaire_items().filter(audience=Audience.PUPIL_10_12).first()
    assert item is not None
    url = translations_url(world, "so", "pupil_10_12")
    before = respondent_items(world.round.id, "pupil_10_12", "so", world.school.id)
    assert all(shown.is_fallback for shown in before)
    assert alice_client.post(url, {"item": str(item.id), "text": "Su'aal cusub"}).status_code == 302
    row = next(row for row in alice_client.get(url).context["rows"] if row.item_id == item.id)
    assert (row.text, row.status) == ("Su'aal cusub", "school")
    after = {shown.item.id: shown for shown in respondent_items(world.round.id, "pupil_10_12", "so", world.school.id)}
    assert after[item.id].text == "Su'aal cusub" and not after[item.id].is_fallback
    other = respondent_items(world.other_round.id, "pupil_10_12", "so", world.other_school.id)
    assert all(shown.is_fallback for shown in other)


@pytest.mark.parametrize("text", ["", "   ", "\n\t"])
def test_an_empty_correction_is_refused(world: World, alice_client: Client, text: str) -> None:
    item = parent_item(1)
    response = in_english(alice_client).post(translations_url(world), {"item": str(item.id), "text": text})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Write the corrected translation." in html
    row_html = section(html, f'id="item-{item.id}"', "</tr>")
    assert "Write the corrected translation." in row_html  # the message stands beside the question
    assert not TranslationCorrection.objects.exists()


def test_a_too_long_correction_is_refused(world: World, alice_client: Client) -> None:
    response = alice_client.post(translations_url(world), {"item": str(parent_item().id), "text": "x" * 401})
    assert response.status_code == 400
    assert not TranslationCorrection.objects.exists()


@pytest.mark.parametrize("item", ["", "not-a-uuid", "team", "00000000-0000-0000-0000-000000000000"])
def test_a_correction_needs_a_questionnaire_item(world: World, alice_client: Client, item: str) -> None:
    if item == "team":
        item = str(Item.objects.filter(audience=Audience.TEAM).values_list("id", flat=True).first())
    response = in_english(alice_client).post(translations_url(world), {"item": item, "text": "Texte"})
    assert response.status_code == 400
    assert "Choose a question from the list." in messages_of(response)
    assert not TranslationCorrection.objects.exists()


def test_translations_team_member_403_outsider_404(world: World, bob_client: Client, charlie_client: Client) -> None:
    item = str(parent_item().id)
    for client, status in ((bob_client, 403), (charlie_client, 404)):
        assert client.get(translations_url(world)).status_code == status
        assert client.post(translations_url(world), {"item": item, "text": "Piraat"}).status_code == status
    assert not TranslationCorrection.objects.exists()


# 4. Three perspectives on the profile page ---------------------------------------------------


def rows_of(response: object) -> list:  # type: ignore[type-arg]
    return [row for side in response.context["sides"] for row in side.rows]  # type: ignore[attr-defined]


def test_team_parents_and_pupils_side_by_side(world: World, alice_client: Client) -> None:
    team_answers(world.round, world.alice, constant(4))
    team_answers(world.round, world.bob, constant(5))
    hand_in_surveys(world.round, Audience.PARENT, 5, constant(2))
    hand_in_surveys(world.round, Audience.PUPIL_10_12, 3, constant(1), group="5A")
    hand_in_surveys(world.round, Audience.PUPIL_12_18, 2, constant(1), group="1B")
    response = in_english(alice_client).get(profile_url(world))
    assert response.status_code == 200
    rows = rows_of(response)
    assert len(rows) == 14
    assert all(row.mean == pytest.approx(4.5) for row in rows)
    assert all(row.parents == Figure(2.0, 5) for row in rows)  # parents answer on every dimension and side
    pupils = [row.pupils for row in rows]
    assert all(
        figure in (Figure(1.0, 5), Figure(1.0, 3, True), Figure(1.0, 2, True)) or figure.mean is None
        for figure in pupils
    )
    assert pupils.count(Figure(1.0, 5)) >= 7
    html = response.content.decode()
    sides = "".join(part.split("</section>", 1)[0] for part in html.split('<section class="profile-side"')[1:])
    header = section(sides, "<thead>", "</thead>")
    assert '<th scope="col">Parents</th>' in header and '<th scope="col">Pupils</th>' in header
    assert sides.count('2.0 <span class="muted">(n=5)</span>') == 14
    assert sides.count('1.0 <span class="muted">(n=5)</span>') == pupils.count(Figure(1.0, 5))
    for series in ("series-team", "series-parents", "series-pupils"):
        assert html.count(f'<g class="{series}">') == 2, series  # one radar per side, three series each
        assert html.count(f'legend-item {series}"') == 2
    assert "5 parents and 5 pupils handed in their answers" in html


def test_four_parents_are_never_shown_anywhere(world: World, alice_client: Client) -> None:
    """With four parents, the page is the same whatever they answered: not in the table, chart, mirror or breakdowns."""
    team_answers(world.round, world.alice, constant(4))
    hand_in_surveys(world.round, Audience.PUPIL_10_12, 5, constant(3), group="5A")
    parents = hand_in_surveys(world.round, Audience.PARENT, 4, constant(1), home_language="ar", open_answer="Geheim")
    client = in_english(alice_client)
    response = client.get(profile_url(world))
    rows = rows_of(response)
    assert all(row.parents == Figure(None, 4, suppressed=True) for row in rows)
    html = response.content.decode()
    assert html.count("hidden: fewer than 5 answers") >= 14
    assert "series-parents" not in html and "series-pupils" in html
    assert "Geheim" not in html
    assert response.context["voices"].gaps == []
    first = without_csrf(html)
    SurveyAnswer.objects.filter(response__in=parents).update(value=5)
    rebuild_tallies(world.round)
    assert without_csrf(client.get(profile_url(world)).content.decode()) == first


def test_a_fifth_parent_who_only_said_dont_know_does_not_reveal_the_other_four(
    world: World, alice_client: Client
) -> None:
    team_answers(world.round, world.alice)
    hand_in_surveys(world.round, Audience.PARENT, 4, constant(1))
    hand_in_surveys(world.round, Audience.PARENT, 1, constant(None))
    response = in_english(alice_client).get(profile_url(world))
    assert all(row.parents.mean is None and row.parents.suppressed for row in rows_of(response))
    html = response.content.decode()
    assert "series-parents" not in html
    assert "5 parents and 0 pupils handed in their answers" in html
    (group,) = response.context["voices"].parents_by_group
    assert all(figure.mean is None and figure.suppressed for figure in group.figures)


def test_parents_figures_show_before_the_team_has_answered(world: World, alice_client: Client) -> None:
    hand_in_surveys(world.round, Audience.PARENT, 6, constant(2))
    response = alice_client.get(profile_url(world))
    assert response.context["profile"].is_empty
    assert all(row.parents == Figure(2.0, 6) for row in rows_of(response))
    html = response.content.decode()
    assert html.count('<g class="series-parents">') == 2 and "series-team" not in html


# 5. The mirror: the team's estimate beside the parents' own answer -----------------------------


def test_the_mirror_puts_the_largest_gaps_first_and_leaves_out_small_constructs(
    world: World, alice_client: Client
) -> None:
    parent_items = list(counted_items(world.round, Audience.PARENT))
    blind, happier, few = (item.construct for item in parent_items[:3])
    team_by_construct = {few: 5}

    def team_value(item: Item) -> Value:
        return team_by_construct.get(item.construct, 3)

    team_answers(world.round, world.alice, team_value)
    team_answers(world.round, world.bob, team_value)
    # Six parents: the same as the team everywhere, except a blind spot (1 vs 3) and a happier construct (4.5).
    for index in range(6):

        def parent_value(item: Item, index: int = index) -> Value:
            if item.construct == blind:
                return 1
            if item.construct == happier:
                return 5 if index < 3 else 4
            if item.construct == few:
                return 1 if index < 4 else None  # four parents: the largest gap, but never shown
            return 3

        hand_in_surveys(world.round, Audience.PARENT, 1, parent_value)
    response = in_english(alice_client).get(profile_url(world))
    gaps = response.context["voices"].gaps
    constructs = [labelled.gap.construct for labelled in gaps]
    assert constructs[:2] == [blind, happier]
    assert few not in constructs
    assert gaps[0].gap.difference == pytest.approx(2.0) and gaps[0].gap.parent_respondents == 6
    assert gaps[1].gap.difference == pytest.approx(-1.5)
    assert all(labelled.gap.difference == 0 for labelled in gaps[2:])
    assert len(gaps) == 10  # the ten largest
    html = response.content.decode()
    questions = [escape(labelled.question) for labelled in gaps]
    assert all(question and "." not in question.split()[0] for question in questions)  # the team's question, not a key
    mirror = section(html, "Blind spots", "</table>")
    assert mirror.index(questions[0]) < mirror.index(questions[1]) < mirror.index(questions[2])
    assert "<td>2.0</td>" in mirror and "<td>-1.5</td>" in mirror and "(n=6)" in mirror


def test_the_mirror_needs_five_parents(world: World, alice_client: Client) -> None:
    team_answers(world.round, world.alice)
    hand_in_surveys(world.round, Audience.PARENT, 4, constant(1))
    response = in_english(alice_client).get(profile_url(world))
    assert response.context["voices"].gaps == []
    assert "No comparison yet: it needs answers of at least 5 parents." in response.content.decode()
    hand_in_surveys(world.round, Audience.PARENT, 1, constant(1))
    assert len(in_english(alice_client).get(profile_url(world)).context["voices"].gaps) == 10


def test_a_team_item_the_school_hid_leaves_the_mirror(world: World, alice_client: Client) -> None:
    construct = counted_items(world.round, Audience.PARENT).first().construct  # type: ignore[union-attr]
    team_answers(world.round, world.alice, lambda item: 5 if item.construct == construct else 3)
    hand_in_surveys(world.round, Audience.PARENT, 5, constant(3))
    gaps = alice_client.get(profile_url(world)).context["voices"].gaps
    assert gaps[0].gap.construct == construct
    for item in Item.objects.filter(audience=Audience.TEAM, construct=construct):
        set_hidden(world.school, item, True, world.alice)
    gaps = alice_client.get(profile_url(world)).context["voices"].gaps
    assert construct not in [labelled.gap.construct for labelled in gaps]


# 6. Response rates, breakdowns and open answers ------------------------------------------------


def test_response_rates_breakdowns_and_open_answers_follow_the_rule_of_five(world: World, alice_client: Client) -> None:
    issue_codes(world.round, "parent", "class", "3A", "ar", 10, world.alice)
    issue_codes(world.round, "parent", "class", "3A", "tr", 4, world.alice)
    issue_codes(world.round, "parent", "class", "3B", "", 8, world.alice)
    issue_codes(world.round, "pupil_10_12", "class", "5A", "", 12, world.alice)
    issue_codes(world.other_round, "parent", "class", "3A", "", 99, world.charlie)  # another school's round
    team_answers(world.round, world.alice)
    hand_in_surveys(world.round, "parent", 4, constant(2), "3A", "ar", open_answer="Meer avondmomenten")
    hand_in_surveys(world.round, "parent", 1, constant(2), "3A", "ar", open_answer="  ")
    hand_in_surveys(world.round, "parent", 1, constant(4), "3A", "tr", open_answer="Ik werk in ploegen")
    hand_in_surveys(world.round, "parent", 1, constant(1), "3A", "tr", status=ResponseStatus.DRAFT)
    hand_in_surveys(world.round, "parent", 3, constant(5), "3B", "", open_answer="Geheim uit 3B")
    hand_in_surveys(world.round, "pupil_10_12", 5, constant(3), "5A", "", open_answer="Fijne juf")
    hand_in_surveys(world.other_round, "parent", 6, constant(1), "3A", "", open_answer="Van het Anker")

    response = in_english(alice_client).get(profile_url(world))
    voices = response.context["voices"]
    assert [(r.audience, r.group, r.invited, r.answered, r.percent) for r in voices.rates] == [
        ("parent", "3A", 14, 6, 43),
        ("parent", "3B", 8, 3, 38),
        ("pupil_10_12", "5A", 12, 5, 42),
    ]
    assert (voices.parents, voices.pupils) == (9, 5)

    by_group = {row.group: row for row in voices.parents_by_group}
    assert not by_group["3A"].suppressed and by_group["3A"].respondents == 6
    assert by_group["3A"].figures[0] == Figure(pytest.approx(14 / 6), 6)  # type: ignore[arg-type]
    assert by_group["3B"].suppressed and all(figure.mean is None for figure in by_group["3B"].figures)
    by_language = {row.group: row for row in voices.parents_by_language}
    assert set(by_language) == {"", "العربية", "Türkçe"}
    assert not by_language["العربية"].suppressed and by_language["العربية"].figures[0] == Figure(2.0, 5)
    assert by_language["Türkçe"].suppressed and by_language[""].suppressed
    (pupils_row,) = voices.pupils_by_group
    assert pupils_row.group == "5A" and not pupils_row.suppressed
    assert voices.open_answers == ["Fijne juf"] * 5 + ["Ik werk in ploegen"] + ["Meer avondmomenten"] * 4

    html = response.content.decode()
    voices_html = section(html, 'id="voices-heading"', 'id="discussion-heading"')
    rates = section(voices_html, "Response per group", "</table>")
    assert "<td>3A</td><td>14</td><td>6</td><td>43%</td>" in rates
    assert "<td>3B</td><td>8</td><td>3</td><td>38%</td>" in rates
    assert "99" not in rates
    by_group_html = section(voices_html, "<h3>Parents by group</h3>", "</table>")
    row_3b = section(by_group_html, '<th scope="row">3B</th>', "</tr>")
    assert "hidden: fewer than 5 people answered in this group" in row_3b and "5.0" not in row_3b
    by_language_html = section(voices_html, "<h3>Parents by home language</h3>", "</table>")
    assert '<th scope="row">العربية</th>' in by_language_html
    assert by_language_html.count("hidden: fewer than 5 people answered in this group") == 2
    open_html = section(voices_html, "<h3>Open answers</h3>", "</ul>")
    items = re.findall(r"<li>(.*?)</li>", open_html, flags=re.S)
    assert items == voices.open_answers  # the text alone: no group, date or language beside it
    for secret in ("Geheim uit 3B", "Van het Anker"):
        assert secret not in html


def test_open_answers_need_a_group_of_five(world: World, alice_client: Client) -> None:
    hand_in_surveys(world.round, "parent", 4, open_answer="Te klein")
    response = in_english(alice_client).get(profile_url(world))
    assert response.context["voices"].open_answers == []
    assert "No open answers to show. They are shown only for groups of at least 5 people." in response.content.decode()
    assert "Te klein" not in response.content.decode()


def test_the_voices_section_invites_when_nobody_was_asked(world: World, alice_client: Client) -> None:
    response = alice_client.get(profile_url(world))
    assert response.context["voices"].is_empty
    assert invitations_url(world) in response.content.decode()


# The whole way: codes, answers on a phone, the profile ----------------------------------------


def test_handed_in_questionnaires_reach_the_profile(world: World, alice_client: Client) -> None:
    team_answers(world.round, world.alice)
    issued = issue_codes(world.round, "parent", "class", "3A", "ar", 6, world.alice)
    items = respondent_items(world.round.id, "parent", "ar", world.school.id)
    for index, code in enumerate(issued.codes):
        result = open_with_code(code)
        assert result.outcome == Opening.OPENED and result.response is not None
        save_answers(result.response, 1, {shown.item.id: 2 for shown in items}, "ar")
        if index < 5:
            assert hand_in(result.response, "")
    response = alice_client.get(profile_url(world))
    assert all(row.parents == Figure(2.0, 5) for row in rows_of(response))  # the unfinished one does not count
    assert [(r.group, r.invited, r.answered) for r in response.context["voices"].rates] == [("3A", 6, 5)]


# 7. Query counts -------------------------------------------------------------------------------


def test_profile_query_count_does_not_grow_with_parents_and_pupils(world: World, alice_client: Client) -> None:
    team_answers(world.round, world.alice)
    issue_codes(world.round, "parent", "class", "3A", "ar", 5, world.alice)
    hand_in_surveys(world.round, "parent", 5, constant(2), "3A", "ar", open_answer="een")
    hand_in_surveys(world.round, "pupil_12_18", 5, constant(4), "1B", open_answer="twee")
    few = count_queries(alice_client, profile_url(world))
    for group in ("3B", "3C", "4A"):
        issue_codes(world.round, "parent", "class", group, "tr", 12, world.alice)
        hand_in_surveys(world.round, "parent", 12, constant(3), group, "tr", open_answer=f"meer {group}")
        hand_in_surveys(world.round, "pupil_10_12", 12, constant(3), group, open_answer=f"nog {group}")
    hand_in_surveys(world.round, "pupil_12_18", 11, constant(5), "1C")
    team_answers(world.round, world.bob)
    assert SurveyResponse.objects.filter(audience="parent").count() == 41
    assert count_queries(alice_client, profile_url(world)) == few


def test_invitations_query_count_does_not_grow_with_batches(world: World, alice_client: Client) -> None:
    make_batch(alice_client, world)
    few = count_queries(alice_client, invitations_url(world))
    for index in range(6):
        make_batch(alice_client, world, group_label=f"{index}B", home_language="fr", size="4")
    opened = RespondentCode.objects.filter(batch__group_label="2B")[:2]
    RespondentCode.objects.filter(id__in=[code.id for code in opened]).update(status="started")
    page = alice_client.get(invitations_url(world))
    assert [batch.started for batch, _available, _name in page.context["batches"]] == [0, 0, 0, 2, 0, 0, 0]
    assert count_queries(alice_client, invitations_url(world)) == few


def test_translations_query_count_does_not_grow_with_corrections(world: World, alice_client: Client) -> None:
    few = count_queries(alice_client, translations_url(world))
    for position in range(10):
        alice_client.post(translations_url(world), {"item": str(parent_item(position).id), "text": f"Texte {position}"})
    assert TranslationCorrection.objects.count() == 10
    assert count_queries(alice_client, translations_url(world)) == few
