"""Guardrails for an engagementsverklaring. Pure functions, no database.

Facts of Flemish school life, not options: the declaration holds four domains, and a school may
address parents who do not keep a commitment, but may take no sanction that harms the pupil's right
to learn — no suspension (schorsing), no exclusion (uitsluiting), no fines or other financial
sanctions. Warnings explain; they do not block saving a draft. A declaration with a missing or
empty domain cannot be published.
"""

import re
from collections.abc import Mapping
from dataclasses import dataclass

from engagement.domains import DOMAIN_KEYS, DomainText

MISSING_DOMAIN = "missing_domain"
EMPTY_DOMAIN = "empty_domain"
SANCTION = "sanction"

# Dutch, the master text. Word boundaries matter: "uitsluitend" (only) is not "uitsluiting" (exclusion).
SANCTION_PATTERNS = (
    re.compile(r"\b(geschorst|schorsing(en)?|schorsen|schorst)\b", re.IGNORECASE),
    re.compile(
        r"\b(uitsluiting(en)?|uitgesloten|uit\s+te\s+sluiten|sluit(en)?\s+(we|wij|de\s+school)\s+\w+\s+uit)\b",
        re.IGNORECASE,
    ),
    re.compile(r"\b(geld)?boetes?\b", re.IGNORECASE),
    re.compile(r"\bstrafgeld\b", re.IGNORECASE),
    re.compile(r"\bfinanciële\s+sancties?\b", re.IGNORECASE),
    re.compile(r"\bbetalen\s+als\s+straf\b", re.IGNORECASE),
)
SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")


@dataclass(frozen=True)
class Guardrail:
    code: str
    domain: str
    quote: str = ""  # for a sanction: the sentence that announces it


def sanction_sentences(text: str) -> list[str]:
    """The sentences of `text` that announce a sanction touching the pupil's right to learn."""
    sentences = [sentence.strip(" -*\t") for sentence in SENTENCE_END.split(text) if sentence.strip()]
    return [sentence for sentence in sentences if any(pattern.search(sentence) for pattern in SANCTION_PATTERNS)]


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
        warnings += [Guardrail(SANCTION, key, sentence) for sentence in sanction_sentences(domain.all_text)]
    return warnings


def can_publish(warnings: list[Guardrail]) -> bool:
    """Publishing needs all four domains with content; sanction warnings are the school's to resolve."""
    return not any(warning.code in (MISSING_DOMAIN, EMPTY_DOMAIN) for warning in warnings)
