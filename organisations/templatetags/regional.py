"""The words of organisations.regional.wording in templates (one place for them)."""

from django import template

from organisations.regional import wording

register = template.Library()


@register.filter
def reason_text(reason: str) -> str:
    return wording.reason_text(reason)


@register.filter
def perspective_name(perspective: str) -> str:
    return wording.perspective_name(perspective)
