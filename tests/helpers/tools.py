"""Command-line tools some tests need (poppler's pdftotext and friends, espeak-ng, chromium).

`make test` installs them (scripts/system-packages.sh test); a test that needs one fails with a message
saying so, rather than being skipped without anyone noticing.
"""

import shutil
import subprocess
from pathlib import Path

import pytest

POPPLER = "poppler-utils"  # pdftotext, pdftoppm, pdfinfo, pdffonts


def require_tool(name: str, package: str) -> str:
    """The path of the executable `name`; fails the test, naming the Debian package, when it is missing."""
    path = shutil.which(name)
    if path is None:
        pytest.fail(f"{name} is missing: make test installs {package} (scripts/system-packages.sh test)", pytrace=False)
    return path


def run_poppler(tool: str, *args: str | Path) -> str:
    """Run one of poppler's tools (pdftotext, pdftoppm, pdfinfo, pdffonts) and return what it printed."""
    command = [require_tool(tool, POPPLER), *map(str, args)]
    return subprocess.run(command, check=True, capture_output=True, encoding="utf-8", timeout=60).stdout
