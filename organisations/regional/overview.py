"""The regional overview of one organisation and school year: what its staff read, and what a school reads of
itself beside the region. Every figure passes the rule of five (per school), the rule of five schools (per
regional figure) and the rule between two moments (organisations.regional.releases)."""

from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from actions.models import ActionStatus, LibraryActionText
from framework.localized import pick_language, show_dimensions
from framework.models import MASTER_LANGUAGE
from organisations.models import Organisation
from organisations.regional.figures import (
    PERSPECTIVES,
    Distribution,
    Key,
    actions_per_key,
    distribution,
    gaps_per_round,
    school_means,
    weakest_counts,
    weakest_per_round,
)
from organisations.regional.queries import (
    SharingSchool,
    action_choices,
    contributions,
    sharing_schools,
)
from organisations.regional.releases import Ledger


@dataclass(frozen=True)
class RegionalFigure:
    perspective: str
    distribution: Distribution | None
    reason: str = ""
    waiting: int = 0
    own: float | None = None  # the reading school's own figure (organisations.views_school: beside the region)


@dataclass(frozen=True)
class DimensionFigures:
    key: str
    name: str
    figures: tuple[RegionalFigure, ...]  # one per perspective, in PERSPECTIVES' order


@dataclass(frozen=True)
class WeakestRow:
    key: str
    name: str
    schools: int


@dataclass(frozen=True)
class Weakest:
    perspective: str
    schools: int
    rows: tuple[WeakestRow, ...]  # most often weakest first
    reason: str = ""
    waiting: int = 0


@dataclass(frozen=True)
class BlindSpot:
    key: str
    name: str
    distribution: Distribution | None  # of the team's mean minus the parents', per school
    reason: str = ""
    waiting: int = 0


@dataclass(frozen=True)
class ActionRow:
    key: str
    title: str
    schools: int
    statuses: tuple[tuple[str, int], ...]  # (status label, actions)
    evaluated: int


@dataclass(frozen=True)
class TrendCell:
    school_year: str
    median: float | None
    reason: str = ""


@dataclass(frozen=True)
class TrendRow:
    name: str
    perspective: str
    cells: tuple[TrendCell, ...]


@dataclass(frozen=True)
class Overview:
    school_year: str
    school_years: tuple[str, ...]
    named_schools: tuple[str, ...]
    unnamed_schools: int
    dimensions: tuple[DimensionFigures, ...]
    weakest: tuple[Weakest, ...]
    blind_spots: tuple[BlindSpot, ...]
    actions: tuple[ActionRow, ...]
    actions_held_back: int  # library actions chosen by fewer than five schools (or changed by fewer)
    trend: tuple[TrendRow, ...]

    @property
    def sharing(self) -> int:
        return len(self.named_schools) + self.unnamed_schools


def build_overview(
    organisation: Organisation, school_year: str | None, language: str, own_round: str | None = None
) -> Overview:
    """`school_year`: the year to read (the latest with shared rounds when None or unknown). `own_round`: a
    sharing school's round, whose own figures are set beside the region's."""
    schools = sharing_schools(organisation)
    dimensions = show_dimensions(language)
    keys_by_id = {shown.dimension.pk: shown.key for shown in dimensions}
    names = {shown.key: shown.name for shown in dimensions}
    keys = [shown.key for shown in dimensions]
    means = school_means(contributions(organisation, keys_by_id))
    per_year: dict[str, list[SharingSchool]] = defaultdict(list)
    for school in schools:
        per_year[school.school_year].append(school)
    years = tuple(sorted(per_year))
    year = school_year if school_year in per_year else (years[-1] if years else "")
    ledger = Ledger(organisation)
    rounds = frozenset(school.round_id for school in per_year.get(year, []))

    def figure(key: Key, values_of: Mapping[str, float], in_year: str, in_rounds: frozenset[str]) -> RegionalFigure:
        decided = ledger.release(in_year, f"mean:{key[0]}:{key[1]}", frozenset(values_of.keys() & in_rounds))
        shown = distribution(values_of[round_id] for round_id in decided.rounds)
        own = values_of.get(own_round) if own_round in in_rounds and shown is not None else None
        return RegionalFigure(key[1], shown, decided.reason, decided.waiting, own)

    figures = tuple(
        DimensionFigures(
            key,
            names[key],
            tuple(
                figure((key, perspective), means.get((key, perspective), {}), year, rounds)
                for perspective in PERSPECTIVES
            ),
        )
        for key in keys
    )
    read = _YearRead(ledger, means, keys, names, year, rounds)
    actions, actions_held_back = _actions(ledger, organisation, year, rounds, language)
    overview = Overview(
        school_year=year,
        school_years=years,
        named_schools=tuple(sorted(school.school_name for school in per_year.get(year, []) if school.named)),
        unnamed_schools=sum(1 for school in per_year.get(year, []) if not school.named),
        dimensions=figures,
        weakest=_weakest(read),
        blind_spots=_blind_spots(read),
        trend=_trend(means, keys, names, per_year, figure),
        actions=actions,
        actions_held_back=actions_held_back,
    )
    ledger.save()
    return overview


