"""Comments only during the consultation, and only by the consultation's people. Pure, no database."""

import pytest

from engagement.consultation.commenting import accepts_comments_from
from engagement.models import Declaration, DeclarationState
from schools.models import Membership, Role

COMMENTERS = {Role.COORDINATOR, Role.TEAM, Role.PARENT_REP, Role.SCHOOLRAAD}


@pytest.mark.parametrize("role", list(Role))
@pytest.mark.parametrize("state", list(DeclarationState))
def test_comments_are_accepted_in_consultation_from_its_people(role: Role, state: DeclarationState) -> None:
    expected = state == DeclarationState.CONSULTATION and role in COMMENTERS
    assert accepts_comments_from(Declaration(state=state), Membership(role=role)) is expected


def test_a_support_coach_does_not_comment_even_in_consultation() -> None:
    consultation = Declaration(state=DeclarationState.CONSULTATION)
    assert not accepts_comments_from(consultation, Membership(role=Role.COACH))
    assert accepts_comments_from(consultation, Membership(role=Role.PARENT_REP))
