"""The respondent's side: parents and pupils answering with a code.

Codes (entropy, uniqueness, HMAC only, typing leniency, single use and resume), messages in the
respondent's own language, throttling of guessed codes, double submits, saving page by page,
language choice and the Dutch master beside it, read-aloud, page weight and anonymity.
"""

import html
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.db import connection, models
from django.http import HttpResponse
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import pgettext

from analysis.rounds import close_round
from framework.models import MASTER_LANGUAGE, Item, ItemText, ScaleText
from surveys.batches import MAX_BATCH_SIZE, IssuedBatch, issue_codes
from surveys.codes import ALPHABET, CODE_LENGTH, code_digest, format_code, new_code, normalize_code
from surveys.models import (
    CodeBatch,
    RespondentCode,
    ResponseStatus,
    SurveyAnswer,
    SurveyResponse,
    ThrottleBucket,
    TranslationCorrection,
)
from surveys.read_aloud import has_voice
from surveys.throttle import WINDOW, is_blocked, record_failure
from tests.conftest import World

BASE_DIR = Path(settings.BASE_DIR)
LANGUAGE_CODES = [code for code, _name in settings.RESPONDENT_LANGUAGES]
RTL = {"ar", "fa"}
MAX_PAGE_WEIGHT = 60 * 1024
ITEM_FIELD = re.compile(r'name="(item-[0-9a-f-]{36})"')


# ---------------------------------------------------------------- helpers


@pytest.fixture(scope="session", autouse=True)
def compiled_messages() -> None:
    """The translated messages are asserted below, so the catalogues must be compiled and current."""
    stale = [
        po
        for po in (BASE_DIR / "locale").glob("*/LC_MESSAGES/django.po")
        if not po.with_suffix(".mo").exists() or po.with_suffix(".mo").stat().st_mtime < po.stat().st_mtime
    ]
    if stale:
        subprocess.run(
            [sys.executable, "manage.py", "compilemessages", "--ignore=.venv", "-v", "0"],
            cwd=BASE_DIR,
            check=True,
            timeout=120,
        )
        translation.trans_real._translations.clear()  # type: ignore[attr-defined]
        translation.trans_real._default = None  # type: ignore[attr-defined]


@pytest.fixture(autouse=True)
def fast_password_hashing(settings: Any) -> None:
    """The people of `world` never log in with their password here: skip argon2's deliberate slowness."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def said(language: str, message: str) -> str:
    """A respondent message in `language`, as the catalogue has it."""
    with translation.override(language):
        return pgettext("respondent", message)


def text_of(page: HttpResponse) -> str:
    """The page's text with the character references resolved (a message may be escaped or not)."""
    return html.unescape(page.content.decode())


@dataclass
class Node:
    tag: str
    attrs: dict[str, str]
    children: list["Node | str"] = field(default_factory=list)

    def text(self) -> str:
        return "".join(child if isinstance(child, str) else child.text() for child in self.children)

    def iter(self, tag: str | None = None) -> Iterator["Node"]:
        for child in self.children:
            if isinstance(child, Node):
                if tag is None or child.tag == tag:
                    yield child
                yield from child.iter(tag)

    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())


VOID = {"meta", "link", "input", "br", "img", "hr", "source", "use", "rect", "circle", "path"}


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {})
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, {name: value or "" for name, value in attrs})
        self.stack[-1].children.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack[-1].children.append(Node(tag, {name: value or "" for name, value in attrs}))

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def parse(markup: str | bytes) -> Node:
    builder = _TreeBuilder()
    builder.feed(markup.decode() if isinstance(markup, bytes) else markup)
    builder.close()
    return builder.root


def html_element(page: HttpResponse) -> Node:
    return next(parse(page.content).iter("html"))


def issue(world: World, home_language: str = "", size: int = 1, audience: str = "parent") -> IssuedBatch:
    return issue_codes(world.round, audience, "class", "3A", home_language, size, world.alice)


def enter_code(client: Client, code: str, address: str = "10.1.1.1", **extra: str) -> HttpResponse:
    return client.post(reverse("surveys:code"), {"code": code, **extra}, REMOTE_ADDR=address)


def start(client: Client, code: str, language: str = "nl") -> SurveyResponse:
    """Open the questionnaire with `code` and choose `language`; the client stands on page 1."""
    opened = enter_code(client, format_code(code))
    assert opened.status_code == 302, opened.content.decode()[:500]
    assert "/language/" in opened["Location"]
    chosen = client.post(opened["Location"].split("?")[0], {"lang": language})
    assert chosen.status_code == 302
    response = SurveyResponse.objects.get(resume_digest__isnull=False, status=ResponseStatus.DRAFT, language=language)
    assert chosen["Location"] == page_url(response, 1) + f"?lang={language}"
    return response


def page_url(response: SurveyResponse, page: int) -> str:
    return reverse("surveys:page", args=[response.id, page])


def item_names(page: HttpResponse) -> list[str]:
    return list(dict.fromkeys(ITEM_FIELD.findall(page.content.decode())))


def answer_page(client: Client, response: SurveyResponse, page: int, value: str = "4", **extra: str) -> HttpResponse:
    shown = client.get(page_url(response, page), {"lang": response.language})
    assert shown.status_code == 200
    names = item_names(shown)
    assert names
    posted = client.post(page_url(response, page), dict.fromkeys(names, value) | {"action": "next", **extra})
    assert posted.status_code == 302, posted.content.decode()[:500]
    return posted


