"""The migration to collection windows keeps existing rounds working (issue 11, point 1)."""

from datetime import UTC, date, datetime

import pytest

from tests.helpers.migrations import migrate_to, migrate_to_latest

BEFORE = [("analysis", "0002_previous_round")]
AFTER = [("analysis", "0003_collection_windows")]


@pytest.mark.django_db(transaction=True)
def test_an_open_round_gets_three_open_windows_and_a_closed_round_three_closed_ones() -> None:
    old = migrate_to(BEFORE)
    school = old.get_model("schools", "School").objects.create(name="De Regenboog")
    round_model = old.get_model("analysis", "Round")
    closed_at = datetime(2026, 6, 20, 15, 0, tzinfo=UTC)
    open_round = round_model.objects.create(
        school=school, title="Nu", starts_on=date(2026, 9, 1), ends_on=date(2026, 10, 1), status="open"
    )
    closed_round = round_model.objects.create(
        school=school,
        title="Vorig jaar",
        starts_on=date(2026, 3, 1),
        ends_on=date(2026, 4, 1),
        status="closed",
        closed_at=closed_at,
    )

    new = migrate_to(AFTER)
    window_model = new.get_model("analysis", "CollectionWindow")

    def windows_of(round_id: object) -> set[tuple[str, date, date, datetime | None]]:
        rows = window_model.objects.filter(round_id=round_id, school_id=school.pk)
        return set(rows.values_list("voice", "opens_on", "closes_on", "closed_at"))

    assert windows_of(open_round.pk) == {
        (voice, date(2026, 9, 1), date(2026, 10, 1), None) for voice in ("team", "parents", "pupils")
    }
    assert windows_of(closed_round.pk) == {
        (voice, date(2026, 3, 1), date(2026, 4, 1), closed_at) for voice in ("team", "parents", "pupils")
    }
    migrate_to_latest()
