from django import template
from django.conf import settings
from django.utils.translation import get_language, get_language_info

from bts_portal.language import url_in

register = template.Library()


@register.simple_tag(takes_context=True)
def language_links(context) -> list[dict]:
    """One link per language: its code, its own name, the page in it, and whether it is the
    language shown now."""
    request = context["request"]
    current = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    return [
        {
            "code": code,
            "name": get_language_info(code)["name_local"],
            "url": url_in(request, code),
            "current": code == current,
        }
        for code, _name in settings.LANGUAGES
    ]
