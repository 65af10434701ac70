"""Publishing once the school year has begun: the first text of the year is what families agree to; a
re-publication is a change that takes effect the next school year, and every family must agree again.
The date rule, and the notice on the publish confirmation and on the page of the published version."""

from dataclasses import replace
from datetime import date

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import formats, timezone, translation

from engagement.drafting import change_text, latest_version, start_declaration, take_step, version_text
from engagement.models import Declaration, DeclarationState
from engagement.school_years import (
    CHANGE_DURING_THE_YEAR,
    FIRST_TEXT_OF_THE_YEAR,
    change_waits_for_next_school_year,
    first_day_of,
    next_school_year,
    publication_during_school_year,
    school_year_of,
)
from tests.helpers.world import World, in_dutch

NOTICE = 'data-testid="next-year-notice"'


@pytest.mark.parametrize(
    ("published_on", "waits"),
    [
        (date(2026, 6, 30), False),  # before the school year: the new text applies from 1 September
        (date(2026, 8, 31), False),
        (date(2026, 9, 1), True),  # the first school day: the year has begun
        (date(2027, 2, 14), True),
        (date(2027, 8, 31), True),
    ],
)
def test_a_version_published_once_its_school_year_began_waits_for_the_next(published_on: date, waits: bool) -> None:
    assert change_waits_for_next_school_year("2026-2027", published_on) is waits


def test_a_school_year_begins_on_the_first_of_september() -> None:
    assert first_day_of("2026-2027") == date(2026, 9, 1)


@pytest.mark.parametrize(
    ("published_on", "replaces_a_published_version", "notice"),
    [
        (date(2026, 8, 31), False, ""),  # before the school year: no notice, first text or not
        (date(2026, 8, 31), True, ""),
        (date(2026, 9, 1), False, FIRST_TEXT_OF_THE_YEAR),
        (date(2026, 11, 23), True, CHANGE_DURING_THE_YEAR),
    ],
)
def test_during_the_school_year_a_first_text_is_agreed_to_and_a_republication_is_a_change(
    published_on: date, replaces_a_published_version: bool, notice: str
) -> None:
    assert publication_during_school_year("2026-2027", published_on, replaces_a_published_version) == notice


FIRST_ON_PAGE = (
    "Version %(number)s was published on %(day)s, during the school year %(year)s. It is the first published "
    "version for this school year: families agree to this text."
)
CHANGE_ON_PAGE = (
    "Version %(number)s was published on %(day)s, during the school year %(year)s, as a change to a version "
    "published before. The engagementsverklaring is part of the schoolreglement: the change takes effect from the "
    "next school year (%(next)s), and every family must agree to it again in writing."
)
FIRST_ON_CONFIRMATION = (
    "The school year %(year)s has begun. Version %(number)s will be the first published version for this school "
    "year: families agree to this text."
)
CHANGE_ON_CONFIRMATION = (
    "The school year %(year)s has begun and version %(published)s is already published. The engagementsverklaring "
    "is part of the schoolreglement: publishing version %(number)s is a change, which takes effect from the next "
    "school year (%(next)s), and every family must agree to it again in writing."
)


def adopted(world: World, year: str) -> Declaration:
    declaration = start_declaration(world.school, year, world.alice)
    take_step(declaration, "consult")
    take_step(declaration, "adopt", adopted_on=date(2026, 6, 20))
    return declaration


def publish_url(world: World, declaration: Declaration) -> str:
    return reverse("engagement:step", args=[world.school.id, declaration.id, "publish"])


def page_of(client: Client, world: World, declaration: Declaration) -> str:
    return client.get(reverse("engagement:declaration", args=[world.school.id, declaration.id])).content.decode()


def published_on_in_dutch(declaration: Declaration) -> str:
    version = latest_version(declaration)
    assert version.published_at is not None
    with translation.override("nl"):
        return formats.date_format(timezone.localdate(version.published_at))


@pytest.mark.django_db
def test_the_first_publication_during_the_school_year_is_no_change(world: World, alice_client: Client) -> None:
    this_year = school_year_of(timezone.localdate())
    declaration = adopted(world, this_year)
    confirmation = alice_client.get(publish_url(world, declaration)).content.decode()
    assert in_dutch(FIRST_ON_CONFIRMATION) % {"year": this_year, "number": 1} in confirmation
    assert "geldt pas vanaf het volgende schooljaar" not in confirmation
    alice_client.post(publish_url(world, declaration), {"confirm": "1"})
    declaration.refresh_from_db()
    assert declaration.state == DeclarationState.PUBLISHED
    page = page_of(alice_client, world, declaration)
    day = published_on_in_dutch(declaration)
    assert in_dutch(FIRST_ON_PAGE) % {"number": 1, "day": day, "year": this_year} in page
    assert "geldt pas vanaf het volgende schooljaar" not in page


@pytest.mark.django_db
def test_a_draft_shows_no_notice_and_its_republication_is_announced_as_a_change(
    world: World, alice_client: Client
) -> None:
    this_year, next_year = school_year_of(timezone.localdate()), next_school_year(school_year_of(timezone.localdate()))
    declaration = adopted(world, this_year)
    take_step(declaration, "publish")
    text = version_text(latest_version(declaration))
    change_text(declaration, replace(text, title=f"{text.title} (bijgewerkt)"), world.alice, "")
    declaration.refresh_from_db()
    assert (declaration.state, latest_version(declaration).number) == (DeclarationState.DRAFT, 2)
    assert NOTICE not in page_of(alice_client, world, declaration)  # the page shows the draft, version 2
    take_step(declaration, "consult")
    take_step(declaration, "adopt", adopted_on=timezone.localdate())
    confirmation = alice_client.get(publish_url(world, declaration)).content.decode()
    expected = {"year": this_year, "published": 1, "number": 2, "next": next_year}
    assert in_dutch(CHANGE_ON_CONFIRMATION) % expected in confirmation
    alice_client.post(publish_url(world, declaration), {"confirm": "1"})
    declaration.refresh_from_db()
    assert declaration.state == DeclarationState.PUBLISHED
    day = published_on_in_dutch(declaration)
    page = page_of(alice_client, world, declaration)
    assert in_dutch(CHANGE_ON_PAGE) % {"number": 2, "day": day, "year": this_year, "next": next_year} in page


@pytest.mark.django_db
def test_publishing_before_the_school_year_begins_does_not_warn(world: World, alice_client: Client) -> None:
    declaration = adopted(world, next_school_year(school_year_of(timezone.localdate())))
    assert NOTICE not in alice_client.get(publish_url(world, declaration)).content.decode()
    alice_client.post(publish_url(world, declaration), {"confirm": "1"})
    declaration.refresh_from_db()
    assert declaration.state == DeclarationState.PUBLISHED
    assert NOTICE not in page_of(alice_client, world, declaration)
