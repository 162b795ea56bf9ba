"""The BTS coordinator's list of archive packages: their state, attempts, last error and
where each went. Metadata only (case numbers, services, states), never case content."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from bts_portal import permissions
from bts_portal.decorators import predicate_required

from . import services
from .models import ArchivePackage


@predicate_required(permissions.is_coordinator)
def packages(request):
    rows = ArchivePackage.objects.select_related("tjeneste").order_by("-created_at", "-pk")
    page = Paginator(rows, 50).get_page(request.GET.get("side"))
    failed = ArchivePackage.objects.filter(status=ArchivePackage.Status.FAILED).count()
    return render(request, "arkiv/packages.html", {"page": page, "failed": failed})


@require_POST
@predicate_required(permissions.is_coordinator)
def retry(request, pk):
    package = get_object_or_404(ArchivePackage, pk=pk)
    if services.retry(package=package):
        services.send_to_queue(package.pk)
        messages.success(request, _("The package is tried again."))
    else:
        messages.info(request, _("The package was not waiting to be tried again."))
    return redirect("arkiv:packages")
