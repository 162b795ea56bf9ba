"""The page frame's fixed parts (the public menu, the footer) rendered once per language.

They depend on nothing but the language, the settings, the URLs and the active menu entry,
so each variant is rendered once per process and reused: the frame is a third of a light
public page's work otherwise (issue 19). The kept copies are dropped when a setting changes
(tests) and never hold anything from the request.
"""

from django import template
from django.core.signals import setting_changed
from django.utils.safestring import mark_safe

from bts_portal.content.translation import current_language

register = template.Library()

_rendered: dict[tuple, str] = {}

# The public menu's entries by address: exact for the two single pages, by prefix for the
# sections (a measure's page is in "Measures").
_EXACT = {"/": "home", "/bekymret/": "worried"}
_PREFIXES = (
    ("/veileder/", "guide"), ("/modell/", "model"), ("/tiltak/", "measures"),
    ("/tjenester/", "services"),
)  # fmt: skip


def menu_entry(path: str) -> str:
    """The public menu entry a page belongs to ("" for none)."""
    if path in _EXACT:
        return _EXACT[path]
    return next((entry for prefix, entry in _PREFIXES if path.startswith(prefix)), "")


def _fixed(context, name: str, **values) -> str:
    key = (name, current_language(), tuple(sorted(values.items())))
    html = _rendered.get(key)
    if html is None:
        fragment = context.template.engine.get_template(name)
        keep = {k: context.get(k) for k in ("kommune_navn", "barnevernvakt_telefon")}
        with context.push(**keep, **values):
            html = _rendered[key] = fragment.render(context)
    return mark_safe(html)  # noqa: S308 - our own template's output


@register.simple_tag(takes_context=True)
def public_menu(context) -> str:
    request = context.get("request")
    return _fixed(
        context, "partials/public_nav_items.html", current=menu_entry(getattr(request, "path", ""))
    )


@register.simple_tag(takes_context=True)
def site_footer(context) -> str:
    return _fixed(context, "partials/footer.html")


def _forget(**kwargs) -> None:
    _rendered.clear()


setting_changed.connect(_forget, dispatch_uid="shell_tags_forget")
