from itertools import groupby

from django.shortcuts import get_object_or_404, render

from organisasjon.models import Tjeneste
from organisasjon.selectors import public_services


def tjeneste_list(request):
    """All services that work with children, young people and families, by sector."""
    sectors = [
        (services[0].get_sector_display(), services)
        for _, group in groupby(public_services(), key=lambda t: t.sector)
        if (services := list(group))
    ]
    return render(request, "tiltaksoversikt/tjeneste_list.html", {"sectors": sectors})


def tjeneste_detail(request, slug):
    """One service with its contacts."""
    tjeneste = get_object_or_404(Tjeneste, slug=slug, is_active=True)
    return render(request, "tiltaksoversikt/tjeneste_detail.html", {"tjeneste": tjeneste})
