"""News from the previous round on a new round's invitation letter, given by apps to the right of surveys.

The feedback app registers a maker in its AppConfig.ready(): for a round it gives, in one language, what parents
said last time and what the school did, with the address where the rest is ("Vorig jaar zei u …; de school deed …").
"""

from collections.abc import Callable
from dataclasses import dataclass

from analysis.models import Round


@dataclass(frozen=True)
class PreviousRoundNews:
    said: str  # what parents said, as the school wrote it for families
    did: str  # what the school did
    address: str  # where families read it all, without the scheme


PreviousRoundNewsMaker = Callable[[Round, str], PreviousRoundNews | None]  # (the new round, the letter's language)

_makers: list[PreviousRoundNewsMaker] = []


def register(maker: PreviousRoundNewsMaker) -> None:
    if maker not in _makers:
        _makers.append(maker)


def previous_round_news(round_: Round, language: str) -> PreviousRoundNews | None:
    for maker in _makers:
        news = maker(round_, language)
        if news is not None:
            return news
    return None
