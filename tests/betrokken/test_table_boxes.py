"""Every table on a screen page sits in its own scroll box, so a wide table never widens a phone's page.

The box is a named, focusable region (keyboard users can scroll it); paper documents (the round report,
the printed engagementsverklaring) have no such box: a PDF page does not scroll.
"""

import re
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)
TEMPLATE_DIRS = [ROOT / "templates", *ROOT.glob("*/templates")]
PAPER_TEMPLATES = ("reports/templates/reports/round_report.html", "engagement/templates/engagement/documents/")
TABLE = re.compile(r"<table\b")
BOXED_TABLE = re.compile(
    r'<div class="table-box" role="region" tabindex="0" aria-(?:label|labelledby)=".+?">\s*<table\b'
)


def screen_templates() -> list[Path]:
    found = [path for directory in TEMPLATE_DIRS for path in directory.rglob("*.html")]
    return sorted(path for path in found if not str(path.relative_to(ROOT)).startswith(PAPER_TEMPLATES))


def unboxed_tables(text: str) -> int:
    return len(TABLE.findall(text)) - len(BOXED_TABLE.findall(text))


def test_the_check_tells_a_boxed_table_from_a_bare_one() -> None:
    boxed = '<div class="table-box" role="region" tabindex="0" aria-label="Leden">\n<table class="data-table">'
    assert unboxed_tables(boxed) == 0
    assert unboxed_tables('<div class="table-box"><table class="data-table">') == 1  # no name, not focusable
    assert unboxed_tables('<section><table class="data-table">') == 1


def test_every_table_of_a_screen_page_scrolls_in_its_own_named_box() -> None:
    templates = screen_templates()
    with_tables = [path for path in templates if TABLE.search(path.read_text(encoding="utf-8"))]
    assert len(with_tables) >= 15, "the scan no longer finds the staff pages' tables"
    bare = {
        str(path.relative_to(ROOT)): count
        for path in with_tables
        if (count := unboxed_tables(path.read_text(encoding="utf-8")))
    }
    assert not bare, f"tables without a .table-box region (role, tabindex, aria-label): {bare}"
