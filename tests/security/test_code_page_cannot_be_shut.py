"""Finding: 39 addresses × 10 wrong codes filled the overall bucket, and every parent and pupil of every
school then got 429 on /q/ and /v/ for 15 minutes; behind the proxy, 10 wrong codes from anyone blocked
everyone. Now only the client that guessed waits (read behind a trusted proxy from X-Forwarded-For), the
overall count raises one alert, and a parents' evening behind one school address is never refused.

Attacker assumption (also in README): at most ATTACKER_CLIENTS_PER_DAY distinct IPv4 addresses or IPv6
/64 networks a day, e.g. a rented proxy pool. More than that makes the overall alert fire within minutes.
"""

import ipaddress
import logging
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from django.conf import settings
from django.test import Client, override_settings

from engagement.families.codes import issue_code
from engagement.models import Declaration
from respondents.codes import ALPHABET, CODE_LENGTH
from respondents.throttle import DAY, WINDOW, guesses_per_address_per_day, is_blocked, record_failure
from surveys.models import SurveyResponse
from tests.helpers.engagement_parent_steps import enter, make_family
from tests.helpers.respondent_helpers import enter_code, issue, said, text_of
from tests.helpers.throttle_clock import pin_throttle_clock
from tests.helpers.world import World

pytestmark = pytest.mark.usefixtures("compiled_messages")

ATTACKER_CLIENTS_PER_DAY = 10_000
LIVE_CODES = 1_000  # one large school's letters not yet used
ATTACKERS = [f"198.51.100.{number}" for number in range(1, 41)]
WRONG = "ZZZZZ-ZZZZZ"  # well formed, nobody's


def _alerts(caplog: pytest.LogCaptureFixture) -> list[logging.LogRecord]:
    return [record for record in caplog.records if record.name == "betrokken.security"]


def test_the_attack_no_longer_shuts_the_code_pages(
    world: World, published_declaration: Declaration, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    pin_throttle_clock(monkeypatch)
    assert len(ATTACKERS) * 10 > settings.CODE_FAILURES_OVERALL  # the attack fills the old overall bucket
    code = issue(world).codes[0]
    family = make_family(world)
    with caplog.at_level(logging.WARNING, logger="betrokken.security"):
        for address in ATTACKERS:
            for _ in range(10):
                assert enter_code(Client(), WRONG, address).status_code == 200
    assert len(_alerts(caplog)) == 1

    assert enter_code(Client(), code, "203.0.113.10").status_code == 302  # a parent at home, /q/
    assert enter(Client(), issue_code(family), "203.0.113.11").status_code == 302  # and /v/
    assert SurveyResponse.objects.count() == 1
    # The attackers themselves wait, on both code pages (one throttle).
    blocked = enter_code(Client(), WRONG, ATTACKERS[0])
    assert blocked.status_code == 429 and said("nl", "Too many tries") in text_of(blocked)
    assert enter(Client(), issue_code(family), ATTACKERS[-1]).status_code == 429


PROXY = "10.9.0.1"


@pytest.fixture
def code_behind_proxy(world: World, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """The server trusts the proxy at 10.9.0.1 and the throttle's clock stands still; one unused code."""
    pin_throttle_clock(monkeypatch)
    with override_settings(TRUSTED_PROXIES=[ipaddress.ip_network("10.9.0.0/24")]):
        yield issue(world).codes[0]


def _post(code: str, remote_addr: str, forwarded_for: str) -> int:
    page = Client().post("/q/", {"code": code}, REMOTE_ADDR=remote_addr, HTTP_X_FORWARDED_FOR=forwarded_for)
    return page.status_code


def test_behind_the_trusted_proxy_the_attack_blocks_only_the_attackers(code_behind_proxy: str) -> None:
    for address in ATTACKERS:
        for _ in range(10):
            assert _post(WRONG, PROXY, f"{address}, {PROXY}") == 200
    assert _post(WRONG, PROXY, f"{ATTACKERS[0]}, {PROXY}") == 429
    assert _post(code_behind_proxy, PROXY, f"203.0.113.10, {PROXY}") == 302  # a fresh client, same proxy
    assert SurveyResponse.objects.count() == 1


def test_a_client_that_is_no_proxy_cannot_dodge_its_limit_with_a_forged_header(code_behind_proxy: str) -> None:
    for number in range(settings.CODE_FAILURES_PER_ADDRESS):
        assert _post(WRONG, "203.0.113.66", f"192.0.2.{number}") == 200
    assert _post(code_behind_proxy, "203.0.113.66", "192.0.2.200") == 429


def test_fifty_parents_behind_one_school_address_are_never_refused(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    pin_throttle_clock(monkeypatch)  # all 55 codes count in one window
    codes = issue(world, size=50).codes
    school_wifi = "192.0.2.44"
    opened = 0
    for number, code in enumerate(codes):
        if number % 10 == 3:  # one in ten mistypes first
            assert enter_code(Client(), code[:-1] + ("Z" if code[-1] != "Z" else "Y"), school_wifi).status_code == 200
        page = enter_code(Client(), code, school_wifi)
        assert page.status_code == 302, f"parent {number + 1} was refused"
        opened += 1
    assert opened == 50 and SurveyResponse.objects.count() == 50


def test_one_client_guesses_no_more_than_the_limits_allow_in_a_day(db: None) -> None:
    """The figure below rests on this count, played through the throttle over one whole day."""
    day = datetime(2026, 11, 3, tzinfo=UTC)
    tried = 0
    for window in range(DAY // WINDOW):
        moment = day + window * WINDOW
        while not is_blocked("198.51.100.200", now=moment):
            record_failure("198.51.100.200", now=moment)
            tried += 1
    assert tried == guesses_per_address_per_day()


def test_expected_successful_guesses_per_day_are_below_one_in_a_million() -> None:
    code_space = len(ALPHABET) ** CODE_LENGTH
    per_client = guesses_per_address_per_day()
    expected = ATTACKER_CLIENTS_PER_DAY * per_client * LIVE_CODES / code_space
    print(
        f"\n{LIVE_CODES} live codes of {code_space:.3e} possible; {per_client} wrong codes per client a day "
        f"({settings.CODE_FAILURES_PER_ADDRESS} per 15 minutes, {settings.CODE_FAILURES_PER_ADDRESS_PER_DAY} a day); "
        f"{ATTACKER_CLIENTS_PER_DAY} clients: {expected:.2e} successful guesses expected per day"
    )
    assert expected < 1e-6