def page_total(response: SurveyResponse) -> int:
    from surveys.respondent_views import page_count

    return page_count(response)


def answer_everything(client: Client, response: SurveyResponse, value: str = "3") -> None:
    for page in range(1, page_total(response) + 1):
        answer_page(client, response, page, value)


def hand_in(client: Client, response: SurveyResponse, open_answer: str = "") -> HttpResponse:
    return client.post(reverse("surveys:end", args=[response.id]), {"open_answer": open_answer, "action": "hand_in"})


def checked_values(page: HttpResponse) -> dict[str, str]:
    return {
        node.attrs["name"]: node.attrs["value"]
        for node in parse(page.content).iter("input")
        if node.attrs.get("type") == "radio" and "checked" in node.attrs
    }


def answers_of(response: SurveyResponse) -> dict[str, int | None]:
    return {str(a.item_id): a.value for a in SurveyAnswer.objects.filter(response=response)}


# ---------------------------------------------------------------- codes


def test_codes_carry_at_least_40_bits_and_use_only_unambiguous_characters() -> None:
    assert len(set(ALPHABET)) == len(ALPHABET)
    assert len(ALPHABET) ** CODE_LENGTH >= 2**40
    assert not set(ALPHABET) & set("01OILU")  # letters people confuse when copying from paper
    codes = [new_code() for _ in range(3000)]
    assert all(len(code) == CODE_LENGTH and set(code) <= set(ALPHABET) for code in codes)
    assert len(set(codes)) == len(codes)
    used = "".join(codes)
    assert set(used) == set(ALPHABET)  # every character of the alphabet is drawn, not a subset
    for char in ALPHABET:  # 30 000 draws, 1000 expected per character: far inside 700..1300
        assert 700 < used.count(char) < 1300, char


def test_a_full_batch_holds_unique_codes_stored_as_unique_digests(world: World) -> None:
    issued = issue(world, size=MAX_BATCH_SIZE)
    assert len(issued.codes) == MAX_BATCH_SIZE == len(set(issued.codes))
    digests = set(RespondentCode.objects.filter(batch=issued.batch).values_list("digest", flat=True))
    assert digests == {code_digest(code) for code in issued.codes}
    with pytest.raises(ValueError, match="1 to"):
        issue(world, size=MAX_BATCH_SIZE + 1)


def test_no_plain_code_is_stored_anywhere_in_the_codes_tables(world: World) -> None:
    issued = issue(world, "ar", size=25)
    client = Client()
    start(client, issued.codes[0])  # a started code must not leave its plain form behind either
    forms_of_a_code = set()
    for code in issued.codes:
        forms_of_a_code |= {code, code.lower(), format_code(code), format_code(code).lower()}
    for model in (RespondentCode, CodeBatch, SurveyResponse, ThrottleBucket):
        table = model._meta.db_table
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT * FROM {table}")  # noqa: S608 - table names from the models
            columns = [column[0] for column in cursor.description]
            rows = cursor.fetchall()
        for row in rows:
            for column, value in zip(columns, row, strict=True):
                if isinstance(value, str):
                    assert not any(plain in value or plain in value.upper() for plain in forms_of_a_code), (
                        f"{table}.{column} holds a plain code"
                    )
    digests = list(RespondentCode.objects.values_list("digest", flat=True))
    assert all(re.fullmatch(r"[0-9a-f]{64}", digest) for digest in digests)
    # A keyed digest (HMAC): without the server's secret the digest of a known code cannot be made.
    import hashlib

    assert code_digest(issued.codes[0]) != hashlib.sha256(issued.codes[0].encode()).hexdigest()
    with override_settings(SECRET_KEY="another-secret-key-for-this-test-only-0123456789"):
        assert code_digest(issued.codes[0]) != digests[0]


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("abcde-fghjk", "ABCDEFGHJK"),
        ("ABCDE FGHJK", "ABCDEFGHJK"),
        (" abcdefghjk ", "ABCDEFGHJK"),
        ("ab-cd-ef-gh-jk", "ABCDEFGHJK"),
        ("AbCdE\tfGhJk", "ABCDEFGHJK"),
        ("ABCDE_FGHJK", "ABCDEFGHJK"),
        ("abcde.fghjk", "ABCDEFGHJK"),
        ("ＡＢＣＤＥ－ＦＧＨＪＫ", "ABCDEFGHJK"),  # full-width, from a Chinese or Japanese keyboard
        ("٢٣٤٥٦-abcde", "23456ABCDE"),  # Arabic digits
        ("۲۳۴۵۶ ۷۸۹ab", "23456789AB"),  # Persian digits
        ("АВСЕН-КМРТХ", "ABCEHKMPTX"),  # Cyrillic letters that look like the printed ones
    ],
)
def test_normalize_code_forgives_case_spaces_dashes_and_other_keyboards(typed: str, code: str) -> None:
    assert normalize_code(typed) == code


@pytest.mark.parametrize(
    "typed",
    [
        "",
        "-----",
        "ABCDEFGHJ",  # 9
        "ABCDEFGHJKM",  # 11
        "ABCDE-FGHJ0",  # 0 is not in the alphabet
        "ABCDE-FGHJO",
        "ABCDE-FGHJ1",
        "ABCDE-FGHJI",
        "ABCDE-FGHJL",
        "ABCDE-FGHJU",
        "ABCDE-FGHJ٠",  # an Arabic 0
        "ABCDE/FGHJK",
        "ABCDE-FGHJ\x00",
        "ABCDEFGHJÄ",
        "ABCDEFGHJЖ",
        "ABCDE-FGHJK-ABCDE-FGHJK",
    ],
)
def test_normalize_code_refuses_wrong_lengths_and_characters(typed: str) -> None:
    assert normalize_code(typed) is None


