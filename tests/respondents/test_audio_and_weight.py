"""Read-aloud of the items, and the weight of every respondent page (light, no JavaScript)."""

import os
import re
from pathlib import Path

import pytest
from django.http import HttpResponse
from django.test import Client, override_settings
from django.urls import reverse

from analysis.rounds import close_round
from framework.models import Item
from respondents.languages import has_voice
from surveys.models import (
    SurveyResponse,
)
from tests.helpers.respondent_helpers import (
    MAX_PAGE_WEIGHT,
    answer_everything,
    enter_code,
    hand_in,
    issue,
    item_names,
    page_total,
    page_url,
    parse,
    start,
    text_of,
)
from tests.helpers.tools import require_tool
from tests.helpers.world import World

pytestmark = pytest.mark.usefixtures("compiled_messages", "fast_password_hashing")


# ---------------------------------------------------------------- read-aloud


def audio_sources(page: HttpResponse) -> list[str]:
    return [node.attrs["src"] for node in parse(page.content).iter("audio")]


def body_of(response: HttpResponse) -> bytes:
    if response.streaming:
        return b"".join(response.streaming_content)  # type: ignore[arg-type]
    return response.content


@pytest.mark.parametrize("language", ["nl", "ar"])
def test_read_aloud_serves_a_cached_wav(world: World, tmp_path: Path, language: str) -> None:
    require_tool("espeak-ng", "espeak-ng")
    assert has_voice(language), f"espeak-ng has no {language} voice (espeak-ng-data)"
    client = Client()
    response = start(client, issue(world).codes[0], language)
    with override_settings(AUDIO_CACHE_DIR=tmp_path):
        page = client.get(page_url(response, 1), {"lang": language})
        sources = audio_sources(page)
        assert len(sources) == len(item_names(page))
        first = client.get(sources[0])
        assert first.status_code == 200
        wav = body_of(first)
        assert wav[:4] == b"RIFF" and wav[8:12] == b"WAVE" and len(wav) > 1000
        assert first["Content-Type"] == "audio/wav"
        cache_control = first["Cache-Control"]
        # private: the clip is found through the device cookie, so no shared cache may keep it for others
        assert "private" in cache_control and re.search(r"max-age=\d{4,}", cache_control)
        etag = first["ETag"]
        assert re.fullmatch(r'"[^"]+"', etag)
        files = list(tmp_path.glob("*.wav"))
        assert len(files) == 1 and files[0].read_bytes() == wav
        os.utime(files[0], ns=(1_000_000_000_000_000_000, 1_000_000_000_000_000_000))
        before = files[0].stat()

        second = client.get(sources[0])
        assert second.status_code == 200 and body_of(second) == wav and second["ETag"] == etag
        after = files[0].stat()
        assert (after.st_mtime_ns, after.st_ino) == (before.st_mtime_ns, before.st_ino)  # not made again

        not_modified = client.get(sources[0], HTTP_IF_NONE_MATCH=etag)
        assert not_modified.status_code == 304 and not_modified.content == b""
        listed = client.get(sources[0], HTTP_IF_NONE_MATCH=f'"other", W/{etag}')
        assert listed.status_code == 304
        other = client.get(sources[0], HTTP_IF_NONE_MATCH='"something-else"')
        assert other.status_code == 200
        assert list(tmp_path.glob("*.wav")) == files


@pytest.mark.parametrize("language", ["so", "ti"])
def test_no_read_aloud_without_a_voice(world: World, tmp_path: Path, language: str) -> None:
    assert not has_voice(language)
    client = Client()
    response = start(client, issue(world).codes[0], language)
    with override_settings(AUDIO_CACHE_DIR=tmp_path):
        page = client.get(page_url(response, 1), {"lang": language})
        assert page.status_code == 200
        assert audio_sources(page) == []
        assert "<audio" not in text_of(page)
        item_id = item_names(page)[0].removeprefix("item-")
        url = reverse("surveys:audio", args=[item_id])
        assert client.get(url, {"lang": language}).status_code == 404
        assert client.get(url, {"lang": "nl"}).status_code == 200  # the same item has a Dutch voice
        assert len(list(tmp_path.glob("*.wav"))) == 1


