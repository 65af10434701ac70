"""Language choice, the Dutch master beside the translation, and visible fallbacks to Dutch."""

import pytest
from django.http import HttpResponse
from django.test import Client
from django.urls import reverse

from framework.models import MASTER_LANGUAGE, Item, ItemText, ScaleText
from surveys.models import (
    SurveyResponse,
    TranslationCorrection,
)
from tests.helpers.content_release import record_content_release
from tests.helpers.respondent_helpers import (
    LANGUAGE_CODES,
    RTL,
    Node,
    answer_page,
    enter_code,
    html_element,
    issue,
    item_names,
    page_url,
    parse,
    said,
    start,
    text_of,
)
from tests.helpers.world import World

pytestmark = pytest.mark.usefixtures("compiled_messages", "fast_password_hashing")


# ---------------------------------------------------------------- language


def test_the_respondent_picks_a_language_at_the_start(world: World) -> None:
    client = Client()
    opened = enter_code(client, issue(world, "ar").codes[0])
    assert opened["Location"].endswith("?lang=ar")
    page = client.get(opened["Location"])
    buttons = [n for n in parse(page.content).iter("button") if n.attrs.get("name") == "lang"]
    assert [b.attrs["value"] for b in buttons] == LANGUAGE_CODES
    assert all(b.attrs.get("lang") == b.attrs["value"] and b.text().strip() for b in buttons)
    current = [b for b in buttons if "r-current" in b.classes()]
    assert [b.attrs["value"] for b in current] == ["ar"]
    chosen = client.post(opened["Location"], {"lang": "tr"})
    response = SurveyResponse.objects.get()
    assert chosen["Location"] == page_url(response, 1) + "?lang=tr"
    assert response.language == "tr"
    first = client.get(chosen["Location"])
    assert html_element(first).attrs["lang"] == "tr"
    assert said("tr", "Next") in text_of(first)


def test_every_language_can_be_chosen_on_any_page_with_its_direction(world: World) -> None:
    code = issue(world).codes[0]
    client = Client()
    response = start(client, code)
    answer_page(client, response, 1)
    for language in LANGUAGE_CODES:
        page = client.get(page_url(response, 2), {"lang": language})
        assert page.status_code == 200
        root = html_element(page)
        assert root.attrs["lang"] == language
        assert root.attrs["dir"] == ("rtl" if language in RTL else "ltr"), language
        assert page["Content-Language"] == language
        assert said(language, "Next") in text_of(page)
        # The switch submits the page (issue 11): what was ticked is saved before the page shows again.
        switch = [b for b in parse(page.content).iter("button") if b.attrs.get("name") == "switch_to"]
        assert {b.attrs["value"] for b in switch} == set(LANGUAGE_CODES)
        assert all(b.attrs["form"] == "r-answers" and b.attrs["lang"] == b.attrs["value"] for b in switch)
        assert_nothing_empty(page)
        end = client.get(reverse("surveys:end"), {"lang": language})
        assert html_element(end).attrs["dir"] == root.attrs["dir"]
        # Going on stores the language: the code resumes in it.
        names = item_names(page)
        client.post(page_url(response, 2), dict.fromkeys(names, "dk") | {"action": "back", "lang": language})
        response.refresh_from_db()
        assert response.language == language
        assert enter_code(client, code)["Location"].endswith(f"/3/?lang={language}")  # on this device
    assert said("nl", "Next") != said("ar", "Next") != said("ti", "Next")


def test_dutch_text_beside_the_translation(world: World) -> None:
    client = Client()
    response = start(client, issue(world, "ar").codes[0], "ar")
    plain = client.get(page_url(response, 1), {"lang": "ar"})
    with_dutch = client.get(page_url(response, 1), {"lang": "ar", "nl": "1"})
    items = [
        item
        for item in Item.objects.filter(id__in=[n.removeprefix("item-") for n in item_names(plain)])
        if item.texts.filter(language="ar").exists()
    ]
    assert items
    dutch_nodes = [n for n in parse(with_dutch.content).iter() if n.attrs.get("lang") == "nl"]
    dutch_text = " ".join(n.text() for n in dutch_nodes)
    for item in items:
        assert item.texts.get(language=MASTER_LANGUAGE).text in dutch_text
        assert item.texts.get(language="ar").text in text_of(with_dutch)
    assert html_element(with_dutch).attrs["dir"] == "rtl"
    menu = ("a", "button")  # the language menu names Dutch in Dutch
    assert not any(n.attrs.get("lang") == "nl" for n in parse(plain.content).iter() if n.tag not in menu)
    assert items[0].texts.get(language=MASTER_LANGUAGE).text not in text_of(plain)
    # The choice to see the Dutch text survives going on and switching language.
    names = item_names(plain)
    posted = client.post(page_url(response, 1), dict.fromkeys(names, "3") | {"lang": "ar", "nl": "1", "action": "next"})
    assert posted["Location"] == page_url(response, 2) + "?lang=ar&nl=1"
    to_persian = client.post(page_url(response, 2), {"lang": "ar", "nl": "1", "switch_to": "fa"})
    assert to_persian["Location"] == page_url(response, 2) + "?lang=fa&nl=1"