@dataclass(frozen=True)
class _YearRead:
    """What one school year's figures are made of."""

    ledger: Ledger
    means: Mapping[Key, Mapping[str, float]]
    keys: Sequence[str]
    names: Mapping[str, str]
    school_year: str
    rounds: frozenset[str]


def _weakest(read: _YearRead) -> tuple[Weakest, ...]:
    result = []
    for perspective in PERSPECTIVES:
        weakest = weakest_per_round(read.means, perspective, read.keys)
        decided = read.ledger.release(
            read.school_year, f"weakest:{perspective}", frozenset(weakest.keys() & read.rounds)
        )
        counts = weakest_counts(weakest, decided.rounds, read.keys)
        rows = tuple(
            sorted(
                (WeakestRow(key, read.names[key], count) for key, count in counts.items() if count),
                key=lambda row: (-row.schools, read.keys.index(row.key)),
            )
        )
        result.append(
            Weakest(perspective, len(decided.rounds), rows if decided.rounds else (), decided.reason, decided.waiting)
        )
    return tuple(result)


def _blind_spots(read: _YearRead) -> tuple[BlindSpot, ...]:
    spots = []
    for key in read.keys:
        gaps = gaps_per_round(read.means, key)
        decided = read.ledger.release(read.school_year, f"gap:{key}", frozenset(gaps.keys() & read.rounds))
        shown = distribution(gaps[round_id] for round_id in decided.rounds)
        spots.append(BlindSpot(key, read.names[key], shown, decided.reason, decided.waiting))
    # The largest blind spots first (the team thinks better of it than parents do); hidden ones last.
    return tuple(
        sorted(
            spots, key=lambda spot: (spot.distribution is None, -(spot.distribution.median if spot.distribution else 0))
        )
    )


def _actions(
    ledger: Ledger, organisation: Organisation, year: str, rounds: frozenset[str], language: str
) -> tuple[tuple[ActionRow, ...], int]:
    per_key = actions_per_key(choice for choice in action_choices(organisation) if choice.round_id in rounds)
    labels = {status.value: str(status.label) for status in ActionStatus}
    shown: list[tuple[str, frozenset[str]]] = []
    held_back = 0
    for key, choices in sorted(per_key.items()):
        decided = ledger.release(year, f"action:{key}", frozenset(choice.round_id for choice in choices))
        if decided.rounds:
            shown.append((key, decided.rounds))
        else:
            held_back += 1
    titles = _library_titles([key for key, _rounds in shown], language)
    rows = []
    for key, in_rounds in shown:
        statuses: dict[str, int] = defaultdict(int)
        evaluated = 0
        for choice in per_key[key]:
            if choice.round_id in in_rounds:
                statuses[choice.status] += choice.actions
                evaluated += choice.evaluated
        ordered = tuple((labels[status], statuses[status]) for status in ActionStatus.values if statuses.get(status))
        rows.append(ActionRow(key, titles.get(key, key), len(in_rounds), ordered, evaluated))
    rows.sort(key=lambda row: (-row.schools, row.title))
    return tuple(rows), held_back


def _library_titles(keys: Sequence[str], language: str) -> dict[str, str]:
    if not keys:
        return {}
    texts: dict[str, dict[str, str]] = defaultdict(dict)
    rows = LibraryActionText.objects.filter(action__key__in=keys, language__in={language, MASTER_LANGUAGE}).values_list(
        "action__key", "language", "title"
    )
    for key, text_language, title in rows:
        texts[key][text_language] = title
    return {key: pick_language(by_language, language)[0] or key for key, by_language in texts.items()}


FigureOf = Callable[[Key, Mapping[str, float], str, frozenset[str]], RegionalFigure]


def _trend(
    means: Mapping[Key, Mapping[str, float]],
    keys: Sequence[str],
    names: Mapping[str, str],
    per_year: Mapping[str, Sequence[SharingSchool]],
    figure: FigureOf,
) -> tuple[TrendRow, ...]:
    """Per dimension and perspective, the median of every school year (each year's figure under its own rules)."""
    rows = []
    for key in keys:
        for perspective in PERSPECTIVES:
            cells = []
            for year, schools in sorted(per_year.items()):
                rounds = frozenset(school.round_id for school in schools)
                shown = figure((key, perspective), means.get((key, perspective), {}), year, rounds)
                cells.append(TrendCell(year, shown.distribution.median if shown.distribution else None, shown.reason))
            rows.append(TrendRow(names[key], perspective, tuple(cells)))
    return tuple(rows)
