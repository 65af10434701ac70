"""What of a round the coordinator shares with parent representatives and schoolraad members.

Three parts, each shared or not: the profile (aggregates under the rule of five), the team's shared
conclusions and the action plan. Nothing else of a round is ever shared: not a team member's answers,
not the team's notes, not who answered.
"""

from dataclasses import dataclass

from accounts.models import User
from analysis.models import Round, RoundSharing
from schools.models import School


@dataclass(frozen=True)
class SharedParts:
    profile: bool = False
    conclusions: bool = False
    plan: bool = False

    @property
    def anything(self) -> bool:
        return self.profile or self.conclusions or self.plan

    def adds_to(self, before: "SharedParts") -> bool:
        """True when this shares a part that `before` did not: the coordinator confirms that first."""
        return (
            (self.profile and not before.profile)
            or (self.conclusions and not before.conclusions)
            or (self.plan and not before.plan)
        )


NOTHING_SHARED = SharedParts()


def _parts(sharing: RoundSharing) -> SharedParts:
    return SharedParts(profile=sharing.profile, conclusions=sharing.conclusions, plan=sharing.plan)


def shared_parts(round_: Round) -> SharedParts:
    sharing = RoundSharing.objects.filter(round=round_).first()
    return _parts(sharing) if sharing is not None else NOTHING_SHARED


def share(round_: Round, parts: SharedParts, by: User) -> None:
    """Shares exactly `parts` from now on; NOTHING_SHARED stops sharing."""
    RoundSharing.objects.update_or_create(
        round=round_,
        defaults={"profile": parts.profile, "conclusions": parts.conclusions, "plan": parts.plan, "changed_by": by},
    )


def shared_rounds(school: School) -> list[tuple[Round, SharedParts]]:
    """The school's rounds of which something is shared, newest first."""
    sharings = RoundSharing.objects.filter(round__school=school).select_related("round")
    found = [(sharing.round, _parts(sharing)) for sharing in sharings]
    shared = [(round_, parts) for round_, parts in found if parts.anything]
    return sorted(shared, key=lambda pair: (pair[0].starts_on, pair[0].created_at), reverse=True)
