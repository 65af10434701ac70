"""The school year keeps its order inside a right-to-left letter: "2026-2027", never "2027-2026"."""

from engagement.families.letters import _letter_text
from engagement.models import Declaration
from respondents.letters import LEFT_TO_RIGHT_ISOLATE, POP_DIRECTIONAL_ISOLATE


def test_the_school_year_is_isolated_left_to_right_in_every_letter_text(published_declaration: Declaration) -> None:
    year = published_declaration.school_year
    for language in ("nl", "ar"):
        html = _letter_text(published_declaration, language, reminder=False).html
        assert f"{LEFT_TO_RIGHT_ISOLATE}{year}{POP_DIRECTIONAL_ISOLATE}" in html, language
