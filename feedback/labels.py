"""How staff pages name a field of the feedback page's text ("What parents said 2", "What the school does 1 · who")."""

from django.utils.translation import gettext_lazy

from feedback.texts import SourceField

SECTION_LABELS = {
    "": gettext_lazy("Introduction"),
    "parents": gettext_lazy("What parents said"),
    "pupils": gettext_lazy("What pupils said"),
    "team": gettext_lazy("What the team concluded"),
    "actions": gettext_lazy("What the school does"),
    "for_pupils": gettext_lazy("For pupils"),
    "done": gettext_lazy("What the school did"),
    "dimensions": gettext_lazy("Name of the dimension"),
}


def field_label(field: SourceField) -> str:
    parts = field.key.split(".")
    number = f" {int(parts[1]) + 1}" if len(parts) > 1 and parts[1].isdigit() else ""
    detail = f" · {parts[2]}" if len(parts) > 2 else (f" · {parts[1]}" if not number and len(parts) > 1 else "")
    return f"{SECTION_LABELS.get(field.section, field.section)}{number}{detail}"


def key_label(key: str) -> str:
    """The label of a field known only by its key (a diff between versions)."""
    section = key.split(".")[0]
    return field_label(SourceField(key, "" if section == "introduction" else section, ""))
