"""Arbitrary input to every respondent endpoint: never a crash, never half a save, never a change
to a handed-in questionnaire.

Hypothesis posts garbage — NUL bytes (PostgreSQL refuses them in text columns), huge strings, lists
where one value is expected, unknown and malformed item ids, out-of-scale values, odd languages and
headers — to the code entry, the code link, the language choice, a question page, the end page and
read-aloud. After every request it checks that

(a) the server gave the one answer the input calls for (worked out from what was drawn), never a
    500 (the test client re-raises whatever a view lets through);
(b) every stored answer is empty or on the five-step scale, for an item of the questionnaire;
(c) a question page stores all of its answers or none: a redirect means exactly what was posted,
    anything else leaves the answers as they were;
(d) the handed-in questionnaire is untouched.

Every example runs in a savepoint that is rolled back, so the examples do not see each other.
"""

from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

import pytest
from django.test import Client, override_settings
from django.urls import reverse
from django.utils.http import parse_etags
from hypothesis import event, given
from hypothesis import strategies as st

from analysis.models import ResponseStatus
from respondents.codes import format_code
from respondents.languages import MASTER, has_voice, is_supported
from surveys.batches import issue_codes
from surveys.devices import COOKIE_NAME
from surveys.models import SurveyResponse
from tests.helpers.respondent_fuzz import (
    FUZZ,
    LANGUAGES,
    VALID_VALUES,
    Scene,
    action,
    device,
    example,
    extras,
    flatten,
    junk,
    language,
    post,
    snapshot,
    value_or_list,
)
from tests.helpers.respondent_helpers import answer_everything, hand_in, issue, item_names, page_url, start
from tests.helpers.world import World


@pytest.fixture(autouse=True)
def fast_password_hashing(settings: Any) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def scene(world: World, tmp_path: Path) -> Scene:
    used_code = issue(world, "ar").codes[0]
    client = Client()
    submitted = start(client, used_code, "ar")
    answer_everything(client, submitted, "2")
    assert hand_in(client, submitted, "Een open antwoord").status_code == 302
    submitted.refresh_from_db()
    assert submitted.status == ResponseStatus.SUBMITTED

    draft_code = issue(world, "fa").codes[0]
    draft = start(client, draft_code, "fa")
    pages = []
    page = 1
    while True:
        shown = client.get(page_url(draft, page))
        if shown.status_code == 404:
            break
        pages.append(item_names(shown))
        page += 1
    names = pages[0]
    client.post(page_url(draft, 1), dict.fromkeys(names, "4") | {"action": "next"})
    draft.refresh_from_db()
    assert draft.last_page == 1
    new_code = issue_codes(world.round, "pupil_12_18", "grade", "6", "", 1, world.alice).codes[0]
    token = client.cookies[COOKIE_NAME].value
    return Scene(world, draft, draft_code, submitted, used_code, new_code, pages, tmp_path, token)


# ---------------------------------------------------------------- the endpoints


@FUZZ
@given(
    code=st.one_of(junk, st.sampled_from(["draft", "used", "new"]), st.lists(junk, max_size=3)),
    messy=st.sampled_from([str.lower, format_code, lambda code: " ".join(code), str]),
    lang=language,
    more=extras,
    address=st.one_of(st.just("10.0.0.1"), junk),
    method=st.sampled_from(["post", "get"]),
)
def test_code_entry_takes_anything(
    scene: Scene, code: Any, messy: Any, lang: str, more: dict[str, Any], address: str, method: str
) -> None:
    codes = {"draft": scene.draft_code, "used": scene.used_code, "new": scene.new_code}
    kind = code if isinstance(code, str) and code in codes else "junk"
    if kind != "junk":
        code = messy(codes[kind])
    with example(scene) as before:
        count = SurveyResponse.objects.count()
        data = {**more, "code": code, "lang": lang}
        if method == "post":
            response = post(Client(), reverse("surveys:code"), data, REMOTE_ADDR=address)
        else:
            response = Client().get(reverse("surveys:code") + "?" + flatten(data))
        event(f"code entry {method} {kind}: {response.status_code}")
        # One attempt per example (the throttle's rows are rolled back too), so never 429. A new code, however
        # typed, opens its questionnaire; on a fresh device a draft's code gets the "in use" message as a used one.
        opens = method == "post" and kind == "new"
        assert response.status_code == (302 if opens else 200)
        assert SurveyResponse.objects.count() - count == (1 if opens else 0)
        assert snapshot(scene.draft) == before["draft"]


