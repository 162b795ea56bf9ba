from django.conf import settings

from .navigation import staff_navigation


def portal(request) -> dict:
    """What every page needs: the municipality, the emergency numbers, the staff menu."""
    context = {
        "kommune_navn": settings.KOMMUNE_NAVN,
        "kommune_logo": settings.KOMMUNE_LOGO,
        "barnevernvakt_telefon": settings.BARNEVERNVAKT_TELEFON,
    }
    user = getattr(request, "user", None)
    in_staff_area = (
        user is not None and user.is_authenticated and request.path.startswith("/ansatt/")
    )
    if in_staff_area:
        context["staff_nav"] = staff_navigation(request)
    # Error pages look like the area the person was in, with a way back there.
    context["page_base"] = "staff/base.html" if in_staff_area else "public/base.html"
    return context
