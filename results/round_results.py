"""A round's results as every page, PDF and export shows them: built once here, never computed again elsewhere."""

from dataclasses import dataclass

from analysis.models import Round
from framework.localized import ShownDimension, show_dimensions
from results.profile_page import Perspectives, SideView, side_views
from results.voices import SurveyTallies, Voices, round_perspectives, voices_of_parents_and_pupils


@dataclass(frozen=True)
class RoundResults:
    dimensions: list[ShownDimension]
    perspectives: Perspectives
    surveyed: SurveyTallies
    sides: list[SideView]
    voices: Voices
    before: list[SideView] | None  # the previous round's sides, when asked for and there is one


def round_results(
    round_: Round, language: str, with_previous: bool = False, dimensions: list[ShownDimension] | None = None
) -> RoundResults:
    """`dimensions`, when the caller has them already, saves reading them again."""
    dimensions = dimensions if dimensions is not None else show_dimensions(language)
    dimension_keys = {dimension.dimension.pk: dimension.key for dimension in dimensions}
    perspectives, surveyed = round_perspectives(round_, dimension_keys)
    before = None
    if with_previous and round_.previous_id is not None:
        earlier = Round.objects.filter(pk=round_.previous_id, school=round_.school).first()
        if earlier is not None:
            before = side_views(round_perspectives(earlier, dimension_keys)[0], dimensions)
    return RoundResults(
        dimensions,
        perspectives,
        surveyed,
        side_views(perspectives, dimensions, before),
        voices_of_parents_and_pupils(round_, surveyed, dimensions, language),
        before,
    )
