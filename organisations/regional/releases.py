"""Issue 7's rule between two moments, for schools: two shown versions of a regional figure never differ by
fewer than five schools.

Without it, an organisation that reads a figure over six schools, and again after one school withdrew, could
compute that school's figure from the two (6 × before − 5 × after, for a mean; for quartiles, often a bound).
So every version shown is recorded (RegionalRelease) with the rounds behind it, and the schools behind a
figure change only in steps of at least five, as answers enter a school's figures in chunks of five:

- the same schools as a version shown before: shown;
- at least five schools different from every version shown before: shown, and recorded;
- otherwise, when every school of a version shown before still shares: that version is shown again, and the
  newcomers wait (they join once they are five);
- otherwise (a school of every earlier version withdrew): hidden, with its reason, until five schools more have
  joined or left.
"""

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from organisations.models import Organisation, RegionalRelease
from organisations.regional.figures import CHANGED_BY_FEW, MIN_SCHOOLS, TOO_FEW_SCHOOLS

Rounds = frozenset[str]


@dataclass(frozen=True)
class Release:
    rounds: Rounds  # the rounds (schools) behind what is shown; empty when hidden
    reason: str = ""  # why nothing is shown (figures.TOO_FEW_SCHOOLS, figures.CHANGED_BY_FEW)
    waiting: int = 0  # schools that share but wait to join this figure
    new: bool = False  # a version not shown before: record it


def release(current: Rounds, shown_before: Sequence[Rounds]) -> Release:
    """What of `current` may be shown, given the versions of the figure shown before (oldest first)."""
    if len(current) < MIN_SCHOOLS:
        return Release(frozenset(), TOO_FEW_SCHOOLS)
    if current in shown_before:
        return Release(current)
    if all(len(current ^ earlier) >= MIN_SCHOOLS for earlier in shown_before):
        return Release(current, new=True)
    for earlier in reversed(shown_before):
        if earlier <= current:
            return Release(earlier, waiting=len(current - earlier))
    return Release(frozenset(), CHANGED_BY_FEW)


class Ledger:
    """The versions shown so far of an organisation's figures, read in one query and written in one."""

    def __init__(self, organisation: Organisation) -> None:
        self.organisation = organisation
        self.shown: dict[tuple[str, str], list[Rounds]] = defaultdict(list)
        rows = (
            RegionalRelease.objects.filter(organisation=organisation)
            .order_by("released_at", "id")
            .values_list("school_year", "figure", "rounds")
        )
        for school_year, figure, rounds in rows:
            self.shown[(school_year, figure)].append(frozenset(rounds))
        self.new: list[RegionalRelease] = []

    def release(self, school_year: str, figure: str, current: Rounds) -> Release:
        decided = release(current, self.shown[(school_year, figure)])
        if decided.new:
            self.shown[(school_year, figure)].append(decided.rounds)
            self.new.append(
                RegionalRelease(
                    organisation=self.organisation,
                    school_year=school_year,
                    figure=figure,
                    rounds=sorted(decided.rounds),
                )
            )
        return decided

    def save(self) -> None:
        if self.new:
            RegionalRelease.objects.bulk_create(self.new)
            self.new = []
