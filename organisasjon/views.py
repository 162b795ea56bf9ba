from itertools import groupby

from django.shortcuts import render

from bts_portal.decorators import service_permission_required, staff_required
from bts_portal.permissions import ServicePerm, has_service_perm, services_with_perm

from .selectors import service_with_members


@staff_required
def my_services(request):
    """The services where the user holds a role."""
    services = services_with_perm(request.user, ServicePerm.ACCESS_AREA)
    return render(request, "organisasjon/my_services.html", {"services": services})


@service_permission_required(ServicePerm.ACCESS_AREA)
def service_area(request, tjeneste):
    """A service's page in the staff area: contacts and who holds which role."""
    tjeneste = service_with_members(tjeneste)
    members = [
        (user, [m.get_rolle_display() for m in roles])
        for user, roles in groupby(tjeneste.memberships.all(), key=lambda m: m.user)
    ]
    return render(
        request,
        "organisasjon/service_area.html",
        {
            "tjeneste": tjeneste,
            "members": members,
            "can_view_cases": has_service_perm(request.user, ServicePerm.VIEW_CASES, tjeneste),
        },
    )
