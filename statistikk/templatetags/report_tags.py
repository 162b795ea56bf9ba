from django import template
from django.conf import settings

register = template.Library()


@register.simple_tag
def stats_min_cell() -> int:
    return settings.STATS_MIN_CELL
