from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString

from bts_portal.content.markdown import markdown_to_text, render_markdown
from bts_portal.content.translation import current_language, localized

register = template.Library()


@register.simple_tag
def trtext(obj, field: str) -> SafeString:
    """A translated field as escaped text, marked with its language when it fell back."""
    text = localized(obj, field)
    if text.lang != current_language():
        return format_html('<span lang="{}">{}</span>', text.lang, text)
    return format_html("{}", text)


@register.simple_tag
def trmarkdown(obj, field: str, css_class: str = "prose") -> SafeString:
    """A translated Markdown field rendered and sanitised, in a div with its language."""
    text = localized(obj, field)
    if not text.strip():
        return SafeString("")  # no empty block for an empty text
    return format_html(
        '<div class="{}" lang="{}">{}</div>', css_class, text.lang, render_markdown(text)
    )


@register.filter
def markdown(text: str) -> SafeString:
    return render_markdown(text)


@register.filter
def tr(obj, field: str) -> str:
    """The translated text alone, for attributes and titles ("" for no object, so that
    ``|default`` can follow)."""
    return "" if obj is None else localized(obj, field)


@register.filter
def get_item(mapping: dict, key):
    """``{{ counts|get_item:value }}``: a dictionary lookup by a variable key."""
    return mapping.get(key) if mapping else None


@register.filter
def plain_markdown(text: str) -> str:
    """Markdown as plain words (escaped by the template like any text)."""
    return markdown_to_text(text)


@register.filter
def zip_cells(rows, cells):
    """Pair table rows with their (suppressed) cells in a template loop."""
    return list(zip(rows, cells, strict=False))
