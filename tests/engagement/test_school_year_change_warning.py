"""A version published once its school year has begun takes effect the next school year, and every
family must agree again: the date rule, and the warning on the publish confirmation and the page."""

from datetime import date

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from engagement.drafting import start_declaration, take_step
from engagement.models import Declaration, DeclarationState
from engagement.school_years import change_waits_for_next_school_year, first_day_of, next_school_year, school_year_of
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


def adopted(world: World, year: str) -> Declaration:
    declaration = start_declaration(world.school, year, world.alice)
    take_step(declaration, "consult")
    take_step(declaration, "adopt", adopted_on=date(2026, 6, 20))
    return declaration


def publish_url(world: World, declaration: Declaration) -> str:
    return reverse("engagement:step", args=[world.school.id, declaration.id, "publish"])


@pytest.mark.django_db
def test_publishing_during_the_school_year_warns_on_the_confirmation_and_the_published_page(
    world: World, alice_client: Client
) -> None:
    this_year = school_year_of(timezone.localdate())
    declaration = adopted(world, this_year)
    confirmation = alice_client.get(publish_url(world, declaration)).content.decode()
    assert NOTICE in confirmation
    assert (
        in_dutch(
            "The school year %(year)s has begun. The engagementsverklaring is part of the schoolreglement: a change "
            "published now takes effect from the next school year (%(next)s), and every family must agree to it "
            "again in writing."
        )
        % {"year": this_year, "next": next_school_year(this_year)}
        in confirmation
    )
    alice_client.post(publish_url(world, declaration), {"confirm": "1"})
    declaration.refresh_from_db()
    assert declaration.state == DeclarationState.PUBLISHED
    page = alice_client.get(reverse("engagement:declaration", args=[world.school.id, declaration.id])).content.decode()
    assert NOTICE in page
    assert (
        in_dutch(
            "This version was published during the school year %(year)s. The engagementsverklaring is part of the "
            "schoolreglement: a change takes effect from the next school year (%(next)s), and every family must "
            "agree to it again in writing."
        )
        % {"year": this_year, "next": next_school_year(this_year)}
        in page
    )


@pytest.mark.django_db
def test_publishing_before_the_school_year_begins_does_not_warn(world: World, alice_client: Client) -> None:
    declaration = adopted(world, next_school_year(school_year_of(timezone.localdate())))
    assert NOTICE not in alice_client.get(publish_url(world, declaration)).content.decode()
    alice_client.post(publish_url(world, declaration), {"confirm": "1"})
    declaration.refresh_from_db()
    assert declaration.state == DeclarationState.PUBLISHED
    page = alice_client.get(reverse("engagement:declaration", args=[world.school.id, declaration.id])).content.decode()
    assert NOTICE not in page
