"""Beside each domain of the declaration: the school's latest round on the dimensions that speak to that
domain (engagement/content/domain_links.toml), and the plan's actions on those dimensions.

The declaration follows from the work on involvement; this keeps the two side by side. Figures come
from the same profile as the analysis pages, so the rule of five holds here too.
"""

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from actions.models import Action, ActionStatus
from analysis.models import Round
from engagement.domains import DOMAIN_KEYS
from framework.content_files import DIMENSION_KEYS, ContentError
from framework.localized import show_dimensions
from results.perspectives import Figure, shown
from results.profile_page import side_views
from results.voices import round_perspectives
from schools.models import School

LINKS_FILE = Path(__file__).resolve().parent.parent / "content" / "domain_links.toml"


@lru_cache(maxsize=1)
def domain_dimensions(path: Path = LINKS_FILE) -> dict[str, tuple[str, ...]]:
    with path.open("rb") as handle:
        data = tomllib.load(handle)
    if sorted(data) != sorted(DOMAIN_KEYS):
        raise ContentError(f"{path.name}: give dimensions for exactly the domains {DOMAIN_KEYS}")
    links = {}
    for domain, entry in data.items():
        dimensions = tuple(entry.get("dimensions", ()))
        if not dimensions or any(key not in DIMENSION_KEYS for key in dimensions):
            raise ContentError(f"{path.name} [{domain}]: dimensions must be among {DIMENSION_KEYS}")
        links[domain] = dimensions
    return links


@dataclass(frozen=True)
class LinkedRow:
    dimension: str
    side: str
    team: Figure  # under the rule of five too: parent representatives and the schoolraad read this page
    parents: Figure
    pupils: Figure
    weakest: bool


@dataclass(frozen=True)
class DomainLinks:
    dimension_names: tuple[str, ...]
    rows: tuple[LinkedRow, ...]
    actions: tuple[Action, ...]


def latest_round(school: School) -> Round | None:
    return Round.objects.filter(school=school).order_by("-created_at").first()


def linked_results(round_: Round | None, language: str) -> dict[str, DomainLinks]:
    """Per domain key, what the latest round says; empty when the school has no round yet."""
    if round_ is None:
        return {}
    dimensions = show_dimensions(language)
    names = {dimension.key: dimension.name for dimension in dimensions}
    perspectives, _surveyed = round_perspectives(round_, {d.dimension.pk: d.key for d in dimensions})
    sides = side_views(perspectives, dimensions)

    def team(mean: float | None) -> Figure:
        return shown(mean, perspectives.team.respondents, anonymous=True)

    actions = list(
        Action.objects.filter(round=round_).exclude(status=ActionStatus.STOPPED).prefetch_related("dimensions")
    )
    links = {}
    for domain, wanted in domain_dimensions().items():
        rows = tuple(
            LinkedRow(names[row.dimension.key], side.title, team(row.mean), row.parents, row.pupils, row.weakest)
            for key in wanted
            for side in sides
            for row in side.rows
            if row.dimension.key == key
        )
        related = tuple(action for action in actions if any(d.key in wanted for d in action.dimensions.all()))
        links[domain] = DomainLinks(tuple(names[key] for key in wanted), rows, related)
    return links