def test_the_code_link_fills_in_the_code(world: World) -> None:
    code = issue(world).codes[0]
    page = Client().get(reverse("surveys:code_link", args=[code.lower()]))
    assert page.status_code == 200
    field_ = next(node for node in parse(page.content).iter("input") if node.attrs.get("name") == "code")
    assert normalize_code(field_.attrs["value"]) == code
    assert SurveyResponse.objects.count() == 0  # showing the form opens nothing


def test_a_code_opens_once_resumes_while_busy_and_is_spent_after_handing_in(world: World) -> None:
    code = issue(world, "fr").codes[0]
    client = Client()
    response = start(client, code, "fr")
    total = page_total(response)
    assert total >= 3
    answer_page(client, response, 1)
    answer_page(client, response, 2)

    again = enter_code(Client(), code.lower().replace("", " ").strip())  # typed loosely, on another phone
    assert again.status_code == 302
    assert again["Location"] == page_url(response, 3) + "?lang=fr"  # the next unanswered page
    assert SurveyResponse.objects.count() == 1  # the same questionnaire, not a new one

    for page in range(3, total + 1):
        answer_page(client, response, page)
    resumed = enter_code(Client(), code)
    assert resumed.status_code == 302
    assert resumed["Location"] == reverse("surveys:end", args=[response.id]) + "?lang=fr"  # only the last step left

    assert hand_in(client, response).status_code == 302
    for typed in (code, format_code(code).lower()):
        used = enter_code(Client(), typed)
        assert used.status_code == 200
        assert used.context["reason"] == "used"
        assert said("fr", "This code has been used") in text_of(used)
    assert SurveyResponse.objects.count() == 1
    assert SurveyResponse.objects.get().status == ResponseStatus.SUBMITTED


def test_a_code_that_only_chose_a_language_resumes_at_the_start(world: World) -> None:
    code = issue(world).codes[0]
    client = Client()
    response = start(client, code, "tr")
    resumed = enter_code(Client(), code)
    assert resumed["Location"] in {
        reverse("surveys:language", args=[response.id]) + "?lang=tr",
        page_url(response, 1) + "?lang=tr",
    }


# ---------------------------------------------------------------- messages in the respondent's language


MESSAGES = {
    "used": "This code has been used",
    "closed": "The questionnaire is closed",
    "unknown": "We do not know this code. Check the code on your letter and try again.",
}
# (home language of the batch, language chosen with ?lang=, language the message must be in)
MESSAGE_CASES = [
    ("ar", None, "ar"),
    ("so", None, "so"),
    ("ti", None, "ti"),
    ("fa", None, "fa"),
    ("fr", None, "fr"),
    ("ar", "uk", "uk"),
    ("", "fa", "fa"),
    ("", None, "nl"),
]


@pytest.mark.parametrize("reason", ["used", "closed", "unknown"])
def test_code_messages_speak_the_respondents_language(world: World, reason: str) -> None:
    codes = []
    for home_language, _lang_param, _expected in MESSAGE_CASES:
        code = issue(world, home_language).codes[0]
        if reason == "used":
            client = Client()
            response = start(client, code, home_language or "nl")
            assert hand_in(client, response).status_code == 302
        elif reason == "unknown":
            code = code[::-1] if code[::-1] != code else "ZZZZZZZZZZ"  # a well-formed code nobody has
        codes.append(code)
    if reason == "closed":
        close_round(world.round)
    for code, (home_language, lang_param, expected) in zip(codes, MESSAGE_CASES, strict=True):
        if reason == "unknown" and lang_param is None:
            expected = "nl"  # an unknown code belongs to no batch: only a chosen language is known
        page = enter_code(
            Client(), format_code(code), f"10.3.0.{len(home_language)}", **({"lang": lang_param} if lang_param else {})
        )
        assert page.status_code == 200
        shown = text_of(page)
        text = said(expected, MESSAGES[reason])
        assert text in shown, f"{reason} in {expected}: {text!r} missing"
        if expected != "nl":
            assert text != said("nl", MESSAGES[reason])
            assert said("nl", MESSAGES[reason]) not in shown  # not (also) the Dutch one
        root = html_element(page)
        assert root.attrs["lang"] == expected
        assert root.attrs["dir"] == ("rtl" if expected in RTL else "ltr")
        assert page["Content-Language"] == expected
        assert page["Cache-Control"] == "no-store"


def test_an_unknown_code_after_choosing_arabic_on_the_code_page(world: World) -> None:
    """The language chosen with ?lang= on the first page travels with the form."""
    client = Client()
    first = client.get(reverse("surveys:code"), {"lang": "ar"})
    hidden = {n.attrs["name"]: n.attrs.get("value", "") for n in parse(first.content).iter("input")}
    assert hidden.get("lang") == "ar"
    wrong = enter_code(client, "ZZZZZ-ZZZZZ", lang=hidden["lang"])
    assert wrong.status_code == 200
    assert said("ar", MESSAGES["unknown"]) in text_of(wrong)
    assert html_element(wrong).attrs["dir"] == "rtl"


