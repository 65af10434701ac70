"""The team's preview of the parents' and pupils' questionnaires: as the respondent sees it, without a code,
storing nothing, only for those who read the round."""

from pathlib import Path
from urllib.parse import urljoin

import pytest
from django.test import Client, override_settings
from django.urls import reverse

from framework.models import SURVEY_AUDIENCES
from schools.models import Membership, Role
from surveys.devices import COOKIE_NAME
from surveys.models import AnswerTally, GroupTally, RespondentCode, SurveyAnswer, SurveyResponse
from surveys.texts import questionnaire_pages
from tests.helpers import hand_ins
from tests.helpers.respondent_helpers import checked_values, html_element, item_names, parse, text_of
from tests.helpers.world import World, in_dutch, make_user

BANNER = "Preview — nothing is saved"


def preview_url(world: World, name: str, audience: str, *rest: object) -> str:
    return reverse(f"surveys:preview_{name}", args=[world.school.id, world.round.id, audience, *rest])


def walk_urls(world: World, audience: str) -> list[str]:
    """Every step of the audience's questionnaire: the language, the pages, the open question, the thank-you page."""
    count = len(questionnaire_pages(world.round.id, audience))
    pages = [preview_url(world, "page", audience, page) for page in range(1, count + 1)]
    start = preview_url(world, "start", audience)
    return [start, *pages, preview_url(world, "end", audience), preview_url(world, "thanks", audience)]


def stored(world: World) -> tuple[int, ...]:
    return tuple(
        model.objects.filter(school=world.school).count()
        for model in (SurveyResponse, SurveyAnswer, AnswerTally, GroupTally, RespondentCode)
    )


@pytest.mark.parametrize("who", ["alice", "bob"])
@pytest.mark.parametrize("language", ["nl", "ar", "so"])
def test_every_step_of_every_questionnaire_renders_as_the_respondent_sees_it(
    world: World, who: str, language: str
) -> None:
    client = world.client_for(getattr(world, who))
    for audience in SURVEY_AUDIENCES:
        pages = questionnaire_pages(world.round.id, audience)
        assert pages, audience
        for number, url in enumerate(walk_urls(world, audience), start=1):
            page = client.get(url, {"lang": language})
            assert page.status_code == 200, url
            root = html_element(page)
            assert root.attrs["lang"] == language
            assert root.attrs["dir"] == ("rtl" if language == "ar" else "ltr")
            assert page["Content-Language"] == language
            banner = next(node for node in root.iter("div") if node.attrs.get("data-testid") == "preview-banner")
            assert banner.attrs["lang"] == "nl"  # the staff language, whatever the respondent's
            assert in_dutch(BANNER) in banner.text()
            if 2 <= number <= len(pages) + 1:
                assert [name.removeprefix("item-") for name in item_names(page)] == [
                    str(item) for item in pages[number - 2]
                ]


def test_walking_through_and_handing_in_stores_nothing_and_sets_no_device_cookie(world: World) -> None:
    for _ in range(5):  # five handed in (so there are tallies) and one in progress: all must stay as they are
        hand_ins.respond(world, [3, 4, None])
    hand_ins.respond(world, [2], handed_in=False)
    before = stored(world)
    assert all(before), before
    client = world.client_for(world.alice)
    responses = []
    for audience in SURVEY_AUDIENCES:
        start = preview_url(world, "start", audience)
        chosen = client.post(start, {"lang": "fr"})
        assert chosen["Location"] == preview_url(world, "page", audience, 1) + "?lang=fr"
        responses += [client.get(start), chosen]
        count = len(questionnaire_pages(world.round.id, audience))
        for page in range(1, count + 1):
            url = preview_url(world, "page", audience, page)
            shown = client.get(url, {"lang": "fr"})
            ticked = dict.fromkeys(item_names(shown), "4")
            moved = client.post(url, {**ticked, "lang": "fr", "action": "next"})
            assert moved.status_code == 302
            following = (
                preview_url(world, "page", audience, page + 1) if page < count else preview_url(world, "end", audience)
            )
            assert moved["Location"] == following + "?lang=fr"
            responses += [shown, moved]
        end = preview_url(world, "end", audience)
        handed_in = client.post(end, {"open_answer": "Meer uitleg graag", "lang": "fr", "action": "hand_in"})
        assert handed_in["Location"] == preview_url(world, "thanks", audience) + "?lang=fr"
        responses += [handed_in, client.get(handed_in["Location"])]
    assert stored(world) == before
    assert all(COOKIE_NAME not in response.cookies for response in responses)
    assert COOKIE_NAME not in client.cookies


