"""In a real browser: parents and pupils answer with a code, and the coordinator reads their voices.

Elements are found by ids, form field names, values, hrefs and CSS classes — never by visible text,
because the questionnaire is shown in sixteen languages. Data is made through the ORM; the flows
themselves are driven with clicks. Every page on the way is checked with axe-core.
"""

import random
import re
from collections.abc import Callable
from urllib.parse import urlparse

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from accounts.models import User
from analysis.models import ResponseStatus, Round, RoundItem, TeamResponse
from analysis.queries import counted_items
from analysis.rounds import save_page, submit_response
from framework.models import Dimension, Item
from surveys.batches import issue_codes
from surveys.models import SurveyResponse
from surveys.respond import Opening, hand_in, open_with_code, save_answers
from tests.browser.axe import AxeAudit
from tests.browser.steps import PHONE, click_one_option_per_question, path_of
from tests.helpers.world import PASSWORD, World

NewContext = Callable[..., BrowserContext]
Audit = Callable[[Page], None]

ARABIC_NOTE = "نريد لقاءات أكثر في المساء"
DUTCH_NOTE = "Meer avondmomenten graag."
PUPIL_NOTE = "Більше зустрічей з учнями."


def assert_fits(page: Page, width: int = 360) -> None:
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= width, f"{path_of(page)} scrolls sideways: {scroll_width}px wide"


def open_code_link(page: Page, base: str, code: str, audit: Audit) -> None:
    """The QR link on the letter: the code is filled in, the respondent presses start."""
    page.goto(f"{base}/q/c/{code}/")
    expect(page.locator("input[name=code]")).not_to_have_value("")
    audit(page)
    page.locator("main form button[type=submit]").click()


def choose_language(page: Page, language: str, audit: Audit) -> None:
    expect(page).to_have_url(re.compile(r"/q/language/"))
    audit(page)
    page.locator(f"button[name=lang][value={language}]").click()
    expect(page).to_have_url(re.compile(rf"/q/1/\?lang={language}$"))
    expect(page.locator("html")).to_have_attribute("lang", language)


def answer_page(page: Page, offset: int, dont_know_first: bool = False) -> int:
    return click_one_option_per_question(page, "fieldset.r-q", "label.r-opt", ".r-dk", offset, dont_know_first)


def page_number(page: Page) -> int:
    found = re.search(r"/(\d+)/$", path_of(page))
    assert found, page.url
    return int(found.group(1))


def answer_all_pages(
    page: Page, audit: Audit, *, dont_know: bool = True, on_page: Callable[[Page, int], None] | None = None
) -> int:
    """Answers page after page until the open question; returns the number of answered questions."""
    answered = 0
    while "/end/" not in path_of(page):
        number = page_number(page)
        audit(page)
        answered += answer_page(page, offset=number, dont_know_first=dont_know and number == 1)
        if on_page is not None:
            on_page(page, number)
        page.locator("button[name=action][value=next]").click()
        expect(page).not_to_have_url(re.compile(rf"/{number}/\?"))
    return answered


def hand_in_with_note(page: Page, note: str, audit: Audit) -> None:
    expect(page).to_have_url(re.compile(r"/q/end/"))
    audit(page)
    page.locator("textarea[name=open_answer]").fill(note)
    page.locator("button[name=action][value=hand_in]").click()
    expect(page).to_have_url(re.compile(r"/q/thanks/"))
    audit(page)


def see_code_is_used(page: Page, base: str, code: str, audit: Audit) -> None:
    page.goto(f"{base}/q/c/{code}/")
    page.locator("main form button[type=submit]").click()
    expect(page).to_have_url(f"{base}/q/")
    expect(page.locator("main form input[name=code]")).to_have_count(0)  # a message, not the form again
    expect(page.locator("main a.r-link[href^='/q/?lang=']")).to_be_visible()
    audit(page)


STEPS = {
    "code link": re.compile(r"^/q/c/[A-Z0-9]+/$"),
    "language": re.compile(r"^/q/language/$"),
    "question": re.compile(r"^/q/(\d+)/$"),
    "end": re.compile(r"^/q/end/$"),
    "thanks": re.compile(r"^/q/thanks/$"),
    "used code": re.compile(r"^/q/$"),
}


def audited_paths(axe_audit: AxeAudit) -> set[str]:
    return {urlparse(url).path for url in axe_audit.audited}


def page_total(round_: Round, audience: str) -> int:
    """The questionnaire has one page per dimension with questions for this audience."""
    items = Item.objects.filter(
        id__in=RoundItem.objects.filter(round=round_).values("item_id"), audience=audience, retired=False
    )
    return items.values("dimension").distinct().count()


