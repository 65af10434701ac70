"""axe-core in the browser tests: only serious and critical findings fail a test."""

from dataclasses import dataclass, field

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page

BLOCKING_IMPACTS = ("serious", "critical")


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
