"""A round's report: what the PDF and the exports show, assembled once.

Everything about parents and pupils comes from the tallies under the rule of five; no individual
answer is ever read here.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from weasyprint import HTML

from actions.check import PlanWarning, check_plan
from actions.models import Action
from actions.plan_warnings import PlanWarningText, explain
from analysis.models import Round
from analysis.queries import conclusions_by_dimension, participation
from framework.localized import ShownDimension
from reports.page_margins import footer_content, page_counter_content
from reports.spreadsheets import Cell, write_csv, write_xlsx
from results.focus import GAPS_THAT_COUNT, round_focus
from results.perspectives import HIDDEN, MIN_GROUP_SIZE, NO_ANSWERS, NOT_ASKED, Figure, GroupRow
from results.profile_page import Row, SideView
from results.round_results import RoundResults, round_results
from results.voices import LabelledGap


@dataclass(frozen=True)
class PlanRow:
    title: str
    dimensions: list[str]
    owner: str
    due_on: date | None
    status: str
    pupil_role: str


@dataclass(frozen=True)
class RoundReport:
    round: Round
    profile: RoundResults
    counts: dict[str, int]
    conclusions: list[tuple[ShownDimension, str]]
    actions: list[PlanRow]
    coverage: list[tuple[str, int]]
    warnings: list[tuple[PlanWarning, PlanWarningText]]
    weakest: list[str]  # names of the team's weakest dimensions, in the framework's order

    @property
    def largest_blind_spots(self) -> list[LabelledGap]:
        """The gaps the cover names: the ones a plan should answer (results.focus)."""
        return self.profile.voices.gaps[:GAPS_THAT_COUNT]

    @property
    def rows_by_dimension(self) -> list[tuple[Row, ...]]:
        """Per dimension, its row on each side (the cover's table of means)."""
        return list(zip(*(side.rows for side in self.profile.sides), strict=True))

    @property
    def has_partial(self) -> bool:
        """A figure on the cover rests on fewer people than are in the figures (marked, with a note)."""
        return any(side.has_partial for side in self.profile.sides)

    @property
    def dimensions_in_plan(self) -> int:
        return sum(1 for _name, count in self.coverage if count)

    @property
    def radars(self) -> list[tuple[SideView, str]]:
        return [(side, radar_svg(side)) for side in self.profile.sides]


def build_report(round_: Round, language: str) -> RoundReport:
    part = round_results(round_, language)
    dimensions = part.dimensions
    keys = [dimension.key for dimension in dimensions]
    names = {dimension.key: dimension.name for dimension in dimensions}
    written = conclusions_by_dimension(round_)
    conclusions = [
        (dimension, written[dimension.key].text)
        for dimension in dimensions
        if dimension.key in written and written[dimension.key].text.strip()
    ]
    actions = list(Action.objects.filter(round=round_).select_related("owner").prefetch_related("dimensions"))
    facts = [action.facts() for action in actions]
    focus = round_focus(round_, {dimension.dimension.pk: dimension.key for dimension in dimensions})
    check = check_plan(facts, keys, focus.weakest, focus.largest_gaps)
    rows = [
        PlanRow(
            action.title,
            [names[key] for key in keys if key in fact.dimensions],
            action.owner.name if action.owner else "",
            action.due_on,
            action.get_status_display(),
            action.get_pupil_role_display(),
        )
        for action, fact in zip(actions, facts, strict=True)
    ]
    return RoundReport(
        round=round_,
        profile=part,
        counts=participation(round_),
        conclusions=conclusions,
        actions=rows,
        coverage=[(names[key], count) for key, count in check.coverage.items()],
        warnings=[(warning, explain(warning, names)) for warning in check.warnings],
        weakest=[names[key] for key in keys if key in focus.weakest],
    )


# The radar is drawn by results/radar.html; WeasyPrint styles an inline SVG only from a <style> inside it.
# In black and white the series differ by line style and dots, never by colour alone.
RADAR_STYLE = (
    "<style>"
    ".grid polygon, .grid line { fill: none; stroke: #777; stroke-width: 0.8; }"
    "g polygon, g polyline { fill: none; stroke: #000; stroke-width: 2; } circle { fill: #000; }"
    ".series-parents polygon, .series-parents polyline { stroke-dasharray: 7 4; }"
    ".series-pupils polygon, .series-pupils polyline { stroke-dasharray: 2 3; }"
    ".series-pupils rect { fill: #000; }"  # filled squares: a hollow circle is a gap
    "circle.gap { fill: #fff; stroke: #000; stroke-width: 1.2; stroke-dasharray: 1.5 1.5; }"
    ".scale text { font-size: 9px; fill: #444; }"
    ".labels text { font-size: 11px; fill: #000; }"
    "</style>"
)


def radar_svg(side: SideView) -> str:
    svg = render_to_string(
        "results/radar.html", {"radar": side.radar, "title": side.title, "chart_id": f"radar-{side.side}"}
    )
    return mark_safe(svg.replace(">", ">" + RADAR_STYLE, 1))  # noqa: S308 - our own template's output


def report_pdf(report: RoundReport) -> bytes:
    margins = {
        "footer": mark_safe(footer_content(report.round.school.name, report.round.title)),  # noqa: S308 - escaped CSS
        "page_counter": mark_safe(page_counter_content()),  # noqa: S308 - escaped CSS
    }
    html = render_to_string(
        "reports/round_report.html", {"report": report, "min_group_size": MIN_GROUP_SIZE, "margins": margins}
    )
    pdf: bytes = HTML(string=html).write_pdf()
    return pdf


# Exports of aggregated results -------------------------------------------------------------------

PAGE_DECIMALS = 1  # the page shows one decimal; an export never carries more (docs/privacy.md)


def figure_note(figure: Figure) -> str:
    """The "Note" column: why a figure has no mean, or that it leaves out answers held back, as the page says."""
    if figure.reason == HIDDEN:
        return _("hidden: fewer than %(count)d answers per group") % {"count": MIN_GROUP_SIZE}
    if figure.reason == NOT_ASKED:
        return _("not asked")
    if figure.reason == NO_ANSWERS:
        return _("no answers")
    if figure.partial:
        return _("rests on fewer people: some groups' answers are held back")
    return ""


def _figure_cells(figure: Figure) -> tuple[Cell, Cell, str]:
    if figure.suppressed:
        return None, None, figure_note(figure)
    mean = round(figure.mean, PAGE_DECIMALS) if figure.mean is not None else None
    return mean, figure.respondents, figure_note(figure)


def _breakdown_rows(
    perspective: str, kind: str, rows: Iterable[GroupRow], dimensions: Sequence[ShownDimension]
) -> list[list[Cell]]:
    out: list[list[Cell]] = []
    for row in rows:
        for dimension, figure in zip(dimensions, row.figures, strict=True):
            mean, people, note = _figure_cells(figure)
            out.append([perspective, _("Both directions"), kind, row.group, dimension.name, mean, people, note])
    return out


def export_header() -> list[Cell]:
    return [
        _("Perspective"),
        _("Side"),
        _("Breakdown"),
        _("Group"),
        _("Dimension"),
        _("Mean (1–5)"),
        _("Number of people"),
        _("Note"),
    ]


def export_rows(part: RoundResults) -> list[list[Cell]]:
    """One row per perspective × side × dimension, then per group and home language; small groups hidden."""
    everyone = _("Everyone")
    team, parents, pupils = _("Team"), _("Parents"), _("Pupils")
    rows: list[list[Cell]] = []
    for side in part.sides:
        results = {result.dimension: result for result in part.perspectives.team.side(side.side).dimensions}
        for row in side.rows:
            result = results.get(row.dimension.key)
            team_mean = round(result.mean, PAGE_DECIMALS) if result and result.mean is not None else None
            team_people = result.respondents if result else 0
            rows.append([team, side.title, everyone, "", row.dimension.name, team_mean, team_people, ""])
        for perspective, attribute in ((parents, "parents"), (pupils, "pupils")):
            for row in side.rows:
                mean, people, note = _figure_cells(getattr(row, attribute))
                rows.append([perspective, side.title, everyone, "", row.dimension.name, mean, people, note])
    voices, dimensions = part.voices, part.dimensions
    rows += _breakdown_rows(parents, _("Group"), voices.parents_by_group, dimensions)
    rows += _breakdown_rows(parents, _("Language of the letter (batch)"), voices.parents_by_language, dimensions)
    rows += _breakdown_rows(parents, _("Language answered in"), voices.parents_by_answered_language, dimensions)
    rows += _breakdown_rows(pupils, _("Group"), voices.pupils_by_group, dimensions)
    return rows


def results_csv(part: RoundResults) -> bytes:
    return write_csv([export_header(), *export_rows(part)])


def results_xlsx(part: RoundResults) -> bytes:
    return write_xlsx([export_header(), *export_rows(part)], _("Results"))
