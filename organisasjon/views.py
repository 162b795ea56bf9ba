from itertools import groupby

from django.core.paginator import Paginator
from django.shortcuts import render

from bts_portal import permissions
from bts_portal.decorators import predicate_required, service_permission_required, staff_required
from bts_portal.permissions import ServicePerm, has_service_perm, services_with_perm

from . import selectors
from .forms import RoleChangeFilterForm
from .selectors import service_with_members

ROLE_CHANGES_PAGE_SIZE = 50


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


@predicate_required(permissions.is_coordinator)
def role_changes(request):
    """The record of who gave or took away which role, for the BTS coordinator to follow the
    system administrator's work. It names accounts and services, never a case."""
    form = RoleChangeFilterForm(request.GET)
    filters = form.cleaned_data if form.is_valid() else {}
    changes = selectors.role_changes(user=filters.get("bruker"), tjeneste=filters.get("tjeneste"))
    page = Paginator(changes, ROLE_CHANGES_PAGE_SIZE).get_page(request.GET.get("side"))
    querystring = request.GET.copy()
    querystring.pop("side", None)
    return render(
        request,
        "organisasjon/role_changes.html",
        {
            "form": form,
            "changes": page.object_list,
            "page": page,
            "querystring": querystring.urlencode(),
        },
    )
