"""The read list for every employee; required reading, training and meetings for those who
record them. Who may do what is in bts_portal.permissions."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from bts_portal import permissions
from bts_portal.decorators import staff_required
from organisasjon.models import Tjeneste

from . import services
from .forms import LesekravForm, MeetingForm, TrainingForm
from .models import Lesekrav, Mote, Opplaering
from .selectors import read_list


@staff_required
def my_read_list(request):
    return render(request, "oppfolging/read_list.html", {"items": read_list(request.user)})


@require_POST
@staff_required
def confirm(request, pk):
    services.reading_confirm(user=request.user, lesekrav=get_object_or_404(Lesekrav, pk=pk))
    messages.success(request, _("Marked as read."))
    return redirect("statistikk:oppfolging:read_list")


def _training_services(user):
    if permissions.may_manage_follow_up(user):
        return Tjeneste.objects.filter(is_active=True).order_by("name")
    return permissions.statistics_services(user)


@staff_required
def follow_up(request):
    """Record required reading, meetings (coordinator) and training (also service leaders)."""
    coordinator = permissions.may_manage_follow_up(request.user)
    training_services = _training_services(request.user)
    if not coordinator and not training_services.exists():
        raise PermissionDenied
    form_name = request.POST.get("form")
    forms = {
        "lesekrav": LesekravForm(request.POST if form_name == "lesekrav" else None),
        "training": TrainingForm(
            request.POST if form_name == "training" else None, services=training_services
        ),
        "meeting": MeetingForm(request.POST if form_name == "meeting" else None),
    }
    if request.method == "POST" and form_name in forms and forms[form_name].is_valid():
        data = forms[form_name].cleaned_data
        if form_name == "lesekrav":
            services.lesekrav_create(by=request.user, element=data["element"], niva=data["niva"],
                                     roles=data["roles"], services=data["services"])  # fmt: skip
        elif form_name == "training":
            services.training_record(by=request.user, **data)
        else:
            services.meeting_record(by=request.user, kind=data["kind"], held_on=data["held_on"],
                                    attendance=dict.fromkeys(data["services"], 1))  # fmt: skip
        messages.success(request, _("Saved."))
        return redirect("statistikk:oppfolging:follow_up")
    return render(request, "oppfolging/follow_up.html", {
        "forms": forms, "coordinator": coordinator,
        "requirements": Lesekrav.objects.select_related("element", "niva")
        .prefetch_related("services") if coordinator else [],
        "meetings": Mote.objects.prefetch_related("services")[:20] if coordinator else [],
        "trainings": Opplaering.objects.filter(tjeneste__in=training_services)
        .select_related("user", "tjeneste")[:20],
    }, status=400 if request.method == "POST" else 200)  # fmt: skip