def assert_audited_every_step(axe_audit: AxeAudit, pages: int, skip: tuple[str, ...] = ()) -> None:
    paths = audited_paths(axe_audit)
    steps = [step for step in STEPS if step not in skip]
    missing = [step for step in steps if not any(STEPS[step].match(path) for path in paths)]
    assert not missing, f"axe did not see {missing}"
    numbers = {int(found.group(1)) for path in paths if (found := STEPS["question"].match(path))}
    assert numbers == set(range(1, pages + 1)), numbers


@pytest.mark.browser
def test_parent_answers_in_arabic_on_a_small_phone(
    live_server: object, world: World, new_context: NewContext, axe_audit: AxeAudit
) -> None:
    base = str(live_server.url)  # type: ignore[attr-defined]
    code = issue_codes(world.round, "parent", "class", "3A", "ar", 1, world.alice).codes[0]
    page = new_context(**PHONE).new_page()

    open_code_link(page, base, code, axe_audit.check)
    assert_fits(page)
    choose_language(page, "ar", axe_audit.check)
    assert page.evaluate("[document.documentElement.dir, document.documentElement.lang]") == ["rtl", "ar"]

    # The first question is read aloud: a WAV made by espeak-ng, played by the browser.
    audio = page.locator("fieldset.r-q").first.locator("audio.r-audio")
    expect(audio).to_have_count(1)
    with page.expect_response(lambda response: "/audio/" in response.url) as played:
        page.locator("fieldset.r-q").first.locator("label.r-opt").first.click()  # a user gesture first
        playing = audio.evaluate("el => el.play().then(() => 'playing', error => error.name)")
    assert playing == "playing"
    clip = played.value
    assert clip.status == 200
    assert clip.headers["content-type"] == "audio/wav"
    assert clip.body()[:4] == b"RIFF"
    audio.evaluate("el => el.readyState >= 1 ? null : new Promise(done => el.addEventListener('loadedmetadata', done))")
    assert audio.evaluate("el => el.duration") > 0
    audio.evaluate("el => el.pause()")

    def check_rtl(page: Page, number: int) -> None:
        assert_fits(page)
        assert page.evaluate("[document.documentElement.dir, document.documentElement.lang]") == ["rtl", "ar"]
        directions = page.evaluate(
            "[...document.querySelectorAll('.r-scale, .r-buttons')].map(el => getComputedStyle(el).direction)"
        )
        assert directions and set(directions) == {"rtl"}, directions
        if number > 1:
            next_box = page.locator("button[name=action][value=next]").bounding_box()
            back_box = page.locator("button[name=action][value=back]").bounding_box()
            assert next_box and back_box
            assert next_box["x"] + next_box["width"] <= back_box["x"], "in Arabic 'next' belongs on the left"
        if number == 2:  # go back once: page 1 kept its answers, page 2 keeps the ones just given
            given = page.locator("fieldset.r-q input[type=radio]:checked").count()
            page.locator("button[name=action][value=back]").click()
            expect(page).to_have_url(re.compile(r"/1/\?lang=ar$"))
            questions = page.locator("fieldset.r-q").count()
            expect(page.locator("fieldset.r-q input[type=radio]:checked")).to_have_count(questions)
            expect(page.locator("fieldset.r-q").first.locator("label.r-dk input")).to_be_checked()
            page.locator("button[name=action][value=next]").click()
            expect(page).to_have_url(re.compile(r"/2/\?lang=ar$"))
            expect(page.locator("fieldset.r-q input[type=radio]:checked")).to_have_count(given)
            # From here on the Dutch text is shown beside the Arabic, left to right.
            page.locator(".r-dutch-toggle button[value=show_dutch]").click()
            expect(page).to_have_url(re.compile(r"/2/\?lang=ar&nl=1$"))
            expect(page.locator("fieldset.r-q input[type=radio]:checked")).to_have_count(given)
            dutch = page.locator("fieldset.r-q .r-nl[lang=nl]").first
            expect(dutch).to_be_visible()
            assert dutch.evaluate("el => getComputedStyle(el).direction") == "ltr"
            assert_fits(page)
            axe_audit.check(page)

    answered = answer_all_pages(page, axe_audit.check, on_page=check_rtl)
    assert_fits(page)
    assert page.evaluate("document.documentElement.dir") == "rtl"
    hand_in_with_note(page, ARABIC_NOTE, axe_audit.check)
    assert_fits(page)
    assert page.evaluate("[document.documentElement.dir, document.documentElement.lang]") == ["rtl", "ar"]
    see_code_is_used(page, base, code, axe_audit.check)
    assert page.evaluate("document.documentElement.dir") == "rtl"  # told in the family's language

    assert_audited_every_step(axe_audit, pages=page_total(world.round, "parent"))
    stored = SurveyResponse.objects.get()
    assert (stored.status, stored.language, stored.audience, stored.group_label) == (
        ResponseStatus.SUBMITTED,
        "ar",
        "parent",
        "3A",
    )
    assert stored.open_answer == ARABIC_NOTE
    assert stored.answers.count() == answered
    assert stored.answers.filter(value__isnull=True).exists()
    assert not axe_audit.findings, axe_audit.report()


