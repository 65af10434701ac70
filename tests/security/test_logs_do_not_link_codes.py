"""Issue 10, point 6: an access log never ties a code to the questionnaire its answers hang on.

A full questionnaire goes through the test client as a phone would: the code link from the letter,
the prefilled form, the language, every page, the end page, the thank-you page, read-aloud. Each
request is written as a gunicorn access-log line with everything the default format could hold
(address, method, path, query string, status, referer). Then: no line after the first line with the
code contains any identifier stored on the SurveyResponse (its id, its device or resume digest) or
the device token that finds it, checked against the database after every request.
"""

import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from django.http import HttpResponse
from django.test import Client
from django.urls import reverse

from respondents.codes import format_code
from surveys.devices import COOKIE_NAME
from surveys.models import SurveyResponse
from tests.helpers.respondent_helpers import issue, item_names
from tests.helpers.world import World

pytestmark = pytest.mark.usefixtures("fast_password_hashing")
ADDRESS = "203.0.113.7"


class LoggedPhone:
    """A test client that writes a gunicorn access-log line per request (combined format, query included)."""

    def __init__(self) -> None:
        self.client = Client(REMOTE_ADDR=ADDRESS)
        self.lines: list[str] = []
        self.identifiers: set[str] = set()  # every identifier the database held for a response, ever
        self.referer = "-"

    def _log(self, method: str, url: str, response: HttpResponse) -> None:
        when = datetime.now(UTC).strftime("%d/%b/%Y:%H:%M:%S +0000")
        size = response.get("Content-Length", "-")
        self.lines.append(
            f'{ADDRESS} - - [{when}] "{method} {url} HTTP/1.1" {response.status_code} {size} '
            f'"{self.referer}" "Mozilla/5.0"'
        )
        self.referer = f"https://betrokken.example.org{url}"
        for row in SurveyResponse.objects.values_list("id", "device_digest", "resume_digest"):
            self.identifiers |= {str(value) for value in row if value} | {row[0].hex}
        if COOKIE_NAME in self.client.cookies:
            self.identifiers.add(self.client.cookies[COOKIE_NAME].value)

    def get(self, url: str, **query: str) -> HttpResponse:
        full = url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")
        response = self.client.get(full)
        self._log("GET", full, response)
        return response

    def post(self, url: str, data: dict[str, str]) -> HttpResponse:
        response = self.client.post(url, data)
        self._log("POST", url, response)
        return response

    def follow(self, response: HttpResponse) -> HttpResponse:
        assert response.status_code == 302, response.content.decode()[:300]
        return self.get(response["Location"])


def test_a_full_questionnaire_leaves_no_log_line_that_links_its_code_to_the_response(
    world: World, settings: Any, tmp_path: Path
) -> None:
    settings.AUDIO_CACHE_DIR = tmp_path
    code = issue(world, "ar").codes[0]
    phone = LoggedPhone()
    form = phone.get(reverse("surveys:code_link", args=[code]))  # the QR code on the letter
    assert form.status_code == 200 and SurveyResponse.objects.count() == 0  # a form, prefilled: nothing opened
    language = phone.follow(phone.post(reverse("surveys:code"), {"code": format_code(code)}))
    assert language.status_code == 200
    page = phone.follow(phone.post(reverse("surveys:language"), {"lang": "ar"}))
    number = 1
    while "/end/" not in page.wsgi_request.path:
        names = item_names(page)
        sound = re.search(r'<audio[^>]* src="([^"?]+)\?lang=(\w+)"', page.content.decode())
        if sound:
            assert phone.get(sound.group(1), lang=sound.group(2)).status_code == 200
        posted = phone.post(reverse("surveys:page", args=[number]), dict.fromkeys(names, "4") | {"action": "next"})
        page = phone.follow(posted)
        number += 1
    thanks = phone.follow(phone.post(reverse("surveys:end"), {"open_answer": "Goed zo", "action": "hand_in"}))
    assert thanks.status_code == 200
    response = SurveyResponse.objects.get()
    assert response.status == "submitted" and number > 3

    with_code = [i for i, line in enumerate(phone.lines) if code in line or format_code(code) in line]
    assert with_code, "the code link itself is in the log: the test looks at the right lines"
    assert str(response.id) in phone.identifiers and len(phone.identifiers) >= 4
    later = phone.lines[with_code[0] :]
    print(f"\n{len(phone.lines)} access-log lines, {len(phone.identifiers)} identifiers checked; first lines:")
    print("\n".join(phone.lines[:4]))
    linking = [line for line in later for secret in phone.identifiers if secret in line or secret.lower() in line]
    assert not linking, linking