def test_read_aloud_refuses_items_outside_the_questionnaire(world: World, tmp_path: Path) -> None:
    client = Client()
    start(client, issue(world).codes[0])
    team_item = Item.objects.filter(audience="team").first()
    pupil_item = Item.objects.filter(audience="pupil_10_12").first()
    assert team_item and pupil_item
    with override_settings(AUDIO_CACHE_DIR=tmp_path):
        for item in (team_item, pupil_item):
            assert client.get(reverse("surveys:audio", args=[item.id])).status_code == 404
        questionnaire_item = item_names(client.get(reverse("surveys:page", args=[1])))[0].removeprefix("item-")
        another_device = Client()  # no questionnaire on it: nothing to read aloud
        assert another_device.get(reverse("surveys:audio", args=[questionnaire_item])).status_code == 404
    assert not list(tmp_path.glob("*.wav"))


# ---------------------------------------------------------------- weight, no JavaScript


def stylesheet_bytes(client: Client, markup: str) -> dict[str, int]:
    sizes = {}
    for link in parse(markup).iter("link"):
        if "stylesheet" not in link.attrs.get("rel", "").split():
            continue
        href = link.attrs["href"]
        fetched = client.get(href)  # WhiteNoise serves the static files in place (WHITENOISE_USE_FINDERS)
        assert fetched.status_code == 200, href
        sizes[href] = len(body_of(fetched))
    return sizes


def test_every_respondent_page_is_light_and_needs_no_javascript(world: World) -> None:
    pages: dict[str, HttpResponse] = {}
    client = Client()
    pages["code entry"] = client.get(reverse("surveys:code"))
    pages["code entry, wrong code"] = enter_code(Client(), "ZZZZZ-ZZZZZ", "10.9.0.1")
    issued = issue(world, "ar", size=3)
    opened = enter_code(client, issued.codes[0])
    pages["language"] = client.get(opened["Location"])
    client.post(opened["Location"], {"lang": "nl"})
    response = SurveyResponse.objects.get()
    pages["question page, nl"] = client.get(page_url(response, 1), {"lang": "nl"})
    pages["question page, ar + nl"] = client.get(page_url(response, 1), {"lang": "ar", "nl": "1"})
    biggest = max(range(1, page_total(response) + 1), key=lambda n: len(client.get(page_url(response, n)).content))
    pages["largest question page, ar + nl"] = client.get(page_url(response, biggest), {"lang": "ar", "nl": "1"})
    pages["end"] = client.get(reverse("surveys:end"), {"lang": "ar"})
    answer_everything(client, response)
    hand_in(client, response)
    pages["thanks"] = client.get(reverse("surveys:thanks"), {"lang": "ar"})
    pages["message: used"] = enter_code(Client(), issued.codes[0])
    with override_settings(CODE_FAILURES_PER_ADDRESS=1):
        enter_code(Client(), "ZZZZZ-ZZZZZ", "10.9.0.2")
        pages["message: too many tries"] = enter_code(Client(), "ZZZZZ-ZZZZZ", "10.9.0.2")
    close_round(world.round)
    pages["message: closed"] = enter_code(Client(), issued.codes[1])

    print()
    for name, page in pages.items():
        assert page.status_code == (429 if name == "message: too many tries" else 200), name
        markup = page.content.decode()
        css = stylesheet_bytes(client, markup)
        assert css, f"{name} links no stylesheet"
        total = len(page.content) + sum(css.values())
        print(f"  {name:34} html {len(page.content):6} B + css {sum(css.values()):5} B = {total / 1024:5.1f} KB")
        assert total <= MAX_PAGE_WEIGHT, f"{name} weighs {total} bytes"
        assert "<script" not in markup.lower(), name
        assert not re.search(r"\son[a-z]+=", markup), name  # no inline event handlers either
        root = parse(markup)
        for form in root.iter("form"):  # every form posts without JavaScript
            assert form.attrs.get("method", "").lower() == "post", name
            assert any(n.attrs.get("type", "submit") == "submit" for n in form.iter("button")), name
