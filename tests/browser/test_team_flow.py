"""End to end in a real browser: a coordinator and a team member run an analysis round together.

Elements are found by ids, form field names, hrefs, CSS classes and URL patterns — never by visible
text, because the interface text is being translated. The only texts looked up are the ones the test
typed itself (names, notes, a conclusion). Every page on the way is checked with axe-core.
"""

import re
from collections.abc import Callable
from datetime import date, timedelta
from urllib.parse import urlparse

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from analysis.models import ResponseStatus, TeamResponse
from framework.models import Audience, Dimension, Item
from tests.browser.axe import AxeAudit
from tests.browser.steps import click_one_option_per_question, invite_by_email, path_of, submit_main_form
from tests.helpers.world import PASSWORD, World

UUID = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
PAGES = 7

COORDINATOR_EMAIL = "anna.coordinator@example.org"
MEMBER_EMAIL = "mo.leerkracht@example.org"
COORDINATOR_NOTE = "Ouders vinden de weg naar het secretariaat, maar niet naar de zorgcoördinator."
MEMBER_NOTE = "Op de oudercontacten zien we vooral dezelfde ouders terug."
CONCLUSION = "We weten te weinig over wat ouders van de school weten; we vragen het hen zelf."

NewContext = Callable[..., BrowserContext]


def answer_questions(page: Page, offset: int, dont_know_first: bool = False) -> int:
    return click_one_option_per_question(
        page, "fieldset.question", "label.scale-option", ".dont-know", offset, dont_know_first
    )


def go_to_next_page(page: Page, round_path: str, number: int) -> None:
    page.locator("button[name=action][value=next]").click()
    expect(page).to_have_url(re.compile(re.escape(f"{round_path}answer/{number + 1}/") + "$"))


def sign_up(page: Page, name: str, email: str | None) -> None:
    page.locator("#id_name").fill(name)
    if email is not None:
        page.locator("#id_email").fill(email)
    page.locator("#id_password").fill(PASSWORD)
    submit_main_form(page)


