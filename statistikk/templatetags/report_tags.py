from pathlib import Path

from django import template
from django.conf import settings
from django.contrib.staticfiles import finders

register = template.Library()


@register.simple_tag
def kommune_logo_uri() -> str:
    """The municipal logo as a file address, for WeasyPrint (which reads no web server)."""
    found = finders.find(settings.KOMMUNE_LOGO)
    return Path(found).as_uri() if found else ""


@register.simple_tag
def stats_min_cell() -> int:
    return settings.STATS_MIN_CELL
