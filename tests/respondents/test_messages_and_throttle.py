"""Messages in the respondent's own language, and throttling of guessed codes."""

import logging
from datetime import datetime, timedelta

import pytest
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone

from analysis.models import ResponseStatus, Voice
from analysis.rounds import close_round
from analysis.windows import close_voice
from engagement.families.codes import issue_code
from engagement.models import Declaration
from respondents.codes import format_code
from respondents.models import ThrottleBucket
from respondents.throttle import DAY, WINDOW, is_blocked, record_failure
from surveys.models import (
    SurveyResponse,
)
from tests.helpers.engagement_parent_steps import enter, make_family
from tests.helpers.respondent_helpers import (
    RTL,
    answer_page,
    answers_of,
    enter_code,
    hand_in,
    html_element,
    issue,
    page_url,
    parse,
    said,
    start,
    text_of,
)
from tests.helpers.throttle_clock import pin_throttle_clock
from tests.helpers.world import World

pytestmark = pytest.mark.usefixtures("compiled_messages", "fast_password_hashing")


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


def test_closing_the_parents_voice_stops_a_questionnaire_in_progress_and_hands_in_what_was_saved(
    world: World,
) -> None:
    code = issue(world, "ar").codes[0]
    client = Client()
    response = start(client, code, "ar")
    answer_page(client, response, 1)
    before = answers_of(response)
    close_voice(world.round, Voice.PARENTS)

    handed_in = (
        "The school closed the questionnaire while you were answering. What you had saved was handed in. Thank you!"
    )
    for url in (page_url(response, 2), reverse("surveys:end")):
        shown = text_of(client.get(url, {"lang": "ar"}))
        assert said("ar", "The questionnaire is closed") in shown
        assert said("ar", handed_in) in shown
    names = [f"item-{item_id}" for item_id in before]
    client.post(page_url(response, 1), dict.fromkeys(names, "1") | {"lang": "ar", "action": "next"})
    client.post(reverse("surveys:end"), {"open_answer": "laat", "action": "hand_in"})
    response.refresh_from_db()
    assert answers_of(response) == before
    assert response.status == ResponseStatus.SUBMITTED and response.open_answer == ""


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
    assert said("ar", "Too many wrong codes were typed. Wait 15 minutes and try again.") in text_of(blocked)
    assert html_element(blocked).attrs["dir"] == "rtl"

    refused = enter_code(client, code, "10.0.0.1")  # the right code, but from the blocked address
    assert refused.status_code == 429
    assert said("nl", "Too many tries") in text_of(refused)
    assert SurveyResponse.objects.count() == 0

    elsewhere = enter_code(Client(), code, "10.0.0.2")  # another address is not blocked
    assert elsewhere.status_code == 302
    assert SurveyResponse.objects.count() == 1


@override_settings(CODE_FAILURES_PER_ADDRESS=1000, CODE_FAILURES_OVERALL=4)
def test_many_wrong_codes_together_raise_one_alert_and_block_no_one(
    world: World, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    pin_throttle_clock(monkeypatch)
    code = issue(world).codes[0]
    with caplog.at_level(logging.WARNING, logger="betrokken.security"):
        for number in range(6):
            assert enter_code(Client(), "ZZZZZ-ZZZZZ", f"10.0.1.{number}").status_code == 200
    alerts = [record for record in caplog.records if record.name == "betrokken.security"]
    assert len(alerts) == 1  # once per window, not once per wrong code
    assert "4 wrong codes" in alerts[0].getMessage()
    assert enter_code(Client(), code, "10.0.1.99").status_code == 302
    assert SurveyResponse.objects.count() == 1


@override_settings(CODE_FAILURES_PER_ADDRESS=2, CODE_FAILURES_PER_ADDRESS_PER_DAY=1000, CODE_FAILURES_OVERALL=5)
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
    assert not is_blocked("10.0.9.9", now=moment)  # 5 failures overall block no one
    record_failure("10.0.2.1", now=moment + DAY + 3 * WINDOW)  # old windows are cleaned up
    assert ThrottleBucket.objects.filter(window_start__lt=moment + timedelta(hours=12)).count() == 0  # 3 November's
    assert ThrottleBucket.objects.count() == 3  # the next day's: this address per window and per day, overall
    # No plain address is kept.
    assert not ThrottleBucket.objects.filter(key__contains="10.0.").exists()


@override_settings(CODE_FAILURES_PER_ADDRESS=2, CODE_FAILURES_PER_ADDRESS_PER_DAY=3)
def test_the_daily_limit_holds_across_windows(world: World) -> None:
    moment = timezone.make_aware(datetime(2026, 11, 3, 10, 0, 5))
    record_failure("10.0.5.1", now=moment)
    record_failure("10.0.5.1", now=moment)
    assert is_blocked("10.0.5.1", now=moment)
    assert not is_blocked("10.0.5.1", now=moment + WINDOW)  # a new 15-minute window
    record_failure("10.0.5.1", now=moment + WINDOW)
    assert is_blocked("10.0.5.1", now=moment + 2 * WINDOW)  # three today: the day's limit
    assert is_blocked("10.0.5.1", now=moment + 40 * WINDOW)
    assert not is_blocked("10.0.5.2", now=moment + 2 * WINDOW)
    assert not is_blocked("10.0.5.1", now=moment + DAY)  # the next day


TOMORROW = "Too many wrong codes were typed from this connection today. Try again tomorrow, or ask the school for help."


@override_settings(CODE_FAILURES_PER_ADDRESS=1000, CODE_FAILURES_PER_ADDRESS_PER_DAY=2)
def test_a_client_past_the_days_limit_is_told_to_come_back_tomorrow_on_both_code_pages(
    world: World, published_declaration: Declaration
) -> None:
    for _ in range(2):
        assert enter_code(Client(), "ZZZZZ-ZZZZZ", "10.0.7.1").status_code == 200
    for page in (
        enter_code(Client(), "ZZZZZ-ZZZZZ", "10.0.7.1", lang="ar"),
        enter(Client(), issue_code(make_family(world)), "10.0.7.1", lang="ar"),
    ):
        assert page.status_code == 429
        assert said("ar", TOMORROW) in text_of(page) and said("ar", TOMORROW) != TOMORROW
        assert said("ar", "Too many wrong codes were typed. Wait 15 minutes and try again.") not in text_of(page)


@override_settings(CODE_FAILURES_PER_ADDRESS=2)
def test_an_ipv6_client_is_counted_per_64_network(world: World) -> None:
    record_failure("2001:db8:7:1::1")
    record_failure("2001:db8:7:1:ffff:ffff:ffff:fffe")  # another address the same home may pick
    assert is_blocked("2001:db8:7:1::abcd")
    assert not is_blocked("2001:db8:7:2::1")  # the neighbouring /64 is another client
    assert not is_blocked("10.0.6.1")


@override_settings(CODE_FAILURES_PER_ADDRESS=2, CODE_FAILURES_OVERALL=1000)
def test_a_right_code_does_not_count_as_a_failure(world: World) -> None:
    codes = issue(world, size=4).codes
    for code in codes:
        assert enter_code(Client(), code, "10.0.4.1").status_code == 302
    assert not is_blocked("10.0.4.1")
