"""End to end in a real browser: from a finished round to a checked action plan, a coach's comment and the PDF.

The round itself is prepared through the ORM (answered by the team, then closed); everything after
that is clicked in Chromium. Elements are found by ids, form field names, values, hrefs and data
attributes — never by visible text. Every page on the way is checked with axe-core.
"""

import random
import re
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import urlparse

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from actions.models import Action
from analysis.models import Round
from analysis.rounds import close_round, start_round
from framework.localized import show_dimensions
from framework.models import Dimension
from results.focus import round_focus
from schools.models import Membership, Role, School
from tests.browser.axe import AxeAudit
from tests.browser.steps import invite_by_email, log_in, submit_main_form
from tests.helpers.browser_downloads import download_made_file
from tests.helpers.team_answers import answer_everything
from tests.helpers.tools import run_poppler
from tests.helpers.world import PASSWORD, make_user

UUID = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
ROUND_TITLE = "Ronde voorjaar ouderbetrokkenheid"
OWN_TITLE = "Leerlingen leiden de oudergesprekken"
PUPIL_PART = "Leerlingen bereiden het gesprek voor en stellen hun eigen werk voor."
COACH_EMAIL = "cas.coach@example.org"
COMMENT = "Goed plan; begin met één klas en evalueer na zes weken."
MIN_DIMENSIONS = 3

NewContext = Callable[..., BrowserContext]


def finished_round() -> tuple[School, Round, frozenset[str]]:
    """A school with a coordinator and a team member, a round they both answered, closed; and its focus."""
    school = School.objects.create(name="Basisschool De Wilg", town="Leuven")
    anna = make_user("Anna Coördinator", "anna@example.org")
    mo = make_user("Mo Leerkracht", "mo@example.org")
    Membership.objects.create(school=school, user=anna, role=Role.COORDINATOR)
    Membership.objects.create(school=school, user=mo, role=Role.TEAM)
    today = date.today()
    round_ = start_round(school, anna, ROUND_TITLE, "whole_school", "", today - timedelta(days=30), today, [anna, mo])
    rng = random.Random(7)
    answer_everything(round_, anna, rng)
    answer_everything(round_, mo, rng)
    close_round(round_)
    dimensions = {shown.dimension.pk: shown.key for shown in show_dimensions("nl")}
    focus = round_focus(round_, dimensions)
    return school, round_, focus.weakest | focus.largest_gaps


def own_dimensions(wanted: frozenset[str], added: list[Action]) -> list[Dimension]:
    """Three dimensions for the own action: first the focus dimensions the added suggestions leave open."""
    covered = {dimension.key for action in added for dimension in action.dimensions.all()}
    ordered = list(Dimension.objects.order_by("position"))
    chosen = [d for d in ordered if d.key in wanted - covered]
    assert len(chosen) <= MIN_DIMENSIONS, chosen
    return chosen + [d for d in ordered if d not in chosen][: MIN_DIMENSIONS - len(chosen)]


def warnings_of(page: Page) -> list[str]:
    return page.locator("[data-testid=plan-warnings] [data-code]").evaluate_all(
        "items => items.map(item => item.dataset.code)"
    )


