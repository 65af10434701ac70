"""Guardrails for an engagementsverklaring. Pure functions, no database.

Facts of Flemish school life, not options: the declaration holds four domains, and a school may
address parents who do not keep a commitment, but the declaration is not enforceable: no sanction may
be tied to it (sanction_rules.py says which sentences do). Warnings explain; they do not block saving
a draft. A declaration with a missing or empty domain cannot be published.
"""

from collections.abc import Mapping
from dataclasses import dataclass

from engagement.domains import DOMAIN_KEYS, DomainText
from engagement.editor.sanction_rules import sanction_rules_of, split_sentences

MISSING_DOMAIN = "missing_domain"
EMPTY_DOMAIN = "empty_domain"
SANCTION = "sanction"


@dataclass(frozen=True)
class Guardrail:
    code: str
    domain: str
    quote: str = ""  # for a sanction: the sentence that announces it
    rule: str = ""  # for a sanction: which rule of sanction_rules it breaks


def sanctions_in(text: str) -> list[tuple[str, str]]:
    """(sentence, rule) for every sanction the text ties to the declaration, in reading order."""
    return [(sentence, rule) for sentence in split_sentences(text) for rule in sanction_rules_of(sentence)]


def sanction_sentences(text: str) -> list[str]:
    """The sentences of `text` that announce a sanction."""
    return list(dict.fromkeys(sentence for sentence, _rule in sanctions_in(text)))


def check_declaration(domains: Mapping[str, DomainText]) -> list[Guardrail]:
    """Warnings for a declaration's domains, in the order of the four domains."""
    warnings = []
    for key in DOMAIN_KEYS:
        domain = domains.get(key)
        if domain is None:
            warnings.append(Guardrail(MISSING_DOMAIN, key))
            continue
        if domain.is_empty:
            warnings.append(Guardrail(EMPTY_DOMAIN, key))
        warnings += [Guardrail(SANCTION, key, sentence, rule) for sentence, rule in sanctions_in(domain.all_text)]
    return warnings


def can_publish(warnings: list[Guardrail]) -> bool:
    """Publishing needs all four domains with content; sanction warnings are the school's to resolve."""
    return not any(warning.code in (MISSING_DOMAIN, EMPTY_DOMAIN) for warning in warnings)