def test_a_closed_round_stops_a_questionnaire_in_progress(world: World) -> None:
    code = issue(world, "ar").codes[0]
    client = Client()
    response = start(client, code, "ar")
    answer_page(client, response, 1)
    before = answers_of(response)
    close_round(world.round)

    for url in (page_url(response, 2), reverse("surveys:end", args=[response.id])):
        shown = client.get(url, {"lang": "ar"})
        assert said("ar", "The questionnaire is closed") in text_of(shown)
    names = [f"item-{item_id}" for item_id in before]
    client.post(page_url(response, 1), dict.fromkeys(names, "1") | {"lang": "ar", "action": "next"})
    client.post(reverse("surveys:end", args=[response.id]), {"open_answer": "laat", "action": "hand_in"})
    response.refresh_from_db()
    assert answers_of(response) == before
    assert response.status == ResponseStatus.DRAFT and response.open_answer == ""


# ---------------------------------------------------------------- throttling


@override_settings(CODE_FAILURES_PER_ADDRESS=3, CODE_FAILURES_OVERALL=1000)
def test_failed_codes_are_throttled_per_address(world: World) -> None:
    code = issue(world, "ar").codes[0]
    client = Client()
    for wrong in ("ZZZZZ-ZZZZZ", "not a code", "ABCDE-FGHJK"):
        page = enter_code(client, wrong, "10.0.0.1")
        assert page.status_code == 200
        assert page.context["form"].errors
    blocked = enter_code(client, "ZZZZZ-ZZZZY", "10.0.0.1", lang="ar")
    assert blocked.status_code == 429
    assert said("ar", "Too many tries") in text_of(blocked)
    assert html_element(blocked).attrs["dir"] == "rtl"

    refused = enter_code(client, code, "10.0.0.1")  # the right code, but from the blocked address
    assert refused.status_code == 429
    assert said("nl", "Too many tries") in text_of(refused)
    assert SurveyResponse.objects.count() == 0

    elsewhere = enter_code(Client(), code, "10.0.0.2")  # another address is not blocked
    assert elsewhere.status_code == 302
    assert SurveyResponse.objects.count() == 1


@override_settings(CODE_FAILURES_PER_ADDRESS=1000, CODE_FAILURES_OVERALL=4)
def test_failed_codes_are_throttled_for_everyone_together(world: World) -> None:
    code = issue(world).codes[0]
    for number in range(4):
        assert enter_code(Client(), "ZZZZZ-ZZZZZ", f"10.0.1.{number}").status_code == 200
    for address in ("10.0.1.99", "2001:db8::1", ""):
        refused = enter_code(Client(), code, address)
        assert refused.status_code == 429
        assert said("nl", "Too many wrong codes were typed. Wait 15 minutes and try again.") in text_of(refused)
    assert SurveyResponse.objects.count() == 0


@override_settings(CODE_FAILURES_PER_ADDRESS=2, CODE_FAILURES_OVERALL=5)
def test_the_throttle_window_expires(world: World) -> None:
    moment = timezone.make_aware(datetime(2026, 11, 3, 10, 0, 5))
    assert not is_blocked("10.0.2.1", now=moment)
    record_failure("10.0.2.1", now=moment)
    assert not is_blocked("10.0.2.1", now=moment)
    record_failure("10.0.2.1", now=moment + timedelta(minutes=1))
    assert is_blocked("10.0.2.1", now=moment + timedelta(minutes=2))
    assert not is_blocked("10.0.2.2", now=moment + timedelta(minutes=2))  # per address
    assert not is_blocked("10.0.2.1", now=moment + WINDOW)  # the window is over
    assert not is_blocked("10.0.2.1", now=moment + 2 * WINDOW)

    for number in range(3):
        record_failure(f"10.0.3.{number}", now=moment)
    assert is_blocked("10.0.9.9", now=moment)  # 5 failures overall
    assert not is_blocked("10.0.9.9", now=moment + WINDOW)
    record_failure("10.0.2.1", now=moment + 3 * WINDOW)  # old windows are cleaned up
    assert ThrottleBucket.objects.filter(window_start__lt=moment + WINDOW).count() == 0
    # No plain address is kept.
    assert not ThrottleBucket.objects.filter(key__contains="10.0.").exists()


@override_settings(CODE_FAILURES_PER_ADDRESS=2, CODE_FAILURES_OVERALL=1000)
def test_a_right_code_does_not_count_as_a_failure(world: World) -> None:
    codes = issue(world, size=4).codes
    for code in codes:
        assert enter_code(Client(), code, "10.0.4.1").status_code == 302
    assert not is_blocked("10.0.4.1")


# ---------------------------------------------------------------- double submits and saving page by page


def test_a_page_posted_twice_stores_one_answer_per_item(world: World) -> None:
    client = Client()
    response = start(client, issue(world).codes[0])
    shown = client.get(page_url(response, 1))
    names = item_names(shown)
    for value in ("2", "5"):  # the second post (a double click, a resend) wins, and stores once
        posted = client.post(page_url(response, 1), dict.fromkeys(names, value) | {"action": "next"})
        assert posted.status_code == 302
        assert posted["Location"] == page_url(response, 2) + "?lang=nl"
    answers = SurveyAnswer.objects.filter(response=response)
    assert answers.count() == len(names)
    assert {f"item-{a.item_id}" for a in answers} == set(names)
    assert set(answers.values_list("value", flat=True)) == {5}