@pytest.mark.browser
def test_team_runs_a_round_from_signup_to_shared_conclusion(
    live_server: object, content: None, new_context: NewContext, axe_audit: AxeAudit
) -> None:
    team_items = Item.objects.filter(audience=Audience.TEAM, school__isnull=True, retired=False)
    assert Dimension.objects.count() == PAGES
    assert team_items.values("dimension").distinct().count() == PAGES, "every dimension page needs questions"

    base = str(live_server.url)  # type: ignore[attr-defined]
    coordinator = new_context().new_page()
    member_context = new_context()
    member = member_context.new_page()

    # The coordinator creates an account and a school.
    coordinator.goto(f"{base}/accounts/signup/")
    axe_audit.check(coordinator)
    sign_up(coordinator, "Anna Coördinator", COORDINATOR_EMAIL)
    expect(coordinator).to_have_url(f"{base}/")
    axe_audit.check(coordinator)
    coordinator.locator('main a[href="/schools/new/"]').click()
    expect(coordinator).to_have_url(f"{base}/schools/new/")
    axe_audit.check(coordinator)
    coordinator.locator("#id_name").fill("Basisschool De Linde")
    coordinator.locator("#id_town").fill("Mechelen")
    submit_main_form(coordinator)
    expect(coordinator).to_have_url(re.compile(rf"/s/{UUID}/$"))
    school_path = path_of(coordinator)
    axe_audit.check(coordinator)

    # On the People page the coordinator invites a team member.
    link = invite_by_email(coordinator, base, school_path, MEMBER_EMAIL, "team", axe_audit)

    # The team member opens the link in another browser, creates an account and accepts.
    member.goto(link)
    axe_audit.check(member)
    member.locator('main a[href^="/accounts/login/"]').click()
    expect(member).to_have_url(re.compile(r"/accounts/login/\?next="))
    axe_audit.check(member)
    member.go_back()
    expect(member).to_have_url(link)
    member.locator('main a[href^="/accounts/signup/"]').click()
    expect(member).to_have_url(re.compile(r"/accounts/signup/\?"))
    expect(member.locator("#id_email")).to_have_value(MEMBER_EMAIL)
    sign_up(member, "Mo Leerkracht", None)
    expect(member).to_have_url(link)
    axe_audit.check(member)
    submit_main_form(member)
    expect(member).to_have_url(f"{base}{school_path}")
    axe_audit.check(member)

    # The coordinator sees the new member on the People page, then starts a round for both of them.
    coordinator.reload()
    expect(coordinator.locator("main table.data-table tbody tr", has_text=MEMBER_EMAIL)).to_have_count(1)
    expect(coordinator.locator("main .card-list li", has_text=MEMBER_EMAIL)).to_have_count(0)
    coordinator.locator(f'.school-nav a[href="{school_path}rounds/"]').click()
    expect(coordinator).to_have_url(f"{base}{school_path}rounds/")
    axe_audit.check(coordinator)
    coordinator.locator(f'main a[href="{school_path}rounds/new/"]').click()
    expect(coordinator).to_have_url(f"{base}{school_path}rounds/new/")
    axe_audit.check(coordinator)
    coordinator.locator("#id_title").fill("Oudercontact najaar")
    coordinator.locator("input[name=scope][value=whole_school]").check()
    today = date.today()
    coordinator.locator("#id_starts_on").fill(today.isoformat())
    coordinator.locator("#id_ends_on").fill((today + timedelta(days=30)).isoformat())
    invitees = coordinator.locator("input[name=invitees]")
    expect(invitees).to_have_count(2)
    for index in range(2):
        expect(invitees.nth(index)).to_be_checked()
    submit_main_form(coordinator)
    expect(coordinator).to_have_url(re.compile(rf"{re.escape(school_path)}rounds/{UUID}/$"))
    round_path = path_of(coordinator)
    axe_audit.check(coordinator)

    # The coordinator answers all seven pages: "weet ik niet" once, a note on page 2.
    coordinator.locator(f'main a[href="{round_path}answer/1/"]').click()
    for number in range(1, PAGES + 1):
        expect(coordinator).to_have_url(f"{base}{round_path}answer/{number}/")
        axe_audit.check(coordinator)
        answer_questions(coordinator, offset=3, dont_know_first=number == 1)
        if number == 2:
            coordinator.locator("textarea[name=note]").fill(COORDINATOR_NOTE)
        if number < PAGES:
            go_to_next_page(coordinator, round_path, number)
    coordinator.locator("button[name=action][value=submit]").click()
    expect(coordinator).to_have_url(f"{base}{round_path}")
    expect(coordinator.locator(".messages .message-success")).to_be_visible()

    # The team member finds the round, answers three pages, stops, and resumes from the round page.
    member.locator(f'.school-nav a[href="{school_path}rounds/"]').click()
    expect(member).to_have_url(f"{base}{school_path}rounds/")
    axe_audit.check(member)
    member.locator(f'main a[href="{round_path}"]').click()
    expect(member).to_have_url(f"{base}{round_path}")
    axe_audit.check(member)
    member.locator(f'main a[href="{round_path}answer/1/"]').click()
    answered_on_page_3 = 0
    for number in range(1, 4):
        expect(member).to_have_url(f"{base}{round_path}answer/{number}/")
        answered = answer_questions(member, offset=number, dont_know_first=number == 2)
        if number < 3:
            go_to_next_page(member, round_path, number)
        else:
            answered_on_page_3 = answered
    member.locator("textarea[name=note]").fill(MEMBER_NOTE)
    member.locator("button[name=action][value=save]").click()
    expect(member).to_have_url(f"{base}{round_path}")
    expect(member.locator(".messages .message-success")).to_be_visible()
    axe_audit.check(member)

    member.locator(f'main a[href="{round_path}answer/4/"]').click()  # "go on where you left off"
    expect(member).to_have_url(f"{base}{round_path}answer/4/")
    axe_audit.check(member)
    member.locator(f'.page-steps a[href="{round_path}answer/3/"]').click()
    expect(member).to_have_url(f"{base}{round_path}answer/3/")
    expect(member.locator("textarea[name=note]")).to_have_value(MEMBER_NOTE)
    expect(member.locator("fieldset.question input[type=radio]:checked")).to_have_count(answered_on_page_3)
    go_to_next_page(member, round_path, 3)
    for number in range(4, PAGES + 1):
        expect(member).to_have_url(f"{base}{round_path}answer/{number}/")
        answer_questions(member, offset=number)
        if number < PAGES:
            go_to_next_page(member, round_path, number)
    member.locator("button[name=action][value=submit]").click()
    expect(member).to_have_url(f"{base}{round_path}")

    # Both have handed in every question (read back, not driven, through the database).
    responses = TeamResponse.objects.filter(round__id=round_path.rstrip("/").rsplit("/", 1)[-1])
    assert sorted(responses.values_list("status", flat=True)) == [ResponseStatus.SUBMITTED] * 2
    for response in responses:
        assert response.answers.count() == team_items.count()
        assert response.answers.filter(value__isnull=True).count() == 1  # one "weet ik niet" each

    # The coordinator reads the profile: radar, figures, notes; writes and saves a conclusion.
    coordinator.reload()
    axe_audit.check(coordinator)
    coordinator.locator(f'main a[href="{round_path}profile/"]').click()
    expect(coordinator).to_have_url(f"{base}{round_path}profile/")
    axe_audit.check(coordinator)
    radars = coordinator.locator("section.profile-side svg.radar")
    expect(radars.first).to_be_visible()
    expect(radars.first.locator("g.series-team polygon")).to_have_count(1)
    tables = coordinator.locator("section.profile-side table.data-table")
    expect(tables).to_have_count(radars.count())
    expect(tables.first.locator("tbody tr")).to_have_count(PAGES)
    means = tables.first.locator("tbody tr td:nth-child(2)").all_inner_texts()
    assert any(re.fullmatch(r"[1-5]([.,]\d)?", mean.strip()) for mean in means), means
    expect(coordinator.locator("ul.notes li", has_text=COORDINATOR_NOTE)).to_have_count(1)
    expect(coordinator.locator("ul.notes li", has_text=MEMBER_NOTE)).to_have_count(1)
    expect(coordinator.locator("ul.notes", has_text="Anna")).to_have_count(0)  # notes stay anonymous

    discussion = coordinator.locator("article.dimension-discussion").first
    anchor = discussion.get_attribute("id")
    assert anchor and anchor.startswith("conclusion-"), anchor
    key = anchor.removeprefix("conclusion-")
    discussion.locator(f'textarea[name="{key}-text"]').fill(CONCLUSION)
    discussion.locator("button[type=submit]").click()
    expect(coordinator).to_have_url(f"{base}{round_path}profile/#{anchor}")
    expect(coordinator.locator(".messages .message-success")).to_be_visible()
    axe_audit.check(coordinator)
    coordinator.reload()
    expect(coordinator.locator(f'#{anchor} textarea[name="{key}-text"]')).to_have_value(CONCLUSION)

    # The team member sees the shared conclusion (read only) on the profile.
    member.locator(f'main a[href="{round_path}profile/"]').click()
    expect(member).to_have_url(f"{base}{round_path}profile/")
    expect(member.locator(f"#{anchor} p", has_text=CONCLUSION)).to_be_visible()
    expect(member.locator("article.dimension-discussion textarea")).to_have_count(0)
    axe_audit.check(member)

    # The guide to the framework.
    coordinator.locator('.school-nav a[href="/werkkader/"]').click()
    expect(coordinator).to_have_url(f"{base}/werkkader/")
    expect(coordinator.locator("article.dimension-card")).to_have_count(PAGES)
    axe_audit.check(coordinator)

    every_page = {
        "/accounts/signup/",
        "/accounts/login/",
        "/schools/new/",
        school_path,
        f"{school_path}members/",
        urlparse(link).path,
        f"{school_path}rounds/",
        f"{school_path}rounds/new/",
        round_path,
        *(f"{round_path}answer/{number}/" for number in range(1, PAGES + 1)),
        f"{round_path}profile/",
        "/werkkader/",
    }
    audited = {urlparse(url).path for url in axe_audit.audited}
    assert every_page <= audited, f"axe did not see {every_page - audited}"
    assert not axe_audit.findings, axe_audit.report()


