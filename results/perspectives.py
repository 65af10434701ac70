"""Team, parents and pupils side by side, under the rule of five. Pure functions, no database.

Parents' and pupils' answers are anonymous; a figure based on fewer than five of them could point
at a family, so it is never shown: the cell says why instead.

Their answers arrive as tallies: per item, group (class, grade) and home language, the sum and
number of answers on the scale and of "weet ik niet" (kept up to date when a questionnaire is
handed in). The people behind a figure are counted, per audience, as the most scale answers any one
of its items got: at least that many different people answered; "weet ik niet" alone does not count.
"""

import hashlib
import hmac
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from results.profile import SIDE_OF_DIRECTION

MIN_GROUP_SIZE = 5
# A free text says more than a mean (style, details): it is shown only among at least this many people.
MIN_OPEN_ANSWERS_GROUP = 10
TEAM, PARENTS, PUPILS = "team", "parents", "pupils"

# Why a figure has no mean; pages, the PDF and the exports word them.
HIDDEN = "hidden"  # answers exist, but fewer than five (in a group): the rule of five holds them back
NOT_ASKED = "not_asked"  # this audience's questionnaire has no question on it
NO_ANSWERS = "no_answers"  # asked, but nobody in the figures answered it on the scale

Asked = tuple[str, str]  # (dimension, direction) that a questionnaire asks about


@dataclass(frozen=True)
class Figure:
    """A mean with how many people it rests on; `mean` is None when hidden, not asked or without answers.

    `partial`: a mean that leaves out answers held back in some group (it rests on fewer people than those
    counted in the figures)."""

    mean: float | None
    respondents: int
    suppressed: bool = False
    not_asked: bool = False
    partial: bool = False

    @property
    def reason(self) -> str:
        """Why there is no mean ("" when there is one)."""
        if self.suppressed:
            return HIDDEN
        if self.mean is not None:
            return ""
        return NOT_ASKED if self.not_asked else NO_ANSWERS


def shown(mean: float | None, respondents: int, anonymous: bool) -> Figure:
    if anonymous and 0 < respondents < MIN_GROUP_SIZE:
        return Figure(None, respondents, suppressed=True)
    return Figure(mean, respondents)


@dataclass(frozen=True)
class Tally:
    """Handed-in answers to one item from one group with one home language (the batch's tag), answered in one
    language ("*" when pooled)."""

    audience: str
    group: str
    home_language: str
    item: str
    dimension: str
    direction: str
    construct: str
    total: int
    answered: int
    dont_know: int
    answered_in: str = ""
    held_back: int = 0  # chunks whose 1-4 scale answers to the item were held back (surveys.tallies)


@dataclass(frozen=True)
class GroupSize:
    """Handed-in questionnaires of one group with one home language, answered in one language."""

    audience: str
    group: str
    home_language: str
    responses: int
    answered_in: str = ""


def figure_of(tallies: Iterable[Tally], in_figures: int | None = None) -> Figure:
    """The mean of the scale answers in `tallies`, hidden when fewer than five people stand behind it.

    `in_figures`: the people of these audiences in the figures; a mean that rests on fewer of them because answers
    were held back somewhere is `partial`.

    Everyone in one audience is asked the same items, so the item with the most scale answers gives
    a lower bound on the people of that audience; different audiences (age bands) are different people.
    """
    total = answered = 0
    held_back = False
    per_item: dict[tuple[str, str], int] = defaultdict(int)
    for tally in tallies:
        total += tally.total
        answered += tally.answered
        held_back = held_back or tally.held_back > 0
        per_item[(tally.audience, tally.item)] += tally.answered
    most_per_audience: dict[str, int] = defaultdict(int)
    for (audience, _item), count in per_item.items():
        most_per_audience[audience] = max(most_per_audience[audience], count)
    people = sum(most_per_audience.values())
    if not answered and held_back:
        return Figure(None, people, suppressed=True)  # answers exist, all of them held back
    figure = shown(total / answered if answered else None, people, anonymous=True)
    if held_back and figure.mean is not None and in_figures is not None and people < in_figures:
        return replace(figure, partial=True)
    return figure


def perspective_figures(
    tallies: Iterable[Tally],
    side: str,
    dimensions: Sequence[str],
    asked: Collection[Asked] | None = None,
    in_figures: int | None = None,
) -> dict[str, Figure]:
    """Per dimension, the figure of one side (parents → school or school → parents).

    `asked`: what the questionnaire asks about; a dimension it does not ask about on this side is "not asked".
    `in_figures`: how many people of this perspective are in the figures (see figure_of)."""
    on_side: dict[str, list[Tally]] = defaultdict(list)
    for tally in tallies:
        if SIDE_OF_DIRECTION.get(tally.direction) == side:
            on_side[tally.dimension].append(tally)
    asked_here = None
    if asked is not None:
        asked_here = {dimension for dimension, direction in asked if SIDE_OF_DIRECTION.get(direction) == side}
    figures = {}
    for dimension in dimensions:
        if asked_here is not None and dimension not in asked_here and dimension not in on_side:
            figures[dimension] = Figure(None, 0, not_asked=True)
        else:
            figures[dimension] = figure_of(on_side.get(dimension, []), in_figures)
    return figures