def test_handing_in_twice_keeps_one_submitted_response(world: World) -> None:
    client = Client()
    response = start(client, issue(world, "ar").codes[0], "ar")
    answer_everything(client, response)
    first = hand_in(client, response, "Graag meer avondmomenten")
    second = hand_in(client, response, "iets anders")
    for result in (first, second):
        assert result.status_code == 302
        assert result["Location"] == reverse("surveys:thanks") + "?lang=ar"
    stored = SurveyResponse.objects.get()
    assert stored.status == ResponseStatus.SUBMITTED
    assert stored.open_answer == "Graag meer avondmomenten"
    assert stored.submitted_on == timezone.localdate()
    thanks = client.get(second["Location"])
    assert said("ar", "Thank you!") in text_of(thanks)


def test_a_page_posted_after_handing_in_changes_nothing(world: World) -> None:
    client = Client()
    response = start(client, issue(world).codes[0])
    answer_everything(client, response, "2")
    hand_in(client, response)
    before = answers_of(response)
    names = [f"item-{item_id}" for item_id in before]
    for page in (1, page_total(response)):
        late = client.post(page_url(response, page), dict.fromkeys(names, "5") | {"action": "next"})
        assert late.status_code == 302
        assert late["Location"].startswith(reverse("surveys:thanks"))
    late_language = client.post(reverse("surveys:language", args=[response.id]), {"lang": "ar"})
    assert late_language["Location"].startswith(reverse("surveys:thanks"))
    response.refresh_from_db()
    assert answers_of(response) == before
    assert response.language == "nl" and response.status == ResponseStatus.SUBMITTED


def test_each_page_is_saved_and_a_new_phone_resumes_with_the_choices_checked(world: World) -> None:
    code = issue(world, "ar").codes[0]
    client = Client()
    response = start(client, code, "ar")
    shown = client.get(page_url(response, 1), {"lang": "ar"})
    names = item_names(shown)
    assert len(names) >= 2
    chosen = dict(zip(names, ["1", "dk", "5", "2", "3"], strict=False))
    posted = client.post(page_url(response, 1), chosen | {"action": "next", "lang": "ar"})
    assert posted["Location"] == page_url(response, 2) + "?lang=ar"
    stored = answers_of(response)  # on the server as soon as the respondent goes on
    assert {f"item-{item}": ("dk" if value is None else str(value)) for item, value in stored.items()} == chosen

    phone = Client()  # no cookies: a new phone, or the browser was closed
    resumed = enter_code(phone, code)
    assert resumed["Location"] == page_url(response, 2) + "?lang=ar"
    page_two = phone.get(resumed["Location"])
    assert page_two.status_code == 200
    back = phone.post(page_url(response, 2), {"action": "back", "lang": "ar"})
    assert back["Location"] == page_url(response, 1) + "?lang=ar"
    page_one = phone.get(back["Location"])
    assert checked_values(page_one) == chosen


def test_the_end_page_keeps_the_open_answer_and_the_dutch_text_when_going_back(world: World) -> None:
    code = issue(world, "ar").codes[0]
    client = Client()
    response = start(client, code, "ar")
    answer_everything(client, response)
    end = reverse("surveys:end", args=[response.id])
    shown = client.get(end, {"lang": "ar", "nl": "1"})
    hidden = {n.attrs["name"]: n.attrs.get("value") for n in parse(shown.content).iter("input")}
    assert hidden.get("nl") == "1" and hidden.get("lang") == "ar"
    back = client.post(end, {"open_answer": "  Meer tolken graag ", "action": "back", "lang": "ar", "nl": "1"})
    assert back["Location"] == page_url(response, page_total(response)) + "?lang=ar&nl=1"
    response.refresh_from_db()
    assert response.status == ResponseStatus.DRAFT and response.open_answer == "Meer tolken graag"

    phone = Client()  # resumes on the last step, with the text typed before
    resumed = enter_code(phone, code)
    assert resumed["Location"] == end + "?lang=ar"
    textarea = next(parse(phone.get(resumed["Location"]).content).iter("textarea"))
    assert textarea.text() == "Meer tolken graag"
    refused = phone.post(end, {"open_answer": "x" * 2001, "action": "hand_in", "lang": "ar"})
    assert refused.status_code == 400
    assert hand_in(phone, response, "Meer tolken graag, ook 's avonds")["Location"].startswith(
        reverse("surveys:thanks")
    )
    response.refresh_from_db()
    assert response.open_answer == "Meer tolken graag, ook 's avonds"
    assert response.status == ResponseStatus.SUBMITTED


# ---------------------------------------------------------------- language


def test_the_respondent_picks_a_language_at_the_start(world: World) -> None:
    client = Client()
    opened = enter_code(client, issue(world, "ar").codes[0])
    assert opened["Location"].endswith("?lang=ar")
    page = client.get(opened["Location"])
    buttons = [n for n in parse(page.content).iter("button") if n.attrs.get("name") == "lang"]
    assert [b.attrs["value"] for b in buttons] == LANGUAGE_CODES
    assert all(b.attrs.get("lang") == b.attrs["value"] and b.text().strip() for b in buttons)
    current = [b for b in buttons if "r-current" in b.classes()]
    assert [b.attrs["value"] for b in current] == ["ar"]
    chosen = client.post(opened["Location"], {"lang": "tr"})
    response = SurveyResponse.objects.get()
    assert chosen["Location"] == page_url(response, 1) + "?lang=tr"
    assert response.language == "tr"
    first = client.get(chosen["Location"])
    assert html_element(first).attrs["lang"] == "tr"
    assert said("tr", "Next") in text_of(first)