@FUZZ
@given(code=st.one_of(junk, st.just("ABCDE-FGHJK")), lang=language, more=extras)
def test_the_code_link_takes_anything(scene: Scene, code: str, lang: str, more: dict[str, Any]) -> None:
    with example(scene) as before:
        url = "/q/c/" + quote(code, safe="") + "/"
        routed = code != "" and "/" not in code  # the path segment is decoded before the URL is matched
        for response in (
            Client().get(url, {"lang": lang}),
            post(Client(), url, {**more, "code": code, "lang": lang}),
        ):
            assert response.status_code == (200 if routed else 404)  # no such code: the form again
        assert SurveyResponse.objects.count() == 2
        assert snapshot(scene.draft) == before["draft"]


@FUZZ
@given(
    which=st.sampled_from(["draft", "submitted", "unknown"]), lang=st.one_of(language, st.lists(language)), more=extras
)
def test_the_language_choice_takes_anything(scene: Scene, which: str, lang: Any, more: dict[str, Any]) -> None:
    url = reverse("surveys:language")
    with example(scene) as before:
        shown = device(scene, which).get(url + "?" + flatten({"lang": lang}))
        assert shown.status_code == {"draft": 200, "submitted": 302, "unknown": 302}[which]
        response = post(device(scene, which), url, {**more, "lang": lang})
        assert response.status_code == 302  # a handed-in one: the thank-you page; no questionnaire: the code page
        language_now = SurveyResponse.objects.get(pk=scene.draft.pk).language
        assert language_now in LANGUAGES
        if which != "draft":
            assert snapshot(scene.draft) == before["draft"]
        else:
            chosen = (lang[-1] if lang else "") if isinstance(lang, list) else lang
            if chosen:  # a language that is not offered falls back to Dutch, no choice keeps the last one
                assert language_now == (chosen if chosen in LANGUAGES else "nl")
            else:
                assert language_now == before["draft"][0][3]


@FUZZ
@given(
    which=st.sampled_from(["draft", "draft", "draft", "submitted", "unknown"]),
    page=st.one_of(st.integers(min_value=1, max_value=8), st.sampled_from([0, 9, 10**30])),
    values=st.lists(value_or_list, min_size=0, max_size=6),
    leave_out=st.sets(st.integers(min_value=0, max_value=5), max_size=3),
    act=action,
    lang=language,
    dutch=st.one_of(st.just("1"), junk),
    more=extras,
)
def test_a_question_page_stores_all_or_nothing(
    scene: Scene,
    which: str,
    page: int,
    values: list[Any],
    leave_out: set[int],
    act: str,
    lang: str,
    dutch: str,
    more: dict[str, Any],
) -> None:
    url = f"/q/{page}/"
    names = scene.pages[page - 1] if 1 <= page <= len(scene.pages) else []
    posted: dict[str, Any] = {
        name: value
        for position, (name, value) in enumerate(zip(names, values, strict=False))
        if position not in leave_out
    }
    with example(scene) as before:
        response = post(device(scene, which), url, {**more, **posted, "action": act, "lang": lang, "nl": dutch})
        if which == "unknown":  # no questionnaire on this device: the code page
            assert response.status_code == 302
            assert response["Location"].startswith(reverse("surveys:code"))
            assert snapshot(scene.draft) == before["draft"]
            return
        if which == "submitted":  # whatever the page: the thank-you page, the answers as handed in
            assert response.status_code == 302
            assert response["Location"].startswith(reverse("surveys:thanks"))
            assert snapshot(scene.draft) == before["draft"]
            return
        if not names:
            assert response.status_code == 404
            assert snapshot(scene.draft) == before["draft"]
            return
        sent = {
            name: (value[-1] if value else "") if isinstance(value, list) else value for name, value in posted.items()
        }
        valid = all(value in VALID_VALUES or value == "" for value in sent.values())
        fields, answers = snapshot(scene.draft)
        event("page refused" if not valid else "page stored")
        if not valid:
            assert response.status_code == 400
            assert (fields, answers) == before["draft"]  # nothing of the page was stored
            return
        assert response.status_code == 302
        expected = dict(before["draft"][1])
        for name, value in sent.items():
            if value:
                expected[name.removeprefix("item-")] = None if value == "dk" else int(value)
        assert answers == expected  # everything that was posted, nothing else
        assert fields[4] == max(before["draft"][0][4], page)  # type: ignore[call-overload]
        assert fields[3] == (lang if lang in LANGUAGES else "nl" if lang else before["draft"][0][3])


