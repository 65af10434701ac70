"""Who does what: the Membership's predicates, one table for every role. Pure, no database."""

import pytest

from schools.models import Membership, Role

# role: (is_coordinator, is_coach, reads_analysis, edits_declaration, comments_on_declaration)
EXPECTED = {
    Role.COORDINATOR: (True, False, True, True, True),
    Role.TEAM: (False, False, True, False, True),
    Role.PARENT_REP: (False, False, False, False, True),
    Role.SCHOOLRAAD: (False, False, False, False, True),
    Role.COACH: (False, True, True, False, False),
}


def test_every_role_is_in_the_table() -> None:
    assert set(EXPECTED) == set(Role)


@pytest.mark.parametrize(("role", "expected"), EXPECTED.items())
def test_predicates_of_a_role(role: Role, expected: tuple[bool, ...]) -> None:
    membership = Membership(role=role)
    assert (
        membership.is_coordinator,
        membership.is_coach,
        membership.reads_analysis,
        membership.edits_declaration,
        membership.comments_on_declaration,
    ) == expected