def test_every_language_can_be_chosen_on_any_page_with_its_direction(world: World) -> None:
    code = issue(world).codes[0]
    client = Client()
    response = start(client, code)
    answer_page(client, response, 1)
    for language in LANGUAGE_CODES:
        page = client.get(page_url(response, 2), {"lang": language})
        assert page.status_code == 200
        root = html_element(page)
        assert root.attrs["lang"] == language
        assert root.attrs["dir"] == ("rtl" if language in RTL else "ltr"), language
        assert page["Content-Language"] == language
        assert said(language, "Next") in text_of(page)
        switch = [a for a in parse(page.content).iter("a") if a.attrs.get("hreflang")]
        assert {a.attrs["hreflang"] for a in switch} == set(LANGUAGE_CODES)
        assert all(a.attrs["href"].startswith(page_url(response, 2) + "?lang=") for a in switch)
        assert_nothing_empty(page)
        end = client.get(reverse("surveys:end", args=[response.id]), {"lang": language})
        assert html_element(end).attrs["dir"] == root.attrs["dir"]
        # Going on stores the language: the code resumes in it.
        names = item_names(page)
        client.post(page_url(response, 2), dict.fromkeys(names, "dk") | {"action": "back", "lang": language})
        response.refresh_from_db()
        assert response.language == language
        assert enter_code(Client(), code)["Location"].endswith(f"/3/?lang={language}")
    assert said("nl", "Next") != said("ar", "Next") != said("ti", "Next")


def test_dutch_text_beside_the_translation(world: World) -> None:
    client = Client()
    response = start(client, issue(world, "ar").codes[0], "ar")
    plain = client.get(page_url(response, 1), {"lang": "ar"})
    with_dutch = client.get(page_url(response, 1), {"lang": "ar", "nl": "1"})
    items = [
        item
        for item in Item.objects.filter(id__in=[n.removeprefix("item-") for n in item_names(plain)])
        if item.texts.filter(language="ar").exists()
    ]
    assert items
    dutch_nodes = [n for n in parse(with_dutch.content).iter() if n.attrs.get("lang") == "nl"]
    dutch_text = " ".join(n.text() for n in dutch_nodes)
    for item in items:
        assert item.texts.get(language=MASTER_LANGUAGE).text in dutch_text
        assert item.texts.get(language="ar").text in text_of(with_dutch)
    assert html_element(with_dutch).attrs["dir"] == "rtl"
    assert not any(n.attrs.get("lang") == "nl" for n in parse(plain.content).iter() if n.tag != "a")
    assert items[0].texts.get(language=MASTER_LANGUAGE).text not in text_of(plain)
    # The choice to see the Dutch text survives going on and switching language.
    names = item_names(plain)
    posted = client.post(page_url(response, 1), dict.fromkeys(names, "3") | {"lang": "ar", "nl": "1", "action": "next"})
    assert posted["Location"] == page_url(response, 2) + "?lang=ar&nl=1"
    switch = [a.attrs["href"] for a in parse(with_dutch.content).iter("a") if a.attrs.get("hreflang") == "fa"]
    assert switch and switch[0].endswith("nl=1")


def legends_and_labels(page: HttpResponse) -> tuple[list[Node], list[Node]]:
    root = parse(page.content)
    legends = list(root.iter("legend"))
    labels = [n for n in root.iter("label") if "r-opt" in n.classes()]
    return legends, labels


def assert_nothing_empty(page: HttpResponse) -> None:
    legends, labels = legends_and_labels(page)
    assert legends and labels
    assert all(legend.text().strip() for legend in legends)
    assert all(label.text().strip() for label in labels)


@pytest.mark.parametrize("how", ["deleted", "blank", "blank_correction"])
def test_a_missing_translation_falls_back_to_dutch_visibly(world: World, how: str) -> None:
    client = Client()
    response = start(client, issue(world, "so").codes[0], "so")
    page = client.get(page_url(response, 1), {"lang": "so"})
    names = item_names(page)
    missing = Item.objects.get(id=names[0].removeprefix("item-"))
    if how == "deleted":
        ItemText.objects.filter(item=missing, language="so").delete()
    elif how == "blank":
        ItemText.objects.filter(item=missing, language="so").update(text="  ")
    else:  # a school's blank correction does not hide that the translation is missing
        ItemText.objects.filter(item=missing, language="so").delete()
        TranslationCorrection.objects.create(school=world.school, item=missing, language="so", text=" \n")
    page = client.get(page_url(response, 1), {"lang": "so"})
    assert page.status_code == 200
    assert_nothing_empty(page)
    legends, _labels = legends_and_labels(page)
    fallback = legends[0]
    dutch = missing.texts.get(language=MASTER_LANGUAGE).text
    marked = [n for n in fallback.iter("span") if n.attrs.get("lang") == "nl"]
    assert marked and marked[0].text() == dutch
    assert said("so", "Not translated yet, in Dutch:") in fallback.text()
    for other in legends[1:]:  # the others stay in Somali, unmarked
        assert said("so", "Not translated yet, in Dutch:") not in other.text()
    with_dutch = client.get(page_url(response, 1), {"lang": "so", "nl": "1"})
    assert text_of(with_dutch).count(dutch) == 1  # the Dutch text once, not twice


def test_a_language_without_item_texts_shows_dutch_everywhere_marked(world: World) -> None:
    ItemText.objects.filter(language="ti").delete()
    client = Client()
    response = start(client, issue(world, "ti").codes[0], "ti")
    for page_number in (1, 2):
        page = client.get(page_url(response, page_number), {"lang": "ti"})
        assert_nothing_empty(page)
        legends, _labels = legends_and_labels(page)
        for legend in legends:
            assert said("ti", "Not translated yet, in Dutch:") in legend.text()
            assert any(n.attrs.get("lang") == "nl" and n.text().strip() for n in legend.iter("span"))
        assert html_element(page).attrs["lang"] == "ti"


