from django import template
from django.conf import settings

register = template.Library()


@register.inclusion_tag("innlogging/_session_timeout.html", takes_context=True)
def session_warning(context):
    """The idle warning with its "stay logged in" button, for every staff page."""
    return {
        "user": context.get("user"),
        "csrf_token": context.get("csrf_token"),
        "session_idle_seconds": settings.SESSION_COOKIE_AGE,
        "session_warning_seconds": settings.SESSION_WARNING_SECONDS,
    }
