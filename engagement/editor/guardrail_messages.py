"""The guardrail warnings in words: what is wrong, and the rule it comes from."""

from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from engagement.domains import DOMAIN_LABELS
from engagement.editor.guardrails import EMPTY_DOMAIN, MISSING_DOMAIN, SANCTION, Guardrail
from engagement.editor.sanction_rules import ACTIVITY, ALLOWANCE, ENROLMENT, FINE, RIGHT_TO_LEARN

# The rules in plain Dutch, quoted beside the sentence: fixed Dutch like the declaration itself.
NOT_ENFORCEABLE = "De engagementsverklaring is niet afdwingbaar: de school mag er geen sancties aan verbinden. "
RULE_TEXTS = {
    RIGHT_TO_LEARN: NOT_ENFORCEABLE
    + "De school kan ouders aanspreken als ze hun engagement niet nakomen, maar mag geen sancties nemen die het "
    "recht op onderwijs van de leerling aantasten: geen schorsing, geen uitsluiting.",
    FINE: NOT_ENFORCEABLE + "Boetes of andere financiële sancties kunnen evenmin.",
    ACTIVITY: NOT_ENFORCEABLE
    + "Een leerling uitsluiten van een uitstap, schoolreis, bosklassen, sportdag of schoolfeest omdat zijn ouders "
    "een engagement niet nakomen, is zo'n sanctie: die activiteiten horen bij het onderwijs aan de leerling.",
    ALLOWANCE: NOT_ENFORCEABLE
    + "De schooltoeslag, het Groeipakket en de studietoelage zijn geen zaak van de school: de voorwaarden "
    "(zoals voldoende aanwezigheid) legt het Agentschap Opgroeien vast en het Agentschap beslist. "
    "De school mag er niet mee dreigen.",
    ENROLMENT: NOT_ENFORCEABLE
    + "Een inschrijving weigeren of beëindigen kan alleen volgens het inschrijvingsrecht, en een definitieve "
    "uitsluiting alleen als tuchtmaatregel volgens het schoolreglement; nooit omdat ouders de "
    "engagementsverklaring niet nakomen.",
}


# Lazy, so that the words are translated in the language of the request that shows them.
SANCTION_MESSAGES = {
    RIGHT_TO_LEARN: gettext_lazy(
        "In “%(domain)s” this sentence announces a sanction that touches the pupil's right to learn. "
        "That is not allowed in an engagementsverklaring:"
    ),
    FINE: gettext_lazy(
        "In “%(domain)s” this sentence announces a fine or another financial sanction. "
        "That is not allowed in an engagementsverklaring:"
    ),
    ACTIVITY: gettext_lazy(
        "In “%(domain)s” this sentence excludes the pupil from a school activity. "
        "That is not allowed in an engagementsverklaring:"
    ),
    ALLOWANCE: gettext_lazy(
        "In “%(domain)s” this sentence threatens the schooltoeslag, the Groeipakket or a study allowance. "
        "That is not the school's to decide, and not allowed in an engagementsverklaring:"
    ),
    ENROLMENT: gettext_lazy(
        "In “%(domain)s” this sentence threatens to end or refuse the enrolment. "
        "That is not allowed in an engagementsverklaring:"
    ),
}


@dataclass(frozen=True)
class ShownWarning:
    domain: str
    message: str
    quote: str
    rule: str
    blocks_publishing: bool

    @property
    def in_one_line(self) -> str:
        """The message with its sentence after the colon, for a flash message that has no quote below it."""
        return f"{self.message} “{self.quote}”" if self.quote else self.message


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
    message = str(SANCTION_MESSAGES[warning.rule]) % {"domain": domain}
    return ShownWarning(warning.domain, message, warning.quote, RULE_TEXTS[warning.rule], False)