def test_a_missing_answer_label_falls_back_to_dutch(world: World) -> None:
    client = Client()
    response = start(client, issue(world, "so").codes[0], "so")
    for scale_text in ScaleText.objects.filter(language="so"):
        labels = dict(scale_text.labels)
        labels.pop("3")
        labels["2"] = ""
        scale_text.labels = labels
        scale_text.save()
    page = client.get(page_url(response, 1), {"lang": "so"})
    assert page.status_code == 200
    assert_nothing_empty(page)
    _legends, labels = legends_and_labels(page)
    values_per_item: dict[str, list[str]] = {}
    for label in labels:
        radio = next(label.iter("input"))
        values_per_item.setdefault(radio.attrs["name"], []).append(radio.attrs["value"])
    assert all(values == ["1", "2", "3", "4", "5", "dk"] for values in values_per_item.values())
    dutch = ScaleText.objects.filter(language=MASTER_LANGUAGE)
    dutch_labels = {scale.labels["3"] for scale in dutch} | {scale.labels["2"] for scale in dutch}
    shown = " ".join(label.text() for label in labels)
    assert any(text in shown for text in dutch_labels)
    fallbacks = [n for label in labels for n in label.iter("span") if n.attrs.get("lang") == "nl"]
    assert fallbacks  # the Dutch label is marked as Dutch


# ---------------------------------------------------------------- read-aloud


def audio_sources(page: HttpResponse) -> list[str]:
    return [node.attrs["src"] for node in parse(page.content).iter("audio")]


def body_of(response: HttpResponse) -> bytes:
    if response.streaming:
        return b"".join(response.streaming_content)  # type: ignore[arg-type]
    return response.content


@pytest.mark.parametrize("language", ["nl", "ar"])
def test_read_aloud_serves_a_cached_wav(world: World, tmp_path: Path, language: str) -> None:
    assert has_voice(language)
    client = Client()
    response = start(client, issue(world).codes[0], language)
    with override_settings(AUDIO_CACHE_DIR=tmp_path):
        page = client.get(page_url(response, 1), {"lang": language})
        sources = audio_sources(page)
        assert len(sources) == len(item_names(page))
        first = client.get(sources[0])
        assert first.status_code == 200
        wav = body_of(first)
        assert wav[:4] == b"RIFF" and wav[8:12] == b"WAVE" and len(wav) > 1000
        assert first["Content-Type"] == "audio/wav"
        cache_control = first["Cache-Control"]
        assert "public" in cache_control and re.search(r"max-age=\d{4,}", cache_control)
        etag = first["ETag"]
        assert re.fullmatch(r'"[^"]+"', etag)
        files = list(tmp_path.glob("*.wav"))
        assert len(files) == 1 and files[0].read_bytes() == wav
        os.utime(files[0], ns=(1_000_000_000_000_000_000, 1_000_000_000_000_000_000))
        before = files[0].stat()

        second = client.get(sources[0])
        assert second.status_code == 200 and body_of(second) == wav and second["ETag"] == etag
        after = files[0].stat()
        assert (after.st_mtime_ns, after.st_ino) == (before.st_mtime_ns, before.st_ino)  # not made again

        not_modified = client.get(sources[0], HTTP_IF_NONE_MATCH=etag)
        assert not_modified.status_code == 304 and not_modified.content == b""
        listed = client.get(sources[0], HTTP_IF_NONE_MATCH=f'"other", W/{etag}')
        assert listed.status_code == 304
        other = client.get(sources[0], HTTP_IF_NONE_MATCH='"something-else"')
        assert other.status_code == 200
        assert list(tmp_path.glob("*.wav")) == files


@pytest.mark.parametrize("language", ["so", "ti"])
def test_no_read_aloud_without_a_voice(world: World, tmp_path: Path, language: str) -> None:
    assert not has_voice(language)
    client = Client()
    response = start(client, issue(world).codes[0], language)
    with override_settings(AUDIO_CACHE_DIR=tmp_path):
        page = client.get(page_url(response, 1), {"lang": language})
        assert page.status_code == 200
        assert audio_sources(page) == []
        assert "<audio" not in text_of(page)
        item_id = item_names(page)[0].removeprefix("item-")
        url = reverse("surveys:audio", args=[response.id, item_id])
        assert client.get(url, {"lang": language}).status_code == 404
        assert client.get(url, {"lang": "nl"}).status_code == 200  # the same item has a Dutch voice
        assert len(list(tmp_path.glob("*.wav"))) == 1


def test_read_aloud_refuses_items_outside_the_questionnaire(world: World, tmp_path: Path) -> None:
    client = Client()
    response = start(client, issue(world).codes[0])
    team_item = Item.objects.filter(audience="team").first()
    pupil_item = Item.objects.filter(audience="pupil_10_12").first()
    assert team_item and pupil_item
    with override_settings(AUDIO_CACHE_DIR=tmp_path):
        for item in (team_item, pupil_item):
            assert client.get(reverse("surveys:audio", args=[response.id, item.id])).status_code == 404
        unknown = reverse("surveys:audio", args=["00000000-0000-4000-8000-000000000000", team_item.id])
        assert client.get(unknown).status_code == 404
    assert not list(tmp_path.glob("*.wav"))


# ---------------------------------------------------------------- weight, no JavaScript


