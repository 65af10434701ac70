"""Steps several browser tests take the same way."""

import re
from urllib.parse import urlparse

from django.core import mail
from playwright.sync_api import Page, expect

from tests.browser.conftest import AxeAudit


def submit_main_form(page: Page) -> None:
    """Clicks the submit button of the page's one main form (not the header's logout or language forms)."""
    page.locator("main form:not(.inline-form) button[type=submit]").click()


def path_of(page: Page) -> str:
    return urlparse(page.url).path


def invite_by_email(page: Page, base: str, school_path: str, email: str, role: str, axe_audit: AxeAudit) -> str:
    """The coordinator invites someone on the People page; returns the link (also checked in the e-mail)."""
    page.locator(f'.school-nav a[href="{school_path}members/"]').click()
    expect(page).to_have_url(f"{base}{school_path}members/")
    axe_audit.check(page)
    page.locator("#id_email").fill(email)
    page.locator("#id_role").select_option(role)
    submit_main_form(page)
    expect(page).to_have_url(f"{base}{school_path}members/")
    message = page.locator(".messages .message-success")
    expect(message).to_contain_text("/invitations/")
    found = re.search(r"https?://\S+/invitations/[^/\s]+/", message.inner_text())
    assert found, message.inner_text()
    link = found.group(0)
    assert [m.to for m in mail.outbox] == [[email]]
    assert link in mail.outbox[0].body
    axe_audit.check(page)
    return link
