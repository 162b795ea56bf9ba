from django import template
from django.conf import settings

from organisasjon.models import Tjeneste

register = template.Library()


@register.inclusion_tag("handlingsveileder/_duty_to_report.html", takes_context=True)
def duty_to_report_box(context):
    """The duty to report to child welfare, with who to call: on every page of the guide."""
    request = context.get("request")
    cached = getattr(request, "_bts_child_welfare", None) if request else None
    if cached is None:
        cached = Tjeneste.objects.filter(slug=settings.BARNEVERN_TJENESTE_SLUG).first() or False
        if request is not None:
            request._bts_child_welfare = cached
    return {
        "child_welfare": cached or None,
        "barnevernvakt_telefon": settings.BARNEVERNVAKT_TELEFON,
    }