@FUZZ
@given(
    which=st.sampled_from(["draft", "draft", "draft", "submitted", "unknown"]),
    text=st.one_of(
        junk,
        st.lists(junk, max_size=3),
        st.sampled_from(["a" * 2000, "b" * 2001, " ok ", "\x00"]),
        st.text(max_size=2010),
    ),
    act=action,
    lang=language,
    more=extras,
)
def test_the_end_page_takes_anything(
    scene: Scene, which: str, text: Any, act: str, lang: str, more: dict[str, Any]
) -> None:
    url = reverse("surveys:end")
    sent = (text[-1] if text else "") if isinstance(text, list) else text
    valid = "\x00" not in sent and len(sent.strip()) <= 2000
    with example(scene) as before:
        shown = device(scene, which).get(url + "?" + flatten({"lang": lang}))
        assert shown.status_code == {"draft": 200, "submitted": 302, "unknown": 302}[which]
        response = post(device(scene, which), url, {**more, "open_answer": text, "action": act, "lang": lang})
        fields, answers = snapshot(scene.draft)
        assert answers == before["draft"][1]
        event(f"end page {which}: {response.status_code}")
        if which == "unknown":
            assert response.status_code == 302
            assert response["Location"].startswith(reverse("surveys:code"))
        elif which == "submitted" or valid:  # handed in already, or now; or back to the last question page
            back = which == "draft" and act == "back"
            assert response.status_code == 302
            last_page = reverse("surveys:page", args=[len(scene.pages)])
            assert response["Location"].startswith(last_page if back else reverse("surveys:thanks"))
        else:
            assert response.status_code == 400
        if which != "draft" or not valid:
            assert fields == before["draft"][0]
            return
        status, open_answer = fields[0], fields[1]
        assert status == (ResponseStatus.IN_PROGRESS if act == "back" else ResponseStatus.SUBMITTED)
        assert open_answer == sent.strip()  # kept when going back, handed in otherwise
        assert "\x00" not in str(open_answer) and len(str(open_answer)) <= 2000
        assert fields[2:] == before["draft"][0][2:] or status == ResponseStatus.SUBMITTED


def expected_audio_status(scene: Scene, which: str, item: str, lang: str, etag: str | None) -> int:
    """What read-aloud answers, worked out from the request (any method: it only reads)."""
    if which != "draft" or item not in ("first", "second"):  # read-aloud serves the device's draft only
        return 404
    asked = lang or scene.draft.language
    if not has_voice(asked if is_supported(asked) else MASTER):  # an unknown language is read in Dutch
        return 404
    held = {tag.removeprefix("W/") for tag in parse_etags(etag or "")}
    return 304 if "*" in held else 200  # a drawn tag never matches the clip's own


@FUZZ
@given(
    which=st.sampled_from(["draft", "submitted", "unknown"]),
    item=st.one_of(st.sampled_from(["first", "second"]), st.uuids().map(str)),
    lang=st.one_of(st.sampled_from(["nl", "ar", "so", "ti"]), junk),
    etag=st.one_of(st.none(), junk, st.just("*")),
    method=st.sampled_from(["get", "post", "head"]),
)
def test_read_aloud_takes_anything(
    scene: Scene, which: str, item: str, lang: str, etag: str | None, method: str
) -> None:
    items = sorted(scene.item_ids)
    item_id = {"first": items[0], "second": items[1]}.get(item, item)
    url = reverse("surveys:audio", args=[item_id]) + "?" + urlencode({"lang": lang})
    headers = {} if etag is None else {"HTTP_IF_NONE_MATCH": etag}
    with override_settings(AUDIO_CACHE_DIR=scene.audio_dir), example(scene) as before:
        response = getattr(device(scene, which), method)(url, **headers)
        event(f"audio: {response.status_code}")
        assert response.status_code == expected_audio_status(scene, which, item, lang, etag)
        if response.status_code == 200:
            assert response["Content-Type"] == "audio/wav"
        assert snapshot(scene.draft) == before["draft"]
    assert all(path.suffix == ".wav" and path.parent == scene.audio_dir for path in scene.audio_dir.iterdir())
