"""A batch's downloads are named in Dutch after its group and its language, so that the Pashto and the Dari
letters of one class are two files in a folder, not one overwriting the other."""

import pytest
from django.test import Client

from tests.helpers.days import on_one_day
from tests.helpers.letter_jobs import download_letters
from tests.helpers.survey_data import batch_url, make_batch
from tests.helpers.world import World

pytestmark = pytest.mark.usefixtures("compiled_messages")


def test_the_pashto_and_the_dari_letters_of_one_class_have_their_own_names(world: World, alice_client: Client) -> None:
    pashto, _codes = make_batch(alice_client, world, home_language="ps", size="1")
    dari, _codes = make_batch(alice_client, world, home_language="prs", size="1")
    for batch, code in ((pashto, "ps"), (dari, "prs")):
        (letters, _pdf), today = on_one_day(lambda batch=batch: download_letters(alice_client, world, batch))
        expected = f'attachment; filename="brieven-3a-{code}-de-regenboog-oudercontact-{today}.pdf"'
        assert letters["Content-Disposition"] == expected
        links, today = on_one_day(lambda batch=batch: alice_client.get(batch_url("links", world, batch)))
        assert (
            links["Content-Disposition"]
            == f'attachment; filename="links-3a-{code}-de-regenboog-oudercontact-{today}.txt"'
        )


def test_a_batch_without_a_language_is_named_after_its_group_only(world: World, alice_client: Client) -> None:
    batch, _codes = make_batch(alice_client, world, size="1")
    (letters, _pdf), today = on_one_day(lambda: download_letters(alice_client, world, batch))
    assert letters["Content-Disposition"] == f'attachment; filename="brieven-3a-de-regenboog-oudercontact-{today}.pdf"'
