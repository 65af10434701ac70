"""Issue 11, point 12: a school's real timeline through one round, in Chromium.

The team answers (through the ORM) and the coordinator closes the team's reflection with clicks; then a
parent scans an Arabic letter's QR link on a 360 px phone, lands in Arabic, ticks two answers, shows the
Dutch text, switches to French and back (the ticks stay every time) and hands in; a 10-year-old pupil is
spoken to in the je-form; the coordinator closes the parents' voice and reads the profile, which now shows
the parents' figures. Every page on the way is checked with axe-core.
"""

import random
import re
from collections.abc import Callable
from urllib.parse import urlparse

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from analysis.models import CollectionWindow, Voice
from framework.models import Audience
from respondents.letters import code_link
from surveys.batches import issue_codes
from surveys.models import GroupTally, SurveyResponse
from tests.browser.axe import AxeAudit
from tests.browser.steps import PHONE, log_in, start_in, switch_language, ticks
from tests.helpers.hand_ins import respond
from tests.helpers.team_answers import answer_everything
from tests.helpers.world import World

NewContext = Callable[..., BrowserContext]
OTHER_PARENTS = 4  # each in a class of their own: with the parent in the browser, five wait for the voice to close
FORMAL_DUTCH = re.compile(r"\b(u|uw|U|Uw)\b")
PUPIL_DUTCH = re.compile(r"\b(je|jij|jouw|Je|Jij|Jouw)\b")


# What sticks out of a 360 px screen, to name it when a page is too wide (a table box may scroll inside).
WIDER_THAN_THE_SCREEN = """limit => [...document.querySelectorAll('body, body *')]
    .filter(el => el.getBoundingClientRect().right > limit || el.scrollWidth > limit)
    .filter(el => !(el.parentElement && el.parentElement.closest('.table-box')))
    .map(el => `${el.tagName}.${el.className} ${Math.round(el.getBoundingClientRect().right)}/${el.scrollWidth}`)
    .slice(0, 8)"""


def assert_fits(page: Page) -> None:
    limit = PHONE["viewport"]["width"]  # type: ignore[index]
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= limit, f"{urlparse(page.url).path} is {width}px wide: {page.evaluate(WIDER_THAN_THE_SCREEN, limit)}"


def close_voice(page: Page, base: str, round_path: str, voice: str, axe_audit: AxeAudit) -> None:
    """On the round page the coordinator follows the voice's close link and confirms."""
    page.goto(f"{base}{round_path}")
    axe_audit.check(page)
    page.locator(f"#voice-{voice} a[href$='/close/{voice}/']").click()
    expect(page).to_have_url(f"{base}{round_path}close/{voice}/")
    axe_audit.check(page)
    page.locator("button#close-voice").click()
    expect(page).to_have_url(f"{base}{round_path}")
    expect(page.locator(f"#voice-{voice} a[href$='/close/{voice}/']")).to_have_count(0)


def answer_to_the_end(page: Page, axe_audit: AxeAudit) -> None:
    """Ticks the first option of every question on every page until the open question."""
    while "/q/end/" not in page.url:
        axe_audit.check(page)
        questions = page.locator("fieldset.r-q")
        for index in range(questions.count()):
            questions.nth(index).locator("label.r-opt").first.click()
        here = page.url
        page.locator("button[name=action][value=next]").click()
        expect(page).not_to_have_url(here)


def hand_in(page: Page, axe_audit: AxeAudit) -> None:
    expect(page).to_have_url(re.compile(r"/q/end/"))
    axe_audit.check(page)
    page.locator("button[name=action][value=hand_in]").click()
    expect(page).to_have_url(re.compile(r"/q/thanks/"))
    axe_audit.check(page)