@pytest.mark.browser
def test_answer_pages_fit_a_small_phone(live_server: object, world: World, new_context: NewContext) -> None:
    base = str(live_server.url)  # type: ignore[attr-defined]
    phone = new_context(
        viewport={"width": 360, "height": 740}, device_scale_factor=2, is_mobile=True, has_touch=True
    ).new_page()
    phone.goto(f"{base}/accounts/login/")
    phone.locator("#id_username").fill(world.bob.email)
    phone.locator("#id_password").fill(PASSWORD)
    submit_main_form(phone)
    expect(phone).to_have_url(f"{base}/")

    round_path = f"/s/{world.school.id}/rounds/{world.round.id}/"
    for number in range(1, PAGES + 1):
        phone.goto(f"{base}{round_path}answer/{number}/")
        options = phone.locator("label.scale-option")
        expect(options.first).to_be_visible()
        scroll_width = phone.evaluate("document.documentElement.scrollWidth")
        assert scroll_width <= 360, f"page {number} scrolls sideways: {scroll_width}px wide"
        heights = options.evaluate_all("labels => labels.map(label => label.getBoundingClientRect().height)")
        assert min(heights) >= 44, f"page {number}: a scale option is only {min(heights)}px tall"

    last = phone.locator("fieldset.question").first.locator("label.scale-option").last
    last.tap()
    expect(last.locator("input[type=radio]")).to_be_checked()
