"""The coordinator's årshjul: the year, its events, and the calendar feed."""

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from bts_portal import permissions
from bts_portal.content.views import REVIEW_INTERVALS
from bts_portal.decorators import predicate_required

from . import arshjul, arshjul_feed, selectors
from .forms import ArshjulhendelseForm
from .models import ArshjulFeedToken, Arshjulhendelse

coordinator_required = predicate_required(permissions.is_coordinator)


@coordinator_required
def year(request):
    """The twelve months of ``?aar=`` (this year by default); this year also lists what is due
    now, with the buttons to mark it reviewed."""
    today = timezone.localdate()
    shown = arshjul.parse_year(request.GET.get("aar"), today=today)
    context = {
        "review_intervals": REVIEW_INTERVALS,
        "feed_token": ArshjulFeedToken.objects.filter(user=request.user).first(),
        "bad_year": shown is None,
    }
    context.update(arshjul.year_overview(shown or today.year, today=today))
    if context["is_current_year"]:
        context.update(selectors.review_items(within_days=30, today=today))
    status = 400 if shown is None else 200
    return render(request, "samhandling/arshjul.html", context, status=status)


@coordinator_required
def event_form(request, pk=None):
    hendelse = get_object_or_404(Arshjulhendelse, pk=pk) if pk else None
    form = ArshjulhendelseForm(request.POST or None, instance=hendelse)
    if request.method == "POST":
        if form.is_valid():
            saved = form.save()
            messages.success(request, _("“%(title)s” is saved.") % {"title": saved.title})
            return redirect(_year_url(saved.start.year))
        return render(request, "samhandling/arshjul_event_form.html", {"form": form}, status=400)
    return render(request, "samhandling/arshjul_event_form.html", {"form": form})


@coordinator_required
def event_delete(request, pk):
    hendelse = get_object_or_404(Arshjulhendelse, pk=pk)
    if request.method == "POST":
        # A second click (or a parallel one) finds nothing left and lands on the year too.
        Arshjulhendelse.objects.filter(pk=hendelse.pk).delete()
        messages.success(request, _("“%(title)s” is deleted.") % {"title": hendelse.title})
        return redirect("samhandling_staff:arshjul")
    return render(request, "samhandling/arshjul_event_delete.html", {"hendelse": hendelse})


def _year_url(year: int) -> str:
    return reverse("samhandling_staff:arshjul") + f"?aar={year}"


def _calendar_response() -> HttpResponse:
    response = HttpResponse(arshjul_feed.build_calendar(), content_type="text/calendar")
    response["Content-Disposition"] = 'inline; filename="arshjul.ics"'
    response["Cache-Control"] = "private, no-store"
    return response


@require_safe
def feed(request):
    """The feed for the logged-in coordinator; 404 for anyone else, as if it did not exist."""
    if not permissions.is_coordinator(request.user):
        raise Http404
    return _calendar_response()


@require_safe
def feed_secret(request, token):
    """The feed at the coordinator's secret address: calendar apps fetch it without a session."""
    if arshjul_feed.feed_token_owner(token) is None:
        raise Http404
    return _calendar_response()


@require_POST
@coordinator_required
def feed_token_renew(request):
    """A new secret address, shown this once; the old address stops working."""
    token = arshjul_feed.feed_token_renew(user=request.user)
    address = request.build_absolute_uri(
        reverse("samhandling_staff:arshjul_feed_secret", kwargs={"token": token})
    )
    response = render(request, "samhandling/arshjul_feed_address.html", {"address": address})
    response["Cache-Control"] = "private, no-store"
    return response
