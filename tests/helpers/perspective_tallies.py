"""Team, parents and pupils side by side under the rule of five: pure functions, no database.

Parents' and pupils' answers come in as tallies (per item, group and home language) and group sizes
(handed-in questionnaires per group and home language); the helpers below build them.
"""

from collections.abc import Sequence

from results.perspectives import (
    GroupSize,
    Tally,
)
from results.profile import PARENT_SIDE

DIMENSIONS = ("kennis", "rationeel", "overtuiging", "gedrag", "tijd", "emotie", "competentie")
PARENT, PUPIL_YOUNG, PUPIL_OLD = "parent", "pupil_10_12", "pupil_12_18"


def tally(
    values: Sequence[int | None],
    *,
    item: str = "item-1",
    dimension: str = "kennis",
    direction: str = PARENT_SIDE,
    construct: str = "construct-1",
    audience: str = PARENT,
    group: str = "3A",
    home_language: str = "",
) -> Tally:
    """The tally of one item in one group: `values` are the people's answers, None for "weet ik niet"."""
    on_scale = [value for value in values if value is not None]
    return Tally(
        audience,
        group,
        home_language,
        item,
        dimension,
        direction,
        construct,
        total=sum(on_scale),
        answered=len(on_scale),
        dont_know=len(values) - len(on_scale),
    )


def size(responses: int, *, audience: str = PARENT, group: str = "3A", home_language: str = "") -> GroupSize:
    return GroupSize(audience, group, home_language, responses)


def by_group(row: Tally | GroupSize) -> str:
    return row.group


def by_home_language(row: Tally | GroupSize) -> str:
    return row.home_language
