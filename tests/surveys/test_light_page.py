"""A questionnaire page reads only its own items, in a fixed handful of queries, and still shows every item."""

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from framework.models import ItemText
from surveys.models import TranslationCorrection
from surveys.texts import forget_framework_texts, questionnaire_pages, respondent_item, respondent_items
from tests.helpers.content_release import record_content_release
from tests.helpers.respondent_helpers import issue, item_names, page_url, start
from tests.helpers.world import World


def test_a_page_is_shown_in_four_queries_whatever_its_length_and_two_once_its_texts_are_known(
    world: World,
) -> None:
    # The device's questionnaire (with the content release and whether the school corrected a translation),
    # the page's answers, its items with their texts and the scales' labels: nothing per item, nothing of
    # the other pages, no corrections to look for. Shown again, the framework's texts come from this
    # server's cache: the release has not changed.
    client = Client()
    response = start(client, issue(world).codes[0])
    pages = questionnaire_pages(world.round.id, "parent")
    longest = max(range(len(pages)), key=lambda index: len(pages[index])) + 1
    for page in (1, longest):
        forget_framework_texts()  # as on a server that has not shown this page yet
        for expected in (4, 2):
            with CaptureQueriesContext(connection) as queries:
                shown = client.get(page_url(response, page), {"lang": "nl"})
            assert shown.status_code == 200
            assert len(item_names(shown)) == len(pages[page - 1])
            queried = [query["sql"][:80] for query in queries.captured_queries]
            assert len(queried) == expected, queried


def test_texts_loaded_on_another_server_show_on_the_next_page(world: World) -> None:
    # The cache is keyed by the latest content release, which every server reads with the questionnaire.
    client = Client()
    response = start(client, issue(world).codes[0])
    first = questionnaire_pages(world.round.id, "parent")[0][0]
    assert "Nieuwe tekst." not in client.get(page_url(response, 1), {"lang": "nl"}).content.decode()
    ItemText.objects.filter(item_id=first, language="nl").update(text="Nieuwe tekst.")
    record_content_release()
    assert "Nieuwe tekst." in client.get(page_url(response, 1), {"lang": "nl"}).content.decode()


def test_an_item_without_any_text_is_still_asked_by_its_key(world: World) -> None:
    first, second = questionnaire_pages(world.round.id, "parent")[0][:2]
    ItemText.objects.filter(item_id=first).delete()
    shown = respondent_items(world.round.id, "parent", "ar", world.school.id, [first, second])
    assert [item.item.id for item in shown] == [first, second]
    assert shown[0].text == shown[0].item.key and shown[0].is_fallback
    assert shown[1].text != shown[1].item.key


def test_a_page_keeps_the_questionnaires_order_and_leaves_out_what_is_not_in_it(world: World) -> None:
    pages = questionnaire_pages(world.round.id, "parent")
    other = questionnaire_pages(world.round.id, "pupil_12_18")[0][0]
    asked = [pages[1][-1], other, pages[0][0]]
    shown = respondent_items(world.round.id, "parent", "nl", world.school.id, asked)
    assert [item.item.id for item in shown] == [pages[0][0], pages[1][-1]]
    assert respondent_item(world.round.id, "parent", "nl", world.school.id, other) is None


def test_a_school_that_corrected_a_translation_has_its_corrections_read_on_every_page(world: World) -> None:
    client = Client()
    response = start(client, issue(world).codes[0])
    item_id = questionnaire_pages(world.round.id, "parent")[0][0]
    client.get(page_url(response, 1), {"lang": "nl"})  # the framework's texts are known on this server now
    TranslationCorrection.objects.create(school=world.school, item_id=item_id, language="nl", text="Verbeterd.")
    with CaptureQueriesContext(connection) as queries:
        shown = client.get(page_url(response, 1), {"lang": "nl"})
    assert "Verbeterd." in shown.content.decode()
    assert len(queries.captured_queries) == 3  # the questionnaire, its answers, the school's corrections


def test_a_correction_shows_on_the_next_request(world: World) -> None:
    # A school's corrections are read from the database on every page, never kept in one server's memory.
    item_id = questionnaire_pages(world.round.id, "parent")[0][0]
    before = respondent_item(world.round.id, "parent", "fr", world.school.id, item_id)
    assert before is not None
    TranslationCorrection.objects.create(school=world.school, item_id=item_id, language="fr", text="Corrigé.")
    after = respondent_item(world.round.id, "parent", "fr", world.school.id, item_id)
    assert after is not None and after.text == "Corrigé." and before.text != "Corrigé."
