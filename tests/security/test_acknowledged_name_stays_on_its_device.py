"""Someone who finds a family's letter later must not read the name the parent typed when acknowledging.

Attack model (docs/privacy.md): "someone holding a printed code". The name is shown once, on the thank-you
page of the device that typed it; any other device that opens the family's code sees only that the family
acknowledged, and when.
"""

import pytest

from engagement.models import Declaration
from tests.helpers.engagement_parent_steps import READ, THANKS, make_family, opened_client
from tests.helpers.respondent_helpers import text_of
from tests.helpers.world import World

pytestmark = pytest.mark.usefixtures("compiled_messages")


def test_the_typed_name_is_shown_only_on_the_device_that_typed_it(
    world: World, published_declaration: Declaration
) -> None:
    family = make_family(world, language="nl")
    parent = opened_client(family)
    assert parent.post(READ, {"name": "Fatima El Amrani", "confirmed": "on"})["Location"] == THANKS
    assert "Fatima El Amrani" in text_of(parent.get(THANKS))

    finder = opened_client(family)  # the same code, typed later on another phone
    for page in (finder.get(THANKS), finder.get(READ)):
        assert page.status_code == 200
        assert "Fatima" not in text_of(page)
        assert "al bevestigd dat u deze engagementsverklaring gelezen" in text_of(page)  # Dutch: the family's language