def test_a_post_that_is_not_next_or_back_shows_the_page_again_with_what_was_ticked(world: World) -> None:
    client = world.client_for(world.alice)
    url = preview_url(world, "page", "pupil_10_12", 1)
    names = item_names(client.get(url, {"lang": "ar"}))
    ticked = {names[0]: "2", names[1]: "dk"}
    shown = client.post(url, {**ticked, "lang": "tr", "nl": "1"})
    assert shown.status_code == 200
    assert html_element(shown).attrs["lang"] == "tr"
    assert checked_values(shown) == ticked
    assert 'class="r-nl" lang="nl"' in shown.content.decode()  # the Dutch text beside the Turkish


def test_the_dutch_text_and_the_language_menu_stay_in_the_preview(world: World) -> None:
    client = world.client_for(world.alice)
    url = preview_url(world, "page", "parent", 1)
    plain = client.get(url, {"lang": "ar"})
    assert 'class="r-nl"' not in plain.content.decode()
    buttons = {(node.attrs.get("name"), node.attrs.get("value")) for node in html_element(plain).iter("button")}
    assert ("action", "show_dutch") in buttons  # "also show the Dutch text", as on the respondent's page
    # The language menu's links are relative to the page: they stay in the preview.
    links = [urljoin(f"http://testserver{url}", node.attrs["href"]) for node in html_element(plain).iter("a")]
    assert f"http://testserver{url}?lang=fr" in links
    # The toggle and a language button submit the page; the preview answers with the same page, shown anew.
    shown = client.post(url, {"lang": "ar", "action": "show_dutch"})
    assert shown.status_code == 302 and shown["Location"] == f"{url}?lang=ar&nl=1"
    switched = client.post(url, {"lang": "ar", "nl": "1", "switch_to": "fr"})
    assert switched["Location"] == f"{url}?lang=fr&nl=1"
    assert 'class="r-nl" lang="nl"' in client.get(url, {"lang": "ar", "nl": "1"}).content.decode()


def test_back_goes_to_the_previous_preview_page(world: World) -> None:
    client = world.client_for(world.bob)
    second = preview_url(world, "page", "parent", 2)
    back = client.post(second, {"lang": "ar", "nl": "1", "action": "back"})
    assert back["Location"] == preview_url(world, "page", "parent", 1) + "?lang=ar&nl=1"
    count = len(questionnaire_pages(world.round.id, "parent"))
    from_end = client.post(preview_url(world, "end", "parent"), {"lang": "ar", "action": "back"})
    assert from_end["Location"] == preview_url(world, "page", "parent", count) + "?lang=ar"


def test_the_forms_of_a_preview_post_to_the_preview_itself(world: World) -> None:
    client = world.client_for(world.alice)
    for url in (preview_url(world, step, "parent", *rest) for step, *rest in (("start",), ("page", 1), ("end",))):
        forms = list(parse(client.get(url).content).iter("form"))
        assert forms and all(form.attrs.get("action", "") == "" for form in forms)  # the address it came from
        assert "/q/" not in text_of(client.get(url))


