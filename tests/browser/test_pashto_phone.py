"""In a real browser: a parent opens a Pashto letter's link on a 360 px phone and reads the questions right to left."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from surveys.batches import issue_codes
from tests.browser.axe import AxeAudit
from tests.browser.steps import PHONE
from tests.browser.test_respondents import NewContext, assert_fits, choose_language, open_code_link
from tests.helpers.world import World

PASHTO_FIRST_QUESTION_WORD = "فلاندرز"  # "Flanders", in the first parent question


@pytest.mark.browser
def test_a_parent_reads_the_questionnaire_in_pashto_on_a_small_phone(
    live_server: object, world: World, new_context: NewContext, axe_audit: AxeAudit, tmp_path: Path
) -> None:
    base = str(live_server.url)  # type: ignore[attr-defined]
    code = issue_codes(world.round, "parent", "class", "3A", "ps", 1, world.alice).codes[0]
    page = new_context(**PHONE).new_page()

    open_code_link(page, base, code, axe_audit.check)
    choose_language(page, "ps", axe_audit.check)
    assert page.evaluate("[document.documentElement.dir, document.documentElement.lang]") == ["rtl", "ps"]
    first = page.locator("fieldset.r-q").first
    expect(first).to_contain_text(PASHTO_FIRST_QUESTION_WORD)
    expect(first.locator("audio")).to_have_count(0)  # espeak-ng has no Pashto voice: nothing to listen to
    assert first.bounding_box()["y"] < PHONE["viewport"]["height"]  # type: ignore[index]
    assert_fits(page)
    axe_audit.check(page)
    page.screenshot(path=str(tmp_path / "pashto-questionnaire-360.png"), full_page=True)  # to look at
    assert not axe_audit.findings, axe_audit.report()
