"""What each role can open, said once: the people page lists it, each sentence with a link to its page.

A sentence promises only what the access helpers let that role open (schools.models: ANALYSIS_READERS,
SHARED_RESULTS_READERS, DECLARATION_COMMENTERS); tests/schools/test_role_promises.py follows every link as a
member with that role.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrPromise

from schools.models import Role


@dataclass(frozen=True)
class RolePromise:
    role: Role
    sentence: StrPromise
    page: str  # the URL name of the page the sentence promises; it takes the school's id
    page_label: StrPromise


_ANALYSIS = "analysis:rounds", _("Analysis rounds")
_SHARED = "actions:shared_list", _("Shared results")
_READS_SHARED = _(
    "Reads what the coordinator shares of an analysis round (the profile under the rule of five, the team's "
    "conclusions, the action plan), never a team member's answers or notes; reads the engagementsverklaring "
    "and comments on each domain while it is in consultation."
)

ROLE_PROMISES = (
    RolePromise(
        Role.COORDINATOR,
        _(
            "Runs the school in Betrokken: people, analysis rounds, codes for parents and pupils, "
            "the action plan and the engagementsverklaring."
        ),
        *_ANALYSIS,
    ),
    RolePromise(
        Role.TEAM,
        _(
            "Answers the team's questions in the analysis rounds, reads their profiles "
            "and comments on the engagementsverklaring."
        ),
        *_ANALYSIS,
    ),
    RolePromise(Role.PARENT_REP, _READS_SHARED, *_SHARED),
    RolePromise(Role.SCHOOLRAAD, _READS_SHARED, *_SHARED),
    RolePromise(Role.COACH, _("Reads the analysis rounds and their profiles, and advises."), *_ANALYSIS),
)
