"""The regional overview as a workbook: the same figures as the page, rounded as the page shows them, the same
hidden cells with their reasons, and no school's own figure."""

from decimal import ROUND_HALF_UP, Decimal

from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from organisations.models import Organisation
from organisations.regional.figures import Distribution
from organisations.regional.overview import Overview
from organisations.regional.wording import perspective_name, reason_text
from reports.spreadsheets import Cell, write_xlsx

ONE_DECIMAL = Decimal("0.1")  # as the page shows a figure (floatformat:1, which rounds half up)


def _rounded(value: float | None) -> float | None:
    if value is None:
        return None
    return float(Decimal(repr(value)).quantize(ONE_DECIMAL, rounding=ROUND_HALF_UP))


def _distribution_cells(shown: Distribution | None, reason: str) -> list[Cell]:
    if shown is None:
        return [None, None, None, None, None, None, reason_text(reason)]
    values = (shown.p10, shown.q1, shown.median, shown.q3, shown.p90)
    return [shown.schools, *(_rounded(value) for value in values), ""]


def overview_rows(organisation: Organisation, overview: Overview) -> list[list[Cell]]:
    heading: list[Cell] = [
        _("Schools"),
        _("10th percentile"),
        _("First quartile"),
        _("Median"),
        _("Third quartile"),
        _("90th percentile"),
        _("Note"),
    ]
    rows: list[list[Cell]] = [
        [organisation.name, _("School year %(year)s") % {"year": overview.school_year}],
        [_("Schools that share"), overview.sharing],
        [],
        [_("Per dimension and perspective (mean per school, 1 to 5)")],
        [_("Dimension"), _("Perspective"), *heading],
    ]
    for dimension in overview.dimensions:
        for figure in dimension.figures:
            rows.append(
                [
                    dimension.name,
                    perspective_name(figure.perspective),
                    *_distribution_cells(figure.distribution, figure.reason),
                ]
            )
    # As the page shows them: no outer percentiles, which would say more of single schools than the page does.
    rows += [
        [],
        [_("Blind spots: the team's mean minus the parents' (per school)")],
        [_("Dimension"), _("Schools"), _("Median"), _("First quartile"), _("Third quartile"), _("Note")],
    ]
    for spot in overview.blind_spots:
        shown = spot.distribution
        if shown is None:
            rows.append([spot.name, None, None, None, None, reason_text(spot.reason)])
        else:
            rows.append([spot.name, shown.schools, *(_rounded(v) for v in (shown.median, shown.q1, shown.q3)), ""])
    rows += [
        [],
        [_("Most often among a school's two weakest dimensions")],
        [_("Perspective"), _("Dimension"), _("Schools"), _("Note")],
    ]
    for weakest in overview.weakest:
        if not weakest.rows:
            rows.append([perspective_name(weakest.perspective), None, None, reason_text(weakest.reason)])
        for row in weakest.rows:
            rows.append(
                [
                    perspective_name(weakest.perspective),
                    row.name,
                    row.schools,
                    _("of %(schools)s schools") % {"schools": weakest.schools},
                ]
            )
    rows += [[], [_("Actions from the library")], [_("Action"), _("Schools"), _("Status"), _("With an evaluation")]]
    for action in overview.actions:
        statuses = ", ".join(f"{label}: {count}" for label, count in action.statuses)
        rows.append([action.title, action.schools, statuses, action.evaluated])
    if overview.actions_held_back:
        rows.append([_("Other actions, each chosen by fewer than 5 schools"), overview.actions_held_back])
    rows += [[], [_("Trend: the median per school year")], [_("Dimension"), _("Perspective"), *overview.school_years]]
    for trend in overview.trend:
        rows.append(
            [
                trend.name,
                perspective_name(trend.perspective),
                *(_rounded(cell.median) if cell.median is not None else "—" for cell in trend.cells),
            ]
        )
    return rows


def overview_workbook(organisation: Organisation, overview: Overview) -> bytes:
    return write_xlsx(overview_rows(organisation, overview), _("Region"))


def export_name(organisation: Organisation, overview: Overview) -> str:
    parts = ["regio", slugify(organisation.name)[:50], overview.school_year, timezone.localdate().isoformat()]
    return "-".join(part for part in parts if part) + ".xlsx"
