"""A test that needs a missing command-line tool fails and says which package `make test` installs."""

import pytest

from tests.helpers.tools import require_tool, run_poppler


def test_a_missing_tool_fails_the_test_naming_its_package(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", "")
    with pytest.raises(pytest.fail.Exception) as failed:
        run_poppler("pdftotext", "-v")
    assert (
        str(failed.value) == "pdftotext is missing: make test installs poppler-utils (scripts/system-packages.sh test)"
    )
    with pytest.raises(pytest.fail.Exception, match="espeak-ng is missing: make test installs espeak-ng"):
        require_tool("espeak-ng", "espeak-ng")


def test_a_tool_that_is_there_is_found() -> None:
    assert require_tool("pdftotext", "poppler-utils").endswith("/pdftotext")
