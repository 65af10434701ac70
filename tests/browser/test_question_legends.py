"""On a 360 px phone a question of two or more lines stays inside its box, in the parents' and the team's
questionnaires, right to left too: a legend left on the fieldset's border is crossed by the border line.

Screenshots are saved for a person to look at (the path is printed).
"""

from pathlib import Path

import pytest
from django.urls import reverse
from playwright.sync_api import Page

from surveys.batches import issue_codes
from tests.browser.axe import AxeAudit
from tests.browser.steps import PHONE, log_in
from tests.browser.test_respondents import NewContext, choose_language, open_code_link
from tests.helpers.world import World

# Per question box: how far the legend's top sits below the box's padding edge (negative: it sits on the border,
# which then crosses it), whether it ends inside the box, and how many lines it takes.
LEGENDS_IN_THEIR_BOX = """selector => [...document.querySelectorAll(selector)].map(box => {
  const legend = box.querySelector(':scope > legend');
  const outer = box.getBoundingClientRect(), inner = legend.getBoundingClientRect();
  const style = getComputedStyle(box), lineHeight = parseFloat(getComputedStyle(legend).lineHeight);
  return {
    below_padding_edge: inner.top - (outer.top + parseFloat(style.borderTopWidth) + parseFloat(style.paddingTop)),
    inside: inner.left >= outer.left && inner.right <= outer.right && inner.bottom <= outer.bottom,
    lines: Math.round(inner.height / lineHeight),
  };
})"""


def assert_legends_inside(page: Page, selector: str) -> None:
    page.wait_for_function("document.fonts.status === 'loaded'")  # measure the final layout, not a fallback font's
    boxes = page.evaluate(LEGENDS_IN_THEIR_BOX, selector)
    assert boxes, selector
    assert max(box["lines"] for box in boxes) >= 2, boxes  # the case that broke: a question of several lines
    for box in boxes:
        assert box["below_padding_edge"] >= -0.5, boxes
        assert box["inside"], boxes


@pytest.mark.browser
def test_parent_questions_in_pashto_and_dutch_stay_inside_their_box(
    live_server: object, world: World, new_context: NewContext, axe_audit: AxeAudit, tmp_path: Path
) -> None:
    base = str(live_server.url)  # type: ignore[attr-defined]
    for language in ("ps", "nl"):
        code = issue_codes(world.round, "parent", "class", "3A", language, 1, world.alice).codes[0]
        page = new_context(**PHONE).new_page()
        open_code_link(page, base, code, axe_audit.check)
        choose_language(page, language, axe_audit.check)
        assert_legends_inside(page, "fieldset.r-q")
        axe_audit.check(page)
        shot = tmp_path / f"parent-{language}-360.png"
        page.screenshot(path=str(shot))
        print(f"legends: {shot}")
    assert not axe_audit.findings, axe_audit.report()


@pytest.mark.browser
def test_team_questions_stay_inside_their_box(
    live_server: object, world: World, new_context: NewContext, axe_audit: AxeAudit, tmp_path: Path
) -> None:
    base = str(live_server.url)  # type: ignore[attr-defined]
    page = new_context(**PHONE).new_page()
    log_in(page, base, world.bob.email)
    page.goto(f"{base}{reverse('analysis:answer', args=[world.school.id, world.round.id, 1])}")
    assert_legends_inside(page, "fieldset.question")
    axe_audit.check(page)
    shot = tmp_path / "team-360.png"
    page.screenshot(path=str(shot))
    print(f"legends: {shot}")
    assert not axe_audit.findings, axe_audit.report()