@pytest.mark.browser
def test_plan_from_finished_round_to_coach_comment_and_pdf(
    live_server: object, content: None, new_context: NewContext, axe_audit: AxeAudit, tmp_path: Path
) -> None:
    school, round_, wanted = finished_round()
    coordinator_user = Membership.objects.get(school=school, role=Role.COORDINATOR).user
    base = str(live_server.url)  # type: ignore[attr-defined]
    school_path = f"/s/{school.id}/"
    round_path = f"{school_path}rounds/{round_.id}/"
    plan_path = f"{round_path}plan/"

    coordinator = new_context(accept_downloads=True).new_page()
    log_in(coordinator, base, coordinator_user.email)

    # The coordinator opens the round and its action plan: an empty plan warns.
    coordinator.goto(f"{base}{round_path}")
    coordinator.locator(f'main a[href="{plan_path}"]').first.click()
    expect(coordinator).to_have_url(f"{base}{plan_path}")
    warnings = coordinator.locator("[data-testid=plan-warnings]")
    expect(warnings.locator("[data-code=no_pupils]")).to_be_visible()
    expect(warnings.locator("[data-code=few_dimensions]")).to_be_visible()
    expect(coordinator.locator("[data-testid=plan-ok]")).to_have_count(0)
    axe_audit.check(coordinator)

    # Two suggestions from the library go into the plan.
    for _ in range(2):
        coordinator.locator("[data-testid=suggestions] form button[type=submit]").first.click()
        expect(coordinator).to_have_url(f"{base}{plan_path}")
        expect(coordinator.locator(".messages .message-success")).to_be_visible()
    added = list(Action.objects.filter(round=round_, source__isnull=False).order_by("created_at"))
    assert len(added) == 2
    expect(coordinator.locator("[data-testid=actions-table] tbody tr")).to_have_count(2)
    expect(warnings.locator("[data-code=no_owner_or_date]")).to_be_visible()
    axe_audit.check(coordinator)

    # One own action in which pupils lead, on three dimensions (the weakest ones the suggestions left open).
    chosen = own_dimensions(wanted, added)
    today = date.today()
    coordinator.locator(f'main a[href="{plan_path}new/"]').click()
    expect(coordinator).to_have_url(f"{base}{plan_path}new/")
    axe_audit.check(coordinator)
    coordinator.locator("#id_title").fill(OWN_TITLE)
    for dimension in chosen:
        coordinator.locator(f'input[name=dimensions][value="{dimension.pk}"]').check()
    coordinator.locator("#id_pupil_role").select_option("leads")
    coordinator.locator("#id_pupil_part").fill(PUPIL_PART)
    coordinator.locator("#id_owner").select_option(str(coordinator_user.pk))
    coordinator.locator("#id_starts_on").fill(today.isoformat())
    coordinator.locator("#id_due_on").fill((today + timedelta(days=60)).isoformat())
    coordinator.locator("#id_status").select_option("planned")
    submit_main_form(coordinator)
    expect(coordinator).to_have_url(f"{base}{plan_path}")
    expect(coordinator.locator("[data-testid=actions-table] tbody tr")).to_have_count(3)
    expect(warnings.locator("[data-code=no_pupils]")).to_have_count(0)
    own = Action.objects.get(round=round_, title=OWN_TITLE)
    assert own.pupil_role == "leads" and own.owner_id == coordinator_user.pk
    assert {d.pk for d in own.dimensions.all()} == {d.pk for d in chosen}

    # The two suggestions get an owner and a due date on their edit pages: the warnings are gone.
    for action in added:
        edit_path = f"{plan_path}{action.id}/"
        coordinator.locator(f'[data-testid=actions-table] a[href="{edit_path}"]').click()
        expect(coordinator).to_have_url(f"{base}{edit_path}")
        axe_audit.check(coordinator)
        coordinator.locator("#id_owner").select_option(str(coordinator_user.pk))
        coordinator.locator("#id_due_on").fill((today + timedelta(days=90)).isoformat())
        submit_main_form(coordinator)
        expect(coordinator).to_have_url(f"{base}{plan_path}")
    expect(coordinator.locator("[data-testid=plan-ok]")).to_be_visible()
    expect(coordinator.locator("[data-testid=plan-warnings]")).to_have_count(0)
    assert warnings_of(coordinator) == []
    axe_audit.check(coordinator)

    # On the People page the coordinator invites a support coach.
    link = invite_by_email(coordinator, base, school_path, COACH_EMAIL, "coach", axe_audit)

    # The coach signs up in another browser through the link, accepts, and comments on an action.
    coach = new_context().new_page()
    coach.goto(link)
    axe_audit.check(coach)
    coach.locator('main a[href^="/accounts/signup/"]').click()
    expect(coach).to_have_url(re.compile(r"/accounts/signup/\?"))
    expect(coach.locator("#id_email")).to_have_value(COACH_EMAIL)
    coach.locator("#id_name").fill("Cas Coach")
    coach.locator("#id_password").fill(PASSWORD)
    submit_main_form(coach)
    expect(coach).to_have_url(link)
    submit_main_form(coach)
    expect(coach).to_have_url(f"{base}{school_path}")
    assert Membership.objects.get(school=school, user__email=COACH_EMAIL).role == Role.COACH

    coach.locator(f'.school-nav a[href="{school_path}rounds/"]').click()
    expect(coach).to_have_url(f"{base}{school_path}rounds/")
    coach.locator(f'main a[href="{round_path}"]').first.click()
    expect(coach).to_have_url(f"{base}{round_path}")
    coach.locator(f'main a[href="{plan_path}"]').first.click()
    expect(coach).to_have_url(f"{base}{plan_path}")
    expect(coach.locator("[data-testid=plan-ok]")).to_be_visible()
    expect(coach.locator(f'main a[href="{plan_path}new/"]')).to_have_count(0)
    expect(coach.locator("[data-testid=suggestions]")).to_have_count(0)
    axe_audit.check(coach)
    detail_path = f"{plan_path}{own.id}/view/"
    coach.locator(f'[data-testid=actions-table] a[href="{detail_path}"]').click()
    expect(coach).to_have_url(f"{base}{detail_path}")
    axe_audit.check(coach)
    coach.locator("#id_text").fill(COMMENT)
    submit_main_form(coach)
    expect(coach).to_have_url(f"{base}{detail_path}")
    expect(coach.locator("[data-testid=comments] li", has_text=COMMENT)).to_have_count(1)
    axe_audit.check(coach)

    # The coordinator sees the comment.
    coordinator.goto(f"{base}{plan_path}")
    coordinator.locator(f'[data-testid=actions-table] a[href="{detail_path}"]').click()
    expect(coordinator).to_have_url(f"{base}{detail_path}")
    expect(coordinator.locator("[data-testid=comments] li", has_text=COMMENT)).to_have_count(1)
    axe_audit.check(coordinator)

    # The coordinator downloads the PDF report from the profile page.
    coordinator.goto(f"{base}{round_path}profile/")
    report_path = f"{round_path}report.pdf"
    pdf = tmp_path / "report.pdf"
    download_made_file(coordinator, coordinator.locator(f'main form[action="{report_path}"] button'), pdf)
    assert pdf.read_bytes().startswith(b"%PDF")
    text = run_poppler("pdftotext", pdf, "-")
    flat = " ".join(re.sub("[-\u2010\u00ad]\n", "", text).split())  # a word hyphenated at a line end, whole again
    dimension_names = [shown.name for shown in show_dimensions("nl")]
    assert any(name in flat for name in dimension_names), flat[:500]
    assert OWN_TITLE in flat
    assert ROUND_TITLE in flat
    run_poppler("pdftoppm", "-r", "30", "-png", pdf, tmp_path / "page")
    assert list(tmp_path.glob("page*.png"))

    every_page = {
        plan_path,
        f"{plan_path}new/",
        *(f"{plan_path}{action.id}/" for action in added),
        f"{school_path}members/",
        urlparse(link).path,
        detail_path,
    }
    audited = {urlparse(url).path for url in axe_audit.audited}
    assert every_page <= audited, f"axe did not see {every_page - audited}"
    assert not axe_audit.findings, axe_audit.report()
