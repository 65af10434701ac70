"""Dutch first, English complete, every user-facing string through gettext."""

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from tests.helpers.tools import require_tool

ROOT = Path(settings.BASE_DIR)
RESPONDENT_LANGUAGES = [code for code, _name in settings.RESPONDENT_LANGUAGES]
CATALOGUES = {language: ROOT / "locale" / language / "LC_MESSAGES" / "django.po" for language in RESPONDENT_LANGUAGES}
STAFF_LANGUAGES = ("nl", "en")
TEMPLATE_DIRS = [ROOT / "templates", *ROOT.glob("*/templates")]


def msgfmt_statistics(language: str) -> str:
    result = subprocess.run(
        [require_tool("msgfmt", "gettext"), "--check", "--statistics", "-o", "/dev/null", str(CATALOGUES[language])],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stderr


@pytest.mark.parametrize("language", STAFF_LANGUAGES)
def test_staff_catalogue_is_complete_and_compiles_cleanly(language: str) -> None:
    statistics = msgfmt_statistics(language)
    assert "fuzzy" not in statistics and "untranslated" not in statistics, statistics


def entries(path: Path) -> list[dict[str, str]]:
    """The catalogue's entries as {"msgctxt": …, "msgid": …, "msgstr": …} (plural forms joined)."""
    found = []
    for block in path.read_text().split("\n\n"):
        entry: dict[str, str] = {}
        key = ""
        for line in block.splitlines():
            match = re.match(r'^(msgctxt|msgid|msgid_plural|msgstr(?:\[\d\])?) "(.*)"$', line)
            if match:
                key = "msgstr" if match.group(1).startswith("msgstr") else match.group(1)
                entry[key] = entry.get(key, "") + ("\0" if key == "msgstr" and key in entry else "") + match.group(2)
            elif line.startswith('"') and key:
                entry[key] += line[1:-1]
            elif line.startswith("#, fuzzy"):
                entry["fuzzy"] = "yes"
        if entry.get("msgid"):
            found.append(entry)
    return found


def respondent_entries(catalogue: Path) -> dict[tuple[str, str], dict[str, str]]:
    return {
        (entry.get("msgctxt") or "", entry["msgid"]): entry
        for entry in entries(catalogue)
        if (entry.get("msgctxt") or "").split("-")[0] in ("respondent", "letter")  # pupils' registers too
    }


@pytest.mark.parametrize("language", [code for code in RESPONDENT_LANGUAGES if code not in STAFF_LANGUAGES])
def test_respondent_screens_and_letters_are_translated(language: str) -> None:
    """Every respondent or letter text of the Dutch catalogue is in this one, translated (absent counts too)."""
    msgfmt_statistics(language)  # compiles cleanly
    own = respondent_entries(CATALOGUES[language])
    missing = [
        msgid
        for context, msgid in respondent_entries(CATALOGUES["nl"])
        if (context, msgid) not in own
        or not all(own[context, msgid].get("msgstr", "").split("\0"))
        or own[context, msgid].get("fuzzy")
    ]
    assert not missing, f"{language}: untranslated respondent or letter texts: {missing}"


def msgids(path: Path) -> set[tuple[str, str]]:
    """(context, msgid) pairs: "Back" for staff is another string than "Back" in the respondent's context."""
    return {(entry.get("msgctxt") or "", entry["msgid"]) for entry in entries(path)}


def test_catalogues_hold_every_string_of_the_code(tmp_path: Path) -> None:
    """makemessages finds nothing the catalogues lack (run it, compare, put the files back)."""
    require_tool("xgettext", "gettext")
    backup = {language: tmp_path / f"{language}.po" for language in CATALOGUES}
    for language, path in CATALOGUES.items():
        shutil.copy(path, backup[language])
    try:
        subprocess.run(
            [
                sys.executable,
                "manage.py",
                "makemessages",
                "-l",
                "nl",
                "-l",
                "en",
                "--ignore=.venv",
                "--ignore=tests",
                "--ignore=bench",
                "--no-obsolete",
                "-v",
                "0",
            ],
            cwd=ROOT,
            check=True,
        )
        for language, path in CATALOGUES.items():
            missing = msgids(path) - msgids(backup[language])
            assert not missing, f"{language}: run makemessages and translate: {sorted(missing)[:10]}"
    finally:
        for language, path in CATALOGUES.items():
            shutil.copy(backup[language], path)


TRANSLATED_BLOCKS = re.compile(
    r"{%\s*blocktranslate.*?{%\s*endblocktranslate\s*%}|{%.*?%}|{{.*?}}|{#.*?#}|<!--.*?-->", re.DOTALL
)
LITERAL_ATTRIBUTE = re.compile(r'\s(?:aria-label|title|alt|placeholder)="([^"{]*[A-Za-z][^"{]*)"')
# Not translated on purpose: the brand, and the Dutch labels that mark the master text and the translation.
NOT_TEXT = {"Betrokken", "Nederlands", "Vertaling"}


def test_templates_have_no_untranslated_text() -> None:
    problems = []
    for directory in TEMPLATE_DIRS:
        for path in directory.rglob("*.html"):
            source = path.read_text()
            problems += [f"{path.name}: attribute {value!r}" for value in LITERAL_ATTRIBUTE.findall(source)]
            stripped = TRANSLATED_BLOCKS.sub(" ", source)
            stripped = re.sub(r"<style.*?</style>|<script.*?</script>", " ", stripped, flags=re.DOTALL)
            text = re.sub(r"<[^>]+>", " ", stripped)
            words = [word for word in re.findall(r"[A-Za-z][A-Za-z']+", text) if word not in NOT_TEXT]
            if words:
                problems.append(f"{path.name}: {' '.join(words[:8])}")
    assert not problems, "\n".join(problems)


@pytest.mark.django_db
def test_dutch_is_the_default_whatever_the_browser_asks(content: None) -> None:
    response = Client(headers={"accept-language": "en-US,en;q=0.9"}).get(reverse("accounts:login"))
    assert '<html lang="nl"' in response.content.decode()
    assert response["Content-Language"] == "nl"
    assert "Aanmelden" in response.content.decode()


@pytest.mark.django_db
def test_the_visible_language_switch_changes_the_interface(content: None) -> None:
    client = Client()
    page = client.get(reverse("guide:werkkader")).content.decode()
    assert 'action="/i18n/setlang/"' in page and 'name="language"' in page
    response = client.post("/i18n/setlang/", {"language": "en", "next": reverse("guide:werkkader")})
    assert response.status_code == 302
    page = client.get(reverse("guide:werkkader")).content.decode()
    assert '<html lang="en"' in page
    assert "How the framework works" in page
    assert "Knowledge" in page  # content (dimension names) follows the language too


@pytest.mark.django_db
def test_unknown_language_cookie_falls_back_to_dutch(content: None) -> None:
    client = Client()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "xx"
    assert '<html lang="nl"' in client.get(reverse("accounts:login")).content.decode()
