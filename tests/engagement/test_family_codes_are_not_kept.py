"""The engagementsverklaring's family codes are kept nowhere in plain: not in the family's session
after the code opened the declaration, not in any table (issue 10, point 5)."""

import pytest
from django.test import Client

from engagement.families.codes import issue_code
from engagement.models import Declaration
from respondents.codes import format_code
from tests.helpers.database_scan import places_holding
from tests.helpers.engagement_parent_steps import READ, enter, make_family
from tests.helpers.world import World

pytestmark = pytest.mark.usefixtures("fast_password_hashing")


def test_a_family_code_that_opened_the_declaration_is_kept_nowhere(
    world: World, published_declaration: Declaration
) -> None:
    family = make_family(world)
    code = issue_code(family)
    phone = Client()
    opened = enter(phone, format_code(code))
    assert opened.status_code == 302 and opened["Location"] == READ
    assert phone.get(READ).status_code == 200
    assert places_holding({code, format_code(code)}) == []
    assert places_holding({str(family.id)}) != []  # the scan does read sessions: the family's id is there
