"""The organisation's XLSX export: the page's figures, rounded as the page shows them, hidden ones with their
reason, no unnamed school and nothing of one person."""

import io

from django.urls import reverse
from openpyxl import load_workbook

from analysis.models import Round
from surveys.models import SurveyResponse
from tests.helpers.world import World, in_dutch
from tests.organisations.regional_data import closed_round, organisation_with_coach, share


def cells(content: bytes) -> list[list[object]]:
    sheet = load_workbook(io.BytesIO(content)).active
    assert sheet is not None
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def test_the_export_holds_the_page_figures_and_no_more(world: World) -> None:
    atlas, coach = organisation_with_coach()
    rounds: list[Round] = []
    for index, value in enumerate((1, 2, 2, 4, 5)):
        round_ = closed_round(f"School {index}", parent_value=value)
        share(atlas, round_, named=index == 0)
        rounds.append(round_)
    SurveyResponse.objects.filter(round=rounds[1]).update(open_answer="OPEN-ANTWOORD")
    response = world.client_for(coach).get(reverse("organisations:export", args=[atlas.id]))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="regio-atlas-2026-2027-')
    rows = cells(response.content)
    text = " ".join(str(value) for row in rows for value in row if value is not None)
    assert "School 0" not in text  # even a named school is never beside a figure: the export names nobody
    for hidden in ("School 1", "OPEN-ANTWOORD", "Leraar"):
        assert hidden not in text
    kennis_parents = next(row for row in rows if row[:2] == ["Kennis", in_dutch("Parents")])
    # schools, p10, q1, median, q3, p90 of 1, 2, 2, 4, 5: rounded to one decimal, as on the page
    assert kennis_parents[2:8] == [5, 1.4, 2.0, 2.0, 4.0, 4.6]
    kennis_pupils = next(row for row in rows if row[:2] == ["Kennis", in_dutch("Pupils")])
    assert kennis_pupils[8] == in_dutch(
        "Hidden: fewer than 5 schools have a figure here (each with at least 5 people)."
    )


def test_the_export_rounds_as_the_page_does(world: World) -> None:
    atlas, coach = organisation_with_coach()
    for index, value in enumerate((1, 1, 2, 3, 4, 5)):
        share(atlas, closed_round(f"School {index}", parent_value=value))
    rows = cells(world.client_for(coach).get(reverse("organisations:export", args=[atlas.id])).content)
    kennis_parents = next(row for row in rows if row[:2] == ["Kennis", in_dutch("Parents")])
    # q1 of 1, 1, 2, 3, 4, 5 is 1.25 and q3 3.75: rounded half up to one decimal, as the page shows "1,3" and "3,8"
    assert kennis_parents[2:8] == [6, 1.0, 1.3, 2.5, 3.8, 4.5]
    html = world.client_for(coach).get(reverse("organisations:overview", args=[atlas.id])).content.decode()
    assert "1,3 – 3,8" in html


def test_the_blind_spots_hold_the_columns_the_page_shows_and_no_outer_percentiles(world: World) -> None:
    atlas, coach = organisation_with_coach()
    for index, value in enumerate((1, 2, 2, 4, 5)):
        share(atlas, closed_round(f"School {index}", parent_value=value))
    rows = cells(world.client_for(coach).get(reverse("organisations:export", args=[atlas.id])).content)
    start = next(
        i
        for i, row in enumerate(rows)
        if row[0] == in_dutch("Blind spots: the team's mean minus the parents' (per school)")
    )
    heading = [value for value in rows[start + 1] if value is not None]
    assert heading == [
        in_dutch(name) for name in ("Dimension", "Schools", "Median", "First quartile", "Third quartile", "Note")
    ]
    section = rows[start + 2 : next(i for i in range(start + 2, len(rows)) if not any(rows[i]))]
    assert section and all(len([value for value in row if value not in (None, "")]) <= 5 for row in section)
    kennis = next(row for row in section if row[0] == "Kennis")
    page = world.client_for(coach).get(reverse("organisations:overview", args=[atlas.id])).content.decode()
    assert kennis[1] == 5 and f"{kennis[3]:.1f} – {kennis[4]:.1f}".replace(".", ",") in page
