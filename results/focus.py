"""What a round's analysis says the plan should work on: its weakest dimensions and largest gaps."""

from dataclasses import dataclass

from analysis.models import Round
from framework.models import Audience
from results.perspectives import construct_scores, mirror_gaps
from results.profile import build_profile
from results.queries import score_cells, tallies, team_construct_scores

GAPS_THAT_COUNT = 3  # the largest team/parent gaps a plan should answer


@dataclass(frozen=True)
class Focus:
    weakest: frozenset[str]
    largest_gaps: frozenset[str]


def round_focus(round_: Round, dimension_keys: dict[int, str]) -> Focus:
    keys = list(dimension_keys.values())
    team = build_profile(score_cells(round_, dimension_keys), keys)
    weakest = frozenset(result.dimension for side in team.sides for result in side.dimensions if result.weakest)
    parents = [tally for tally in tallies(round_, dimension_keys) if tally.audience == Audience.PARENT]
    dimension_of = {tally.construct: tally.dimension for tally in parents}
    gaps = mirror_gaps(team_construct_scores(round_), construct_scores(parents))[:GAPS_THAT_COUNT]
    return Focus(weakest, frozenset(dimension_of[gap.construct] for gap in gaps))
