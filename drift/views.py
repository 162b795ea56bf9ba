from django.shortcuts import render

from bts_portal import permissions
from bts_portal.decorators import predicate_required
from stafettlogg.models import DeletionRecord

from .models import RetentionRun


@predicate_required(permissions.is_coordinator)
def status(request):
    """The BTS coordinator's view of background work: the last retention run and its failures."""
    return render(
        request,
        "drift/status.html",
        {
            "run": RetentionRun.objects.first(),
            "deletion_records": DeletionRecord.objects.count(),
        },
    )