@pytest.mark.browser
def test_parent_answers_in_dutch_without_javascript(
    live_server: object, world: World, new_context: NewContext, axe_audit: AxeAudit
) -> None:
    base = str(live_server.url)  # type: ignore[attr-defined]
    code = issue_codes(world.round, "parent", "class", "1B", "", 1, world.alice).codes[0]
    page = new_context(java_script_enabled=False).new_page()
    # axe-core needs JavaScript, so a second browser opens each page the parent sees and audits it there.
    auditor = new_context().new_page()

    def audit_copy(seen: Page) -> None:
        # The questionnaire's URLs are the same for everyone: the auditor needs the parent's device cookie.
        auditor.context.add_cookies(seen.context.cookies())  # type: ignore[arg-type]
        auditor.goto(seen.url)
        axe_audit.check(auditor)

    open_code_link(page, base, code, audit_copy)
    choose_language(page, "nl", audit_copy)
    assert page.evaluate("[document.documentElement.dir, document.documentElement.lang]") == ["ltr", "nl"]
    answered = answer_all_pages(page, audit_copy)
    hand_in_with_note(page, DUTCH_NOTE, audit_copy)
    see_code_is_used(page, base, code, lambda _page: None)
    see_code_is_used(auditor, base, code, axe_audit.check)
    assert_audited_every_step(axe_audit, pages=page_total(world.round, "parent"))

    stored = SurveyResponse.objects.get()
    assert (stored.status, stored.language, stored.audience, stored.group_label) == (
        ResponseStatus.SUBMITTED,
        "nl",
        "parent",
        "1B",
    )
    assert stored.open_answer == DUTCH_NOTE
    assert answered > 0 and stored.answers.count() == answered
    assert stored.answers.filter(value__isnull=True).count() == 1
    assert not axe_audit.findings, axe_audit.report()


def answer_through_the_database(
    round_: Round, audience: str, group: str, language: str, count: int, by: User, notes: list[str]
) -> None:
    """Parents or pupils who answered without a browser: every question, a random 1 to 5."""
    rng = random.Random(f"{audience}{group}")
    item_ids = list(
        Item.objects.filter(
            id__in=RoundItem.objects.filter(round=round_).values("item_id"), audience=audience, retired=False
        ).values_list("id", flat=True)
    )
    assert item_ids, f"no questions for {audience}"
    for index, code in enumerate(issue_codes(round_, audience, "class", group, language, count, by).codes):
        opened = open_with_code(code)
        assert opened.outcome == Opening.OPENED and opened.response is not None
        save_answers(opened.response, 1, {item_id: rng.randint(1, 5) for item_id in item_ids}, language or "nl")
        assert hand_in(opened.response, notes[index % len(notes)])


def team_answers_everything(round_: Round, user: User, rng: random.Random) -> None:
    response = TeamResponse.objects.get(round=round_, user=user)
    items = list(counted_items(round_))
    for number, dimension in enumerate(Dimension.objects.order_by("position"), start=1):
        answers = {item.id: rng.randint(1, 5) for item in items if item.dimension_id == dimension.pk}
        save_page(response, dimension, number, answers, "")
    submit_response(response)


FIGURE = re.compile(r"\d[.,]\d \(n=(\d+)\)")  # a mean with its number of respondents: "3,4 (n=5)"


