"""Issue 11, point 6: a batch shows its date and maker, can be voided after a confirmation that says how far it is
used and what voiding does, and "codes wissen" asks first."""

import difflib
import re

import pytest
from django.http import HttpResponse
from django.test import Client
from django.urls import reverse
from django.utils import formats, timezone, translation

from results.queries import invited_counts
from surveys.batches import batch_use, issue_codes, void_batch
from surveys.code_files import kept_codes
from surveys.devices import COOKIE_NAME
from surveys.models import CodeBatch, SurveyResponse
from tests.helpers.respondent_helpers import (
    answer_everything,
    answer_page,
    enter_code,
    hand_in,
    issue,
    parse,
    said,
    start,
    text_of,
)
from tests.helpers.survey_data import batch_url, invitations_url, make_batch
from tests.helpers.world import World, in_dutch

pytestmark = pytest.mark.usefixtures("compiled_messages", "fast_password_hashing")

WITHDRAWN = "The school has withdrawn this code"
ASK_FOR_A_NEW_LETTER = "This code no longer works. Ask the school for a new letter."
CSRF_TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')


def page_text(page: HttpResponse) -> str:
    return " ".join(text_of(page).split())


def use_sentence(page: HttpResponse) -> str:
    node = next(node for node in parse(page.content).iter("p") if node.attrs.get("id") == "batch-use")
    return " ".join(node.text().split())


# The list of batches -----------------------------------------------------------------------------


def test_the_invitations_page_shows_when_and_by_whom_each_batch_was_made(world: World, alice_client: Client) -> None:
    batch, _codes = make_batch(alice_client, world)
    with translation.override("nl"):
        made = formats.date_format(timezone.localtime(batch.created_at), "SHORT_DATETIME_FORMAT")
    rows = list(parse(alice_client.get(invitations_url(world)).content).iter("tr"))
    cells = [" ".join(cell.text().split()) for cell in rows[1].iter("td")]
    assert cells[0] == f"{made} · door {world.alice.name}"
    assert in_dutch("Made") in rows[0].text()


# Voiding -----------------------------------------------------------------------------------------


def test_the_void_confirmation_counts_unused_and_opened_codes_and_voids_nothing(
    world: World, alice_client: Client
) -> None:
    batch, codes = make_batch(alice_client, world, size="7")
    for code in codes[:5]:
        start(Client(), code)
    page = alice_client.get(batch_url("void", world, batch))
    assert page.status_code == 200
    assert reverse("surveys:translations", args=[world.school.id]) in page.content.decode()  # the coordinator's menu
    assert use_sentence(page) == "Van de 7 codes zijn er 2 niet gebruikt en zijn er 5 geopend (begonnen of verstuurd)."
    text = page_text(page)
    for sentence in (
        "A questionnaire that was started can be finished on the phone or computer that started it; "
        "on any other device its code says it was withdrawn.",
        "What was handed in stays in the figures.",
        "Voiding cannot be undone. Parents or pupils who still need to answer get a letter from a new batch.",
    ):
        assert in_dutch(sentence) in text
    batch.refresh_from_db()
    assert batch.voided_at is None and kept_codes(batch.id) == codes


def test_the_void_confirmation_says_fewer_than_5_for_one_to_four_opened_codes(
    world: World, alice_client: Client
) -> None:
    batch, codes = make_batch(alice_client, world, size="7")
    start(Client(), codes[0])
    sentence = use_sentence(alice_client.get(batch_url("void", world, batch)))
    assert (
        sentence == "Van de 7 codes zijn er minder dan 5 geopend (begonnen of verstuurd); de andere zijn niet gebruikt."
    )
    assert batch_use(batch).unused == 6  # known inside, never shown beside "fewer than 5"


