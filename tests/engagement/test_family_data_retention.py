"""Family data of the engagementsverklaring is deleted by a daily chore once the school's retention has passed.

Every "now" is fixed: the chore is called with it, never with the wall clock's date.
"""

import logging
from datetime import date, datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import escape

from engagement.families.retention import delete_family_data_past_retention, family_data_deleted_on
from engagement.models import Acknowledgment, Declaration, Family, PrivacyAction, PrivacyLog
from jobs.schedule import registered_chores, run_chore
from schools.models import School
from tests.helpers.world import World


def at(day: date, hour: int = 12) -> datetime:
    return timezone.make_aware(datetime(day.year, day.month, day.day, hour))


@pytest.mark.parametrize(
    ("school_year", "months", "deleted_on"),
    [
        ("2025-2026", 12, date(2027, 9, 1)),
        ("2025-2026", 1, date(2026, 10, 1)),
        ("2025-2026", 4, date(2027, 1, 1)),  # into the next calendar year
        ("2025-2026", 36, date(2029, 9, 1)),
    ],
)
def test_family_data_is_past_its_retention_months_after_31_august(
    school_year: str, months: int, deleted_on: date
) -> None:
    assert family_data_deleted_on(school_year, months) == deleted_on


def families(school: School, school_year: str, declaration: Declaration, acknowledged: int = 1) -> None:
    """Two families of `school` in `school_year`, `acknowledged` of them having read the declaration."""
    version = declaration.published_version
    assert version is not None
    for number in (1, 2):
        family = Family.objects.create(school=school, school_year=school_year, reference=f"G{number}", class_name="1A")
        if number <= acknowledged:
            Acknowledgment.objects.create(family=family, school=school, version=version, name="Sara", language="nl")


def remaining(school: School) -> list[str]:
    return sorted(set(Family.objects.filter(school=school).values_list("school_year", flat=True)))


def test_the_chore_deletes_each_school_year_on_its_own_schools_day_and_logs_it(
    world: World, published_declaration: Declaration, caplog: pytest.LogCaptureFixture
) -> None:
    world.other_school.family_data_months = 3
    world.other_school.save()
    families(world.school, "2025-2026", published_declaration)  # kept 12 months (the default): until 31 August 2027
    families(world.school, "2026-2027", published_declaration)
    families(world.other_school, "2025-2026", published_declaration, acknowledged=0)  # until 30 November 2026

    with caplog.at_level(logging.INFO, logger="betrokken.retention"):
        assert delete_family_data_past_retention(at(date(2026, 11, 30))) == 0
        assert delete_family_data_past_retention(at(date(2026, 12, 1))) == 1
    assert remaining(world.other_school) == []
    assert remaining(world.school) == ["2025-2026", "2026-2027"]
    logged = PrivacyLog.objects.get(school=world.other_school)
    assert (logged.school_year, logged.action, logged.done_by, logged.families, logged.acknowledgments) == (
        "2025-2026",
        PrivacyAction.RETENTION,
        None,
        2,
        0,
    )
    assert [record.getMessage() for record in caplog.records] == [
        f"Deleted the family data of {world.other_school.pk} for 2025-2026 (2 families, 0 acknowledgments): "
        "kept 3 months after the year"
    ]

    assert delete_family_data_past_retention(at(date(2027, 8, 31), hour=23)) == 0
    assert delete_family_data_past_retention(at(date(2027, 9, 1), hour=0)) == 1
    assert remaining(world.school) == ["2026-2027"]
    assert Acknowledgment.objects.filter(school=world.school).count() == 1  # only 2026-2027's
    logged = PrivacyLog.objects.get(school=world.school)
    assert (logged.school_year, logged.action, logged.families, logged.acknowledgments) == (
        "2025-2026",
        PrivacyAction.RETENTION,
        2,
        1,
    )


def test_a_longer_setting_keeps_the_data_longer(world: World, published_declaration: Declaration) -> None:
    world.school.family_data_months = 24
    world.school.save()
    families(world.school, "2025-2026", published_declaration)
    assert delete_family_data_past_retention(at(date(2027, 9, 1))) == 0
    assert delete_family_data_past_retention(at(date(2028, 9, 1))) == 1
    assert remaining(world.school) == []


def test_the_worker_runs_it_as_a_daily_chore(world: World, published_declaration: Declaration) -> None:
    chore = next(chore for chore in registered_chores() if chore.name == "engagement.family_data_retention")
    assert chore.every.days == 1
    families(world.school, "2025-2026", published_declaration)
    run_chore("engagement.family_data_retention", at(date(2027, 9, 2)))
    assert remaining(world.school) == []


def test_the_privacy_page_says_when_family_data_goes(
    world: World, published_declaration: Declaration, alice_client: Client
) -> None:
    page = alice_client.get(
        reverse("engagement:family_privacy", args=[world.school.id, published_declaration.id])
    ).content.decode()
    with translation.override("nl"):
        sentence = translation.ngettext(RETENTION_SENTENCE, RETENTION_SENTENCE_PLURAL, 12) % {"months": 12}
    assert escape(sentence) in page
    assert reverse("schools:settings", args=[world.school.id]) in page


RETENTION_SENTENCE = (
    "Betrokken deletes a school year's family data by itself %(months)s month after the school year ends; "
    "the coordinator sets how long in the school settings."
)
RETENTION_SENTENCE_PLURAL = RETENTION_SENTENCE.replace("month after", "months after")
