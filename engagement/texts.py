"""A declaration's text as data: title, introduction and the four domains. Pure, no database.

Stored in DeclarationVersion.domains and DeclarationTranslation.domains as
{domain key: {"title", "school_offers", "parents_commit", "pupil_commits"}}.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from engagement.domains import DOMAIN_KEYS, DomainText

TEXT_FIELDS = ("school_offers", "parents_commit", "pupil_commits")


@dataclass(frozen=True)
class DeclarationText:
    title: str
    introduction: str
    domain_titles: Mapping[str, str] = field(default_factory=dict)
    domains: Mapping[str, DomainText] = field(default_factory=dict)

    def domains_json(self) -> dict[str, dict[str, str]]:
        return {
            key: {
                "title": self.domain_titles.get(key, ""),
                "school_offers": self.domains[key].school_offers,
                "parents_commit": self.domains[key].parents_commit,
                "pupil_commits": self.domains[key].pupil_commits,
            }
            for key in DOMAIN_KEYS
            if key in self.domains
        }


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def declaration_text(title: str, introduction: str, domains: Mapping[str, Any]) -> DeclarationText:
    """Read stored JSON back; unknown keys and malformed values are left out rather than trusted."""
    known = {key: value for key, value in domains.items() if key in DOMAIN_KEYS and isinstance(value, Mapping)}
    return DeclarationText(
        title=title,
        introduction=introduction,
        domain_titles={key: _text(value.get("title")) for key, value in known.items()},
        domains={
            key: DomainText(*(_text(value.get(name)) for name in TEXT_FIELDS))
            for key, value in sorted(known.items(), key=lambda pair: DOMAIN_KEYS.index(pair[0]))
        },
    )


def is_blank(domain: DomainText) -> bool:
    """Nothing written at all: the editor stores such a domain as missing."""
    return not any(getattr(domain, name).strip() for name in TEXT_FIELDS)
