"""Browser tests: Debian's Chromium driven by Playwright's sync API against pytest-django's live server.

Playwright's sync API runs an event loop in the test thread, and Django refuses ORM calls from a
thread with a running loop unless DJANGO_ALLOW_ASYNC_UNSAFE is set. The tests only read the
database (and the `content` fixture loads the framework), so that is safe here.
"""

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
BLOCKING_IMPACTS = ("serious", "critical")


@pytest.fixture(scope="session")
def chromium() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def new_context(chromium: Browser) -> Iterator[Callable[..., BrowserContext]]:
    """Opens browser contexts (separate cookie jars, so separate people) and closes them afterwards."""
    opened: list[BrowserContext] = []

    def factory(**options: object) -> BrowserContext:
        context = chromium.new_context(**options)  # type: ignore[arg-type]
        context.set_default_timeout(10_000)
        opened.append(context)
        return context

    yield factory
    for context in opened:
        context.close()


@dataclass
class Finding:
    page: str
    rule: str
    impact: str
    targets: list[str]
    help: str


@dataclass
class AxeAudit:
    """Runs axe-core on each page it is given and keeps the serious and critical findings."""

    axe: Axe = field(default_factory=Axe)
    findings: list[Finding] = field(default_factory=list)
    audited: list[str] = field(default_factory=list)

    def check(self, page: Page) -> None:
        page.wait_for_load_state("load")
        results = self.axe.run(page)
        self.audited.append(page.url)
        for violation in results.response["violations"]:
            if violation.get("impact") in BLOCKING_IMPACTS:
                targets = [" ".join(map(str, node["target"])) for node in violation["nodes"]]
                self.findings.append(
                    Finding(page.url, violation["id"], violation["impact"], targets, violation.get("help", ""))
                )

    def report(self) -> str:
        lines = [f"{len(self.findings)} serious or critical axe violations:"]
        for finding in self.findings:
            lines.append(f"- {finding.rule} ({finding.impact}) on {finding.page}: {finding.help}")
            lines.extend(f"    target: {target}" for target in finding.targets)
        return "\n".join(lines)


@pytest.fixture
def axe_audit() -> AxeAudit:
    return AxeAudit()
