"""Issue 11, point 3 in Chromium with JavaScript on: the Dutch toggle and the language switch keep what was
ticked (and typed), on a 360 px phone. Elements are found by names, values and classes, never by text."""

import re
from collections.abc import Callable

import pytest
from playwright.sync_api import BrowserContext, expect

from surveys.models import SurveyResponse
from tests.browser.axe import AxeAudit
from tests.browser.steps import PHONE, start_in, switch_language, ticks
from tests.helpers.respondent_helpers import issue
from tests.helpers.world import World

NewContext = Callable[..., BrowserContext]
NOTE = "نريد لقاءات أكثر في المساء"


@pytest.mark.browser
def test_toggle_and_language_switch_keep_three_ticks_with_javascript(
    live_server: object, world: World, new_context: NewContext, axe_audit: AxeAudit
) -> None:
    base = str(live_server.url)  # type: ignore[attr-defined]
    page = new_context(**PHONE).new_page()
    code = issue(world, "ar").codes[0]  # a batch of Arabic letters
    assert page.evaluate("typeof document.querySelector") == "function"  # JavaScript is on

    page.goto(f"{base}/q/c/{code}/")  # the letter's QR link opens in the batch's language
    expect(page.locator("html")).to_have_attribute("lang", "ar")
    axe_audit.check(page)
    start_in(page, "ar", axe_audit)

    questions = page.locator("fieldset.r-q")
    assert questions.count() >= 3
    for index, option in enumerate((1, 3, 5)):  # the 2nd, 4th and 6th option: not the defaults of anything
        questions.nth(index).locator("label.r-opt").nth(option).click()
    given = ticks(page)
    assert len(given) == 3

    page.locator(".r-dutch-toggle button[value=show_dutch]").click()
    expect(page).to_have_url(re.compile(r"/q/1/\?lang=ar&nl=1$"))
    expect(page.locator("fieldset.r-q .r-nl[lang=nl]").first).to_be_visible()
    assert ticks(page) == given
    axe_audit.check(page)

    switch_language(page, "fr")
    expect(page).to_have_url(re.compile(r"/q/1/\?lang=fr&nl=1$"))
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    assert ticks(page) == given
    axe_audit.check(page)

    switch_language(page, "ar")
    expect(page).to_have_url(re.compile(r"/q/1/\?lang=ar&nl=1$"))
    assert ticks(page) == given
    assert page.evaluate("document.documentElement.scrollWidth") <= 360

    # Enter on a ticked answer goes on, as "next" does, instead of pressing the first language button.
    page.locator("fieldset.r-q input[type=radio]:checked").first.press("Enter")
    expect(page).to_have_url(re.compile(r"/q/2/\?lang=ar&nl=1$"))

    # The open question keeps what was typed through the toggle and the switch too.
    page.goto(f"{base}/q/end/?lang=ar&nl=1")
    page.locator("textarea[name=open_answer]").fill(NOTE)
    switch_language(page, "fr")
    expect(page).to_have_url(re.compile(r"/q/end/\?lang=fr&nl=1$"))
    expect(page.locator("textarea[name=open_answer]")).to_have_value(NOTE)
    page.locator(".r-dutch-toggle button[value=hide_dutch]").click()
    expect(page).to_have_url(re.compile(r"/q/end/\?lang=fr$"))
    expect(page.locator("textarea[name=open_answer]")).to_have_value(NOTE)
    axe_audit.check(page)
    page.locator("button[name=action][value=hand_in]").click()
    expect(page).to_have_url(re.compile(r"/q/thanks/"))

    stored = SurveyResponse.objects.get()
    assert stored.open_answer == NOTE and stored.language == "fr"
    assert stored.answers.count() == 3  # only what was ticked
    assert not axe_audit.findings, axe_audit.report()