def legends_and_labels(page: HttpResponse) -> tuple[list[Node], list[Node]]:
    root = parse(page.content)
    legends = list(root.iter("legend"))
    labels = [n for n in root.iter("label") if "r-opt" in n.classes()]
    return legends, labels


def assert_nothing_empty(page: HttpResponse) -> None:
    legends, labels = legends_and_labels(page)
    assert legends and labels
    assert all(legend.text().strip() for legend in legends)
    assert all(label.text().strip() for label in labels)


@pytest.mark.parametrize("how", ["deleted", "blank", "blank_correction"])
def test_a_missing_translation_falls_back_to_dutch_visibly(world: World, how: str) -> None:
    client = Client()
    response = start(client, issue(world, "so").codes[0], "so")
    page = client.get(page_url(response, 1), {"lang": "so"})
    names = item_names(page)
    missing = Item.objects.get(id=names[0].removeprefix("item-"))
    if how == "deleted":
        ItemText.objects.filter(item=missing, language="so").delete()
    elif how == "blank":
        ItemText.objects.filter(item=missing, language="so").update(text="  ")
    else:  # a school's blank correction does not hide that the translation is missing
        ItemText.objects.filter(item=missing, language="so").delete()
        TranslationCorrection.objects.create(school=world.school, item=missing, language="so", text=" \n")
    record_content_release()
    page = client.get(page_url(response, 1), {"lang": "so"})
    assert page.status_code == 200
    assert_nothing_empty(page)
    legends, _labels = legends_and_labels(page)
    fallback = legends[0]
    dutch = missing.texts.get(language=MASTER_LANGUAGE).text
    marked = [n for n in fallback.iter("span") if n.attrs.get("lang") == "nl"]
    assert marked and marked[0].text() == dutch
    assert said("so", "Not translated yet, in Dutch:") in fallback.text()
    for other in legends[1:]:  # the others stay in Somali, unmarked
        assert said("so", "Not translated yet, in Dutch:") not in other.text()
    with_dutch = client.get(page_url(response, 1), {"lang": "so", "nl": "1"})
    assert text_of(with_dutch).count(dutch) == 1  # the Dutch text once, not twice


def test_a_language_without_item_texts_shows_dutch_everywhere_marked(world: World) -> None:
    ItemText.objects.filter(language="ti").delete()
    record_content_release()
    client = Client()
    response = start(client, issue(world, "ti").codes[0], "ti")
    for page_number in (1, 2):
        page = client.get(page_url(response, page_number), {"lang": "ti"})
        assert_nothing_empty(page)
        legends, _labels = legends_and_labels(page)
        for legend in legends:
            assert said("ti", "Not translated yet, in Dutch:") in legend.text()
            assert any(n.attrs.get("lang") == "nl" and n.text().strip() for n in legend.iter("span"))
        assert html_element(page).attrs["lang"] == "ti"


def test_a_missing_answer_label_falls_back_to_dutch(world: World) -> None:
    client = Client()
    response = start(client, issue(world, "so").codes[0], "so")
    for scale_text in ScaleText.objects.filter(language="so"):
        labels = dict(scale_text.labels)
        labels.pop("3")
        labels["2"] = ""
        scale_text.labels = labels
        scale_text.save()
    record_content_release()
    page = client.get(page_url(response, 1), {"lang": "so"})
    assert page.status_code == 200
    assert_nothing_empty(page)
    _legends, labels = legends_and_labels(page)
    values_per_item: dict[str, list[str]] = {}
    for label in labels:
        radio = next(label.iter("input"))
        values_per_item.setdefault(radio.attrs["name"], []).append(radio.attrs["value"])
    assert all(values == ["1", "2", "3", "4", "5", "dk"] for values in values_per_item.values())
    dutch = ScaleText.objects.filter(language=MASTER_LANGUAGE)
    dutch_labels = {scale.labels["3"] for scale in dutch} | {scale.labels["2"] for scale in dutch}
    shown = " ".join(label.text() for label in labels)
    assert any(text in shown for text in dutch_labels)
    fallbacks = [n for label in labels for n in label.iter("span") if n.attrs.get("lang") == "nl"]
    assert fallbacks  # the Dutch label is marked as Dutch
