"""End to end in a real browser: the engagementsverklaring from the template to a family's acknowledgment.

A coordinator drafts from the template and opens the consultation; a parent representative comments on
a domain; the coordinator answers, changes the text, records the schoolraad's adoption and publishes;
adds a Turkish translation; imports the families and prints their letters; a parent opens the letter's
link on a 360 px phone, reads Dutch beside Turkish and acknowledges; the coordinator sees 1 of 3.
Elements are found by ids, names, hrefs and data attributes, not by visible text. axe-core checks
every page on the way.
"""

import re
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import BrowserContext, expect

from engagement.models import Acknowledgment, Declaration, DeclarationState, DeclarationTranslation, DomainComment
from engagement.school_years import school_year_of
from schools.models import Membership, Role, School
from tests.browser.axe import AxeAudit
from tests.browser.steps import log_in, submit_main_form
from tests.helpers.browser_downloads import download_made_file
from tests.helpers.tools import run_poppler
from tests.helpers.world import make_user

NewContext = Callable[..., BrowserContext]
COMMENT = "Kan het oudercontact ook op zaterdagochtend?"
ANSWER = "Ja, dat nemen we op in de tekst."
NEW_OFFER = "- We organiseren elk schooljaar drie momenten van oudercontact, ook op zaterdagochtend."
TURKISH_OFFER = "- Her okul yılında, cumartesi sabahı da dahil olmak üzere üç veli görüşmesi düzenliyoruz."
# G-1 is a newcomer family: the school offers it a translation (the language rule asks for a reason).
FAMILIES_CSV = "referentie;klas;taal;reden\nG-1;1A;tr;nieuwkomer\nG-2;1A;nl;\nG-3;1A;ar;\n"
CODE = re.compile(r"\b[2-9A-Z]{5}-[2-9A-Z]{5}\b")


def code_of(pdf: Path, reference: str) -> str:
    """The code printed on the letter of the family with this reference (one page per family)."""
    for page_text in run_poppler("pdftotext", "-layout", pdf, "-").split("\f"):
        if re.search(rf"\b{re.escape(reference)}\b", page_text):
            found = CODE.search(page_text)
            assert found, page_text
            return found.group(0)
    raise AssertionError(f"no letter for {reference}")


