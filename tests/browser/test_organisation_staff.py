"""Issue 15 follow-ups in Chromium: an organisation that is not verified yet says so on its pages; its
administrator removes a coach with the keyboard-reachable button and a confirmation page, and the removed coach
finds the organisation's pages gone. Every page on the way is checked with axe-core (no serious or critical)."""

from collections.abc import Callable

from playwright.sync_api import BrowserContext, expect

from organisations.models import OrganisationMembership, OrganisationRole
from organisations.staff import register_organisation
from tests.browser.axe import AxeAudit
from tests.browser.steps import PHONE, log_in
from tests.browser.test_school_year import assert_fits
from tests.helpers.world import World, in_dutch, make_user
from tests.organisations.test_verification import NOTICE

NewContext = Callable[..., BrowserContext]


def test_an_unverified_organisations_administrator_removes_a_coach(
    live_server: object, world: World, new_context: NewContext, axe_audit: AxeAudit
) -> None:
    base = str(live_server.url)  # type: ignore[attr-defined]
    ada = make_user("Ada Beheer", "ada@example.org")
    atlas = register_organisation("Atlas Antwerpen", "integration", None, ada)  # not verified yet
    cas = make_user("Cas Coach", "cas@example.org")
    OrganisationMembership.objects.create(organisation=atlas, user=cas, role=OrganisationRole.COACH)

    for options in ({"viewport": {"width": 1280, "height": 900}}, PHONE):
        page = new_context(**options).new_page()
        log_in(page, base, ada.email)
        for path in (f"/o/{atlas.id}/", f"/o/{atlas.id}/staff/"):
            page.goto(base + path)
            expect(page.locator("#not-verified")).to_have_text(in_dutch(NOTICE))
            axe_audit.check(page)
            if options is PHONE:
                assert_fits(page)

    page = new_context().new_page()
    log_in(page, base, ada.email)
    page.goto(f"{base}/o/{atlas.id}/staff/")
    page.get_by_role("button", name=in_dutch("Remove %(name)s from the staff…") % {"name": "Cas Coach"}).click()
    expect(page.locator("h1")).to_have_text(in_dutch("Remove from the staff?"))
    axe_audit.check(page)
    assert OrganisationMembership.objects.filter(organisation=atlas, user=cas).exists()
    page.get_by_role("button", name=in_dutch("Yes, remove")).click()
    expect(page.locator(".messages")).to_contain_text("Cas Coach")
    axe_audit.check(page)
    assert not OrganisationMembership.objects.filter(organisation=atlas, user=cas).exists()

    coach = new_context().new_page()
    log_in(coach, base, cas.email)
    response = coach.goto(f"{base}/o/{atlas.id}/")
    assert response is not None and response.status == 404
    assert not axe_audit.findings, axe_audit.report()
    assert len(axe_audit.audited) >= 6
