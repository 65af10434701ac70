"""Staff pages on a 360 px phone: no page is wider than the screen, and the team's first question shows at once.

The test logs in to the demo school as the coordinator, a team member and the parent representative,
follows every link it finds from the dashboard (same origin, GET only, HTML only) and measures each
page's scroll width. Offenders are reported all at once, each with the elements that stick out.
"""

import re
from collections import deque
from collections.abc import Callable
from urllib.parse import urldefrag, urljoin, urlparse

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from analysis.models import Round
from demo.school import COORDINATOR_EMAIL, DEMO_PASSWORD, DEMO_SCHOOL, PARENT_REP_EMAIL, TEAM, create_demo_school
from schools.models import School
from support.directory_loading import load_support_directory
from tests.browser.axe import AxeAudit
from tests.browser.steps import PHONE, log_in

NewContext = Callable[..., BrowserContext]

PHONE_WIDTH = PHONE["viewport"]["width"]  # type: ignore[index]
PHONE_HEIGHT = PHONE["viewport"]["height"]  # type: ignore[index]
# The team member who has not started the questionnaire yet, so its first page is a fresh one.
TEAM_MEMBER_EMAIL = TEAM[-1][1]
# Pages outside the school's own URLs that staff reach from the school's pages.
STAFF_PAGES_OUTSIDE_SCHOOL = ("/", "/werkkader/", "/support/", "/coach/")
# Links that download a file or end the session: the crawl does not follow them.
NOT_A_PAGE = re.compile(r"(\.(pdf|csv|xlsx)$)|(/export/)|(/logout/)|(/audio/)")
MOST_PAGES = 150  # a guard against a crawl that never ends; the demo has far fewer pages

# The outermost elements that stick out past the viewport (and are not inside a box that scrolls or clips),
# so a report names the culprit rather than every ancestor.
STICKING_OUT = """(width) => {
  const clippedOrHidden = (el) => {
    if (!el.checkVisibility()) return true;
    for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
      if (getComputedStyle(up).overflowX !== 'visible') return true;
    }
    return false;
  };
  const classes = (el) => typeof el.className === 'string' ? el.className.trim().split(/\\s+/).filter(Boolean) : [];
  const name = (el) => [el.tagName.toLowerCase() + (el.id ? '#' + el.id : ''), ...classes(el)].join('.');
  const found = [];
  for (const el of document.body.querySelectorAll('*')) {
    const box = el.getBoundingClientRect();
    if (box.right <= width + 0.5 || box.width === 0 || clippedOrHidden(el)) continue;
    if (found.some(outer => outer.contains(el))) continue;
    found.push(el);
  }
  return found.slice(0, 5).map(el => name(el) + ' (' + Math.round(el.getBoundingClientRect().right) + ' px)');
}"""


def is_staff_page(path: str, school_path: str) -> bool:
    if NOT_A_PAGE.search(path):
        return False
    return path.startswith(school_path) or path in STAFF_PAGES_OUTSIDE_SCHOOL


def crawl_and_measure(page: Page, base: str, school_path: str) -> tuple[list[str], dict[str, list[str]]]:
    """Visits every staff page linked from the dashboard onwards; returns the pages seen and the too-wide ones."""
    origin = urlparse(base).netloc
    queue = deque([f"{base}{school_path}"])
    seen = {queue[0]}
    visited: list[str] = []
    too_wide: dict[str, list[str]] = {}
    while queue:
        url = queue.popleft()
        response = page.goto(url)
        assert response is not None and response.ok, f"{url}: {response and response.status}"
        if not response.headers.get("content-type", "").startswith("text/html"):
            continue
        visited.append(url)
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > PHONE_WIDTH:
            too_wide[urlparse(url).path] = [f"{width} px", *page.evaluate(STICKING_OUT, PHONE_WIDTH)]
        for href in page.eval_on_selector_all("a[href]:not([download])", "links => links.map(a => a.href)"):
            target = urldefrag(urljoin(url, href)).url
            parsed = urlparse(target)
            if parsed.netloc != origin or target in seen or not is_staff_page(parsed.path, school_path):
                continue
            seen.add(target)
            queue.append(target)
        assert len(visited) <= MOST_PAGES, "the crawl does not end"
    return visited, too_wide


