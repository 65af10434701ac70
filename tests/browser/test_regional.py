"""Issue 15, point 7: two schools share with an organisation, a third does not; the organisation's coach reads
the regional page in Chromium: the third school is absent, and a figure of fewer than five schools is hidden with
its reason. The first school's coordinator invites the organisation and shares its round with clicks (reading what
leaves the school first). Every page on the way is checked with axe-core (no serious or critical findings).
"""

from collections.abc import Callable

from playwright.sync_api import BrowserContext, expect

from organisations.models import SharedRound
from organisations.regional.wording import WHAT_LEAVES
from tests.browser.axe import AxeAudit
from tests.browser.steps import PHONE, log_in
from tests.browser.test_school_year import assert_fits
from tests.helpers.world import World, in_dutch
from tests.organisations.regional_data import closed_round, organisation_with_coach, share

NewContext = Callable[..., BrowserContext]


def test_the_coach_reads_the_region_of_the_schools_that_share(
    live_server: object, world: World, new_context: NewContext, axe_audit: AxeAudit
) -> None:
    base = str(live_server.url)  # type: ignore[attr-defined]
    atlas, coach = organisation_with_coach("Atlas Antwerpen", "coach@atlas.example.org")
    regenboog = closed_round("De Regenboog", school=world.school)
    share(atlas, closed_round("Het Klavertje"), named=True)
    closed_round("De Zonnebloem")  # a third school: it never invites Atlas

    coordinator = new_context().new_page()
    log_in(coordinator, base, world.alice.email)
    coordinator.goto(f"{base}/s/{world.school.id}/organisations/")
    axe_audit.check(coordinator)
    coordinator.locator("#id_organisation").select_option(value=str(atlas.id))
    coordinator.locator("#id_school_year").fill("2026-2027")
    coordinator.locator("#id_named").check()
    coordinator.get_by_role("button", name=in_dutch("Invite")).click()
    axe_audit.check(coordinator)
    coordinator.get_by_role("button", name=in_dutch("Share…")).click()
    expect(coordinator.locator("main")).to_contain_text(in_dutch(str(WHAT_LEAVES)))
    axe_audit.check(coordinator)
    assert not SharedRound.objects.filter(round=regenboog).exists()
    coordinator.get_by_role("button", name=in_dutch("Yes, share")).click()
    expect(coordinator.locator(".messages")).to_contain_text("Atlas Antwerpen")
    assert SharedRound.objects.filter(round=regenboog).exists()

    for options in ({"viewport": {"width": 1280, "height": 900}}, PHONE):
        page = new_context(**options).new_page()
        log_in(page, base, coach.email)
        page.goto(f"{base}/o/{atlas.id}/")
        axe_audit.check(page)
        schools = page.locator("#schools + p")
        expect(schools).to_contain_text("De Regenboog")
        expect(schools).to_contain_text("Het Klavertje")
        expect(page.locator("main")).not_to_contain_text("De Zonnebloem")
        hidden = in_dutch("Hidden: fewer than 5 schools have a figure here (each with at least 5 people).")
        kennis = page.locator("#dimension-kennis").locator("..")
        expect(kennis.locator("td.suppressed").first).to_have_text(hidden)
        expect(kennis.locator("svg.box-plot polygon.box")).to_have_count(0)  # no box drawn from two schools
        if options is PHONE:
            assert_fits(page)
    assert not axe_audit.findings, axe_audit.report()
    assert len(axe_audit.audited) >= 5