def stylesheet_bytes(client: Client, markup: str) -> dict[str, int]:
    sizes = {}
    for link in parse(markup).iter("link"):
        if "stylesheet" not in link.attrs.get("rel", "").split():
            continue
        href = link.attrs["href"]
        fetched = client.get(href)
        if fetched.status_code == 200:
            sizes[href] = len(body_of(fetched))
        else:
            found = finders.find(href.removeprefix(settings.STATIC_URL))
            assert found, href
            sizes[href] = Path(str(found)).stat().st_size
    return sizes


def test_every_respondent_page_is_light_and_needs_no_javascript(world: World) -> None:
    pages: dict[str, HttpResponse] = {}
    client = Client()
    pages["code entry"] = client.get(reverse("surveys:code"))
    pages["code entry, wrong code"] = enter_code(Client(), "ZZZZZ-ZZZZZ", "10.9.0.1")
    issued = issue(world, "ar", size=3)
    opened = enter_code(client, issued.codes[0])
    pages["language"] = client.get(opened["Location"])
    client.post(opened["Location"], {"lang": "nl"})
    response = SurveyResponse.objects.get()
    pages["question page, nl"] = client.get(page_url(response, 1), {"lang": "nl"})
    pages["question page, ar + nl"] = client.get(page_url(response, 1), {"lang": "ar", "nl": "1"})
    biggest = max(range(1, page_total(response) + 1), key=lambda n: len(client.get(page_url(response, n)).content))
    pages["largest question page, ar + nl"] = client.get(page_url(response, biggest), {"lang": "ar", "nl": "1"})
    pages["end"] = client.get(reverse("surveys:end", args=[response.id]), {"lang": "ar"})
    answer_everything(client, response)
    hand_in(client, response)
    pages["thanks"] = client.get(reverse("surveys:thanks"), {"lang": "ar"})
    pages["message: used"] = enter_code(Client(), issued.codes[0])
    with override_settings(CODE_FAILURES_PER_ADDRESS=1):
        enter_code(Client(), "ZZZZZ-ZZZZZ", "10.9.0.2")
        pages["message: too many tries"] = enter_code(Client(), "ZZZZZ-ZZZZZ", "10.9.0.2")
    close_round(world.round)
    pages["message: closed"] = enter_code(Client(), issued.codes[1])

    print()
    for name, page in pages.items():
        assert page.status_code in {200, 429}, name
        markup = page.content.decode()
        css = stylesheet_bytes(client, markup)
        assert css, f"{name} links no stylesheet"
        total = len(page.content) + sum(css.values())
        print(f"  {name:34} html {len(page.content):6} B + css {sum(css.values()):5} B = {total / 1024:5.1f} KB")
        assert total <= MAX_PAGE_WEIGHT, f"{name} weighs {total} bytes"
        assert "<script" not in markup.lower(), name
        assert not re.search(r"\son[a-z]+=", markup), name  # no inline event handlers either
        root = parse(markup)
        for form in root.iter("form"):  # every form posts without JavaScript
            assert form.attrs.get("method", "").lower() == "post", name
            assert any(n.attrs.get("type", "submit") == "submit" for n in form.iter("button")), name


# ---------------------------------------------------------------- anonymity


@pytest.mark.parametrize("audience", ["pupil_10_12", "pupil_12_18", "parent"])
def test_a_pupils_answers_carry_no_link_to_the_code(world: World, audience: str) -> None:
    issued = issue(world, "tr", size=2, audience=audience)
    client = Client()
    response = start(client, issued.codes[0], "tr")
    items = Item.objects.filter(id__in=[n.removeprefix("item-") for n in item_names(client.get(page_url(response, 1)))])
    assert {item.audience for item in items} == {audience}
    answer_everything(client, response, "4")
    hand_in(client, response, "Ik wil meer uitstappen")

    code_row = RespondentCode.objects.get(digest=code_digest(issued.codes[0]))
    secrets_of_the_code = {issued.codes[0], format_code(issued.codes[0]), code_row.digest}
    secrets_of_the_code |= {str(issued.batch.id), issued.batch.id.hex}
    for table in ("surveys_surveyresponse", "surveys_surveyanswer"):
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT * FROM {table}")  # noqa: S608 - fixed table names
            columns = [column[0] for column in cursor.description]
            rows = cursor.fetchall()
        assert rows
        assert not {"code_id", "batch_id", "respondentcode_id", "code", "digest"} & set(columns)
        for row in rows:
            for value in row:
                assert str(value) not in secrets_of_the_code, f"{table} holds {value}"
    stored = SurveyResponse.objects.get()
    assert stored.audience == audience and stored.resume_digest is None

    # No time of day anywhere a response or an answer or a code is kept: only the date of handing in.
    for model in (SurveyResponse, SurveyAnswer, RespondentCode):
        kinds = {f.name: type(f) for f in model._meta.concrete_fields}
        assert not [name for name, kind in kinds.items() if issubclass(kind, (models.DateTimeField, models.TimeField))]
        dates = [name for name, kind in kinds.items() if issubclass(kind, models.DateField)]
        assert dates == (["submitted_on"] if model is SurveyResponse else [])
    with connection.cursor() as cursor:
        cursor.execute("SELECT submitted_on FROM surveys_surveyresponse")
        (raw,) = cursor.fetchone()
    assert str(raw) == timezone.localdate().isoformat()
    assert not isinstance(raw, datetime) and (isinstance(raw, date) or re.fullmatch(r"\d{4}-\d{2}-\d{2}", raw))
