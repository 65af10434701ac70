"""The engagementsverklaring's year-end evaluation on the feedback page (issue 14, point 6): per domain whether
the school delivered what it offered, shown only with the date the schoolraad discussed it."""

from datetime import date

from engagement.domains import DOMAIN_KEYS
from engagement.models import Declaration, DomainEvaluation
from feedback.texts import DomainDelivery, EvaluationShown
from schools.models import School


def evaluated_declaration(school: School) -> Declaration | None:
    """The newest published declaration of the school with a year-end evaluation, if any."""
    evaluated = DomainEvaluation.objects.filter(school=school).values_list("declaration_id", flat=True)
    return (
        Declaration.objects.filter(school=school, id__in=evaluated, published_version__isnull=False)
        .order_by("-school_year")
        .first()
    )


def evaluation_shown(declaration: Declaration, seen_on: date) -> EvaluationShown:
    """The evaluation as the page keeps it (frozen with the version): per domain, in the declaration's order."""
    rows = {row.domain: row.delivered for row in DomainEvaluation.objects.filter(declaration=declaration)}
    return EvaluationShown(
        str(declaration.pk),
        declaration.school_year,
        seen_on.isoformat(),
        tuple(DomainDelivery(key, rows[key]) for key in DOMAIN_KEYS if key in rows),
    )