@pytest.mark.browser
def test_declaration_from_template_to_a_parents_acknowledgment(
    live_server: object, content: None, new_context: NewContext, axe_audit: AxeAudit, tmp_path: Path
) -> None:
    school = School.objects.create(name="Basisschool De Wilg", town="Leuven")
    anna = make_user("Anna Coördinator", "anna@example.org")
    pieter = make_user("Pieter Ouderraad", "pieter@example.org")
    Membership.objects.create(school=school, user=anna, role=Role.COORDINATOR)
    Membership.objects.create(school=school, user=pieter, role=Role.PARENT_REP)
    base = str(live_server.url)  # type: ignore[attr-defined]
    list_path = f"/s/{school.id}/verklaring/"

    # The coordinator starts this school year's declaration from the template.
    coordinator = new_context(accept_downloads=True).new_page()
    log_in(coordinator, base, anna.email)
    coordinator.goto(f"{base}/s/{school.id}/")
    coordinator.locator(f'.school-nav a[href="{list_path}"]').click()
    expect(coordinator).to_have_url(f"{base}{list_path}")
    axe_audit.check(coordinator)
    coordinator.locator("input[name=start_from][value=template]").check()
    submit_main_form(coordinator)
    declaration = Declaration.objects.get(school=school)
    assert declaration.school_year == school_year_of(timezone.localdate())
    declaration_path = f"{list_path}{declaration.id}/"
    expect(coordinator).to_have_url(f"{base}{declaration_path}")
    expect(coordinator.locator("[data-testid=guardrails]")).to_have_count(0)  # the template breaks no rule
    axe_audit.check(coordinator)

    # ... and opens the consultation.
    coordinator.locator(f'form[action="{declaration_path}stap/consult/"] button').click()
    expect(coordinator).to_have_url(f"{base}{declaration_path}")
    declaration.refresh_from_db()
    assert declaration.state == DeclarationState.CONSULTATION

    # A parent representative comments on the domain "oudercontact".
    representative = new_context().new_page()
    log_in(representative, base, pieter.email)
    representative.goto(f"{base}{declaration_path}")
    expect(representative.locator(f'a[href="{declaration_path}bewerken/"]')).to_have_count(0)
    axe_audit.check(representative)
    representative.locator("#comment-oudercontact").fill(COMMENT)
    representative.locator("#comment-form-oudercontact button[type=submit]").click()
    expect(representative.locator("#domain-section-oudercontact .comment")).to_contain_text(COMMENT)
    axe_audit.check(representative)
    comment = DomainComment.objects.get(declaration=declaration)
    assert (comment.domain, comment.author) == ("oudercontact", pieter)

    # The coordinator answers, changes the text (a new version) and sees what changed.
    coordinator.reload()
    coordinator.locator(f"#comment-{comment.id} textarea[name=answer]").fill(ANSWER)
    coordinator.locator(f"#comment-{comment.id} button[type=submit]").click()
    expect(coordinator.locator(f"#comment-{comment.id} .comment-answer")).to_contain_text(ANSWER)
    coordinator.locator(f'a[href="{declaration_path}bewerken/"]').click()
    expect(coordinator).to_have_url(f"{base}{declaration_path}bewerken/")
    axe_audit.check(coordinator)
    coordinator.locator("#id_oudercontact-school_offers").fill(NEW_OFFER)
    coordinator.locator("#id_change_note").fill("Na de opmerking van de ouderraad")
    submit_main_form(coordinator)
    expect(coordinator).to_have_url(f"{base}{declaration_path}")
    assert declaration.versions.count() == 2
    coordinator.goto(f"{base}{declaration_path}versies/2/")
    expect(coordinator.locator(".diff ins").first).to_be_visible()
    axe_audit.check(coordinator)

    # After the schoolraad meeting the coordinator records the adoption, then publishes.
    coordinator.goto(f"{base}{declaration_path}")
    meeting = timezone.localdate() - timedelta(days=1)
    coordinator.locator("#id_adopted_on").fill(meeting.isoformat())
    coordinator.locator(f'form[action="{declaration_path}stap/adopt/"] button').click()
    expect(coordinator.locator(f'a[href="{declaration_path}stap/publish/"]')).to_be_visible()
    coordinator.locator(f'a[href="{declaration_path}stap/publish/"]').click()
    expect(coordinator).to_have_url(f"{base}{declaration_path}stap/publish/")
    axe_audit.check(coordinator)
    submit_main_form(coordinator)
    expect(coordinator).to_have_url(f"{base}{declaration_path}")
    declaration.refresh_from_db()
    assert declaration.state == DeclarationState.PUBLISHED and declaration.adopted_on == meeting
    assert declaration.published_version is not None and declaration.published_version.number == 2
    axe_audit.check(coordinator)

    # A Turkish translation: the unchanged parts start from the template's translation, the changed one is empty.
    coordinator.locator(f'a[href="{declaration_path}vertalingen/"]').click()
    axe_audit.check(coordinator)
    coordinator.locator(f'a[href="{declaration_path}vertalingen/tr/"]').first.click()
    expect(coordinator).to_have_url(f"{base}{declaration_path}vertalingen/tr/")
    expect(coordinator.locator("[data-testid=prefill-note]")).to_be_visible()
    axe_audit.check(coordinator)
    changed = coordinator.locator("textarea[name=oudercontact__school_offers]")
    expect(changed).to_have_value("")
    changed.fill(TURKISH_OFFER)
    coordinator.locator("input[name=status][value=reviewed]").check()
    submit_main_form(coordinator)
    expect(coordinator.locator("#translation-tr")).to_be_visible()
    translation = DeclarationTranslation.objects.get(version=declaration.published_version, language="tr")
    assert translation.status == "reviewed"
    assert translation.domains["oudercontact"]["school_offers"] == TURKISH_OFFER
    axe_audit.check(coordinator)

    # The families arrive from the school's administration; the letters carry their codes.
    families_path = f"{declaration_path}gezinnen/"
    coordinator.goto(f"{base}{declaration_path}")
    coordinator.locator(f'a[href="{families_path}"]').click()
    axe_audit.check(coordinator)
    coordinator.locator(f'a[href="{families_path}importeren/"]').first.click()
    csv_file = tmp_path / "gezinnen.csv"
    csv_file.write_text(FAMILIES_CSV, encoding="utf-8")
    coordinator.locator("input[type=file]").set_input_files(str(csv_file))
    axe_audit.check(coordinator)
    submit_main_form(coordinator)
    expect(coordinator).to_have_url(f"{base}{families_path}")
    expect(coordinator.locator("[data-testid=acknowledged]")).to_have_attribute("data-acknowledged", "0")
    coordinator.locator(f'a[href="{families_path}brieven/"]').first.click()
    axe_audit.check(coordinator)
    letters = tmp_path / "brieven.pdf"
    download_made_file(coordinator, coordinator.locator("main form:not(.inline-form) button[type=submit]"), letters)
    code = code_of(letters, "G-1")

    # A parent scans the QR code on a 360 px phone: the declaration opens in Turkish beside the Dutch.
    parent = new_context(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True).new_page()
    parent.goto(f"{base}/v/c/{code.replace('-', '')}/")
    axe_audit.check(parent)
    parent.locator("form.r-form button[type=submit]").click()
    expect(parent).to_have_url(re.compile(r"/v/verklaring/"))
    expect(parent.locator("html")).to_have_attribute("lang", "tr")
    expect(parent.locator(".d-master[lang=nl]").first).to_be_visible()
    expect(parent.locator(".d-translation[lang=tr]").first).to_be_visible()
    expect(parent.locator(".d-master", has_text="zaterdagochtend")).to_have_count(1)
    expect(parent.locator(".d-translation", has_text="cumartesi sabahı")).to_have_count(1)
    assert parent.evaluate("document.documentElement.scrollWidth") <= 360
    axe_audit.check(parent)
    parent.locator("input[name=name]").fill("Ayşe Demir")
    parent.locator("input[name=confirmed]").check()
    parent.locator(".d-ack form button[type=submit]").click()
    expect(parent).to_have_url(re.compile(r"/v/bedankt/"))
    axe_audit.check(parent)
    acknowledgment = Acknowledgment.objects.get()
    assert (acknowledgment.family.reference, acknowledgment.name, acknowledgment.language) == (
        "G-1",
        "Ayşe Demir",
        "tr",
    )
    assert acknowledgment.version == declaration.published_version

    # The coordinator sees 1 of 3 acknowledged in class 1A.
    coordinator.goto(f"{base}{families_path}")
    summary = coordinator.locator("[data-testid=acknowledged]")
    expect(summary).to_have_attribute("data-acknowledged", "1")
    expect(summary).to_have_attribute("data-total", "3")
    expect(coordinator.locator('tr[data-class="1A"] [data-testid=class-acknowledged]')).to_have_text("1")
    axe_audit.check(coordinator)

    assert not axe_audit.findings, axe_audit.report()