def test_a_batch_of_one_looks_the_same_before_and_after_its_letter_is_opened(
    world: World, alice_client: Client
) -> None:
    """Batch "Familie X" of one code: neither the list nor the void page may show that family opening it."""
    batch, codes = make_batch(alice_client, world, size="1", group_label="Familie X")

    def seen() -> tuple[str, str]:
        page = alice_client.get(invitations_url(world)).content.decode()
        listing = re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", page)  # the only part that changes anyway
        return listing, use_sentence(alice_client.get(batch_url("void", world, batch)))

    alice_client.get(invitations_url(world))  # the "codes made" message is shown once
    before = seen()
    start(Client(), codes[0])
    after = seen()
    changed = list(difflib.unified_diff(before[0].splitlines(), after[0].splitlines(), lineterm=""))
    assert changed == [] and after[1] == before[1], "\n".join(changed)
    assert "minder dan 5" in before[1]


def test_one_unused_code_reads_in_the_singular(world: World, alice_client: Client) -> None:
    batch, codes = make_batch(alice_client, world, size="6")
    for code in codes[:5]:
        start(Client(), code)
    sentence = use_sentence(alice_client.get(batch_url("void", world, batch)))
    assert sentence == "Van de 6 codes is er 1 niet gebruikt en zijn er 5 geopend (begonnen of verstuurd)."


def test_voiding_marks_the_batch_forgets_its_codes_and_shows_on_the_list(world: World, alice_client: Client) -> None:
    batch, _codes = make_batch(alice_client, world)
    kept, _kept_codes = make_batch(alice_client, world, group_label="3B")
    response = alice_client.post(batch_url("void", world, batch), follow=True)
    assert response.redirect_chain[-1][0] == invitations_url(world)
    batch.refresh_from_db()
    assert batch.voided_at is not None and batch.voided_by == world.alice
    assert kept_codes(batch.id) is None and kept_codes(kept.id) is not None
    assert CodeBatch.objects.get(pk=kept.pk).voided_at is None
    text = page_text(response)
    assert in_dutch("The batch is voided: its codes no longer open the questionnaire.") in text
    voided_on = formats.date_format(timezone.localtime(batch.voided_at), "SHORT_DATETIME_FORMAT")
    assert f"Ingetrokken op {voided_on}: de codes werken niet meer." in text
    assert batch_url("void", world, batch) not in response.content.decode()  # no second void button
    assert batch_url("void", world, kept) in response.content.decode()


def test_voiding_twice_keeps_the_first_moment(world: World, alice_client: Client) -> None:
    batch, _codes = make_batch(alice_client, world)
    assert void_batch(batch, world.alice)
    first = CodeBatch.objects.get(pk=batch.pk).voided_at
    assert not void_batch(batch, world.alice)
    assert CodeBatch.objects.get(pk=batch.pk).voided_at == first


def test_voiding_is_for_the_coordinator_only(
    world: World, alice_client: Client, bob_client: Client, charlie_client: Client
) -> None:
    batch, _codes = make_batch(alice_client, world)
    url = batch_url("void", world, batch)
    for method in (bob_client.get, bob_client.post):
        assert method(url).status_code == 403
    for method in (charlie_client.get, charlie_client.post):
        assert method(url).status_code == 404
    assert Client().post(url).status_code == 302  # to the login
    assert CodeBatch.objects.get(pk=batch.pk).voided_at is None


# A voided code at /q/ ----------------------------------------------------------------------------


def test_a_voided_unused_code_says_it_was_withdrawn_in_the_batchs_language(world: World) -> None:
    issued = issue(world, "ar", size=1)
    void_batch(issued.batch, world.alice)
    page = enter_code(Client(), issued.codes[0], "10.7.7.1")
    assert page.status_code == 200 and page.headers["Content-Language"] == "ar"
    assert COOKIE_NAME not in page.cookies
    text = text_of(page)
    assert said("ar", WITHDRAWN) in text and said("ar", WITHDRAWN) != WITHDRAWN
    assert said("ar", ASK_FOR_A_NEW_LETTER) in text
    assert not SurveyResponse.objects.exists()  # nothing started


