"""The guardrail warnings in words: what is wrong, and the rule it comes from."""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from engagement.domains import DOMAIN_LABELS
from engagement.editor.guardrails import EMPTY_DOMAIN, MISSING_DOMAIN, SANCTION, Guardrail

SANCTION_RULE = (
    "De school kan ouders aanspreken als ze hun engagement niet nakomen, maar mag geen sancties nemen die het "
    "recht op onderwijs van de leerling aantasten: geen schorsing, geen uitsluiting, geen boetes of andere "
    "financiële sancties."
)


@dataclass(frozen=True)
class ShownWarning:
    domain: str
    message: str
    quote: str
    rule: str
    blocks_publishing: bool


def explain(warning: Guardrail) -> ShownWarning:
    domain = str(DOMAIN_LABELS[warning.domain])
    if warning.code == MISSING_DOMAIN:
        message = _(
            "The domain “%(domain)s” is missing. Every engagementsverklaring holds the four domains; "
            "it cannot be published without it."
        ) % {"domain": domain}
        return ShownWarning(warning.domain, message, "", "", True)
    if warning.code == EMPTY_DOMAIN:
        message = _(
            "The domain “%(domain)s” says nothing yet about what the school offers or what it asks of parents. "
            "Both are needed before publishing."
        ) % {"domain": domain}
        return ShownWarning(warning.domain, message, "", "", True)
    assert warning.code == SANCTION
    message = _(
        "In “%(domain)s” this sentence announces a sanction that touches the pupil's right to learn. "
        "That is not allowed in an engagementsverklaring:"
    ) % {"domain": domain}
    return ShownWarning(warning.domain, message, warning.quote, SANCTION_RULE, False)
