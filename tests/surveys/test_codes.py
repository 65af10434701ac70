"""Respondent codes: entropy, uniqueness, HMAC only, typing leniency, single use and resume; and anonymity:
answers that carry no link to the code.
"""

import re
from datetime import date, datetime

import pytest
from django.db import connection, models
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st

from analysis.models import ResponseStatus
from framework.models import Item
from respondents.codes import ALPHABET, CODE_LENGTH, code_digest, format_code, new_code, normalize_code
from respondents.models import ThrottleBucket
from surveys.batches import MAX_BATCH_SIZE
from surveys.models import (
    CodeBatch,
    RespondentCode,
    SurveyAnswer,
    SurveyResponse,
)
from tests.helpers.respondent_fuzz import FUZZ
from tests.helpers.respondent_helpers import (
    answer_everything,
    answer_page,
    enter_code,
    hand_in,
    issue,
    item_names,
    page_total,
    page_url,
    parse,
    said,
    start,
    text_of,
)
from tests.helpers.world import World

pytestmark = pytest.mark.usefixtures("compiled_messages", "fast_password_hashing")


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


def test_a_link_with_the_printed_code_shows_it_as_printed(world: World) -> None:
    code = issue(world).codes[0]
    printed = format_code(code)
    page = Client().get(reverse("surveys:code_link", args=[printed]))
    field_ = next(node for node in parse(page.content).iter("input") if node.attrs.get("name") == "code")
    assert field_.attrs["value"] == printed  # not formatted a second time (ABCDE--FGHJ-K)


def test_a_code_opens_once_resumes_on_its_device_while_busy_and_is_spent_after_handing_in(world: World) -> None:
    code = issue(world, "fr").codes[0]
    client = Client()
    response = start(client, code, "fr")
    total = page_total(response)
    assert total >= 3
    answer_page(client, response, 1)
    answer_page(client, response, 2)

    again = enter_code(client, code.lower().replace("", " ").strip())  # typed loosely, on the same phone
    assert again.status_code == 302
    assert again["Location"] == page_url(response, 3) + "?lang=fr"  # the next unanswered page
    assert SurveyResponse.objects.count() == 1  # the same questionnaire, not a new one

    for page in range(3, total + 1):
        answer_page(client, response, page)
    resumed = enter_code(client, code)
    assert resumed.status_code == 302
    assert resumed["Location"] == reverse("surveys:end") + "?lang=fr"  # only the last step left
    elsewhere = enter_code(Client(), code)  # another device: told the code is in use, shown nothing
    assert elsewhere.status_code == 200 and elsewhere.context["reason"] == "in_use"

    assert hand_in(client, response).status_code == 302
    for typed in (code, format_code(code).lower()):
        used = enter_code(Client(), typed)
        assert used.status_code == 200
        assert used.context["reason"] == "in_use"
        assert said("fr", "This code has been used") in text_of(used)
    assert SurveyResponse.objects.count() == 1
    assert SurveyResponse.objects.get().status == ResponseStatus.SUBMITTED


def test_a_code_that_only_chose_a_language_resumes_at_the_start(world: World) -> None:
    code = issue(world).codes[0]
    client = Client()
    start(client, code, "tr")
    resumed = enter_code(client, code)
    assert resumed["Location"] == reverse("surveys:language") + "?lang=tr"


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


@FUZZ
@given(typed=st.one_of(st.text(), st.text(alphabet=ALPHABET.lower() + ALPHABET + " -_.0OI1", max_size=14)))
def test_normalize_code_gives_a_code_or_nothing(typed: str) -> None:
    code = normalize_code(typed)
    assert code is None or (len(code) == CODE_LENGTH and set(code) <= set(ALPHABET))


@FUZZ
@given(
    code=st.text(alphabet=ALPHABET, min_size=CODE_LENGTH, max_size=CODE_LENGTH),
    spacing=st.sampled_from(["", " ", "-", "  -  "]),
)
def test_a_code_survives_the_ways_it_is_typed(code: str, spacing: str) -> None:
    for typed in (code, code.lower(), format_code(code), spacing.join(code), f" {format_code(code).lower()} "):
        assert normalize_code(typed) == code
