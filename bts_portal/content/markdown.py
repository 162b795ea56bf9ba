"""Markdown written by editors, rendered through a sanitiser before it reaches any page.

nh3 (Ammonia) keeps only the tags and attributes listed here: no script, no iframe, no event
handler attributes, no ``javascript:`` or ``data:`` links, and no images, so that no page ever
loads anything from outside the portal.
"""

import re
from functools import lru_cache

import markdown as md
import nh3
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

ALLOWED_TAGS = {
    "p", "br", "hr", "strong", "em", "b", "i", "code", "pre", "blockquote",
    "ul", "ol", "li", "dl", "dt", "dd", "h2", "h3", "h4", "a", "abbr",
    "table", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "th": {"scope"}}
URL_SCHEMES = {"http", "https", "mailto", "tel"}


@lru_cache(maxsize=4096)
def render_markdown(text: str) -> SafeString:
    """Markdown to sanitised HTML, safe to put in a page as it is. Converted once per text
    and process: the same text (a page shown again, a list of summaries) is not converted
    again, and an edited text is a new key, so nothing stale is ever returned."""
    if not text:
        return mark_safe("")
    html = md.markdown(text, extensions=["extra", "sane_lists"], output_format="html")
    clean = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    )
    # Headings in content start at h2: the page's own title is the only h1.
    clean = re.sub(r"<(/?)h1>", r"<\1h2>", clean)
    return mark_safe(clean)  # noqa: S308 - sanitised by nh3 above


@lru_cache(maxsize=4096)
def markdown_to_text(text: str) -> str:
    """The words of a Markdown text without any markup, for search snippets."""
    html = md.markdown(text or "", extensions=["extra"])
    plain = nh3.clean(html, tags=set(), attributes={})
    return re.sub(r"\s+", " ", plain).strip()


def highlight(text: str, terms: list[str], *, length: int = 240) -> SafeString:
    """An escaped snippet of ``text`` around the first term, with every term in <mark>."""
    lowered = text.lower()
    positions = [lowered.find(t.lower()) for t in terms if t and lowered.find(t.lower()) >= 0]
    start = max(0, min(positions) - length // 3) if positions else 0
    snippet = text[start : start + length]
    prefix = "…" if start > 0 else ""
    suffix = "…" if start + length < len(text) else ""
    escaped: str = escape(snippet)
    wanted = sorted({escape(t) for t in terms if t}, key=len, reverse=True)
    if wanted:
        pattern = "|".join(re.escape(t) for t in wanted)
        escaped = re.sub(f"({pattern})", r"<mark>\1</mark>", escaped, flags=re.IGNORECASE)
    return mark_safe(prefix + escaped + suffix)  # noqa: S308 - built from escaped text