@pytest.mark.browser
def test_a_pupil_answers_and_the_coordinator_sees_three_perspectives(
    live_server: object, world: World, new_context: NewContext, axe_audit: AxeAudit
) -> None:
    base = str(live_server.url)  # type: ignore[attr-defined]
    code = issue_codes(world.round, "pupil_12_18", "class", "2B", "uk", 1, world.alice).codes[0]

    # A pupil answers in Ukrainian, by clicks.
    pupil = new_context().new_page()
    open_code_link(pupil, base, code, axe_audit.check)
    choose_language(pupil, "uk", axe_audit.check)
    answered = answer_all_pages(pupil, axe_audit.check, dont_know=False)
    hand_in_with_note(pupil, PUPIL_NOTE, axe_audit.check)
    assert_audited_every_step(axe_audit, pages=page_total(world.round, "pupil_12_18"), skip=("used code",))
    stored = SurveyResponse.objects.get()
    assert (stored.status, stored.language, stored.audience) == (ResponseStatus.SUBMITTED, "uk", "pupil_12_18")
    assert stored.answers.filter(value__isnull=False).count() == answered

    # Nine classmates of the same group and home language, ten parents and the team answer too (through the
    # database, to keep it fast): answers enter the figures in chunks of five of one group and home language,
    # and open answers are shown once ten of an audience are in the figures.
    answer_through_the_database(world.round, "pupil_12_18", "2B", "uk", 9, world.alice, [PUPIL_NOTE])
    answer_through_the_database(world.round, "parent", "3A", "tr", 10, world.alice, [DUTCH_NOTE, ""])
    rng = random.Random(7)
    for person in (world.alice, world.bob):
        team_answers_everything(world.round, person, rng)

    # The coordinator logs in and looks at the invitations and the profile.
    coordinator = new_context().new_page()
    coordinator.goto(f"{base}/accounts/login/")
    coordinator.locator("#id_username").fill(world.alice.email)
    coordinator.locator("#id_password").fill(PASSWORD)
    coordinator.locator("main form:not(.inline-form) button[type=submit]").click()
    expect(coordinator).to_have_url(f"{base}/")
    round_path = f"/s/{world.school.id}/rounds/{world.round.id}/"
    coordinator.goto(f"{base}{round_path}")
    coordinator.locator(f'main a[href="{round_path}invitations/"]').click()
    expect(coordinator).to_have_url(f"{base}{round_path}invitations/")
    axe_audit.check(coordinator)
    batches = coordinator.locator("main table.data-table tbody tr")
    expect(batches).to_have_count(3)
    coordinator.locator(f'main a[href="{round_path}"]').first.click()
    expect(coordinator).to_have_url(f"{base}{round_path}")
    coordinator.locator(f'main a[href="{round_path}profile/"]').click()
    expect(coordinator).to_have_url(f"{base}{round_path}profile/")
    axe_audit.check(coordinator)

    # Both radar charts draw the team, the parents and the pupils. Pupils are not asked about every
    # dimension on every side: where their table cell gives no figure ("niet gevraagd") their line breaks, with a
    # hollow marker.
    radars = coordinator.locator("section.profile-side svg.radar")
    tables = coordinator.locator("section.profile-side table.data-table")
    expect(radars).to_have_count(2)
    expect(tables).to_have_count(2)
    for index in range(2):
        radar = radars.nth(index)
        for series in ("series-team", "series-parents"):
            expect(radar.locator(f"g.{series} polygon")).to_have_count(1)
        pupils_cells = tables.nth(index).locator("tbody tr td:nth-child(8)")
        without_pupils = pupils_cells.count() - pupils_cells.filter(has_text="(n=").count()
        expect(radar.locator("g.series-pupils circle.gap")).to_have_count(without_pupils)
        expect(radar.locator("g.series-pupils polygon")).to_have_count(0 if without_pupils else 1)
        expect(radar.locator("xpath=..").locator(".legend .legend-item")).to_have_count(3)

    # The tables give the parents' and the pupils' figures, each over ten people.
    expect(tables.locator(".suppressed")).to_have_count(0)
    for column in (7, 8):  # Parents, Pupils
        cells = tables.locator(f"tbody tr td:nth-child({column})").all_inner_texts()
        counts = {int(found.group(1)) for cell in cells if (found := FIGURE.search(cell))}
        assert counts == {10}, (column, cells)

    # The voices: response per group, and the open answers (ten of each audience are in the figures).
    voices = coordinator.locator("section.voices")
    rates = voices.locator("table.data-table").first.locator("tbody tr")
    expect(rates).to_have_count(2)
    for group in ("3A", "2B"):
        row = rates.filter(has=coordinator.locator("td:nth-child(2)", has_text=group))
        expect(row.locator("td:nth-child(3)")).to_have_text("10")  # invited
        expect(row.locator("td:nth-child(4)")).to_have_text("10")  # answered
        expect(row.locator("td:nth-child(5)")).to_have_text("100%")
    expect(voices.locator("ul.notes li", has_text=PUPIL_NOTE)).to_have_count(10)
    expect(voices.locator("ul.notes li", has_text=DUTCH_NOTE)).to_have_count(5)
    assert not axe_audit.findings, axe_audit.report()