@pytest.mark.browser
def test_a_school_year_from_the_team_meeting_to_the_parents_voice(
    live_server: object, world: World, new_context: NewContext, axe_audit: AxeAudit
) -> None:
    base = str(live_server.url)  # type: ignore[attr-defined]
    round_path = f"/s/{world.school.id}/rounds/{world.round.id}/"
    rng = random.Random(11)
    answer_everything(world.round, world.alice, rng)
    answer_everything(world.round, world.bob, rng)
    for number in range(OTHER_PARENTS):
        respond(world, [3, 4, 2, 5], group=f"{number + 1}B")

    # The team meeting is over: the coordinator closes the team's reflection, and only that.
    staff = new_context().new_page()
    log_in(staff, base, world.alice.email)
    close_voice(staff, base, round_path, Voice.TEAM, axe_audit)
    windows = {window.voice: window for window in CollectionWindow.objects.filter(round=world.round)}
    assert not windows[Voice.TEAM].is_open
    assert windows[Voice.PARENTS].is_open and windows[Voice.PUPILS].is_open

    # On the coordinator's phone the round page, a close page and the invitations fit the screen too.
    phone = new_context(**PHONE).new_page()
    log_in(phone, base, world.alice.email)
    for path in (round_path, f"{round_path}close/{Voice.PARENTS}/", f"{round_path}invitations/"):
        phone.goto(f"{base}{path}")
        assert_fits(phone)
        axe_audit.check(phone)

    # Codes can still be made for parents and pupils; the Arabic letter's QR link is what the parent scans.
    code = issue_codes(world.round, Audience.PARENT, "class", "3A", "ar", 1, world.alice).codes[0]
    scanned = urlparse(code_link("surveys:code_link", code)).path
    parent = new_context(**PHONE).new_page()
    parent.goto(f"{base}{scanned}")
    expect(parent.locator("html")).to_have_attribute("lang", "ar")
    expect(parent.locator("html")).to_have_attribute("dir", "rtl")
    expect(parent.locator("details.r-lang summary, .r-lang a, .r-lang button").first).to_be_attached()
    assert_fits(parent)
    axe_audit.check(parent)
    start_in(parent, "ar", axe_audit)
    assert_fits(parent)

    questions = parent.locator("fieldset.r-q")
    questions.nth(0).locator("label.r-opt").nth(1).click()
    questions.nth(1).locator("label.r-opt").nth(3).click()
    given = ticks(parent)
    assert len(given) == 2

    parent.locator(".r-dutch-toggle button[value=show_dutch]").click()
    expect(parent).to_have_url(re.compile(r"/q/1/\?lang=ar&nl=1$"))
    assert ticks(parent) == given
    axe_audit.check(parent)
    switch_language(parent, "fr")
    expect(parent.locator("html")).to_have_attribute("lang", "fr")
    assert ticks(parent) == given
    axe_audit.check(parent)
    switch_language(parent, "ar")
    expect(parent.locator("html")).to_have_attribute("lang", "ar")
    assert ticks(parent) == given
    assert_fits(parent)

    answer_to_the_end(parent, axe_audit)
    hand_in(parent, axe_audit)
    assert_fits(parent)

    # A 10-year-old pupil is spoken to as a pupil, from the letter's link to the thank-you page.
    pupil_code = issue_codes(world.round, Audience.PUPIL_10_12, "class", "5B", "", 1, world.alice).codes[0]
    pupil = new_context(**PHONE).new_page()
    pupil.goto(f"{base}{urlparse(code_link('surveys:code_link', pupil_code)).path}")
    axe_audit.check(pupil)
    pupil.locator("main form button[type=submit]").click()
    expect(pupil).to_have_url(re.compile(r"/q/language/"))
    axe_audit.check(pupil)
    said_on_the_way = [pupil.locator("main").inner_text()]
    pupil.locator("button[name=lang][value=nl]").click()
    answer_to_the_end(pupil, axe_audit)
    said_on_the_way.append(pupil.locator("main").inner_text())
    hand_in(pupil, axe_audit)
    said_on_the_way.append(pupil.locator("main").inner_text())
    for text in said_on_the_way:
        assert PUPIL_DUTCH.search(text), text
        assert not FORMAL_DUTCH.search(text), text
    assert_fits(pupil)

    # No class has five parents yet: nothing of theirs is in the figures while the voice is open.
    staff.goto(f"{base}{round_path}profile/")
    axe_audit.check(staff)
    expect(staff.locator("main")).not_to_contain_text("(n=")
    assert not GroupTally.objects.filter(round=world.round, audience=Audience.PARENT).exists()

    # The parents' voice closes: the five enter the figures together, as "other groups", and the profile shows them.
    close_voice(staff, base, round_path, Voice.PARENTS, axe_audit)
    assert GroupTally.objects.get(round=world.round, audience=Audience.PARENT).responses == OTHER_PARENTS + 1
    assert not SurveyResponse.objects.filter(round=world.round, audience=Audience.PARENT, release="").exists()
    staff.goto(f"{base}{round_path}profile/")
    axe_audit.check(staff)
    expect(staff.locator("main")).to_contain_text(f"(n={OTHER_PARENTS + 1})")
    assert CollectionWindow.objects.get(round=world.round, voice=Voice.PUPILS).is_open  # the pupils go on

    assert not axe_audit.findings, axe_audit.report()
    assert len(axe_audit.audited) >= 20
