"""Reading the engagementsverklaring template (TOML) — pure functions, no database.

See engagement/content/README.md for the schema.
"""

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from engagement.domains import DOMAIN_KEYS, DomainText
from framework.content_files import STATUSES, ContentError, load_toml

TEMPLATE_DIR = Path(__file__).resolve().parent / "content"
DOMAIN_FIELDS = ("title", "school_offers", "parents_commit", "pupil_commits")


@dataclass(frozen=True)
class TemplateText:
    title: str
    introduction: str
    domain_titles: dict[str, str]
    domains: dict[str, DomainText]
    status: str


def _text(data: dict[str, Any], domains: dict[str, dict[str, Any]], where: str, status: str) -> TemplateText:
    for name in ("title", "introduction"):
        if not isinstance(data.get(name), str) or not data[name].strip():
            raise ContentError(f"{where}: '{name}' is missing or empty")
    if list(domains) != list(DOMAIN_KEYS):
        raise ContentError(f"{where}: the domains must be {DOMAIN_KEYS}, in that order")
    for key, domain in domains.items():
        for name in DOMAIN_FIELDS:
            if not isinstance(domain.get(name, ""), str) or (name != "pupil_commits" and not domain[name].strip()):
                raise ContentError(f"{where} [{key}]: '{name}' is missing or empty")
    return TemplateText(
        title=data["title"].strip(),
        introduction=data["introduction"].strip(),
        domain_titles={key: domain["title"].strip() for key, domain in domains.items()},
        domains={
            key: DomainText(
                domain["school_offers"].strip(),
                domain["parents_commit"].strip(),
                domain.get("pupil_commits", "").strip(),
            )
            for key, domain in domains.items()
        },
        status=status,
    )


def read_dutch_template(template_dir: Path = TEMPLATE_DIR) -> TemplateText:
    """The Dutch master text alone: what a new declaration starts from."""
    dutch = load_toml(template_dir / "template.toml")
    return _text(dutch, {d.get("key", ""): d for d in dutch.get("domain", [])}, "template.toml", "reviewed")


def read_template(template_dir: Path = TEMPLATE_DIR) -> dict[str, TemplateText]:
    """The template per language: Dutch (the master) and its translations."""
    texts = {"nl": read_dutch_template(template_dir)}
    for path in sorted((template_dir / "translations").glob("*.toml")):
        data = load_toml(path)
        status = data.get("status", "draft")
        domain_data = data.get("domain", {})
        if status not in STATUSES and not all(d.get("status") in STATUSES for d in domain_data.values()):
            raise ContentError(f"translations/{path.name}: status must be one of {STATUSES}")
        ordered = {key: domain_data.get(key, {}) for key in DOMAIN_KEYS if key in domain_data}
        texts[path.stem] = _text(data, ordered, f"translations/{path.name}", str(status))
    return texts