def test_read_aloud_is_offered_and_served_only_where_the_language_has_a_voice(world: World, tmp_path: Path) -> None:
    client = world.client_for(world.bob)
    item = questionnaire_pages(world.round.id, "pupil_12_18")[0][0]
    audio = preview_url(world, "audio", "pupil_12_18", item)
    page_url = preview_url(world, "page", "pupil_12_18", 1)
    arabic = [node.attrs["src"] for node in html_element(client.get(page_url, {"lang": "ar"})).iter("audio")]
    assert arabic and arabic[0] == f"{audio}?lang=ar"
    assert not list(html_element(client.get(page_url, {"lang": "so"})).iter("audio"))
    assert not list(html_element(client.get(page_url, {"lang": "ti"})).iter("audio"))
    with override_settings(AUDIO_CACHE_DIR=tmp_path):
        spoken = client.get(audio, {"lang": "ar"})
        assert spoken.status_code == 200
        assert spoken["Content-Type"] == "audio/wav"
        assert COOKIE_NAME not in spoken.cookies
        assert client.get(audio, {"lang": "so"}).status_code == 404
    team_item = questionnaire_pages(world.round.id, "team")[0][0]
    assert client.get(preview_url(world, "audio", "pupil_12_18", team_item), {"lang": "ar"}).status_code == 404


def test_an_outsider_gets_404_everywhere(world: World, charlie_client: Client) -> None:
    item = questionnaire_pages(world.round.id, "parent")[0][0]
    urls = [
        reverse("surveys:preview_index", args=[world.school.id, world.round.id]),
        *walk_urls(world, "parent"),
        preview_url(world, "audio", "parent", item),
    ]
    for url in urls:
        assert charlie_client.get(url, {"lang": "ar"}).status_code == 404, url
        assert charlie_client.post(url, {"action": "next"}).status_code == 404, url


def test_another_schools_round_is_404_for_a_member(world: World) -> None:
    url = reverse("surveys:preview_page", args=[world.school.id, world.other_round.id, "parent", 1])
    assert world.client_for(world.alice).get(url).status_code == 404


def test_a_parent_representative_is_refused_as_on_the_rounds_pages(world: World) -> None:
    rita = make_user("Rita Ouderraad", "rita@example.org")
    Membership.objects.create(school=world.school, user=rita, role=Role.PARENT_REP)
    client = world.client_for(rita)
    round_page = reverse("analysis:round", args=[world.school.id, world.round.id])
    assert client.get(round_page).status_code == 403
    for url in (reverse("surveys:preview_index", args=[world.school.id, world.round.id]), *walk_urls(world, "parent")):
        assert client.get(url).status_code == 403, url


def test_the_team_questionnaire_and_unknown_audiences_are_not_previewed_here(world: World) -> None:
    client = world.client_for(world.alice)
    for audience in ("team", "grandparents"):
        assert client.get(preview_url(world, "page", audience, 1)).status_code == 404
        assert client.get(preview_url(world, "end", audience)).status_code == 404
    assert client.get(preview_url(world, "page", "parent", 99)).status_code == 404


def test_the_round_and_the_invitations_page_link_to_the_preview(world: World) -> None:
    index = reverse("surveys:preview_index", args=[world.school.id, world.round.id])
    label = in_dutch("See the questionnaire as parents and pupils see it")
    pages = [
        world.client_for(world.bob).get(reverse("analysis:round", args=[world.school.id, world.round.id])),
        world.client_for(world.alice).get(reverse("surveys:invitations", args=[world.school.id, world.round.id])),
    ]
    for page in pages:
        links = [node for node in html_element(page).iter("a") if node.attrs.get("href") == index]
        assert [link.text() for link in links] == [label]


def test_the_index_offers_every_questionnaire_in_every_language(world: World) -> None:
    page = world.client_for(world.bob).get(reverse("surveys:preview_index", args=[world.school.id, world.round.id]))
    assert page.status_code == 200
    forms = [form for form in html_element(page).iter("form") if "/preview/" in form.attrs.get("action", "")]
    assert [form.attrs["action"] for form in forms] == [
        preview_url(world, "start", audience) for audience in SURVEY_AUDIENCES
    ]
    for form in forms:
        options = [node.attrs["value"] for node in form.iter("option")]
        assert {"nl", "ar", "so", "ti", "fa"} <= set(options)