def offenders_report(too_wide: dict[str, list[str]]) -> str:
    lines = [f"{len(too_wide)} staff pages are wider than {PHONE_WIDTH} px:"]
    for path, details in too_wide.items():
        lines.append(f"- {path}: {details[0]}")
        lines.extend(f"    {element}" for element in details[1:])
    return "\n".join(lines)


@pytest.mark.browser
def test_no_staff_page_of_the_demo_is_wider_than_a_phone(
    live_server: object, content: None, fast_password_hashing: None, new_context: NewContext
) -> None:
    load_support_directory()
    create_demo_school()
    school = School.objects.get(name=DEMO_SCHOOL)
    school_path = f"/s/{school.id}/"
    round_ = Round.objects.get(school=school)
    base = str(live_server.url)  # type: ignore[attr-defined]

    too_wide: dict[str, list[str]] = {}
    visited_by: dict[str, int] = {}
    for email in (COORDINATOR_EMAIL, TEAM_MEMBER_EMAIL, PARENT_REP_EMAIL):
        page = new_context(**PHONE).new_page()
        log_in(page, base, email, DEMO_PASSWORD)
        visited, wide = crawl_and_measure(page, base, school_path)
        visited_by[email] = len(visited)
        too_wide.update({f"{path} ({email.split('@')[0]})": details for path, details in wide.items()})
        if email == COORDINATOR_EMAIL:
            members = f"{base}{school_path}rounds/{round_.id}/"
            assert members in visited, "the round's page with its members table was not reached"
    print(f"staff pages measured at {PHONE_WIDTH} px: {visited_by}")

    assert visited_by[COORDINATOR_EMAIL] >= 20, visited_by  # the crawl really walked the school
    assert not too_wide, offenders_report(too_wide)


@pytest.mark.browser
def test_on_a_phone_the_menu_folds_away_and_the_first_team_question_shows_at_once(
    live_server: object, content: None, fast_password_hashing: None, new_context: NewContext, axe_audit: AxeAudit
) -> None:
    create_demo_school()
    school = School.objects.get(name=DEMO_SCHOOL)
    round_ = Round.objects.get(school=school)
    base = str(live_server.url)  # type: ignore[attr-defined]
    answer_page = f"{base}/s/{school.id}/rounds/{round_.id}/answer/1/"
    page = new_context(**PHONE).new_page()
    log_in(page, base, TEAM_MEMBER_EMAIL, DEMO_PASSWORD)

    page.goto(answer_page)
    menu_link = page.locator('.site-menu a[href="/werkkader/"]')
    expect(menu_link).to_be_hidden()
    first_question = page.locator("fieldset.question").first
    expect(first_question).to_be_in_viewport()
    box = first_question.bounding_box()
    assert box is not None
    top = box["y"]
    first_option = first_question.locator("label.scale-option").first.bounding_box()
    assert first_option is not None
    print(
        f"first team question starts at {top:.0f} px, its first answer at {first_option['y']:.0f} px "
        f"of a {PHONE_WIDTH}×{PHONE_HEIGHT} screen"
    )
    assert first_option["y"] + first_option["height"] <= PHONE_HEIGHT, "the first answer is below the first screen"
    axe_audit.check(page)

    # The menu opens from the keyboard (no JavaScript involved: a <details>), and shows the main menu.
    page.locator(".site-menu > summary").focus()
    page.keyboard.press("Enter")
    expect(menu_link).to_be_visible()
    expect(page.locator("#language-select")).to_be_visible()
    axe_audit.check(page)

    # On a wide screen the same menu stays open, with no button in the way.
    desktop = new_context(viewport={"width": 1280, "height": 800}).new_page()
    log_in(desktop, base, COORDINATOR_EMAIL, DEMO_PASSWORD)
    desktop.goto(f"{base}/s/{school.id}/")
    expect(desktop.locator('.site-menu a[href="/werkkader/"]')).to_be_visible()
    expect(desktop.locator(".site-menu > summary")).to_be_hidden()
    axe_audit.check(desktop)
    assert not axe_audit.findings, axe_audit.report()