@dataclass(frozen=True)
class ConstructScore:
    construct: str
    mean: float
    respondents: int


@dataclass(frozen=True)
class Gap:
    construct: str
    team: float
    parents: float
    parent_respondents: int

    @property
    def difference(self) -> float:
        """Positive: the team thinks better of it than parents do — a blind spot."""
        return self.team - self.parents


def mirror_gaps(team: Iterable[ConstructScore], parents: Iterable[ConstructScore]) -> list[Gap]:
    """Per construct, the team's estimate beside the parents' own answer; largest gaps first.

    Constructs answered by fewer than five parents are left out (rule of five).
    """
    team_by_construct = {score.construct: score for score in team}
    gaps = [
        Gap(score.construct, team_by_construct[score.construct].mean, score.mean, score.respondents)
        for score in parents
        if score.construct in team_by_construct and score.respondents >= MIN_GROUP_SIZE
    ]
    return sorted(gaps, key=lambda gap: (-abs(gap.difference), gap.construct))


@dataclass(frozen=True)
class GroupRow:
    group: str
    respondents: int
    figures: tuple[Figure, ...]  # one per dimension, in the dimensions' order; both directions together

    @property
    def suppressed(self) -> bool:
        return self.respondents < MIN_GROUP_SIZE


def breakdown(
    tallies: Iterable[Tally],
    sizes: Iterable[GroupSize],
    group_of: Callable[[Tally | GroupSize], str],
    dimensions: Sequence[str],
) -> list[GroupRow]:
    """Mean per group (class, grade, home language…) and dimension; a group of fewer than five is hidden whole."""
    respondents: dict[str, int] = defaultdict(int)
    for size in sizes:
        respondents[group_of(size)] += size.responses
    per_group: dict[str, dict[str, list[Tally]]] = defaultdict(lambda: defaultdict(list))
    for tally in tallies:
        per_group[group_of(tally)][tally.dimension].append(tally)
    rows = []
    for group in sorted(respondents):
        people = respondents[group]
        if people < MIN_GROUP_SIZE:
            figures = tuple(Figure(None, people, suppressed=True) for _dimension in dimensions)
        else:
            figures = tuple(figure_of(per_group[group].get(dimension, [])) for dimension in dimensions)
        rows.append(GroupRow(group, people, figures))
    return rows


def construct_scores(tallies: Iterable[Tally]) -> list[ConstructScore]:
    """The mean answer per construct, with the people behind it (for the mirror with the team)."""
    per_construct: dict[str, list[Tally]] = defaultdict(list)
    for tally in tallies:
        per_construct[tally.construct].append(tally)
    scores = []
    for construct, group in sorted(per_construct.items()):
        figure = figure_of(group)
        answered = sum(tally.answered for tally in group)
        if answered:
            scores.append(ConstructScore(construct, sum(tally.total for tally in group) / answered, figure.respondents))
    return scores


@dataclass(frozen=True)
class ResponseRate:
    audience: str
    group: str
    invited: int
    answered: int

    @property
    def percent(self) -> int:
        # At most 100: a withdrawn batch's letters no longer count as invited, what was answered with them does.
        return min(100, round(100 * self.answered / self.invited)) if self.invited else 0


def response_rates(
    invited: Mapping[tuple[str, str], int], answered: Mapping[tuple[str, str], int]
) -> list[ResponseRate]:
    keys = sorted(set(invited) | set(answered))
    return [
        ResponseRate(audience, group, invited.get((audience, group), 0), answered.get((audience, group), 0))
        for audience, group in keys
    ]


def open_answers_to_show(answers: Iterable[tuple[str, str]], respondents: Mapping[str, int], key: bytes) -> list[str]:
    """Open answers of audiences with at least ten people in the figures, without any metadata.

    The order is an HMAC of the text: stable, and it says nothing about who wrote first or last.
    """
    texts = [
        text for audience, text in answers if respondents.get(audience, 0) >= MIN_OPEN_ANSWERS_GROUP and text.strip()
    ]
    return sorted(texts, key=lambda text: hmac.new(key, text.encode(), hashlib.sha256).digest())


def open_answers_held_back(answers: Iterable[tuple[str, str]], respondents: Mapping[str, int]) -> int:
    """Open answers in the figures that open_answers_to_show does not show yet (their audience has fewer than ten
    people in the figures). A sum over released chunks, like every figure: it never moves by one hand-in."""
    return sum(
        1 for audience, text in answers if respondents.get(audience, 0) < MIN_OPEN_ANSWERS_GROUP and text.strip()
    )
