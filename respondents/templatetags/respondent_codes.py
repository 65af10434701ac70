"""Codes shown to a respondent stay left to right inside right-to-left text.

In Pashto, Arabic, Persian or Dari text the bidi algorithm breaks "ABCDE-FGHJK." at its hyphen and shows
"ABCDE-" and "FGHJK" in the wrong order. Each code is isolated as a left-to-right run (<bdi class="r-code" dir="ltr">).
"""

import re

from django import template
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe

register = template.Library()

# A code as printed (respondents.codes.format_code): groups of five capitals or digits joined by hyphens.
PRINTED_CODE = re.compile(r"\b[A-Z0-9]{5}(?:-[A-Z0-9]{5})+\b")


@register.filter
def isolate_codes(text: object) -> SafeString:
    """The text, escaped, with every printed code in it wrapped as a left-to-right run."""
    escaped = str(conditional_escape(str(text)))
    isolated = PRINTED_CODE.sub(lambda match: format_html('<bdi class="r-code" dir="ltr">{}</bdi>', match[0]), escaped)
    return mark_safe(isolated)  # noqa: S308 - escaped above; a code holds only capitals, digits and hyphens
