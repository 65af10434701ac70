"""The answer options of one question, built in Python: up to seven questions of six options make the
questionnaire page's hottest loop, where template nodes cost twice what plain string building does."""

from django import template
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from surveys.page_context import ShownQuestion

register = template.Library()

_FALLBACK = ' lang="nl" dir="ltr" class="r-fallback-label"'  # a label not translated: the Dutch one


def _dutch(label: str) -> str:
    return f'<span class="r-nl" lang="nl" dir="ltr">{escape(label)}</span>' if label else ""


@register.simple_tag
def answer_options(question: ShownQuestion, dont_know: str, dont_know_nl: str) -> SafeString:
    """The radio buttons of `question`, each with its pictogram, label and (when shown) its Dutch label,
    then "I don't know" (`dont_know_nl` is its Dutch, empty when the Dutch text is not shown)."""
    name = escape(question.field)
    options = [
        f'<label class="r-opt"><input type="radio" name="{name}" value="{escape(choice.value)}"'
        f'{" checked" if choice.checked else ""}><svg class="r-pic" aria-hidden="true">'
        f'<use href="#l{escape(choice.value)}"/></svg>'
        f"<span{_FALLBACK if choice.is_fallback else ''}>"
        f"{escape(choice.label)}{_dutch(choice.dutch_label)}</span></label>"
        for choice in question.choices
    ]
    options.append(
        f'<label class="r-opt r-dk"><input type="radio" name="{name}" value="dk"'
        f'{" checked" if question.dont_know_checked else ""}><svg class="r-pic" aria-hidden="true">'
        f'<use href="#ldk"/></svg><span>{escape(dont_know)}{_dutch(dont_know_nl)}</span></label>'
    )
    return mark_safe("".join(options))  # noqa: S308 -- every value above went through escape()
