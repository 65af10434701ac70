"""The feedback page's life: composed from a closed round, consulted, published and frozen; a change is a new
version; the public address works once published."""

import pytest
from django.test import Client
from django.urls import reverse

from analysis.models import RoundStatus
from engagement.drafting import StepNotAllowed
from engagement.models import PublishedVersionIsFrozen
from feedback.models import FeedbackState
from feedback.public import is_published, public_path
from feedback.versions import RoundNotClosed, change_text, latest_version, start_page, take_step, version_text
from tests.helpers.feedback_rounds import closed_round, complete_text
from tests.helpers.world import World

pytestmark = pytest.mark.django_db


def test_a_page_is_composed_only_from_a_closed_round(world: World) -> None:
    assert world.round.status == RoundStatus.OPEN
    with pytest.raises(RoundNotClosed):
        start_page(world.round, world.alice)


def test_publishing_freezes_the_version_and_a_change_is_a_new_draft(world: World) -> None:
    round_ = closed_round(world)
    page = start_page(round_, world.alice)
    assert start_page(round_, world.alice) == page  # one page per round
    first = latest_version(page)
    [action] = version_text(first).actions  # the plan's action, to start from: when in Dutch, who by role
    assert (action.title, action.when, action.who) == (
        "Koffiemoment aan de schoolpoort",
        "tegen maart 2027",
        "Coördinator",
    )
    second = change_text(page, complete_text(round_, version_text(first)), world.alice, "punten")
    assert second is not None and second.number == 2
    with pytest.raises(StepNotAllowed):
        take_step(page, "publish")  # not before the consultation
    take_step(page, "consult")
    take_step(page, "publish")
    page.refresh_from_db()
    assert page.state == FeedbackState.PUBLISHED and page.published_version == second and is_published(page)
    second.content = {**second.content, "team": "Iets anders."}
    with pytest.raises(PublishedVersionIsFrozen):
        second.save()
    changed = version_text(latest_version(page))
    third = change_text(page, type(changed)(**{**changed.__dict__, "team": "Ander besluit."}), world.alice)
    page.refresh_from_db()
    assert third is not None and third.number == 3
    assert page.state == FeedbackState.DRAFT and page.published_version == second  # the published one stays online


def test_publishing_needs_three_points(world: World) -> None:
    round_ = closed_round(world)
    page = start_page(round_, world.alice)
    take_step(page, "consult")
    with pytest.raises(StepNotAllowed):
        take_step(page, "publish")


def test_the_public_address_says_not_yet_then_shows_the_page(world: World) -> None:
    round_ = closed_round(world)
    page = start_page(round_, world.alice)
    change_text(page, complete_text(round_, version_text(latest_version(page))), world.alice)
    before = Client().get(public_path(page))
    assert before.status_code == 404
    assert "nog niet gepubliceerd" in before.content.decode()
    take_step(page, "consult")
    take_step(page, "publish")
    after = Client().get(public_path(page))
    assert after.status_code == 200
    html = after.content.decode()
    assert "Ouders voelen zich welkom." in html
    assert "Aantal ouders geteld voor dit punt: 10" in html  # 11 handed in: one is left out of the chunks of five
    assert Client().get(reverse("feedback:public", args=["nietbestaand"])).status_code == 404
