"""Steps several browser tests take the same way."""

import re
from urllib.parse import urlparse

from django.core import mail
from playwright.sync_api import Page, expect

from tests.browser.axe import AxeAudit
from tests.helpers.worker import run_worker
from tests.helpers.world import PASSWORD

# A small phone, as parents use them: 360 px wide, touch.
PHONE = {"viewport": {"width": 360, "height": 740}, "device_scale_factor": 2, "is_mobile": True, "has_touch": True}


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
    run_worker()  # e-mail is written and sent by the worker
    [invitation] = [m for m in mail.outbox if m.to == [email]]
    assert link in invitation.body
    axe_audit.check(page)
    return link


def click_one_option_per_question(
    page: Page, question: str, option: str, dont_know: str, offset: int, dont_know_first: bool = False
) -> int:
    """Clicks one scale option (its label) per question, cycling by `offset`; returns the number of questions.

    `question`, `option` and `dont_know` are CSS selectors: the team's and the respondents' pages differ.
    """
    questions = page.locator(question)
    expect(questions.first).to_be_visible()
    count = questions.count()
    for index in range(count):
        current = questions.nth(index)
        if dont_know_first and index == 0:
            label = current.locator(dont_know)
        else:
            options = current.locator(f"{option}:not({dont_know})")
            label = options.nth((offset + index) % options.count())
        label.click()
        expect(label.locator("input[type=radio]")).to_be_checked()
    return count


def log_in(page: Page, base: str, email: str, password: str = PASSWORD) -> None:
    page.goto(f"{base}/accounts/login/")
    page.locator("#id_username").fill(email)
    page.locator("#id_password").fill(password)
    submit_main_form(page)
    expect(page).to_have_url(f"{base}/")


def ticks(page: Page) -> list[str]:
    """(question, value) of every ticked answer on a questionnaire page, in page order."""
    return page.evaluate(
        "[...document.querySelectorAll('fieldset.r-q input[type=radio]:checked')].map(el => el.name + '=' + el.value)"
    )


def switch_language(page: Page, language: str) -> None:
    """The questionnaire's language menu: its buttons submit the page, so nothing ticked is lost."""
    page.locator("details.r-lang summary").click()
    page.locator(f"details.r-lang button[name=switch_to][value={language}]").click()


def start_in(page: Page, language: str, axe_audit: AxeAudit) -> None:
    """On a letter's landing page: press start, choose `language` on the next page, arrive at the first question."""
    page.locator("main form button[type=submit]").click()
    expect(page).to_have_url(re.compile(rf"/q/language/\?lang={language}$"))
    axe_audit.check(page)
    page.locator(f"button[name=lang][value={language}]").click()
    expect(page).to_have_url(re.compile(rf"/q/1/\?lang={language}$"))