def test_every_code_of_a_voided_batch_gives_the_same_page_used_or_not(world: World) -> None:
    """No oracle (docs/privacy.md §2): unused, started elsewhere and handed in look the same once withdrawn."""
    unused, started_code, handed_in_code = issue(world, "ar", size=3).codes
    first = Client()
    handed_in = start(first, handed_in_code, "ar")
    answer_everything(first, handed_in)
    assert hand_in(first, handed_in).status_code == 302
    second = Client()
    answer_page(second, start(second, started_code, "ar"), 1)
    void_batch(CodeBatch.objects.get(), world.alice)
    pages = [enter_code(Client(), code, "10.7.7.2") for code in (unused, started_code, handed_in_code)]
    bodies = {CSRF_TOKEN.sub("", page.content.decode()) for page in pages}
    assert len(bodies) == 1 and {page.status_code for page in pages} == {200}
    assert said("ar", WITHDRAWN) in text_of(pages[0])


def test_the_device_that_started_a_voided_code_finishes_and_hands_in(world: World) -> None:
    issued = issue(world, "", size=1)
    device = Client()
    response = start(device, issued.codes[0])
    answer_page(device, response, 1)
    void_batch(issued.batch, world.alice)
    assert enter_code(device, issued.codes[0]).status_code == 302  # the same device resumes with its code
    answer_everything(device, response)
    assert hand_in(device, response).status_code == 302
    response.refresh_from_db()
    assert response.status == "submitted"


# Forgetting the codes asks first -----------------------------------------------------------------


def test_forgetting_the_codes_asks_first(world: World, alice_client: Client) -> None:
    batch, codes = make_batch(alice_client, world)
    page = alice_client.get(batch_url("forget", world, batch))
    assert page.status_code == 200
    assert reverse("surveys:translations", args=[world.school.id]) in page.content.decode()  # the coordinator's menu
    text = page_text(page)
    assert (
        in_dutch(
            "The plain codes of this batch are deleted from the server now, instead of after 24 hours. Afterwards "
            "its letters and links can no longer be downloaded or printed again: not even you can get the codes back."
        )
        in text
    )
    form = next(node for node in parse(page.content).iter("form") if node.attrs.get("action") is None)
    assert in_dutch("Yes, forget the codes") in form.text()
    assert kept_codes(batch.id) == codes  # asking forgets nothing
    assert alice_client.post(batch_url("forget", world, batch)).status_code == 302
    assert kept_codes(batch.id) is None


def test_the_invitations_page_links_to_the_questions_before_forgetting_or_voiding(
    world: World, alice_client: Client
) -> None:
    batch, _codes = make_batch(alice_client, world)
    html = parse(alice_client.get(invitations_url(world)).content)
    links = {node.attrs.get("href") for node in html.iter("a")}
    assert {batch_url("forget", world, batch), batch_url("void", world, batch)} <= links
    posting = {node.attrs.get("action") for node in html.iter("form")}
    assert batch_url("forget", world, batch) not in posting  # no one-click forgetting any more


def test_the_forget_confirmation_of_an_already_forgotten_batch_offers_nothing(
    world: World, alice_client: Client
) -> None:
    batch, _codes = make_batch(alice_client, world)
    alice_client.post(batch_url("forget", world, batch))
    page = alice_client.get(batch_url("forget", world, batch))
    assert in_dutch("The codes are deleted: they can no longer be printed.") in page_text(page)
    assert not [node for node in parse(page.content).iter("form") if node.attrs.get("action") is None]


def test_another_schools_batch_cannot_be_voided_through_ones_own_round(world: World, alice_client: Client) -> None:
    other = issue_codes(world.other_round, "parent", "class", "1A", "", 2, world.charlie).batch
    url = reverse("surveys:void", args=[world.school.id, world.round.id, other.id])
    assert alice_client.get(url).status_code == 404 and alice_client.post(url).status_code == 404
    assert CodeBatch.objects.get(pk=other.pk).voided_at is None


def test_a_withdrawn_batch_no_longer_counts_as_invited(world: World, alice_client: Client) -> None:
    make_batch(alice_client, world, size="6", group_label="1B")
    withdrawn, _ = make_batch(alice_client, world, size="4", group_label="1B")
    assert invited_counts(world.round)[("parent", "1B")] == 10
    void_batch(withdrawn, world.alice)
    assert invited_counts(world.round)[("parent", "1B")] == 6  # the new letters replace the withdrawn ones
