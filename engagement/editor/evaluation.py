"""The year-end evaluation per domain: stored, and offered beside the domain when next year's draft starts."""

from collections.abc import Mapping
from dataclasses import dataclass

from django.db import transaction

from accounts.models import User
from engagement.models import Declaration, DomainEvaluation


@dataclass(frozen=True)
class EvaluationAnswer:
    delivered: str  # a Delivery value
    learned: str


def save_evaluation(declaration: Declaration, answers: Mapping[str, EvaluationAnswer], user: User) -> None:
    """Store the answered domains' evaluations, all or none; a domain left out keeps what it had."""
    with transaction.atomic():
        for domain, answer in answers.items():
            DomainEvaluation.objects.update_or_create(
                declaration=declaration,
                domain=domain,
                defaults={
                    "school": declaration.school,
                    "delivered": answer.delivered,
                    "learned": answer.learned.strip(),
                    "updated_by": user,
                },
            )
