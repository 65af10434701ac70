"""What the thank-you page may offer next, given by apps to the right of surveys (which surveys may not import).

An app registers a `ThanksLink` maker in its AppConfig.ready(); the thank-you page asks each with the round the
device handed in for, the respondent's language and audience, and shows the links they give. Today: the
feedback app's "what does the school do with your answers?" once the round's feedback page is published.
"""

from collections.abc import Callable
from dataclasses import dataclass
from uuid import UUID


@dataclass(frozen=True)
class ThanksLink:
    url: str
    words: str  # in the respondent's language, already translated


ThanksLinkMaker = Callable[[UUID, str, str], ThanksLink | None]  # (round id, language, audience)

_makers: list[ThanksLinkMaker] = []


def register(maker: ThanksLinkMaker) -> None:
    if maker not in _makers:
        _makers.append(maker)


def links_after_thanks(round_id: UUID | None, language: str, audience: str) -> list[ThanksLink]:
    if round_id is None:
        return []
    return [link for maker in _makers if (link := maker(round_id, language, audience)) is not None]
