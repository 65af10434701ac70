"""Declaration text is written in Markdown and shown as HTML: raw HTML is never passed through.

markdown-it-py renders with HTML input switched off (the "js-default" preset escapes it), and nh3
then keeps only the few tags a declaration needs, so even a renderer bug cannot let a script in.
"""

import html

import nh3
from django.utils.safestring import SafeString, mark_safe
from markdown_it import MarkdownIt

ALLOWED_TAGS = {"p", "ul", "ol", "li", "strong", "em", "a", "br", "h3", "h4", "blockquote"}
ALLOWED_ATTRIBUTES = {"a": {"href"}}
URL_SCHEMES = {"http", "https", "mailto", "tel"}

_renderer = MarkdownIt("js-default").disable(["image", "table", "heading", "lheading"])


def render_markdown(text: str) -> SafeString:
    rendered = _renderer.render(text or "")
    cleaned = nh3.clean(
        rendered,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer nofollow",
    )
    return mark_safe(cleaned)  # noqa: S308 - sanitised by nh3 just above


def plain_text(text: str) -> str:
    """The words without Markdown marks, for read-aloud."""
    return html.unescape(nh3.clean(_renderer.render(text or ""), tags=set())).strip()
