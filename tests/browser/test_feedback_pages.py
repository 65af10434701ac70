"""The feedback page to families on a 360 px phone (Dutch, Turkish beside it, Arabic right to left) and the
coordinator's pages: nothing scrolls sideways, axe-core finds no serious or critical violation.

The whole walk (poster, letters, a parent scanning the QR code) is tests/browser/test_feedback_to_families.py."""

import pytest
from playwright.sync_api import expect

from feedback.models import FeedbackPage, FeedbackTranslation
from feedback.versions import start_page
from framework.models import TranslationStatus
from tests.browser.axe import AxeAudit
from tests.browser.test_declaration import NewContext, log_in
from tests.helpers.feedback_rounds import closed_round, published_page
from tests.helpers.world import World

PHONE = {"viewport": {"width": 360, "height": 740}, "is_mobile": True}
TURKISH = {
    "parents.0": "Birçok veli sınıfta ne olduğunu tam bilmiyor.",
    "team": "Velilere sınıfta ne olduğunu daha sık ve daha basit anlatmak istiyoruz.",
    "actions.0.title": "Okul kapısında kahve saati",
    "actions.0.pupils_part": "Altıncı sınıf öğrencileri kahve dağıtır ve mümkün olduğunda çeviri yapar.",
}
ARABIC = {
    "parents.0": "كثير من أولياء الأمور لا يعرفون جيدًا ما يحدث في القسم.",
    "actions.0.title": "لحظة قهوة عند باب المدرسة",
}


def published(world: World) -> FeedbackPage:
    page = published_page(world)
    for language, fields, status in (
        ("tr", TURKISH, TranslationStatus.REVIEWED),
        ("ar", ARABIC, TranslationStatus.DRAFT),
    ):
        FeedbackTranslation.objects.create(
            version=page.published_version, school=world.school, language=language, status=status, fields=fields
        )
    return page


@pytest.mark.browser
def test_families_read_it_on_a_phone_in_three_directions_of_reading(
    live_server: object, world: World, new_context: NewContext, axe_audit: AxeAudit
) -> None:
    page = published(world)
    base = f"{live_server.url}/terug/{page.public_slug}/"  # type: ignore[attr-defined]
    phone = new_context(**PHONE).new_page()
    for language, direction, heading in (
        ("nl", "ltr", "Jullie zeiden, wij doen"),
        ("tr", "ltr", "Siz söylediniz, biz yapıyoruz"),
        ("ar", "rtl", "قلتم، ونحن نعمل"),
    ):
        phone.goto(f"{base}?lang={language}")
        expect(phone.locator("h1")).to_have_text(heading)
        expect(phone.locator("html")).to_have_attribute("dir", direction)
        expect(phone.locator("audio").first).to_be_attached()
        assert phone.evaluate("document.documentElement.scrollWidth") <= 360
        axe_audit.check(phone)
    expect(phone.locator(".d-translation").first).to_have_attribute("dir", "rtl")
    expect(phone.locator(".d-master").first).to_have_attribute("dir", "ltr")
    phone.get_by_role("link", name="التلاميذ من 10 إلى 12 سنة").click()
    expect(phone.locator(".d-master").first).to_contain_text("Jullie zeiden dat je graag meer uitleg krijgt.")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    axe_audit.check(phone)


@pytest.mark.browser
def test_the_coordinators_pages_fit_a_phone(
    live_server: object, world: World, new_context: NewContext, axe_audit: AxeAudit
) -> None:
    round_ = closed_round(world)
    start_page(round_, world.alice)
    base = str(live_server.url)  # type: ignore[attr-defined]
    staff = new_context(**PHONE).new_page()
    log_in(staff, base, world.alice.email)
    page_path = f"/s/{world.school.id}/rounds/{round_.id}/terugkoppeling/"
    for path in (
        page_path,
        f"{page_path}bewerken/",
        f"{page_path}vertaling/ar/",
        f"/s/{world.school.id}/terugkoppeling/",
    ):
        staff.goto(f"{base}{path}")
        expect(staff.locator("h1")).to_be_visible()
        assert staff.evaluate("document.documentElement.scrollWidth") <= 360, path
        axe_audit.check(staff)
