"""Dashboards, CSV export and the annual report. Who may see what is in bts_portal.permissions."""

import csv
from dataclasses import dataclass

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from bts_portal import jobs, permissions
from bts_portal.content.translation import localized
from bts_portal.decorators import predicate_required, staff_required
from organisasjon.models import Tjeneste

from .charts import bars
from .models import Arsrapport, ReportFile
from .release_cache import cached_release


@dataclass
class Scope:
    year: int
    tjeneste: Tjeneste | None

    @property
    def label(self) -> str:
        # The service's name in the page's language (a LocalizedText, lang_marked in the page).
        return localized(self.tjeneste, "name") if self.tjeneste else _("The whole municipality")

    @property
    def key(self):
        return self.tjeneste.pk if self.tjeneste else None


def side_by_side(release, scope_key) -> list[dict]:
    """This year's tables (with last year's cells beside them) and their charts."""
    result = []
    for table in release.tables(release.year, scope_key):
        chart, height = bars(table)
        result.append({"table": table, "bars": chart, "height": height})
    return result


FIRST_YEAR = 2000  # the earliest year the statistics and the annual report answer for


def _year_or_404(year: int) -> int:
    """A year the statistics know: from ``FIRST_YEAR`` to this year; anything else is a 404."""
    if not FIRST_YEAR <= year <= timezone.localdate().year:
        raise Http404
    return year


def _scope(request) -> Scope:
    """Year and service from the URL, checked against what the user may see."""
    try:
        year = int(request.GET.get("aar", timezone.localdate().year))
    except ValueError:
        year = -1
    _year_or_404(year)
    slug = request.GET.get("tjeneste")
    municipal = permissions.may_see_municipal_statistics(request.user)
    if slug:
        tjeneste = get_object_or_404(Tjeneste, slug=slug)
        if (
            not municipal
            and not permissions.statistics_services(request.user).filter(pk=tjeneste.pk).exists()
        ):
            raise PermissionDenied
        return Scope(year, tjeneste)
    if municipal:
        return Scope(year, None)
    own = permissions.statistics_services(request.user).first()
    if own is None:
        raise PermissionDenied
    return Scope(year, own)


@predicate_required(permissions.may_see_statistics)
def dashboard(request):
    scope = _scope(request)
    tables = side_by_side(cached_release(scope.year), scope.key)
    return render(request, "statistikk/dashboard.html", {
        "scope": scope, "tables": tables,
        "years": range(timezone.localdate().year, 2019, -1),
        "services": (Tjeneste.objects.filter(is_active=True)
                     if permissions.may_see_municipal_statistics(request.user)
                     else permissions.statistics_services(request.user)),
        "municipal": permissions.may_see_municipal_statistics(request.user),
        "may_generate": permissions.may_generate_annual_report(request.user),
    })  # fmt: skip


@predicate_required(permissions.may_see_statistics)
def export_csv(request):
    scope = _scope(request)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    name = scope.tjeneste.slug if scope.tjeneste else "kommunen"
    response["Content-Disposition"] = (
        f'attachment; filename="bts-statistikk-{scope.year}-{name}.csv"'
    )
    response.write("\ufeff")
    writer = csv.writer(response, delimiter=";")
    writer.writerow([_("Table"), _("Row"), str(scope.year), str(scope.year - 1)])
    for table in cached_release(scope.year).tables(scope.year, scope.key):
        for label, cell, previous in table.lines:
            writer.writerow([table.title, label, str(cell), str(previous)])
        if table.total_cell is not None:
            assert table.previous is not None  # the release's year has last year's beside it
            writer.writerow([table.title, _("Total"), str(table.total_cell),
                             str(table.previous.total_cell or "")])  # fmt: skip
    # The labels' meaning, as in the dashboard's legend: a file passed on keeps it.
    writer.writerow([])
    writer.writerow([f"<{settings.STATS_MIN_CELL}", _(
        "A figure from 0 to 4: too small to show without pointing at a child.")])  # fmt: skip
    writer.writerow(["–", _(
        "Hidden so that a small figure cannot be worked out from the others (by subtraction "
        "from totals, other years or other services)."
    )])  # fmt: skip
    return response


class NarrativeForm(forms.ModelForm):
    class Meta:
        model = Arsrapport
        fields = ["assessment", "what_worked", "plan_next_year"]
        widgets = {
            name: forms.Textarea(attrs={"rows": 6})
            for name in ["assessment", "what_worked", "plan_next_year"]
        }
        labels = {
            "assessment": gettext_lazy("Assessment of the year"),
            "what_worked": gettext_lazy("What worked"),
            "plan_next_year": gettext_lazy("Plan for next year"),
        }


@predicate_required(permissions.may_generate_annual_report)
def annual_report(request, year):
    _year_or_404(year)
    report, _created = Arsrapport.objects.get_or_create(year=year)
    writer = permissions.may_write_annual_report(request.user)
    posted = request.method == "POST"
    if posted and not writer:
        raise PermissionDenied
    form = NarrativeForm(request.POST if posted else None, instance=report)
    if posted and form.is_valid():
        saved = form.save(commit=False)
        saved.updated_by = request.user
        saved.save()
        messages.success(request, _("The text of the report is saved."))
        return redirect("statistikk:annual_report", year=year)
    return render(request, "statistikk/annual_report.html", {
        "year": year, "form": form if writer else None, "narrative": report,
        "services": Tjeneste.objects.filter(is_active=True),
        "files": ReportFile.objects.filter(year=year).select_related("generated_by", "tjeneste"),
    }, status=400 if form.is_bound else 200)  # fmt: skip


@require_POST
@predicate_required(permissions.may_generate_annual_report)
def generate(request, year):
    _year_or_404(year)
    tjeneste = None
    if request.POST.get("tjeneste"):
        tjeneste = get_object_or_404(Tjeneste, slug=request.POST["tjeneste"])
    report = ReportFile.objects.create(year=year, tjeneste=tjeneste, generated_by=request.user)
    jobs.enqueue(report)  # bts_portal.jobs: a broker outage is answered with a 503
    return redirect("statistikk:report", pk=report.pk)


@staff_required
def reports(request):
    if not permissions.may_see_statistics(request.user):
        raise PermissionDenied
    files = [f for f in ReportFile.objects.select_related("generated_by", "tjeneste")
             if permissions.may_download_report(request.user, f)]  # fmt: skip
    return render(request, "statistikk/reports.html", {
        "files": files, "may_generate": permissions.may_generate_annual_report(request.user),
        "year": timezone.localdate().year,
        "report_makers": permissions.annual_report_makers(),
    })  # fmt: skip


def _report_for(request, pk) -> ReportFile:
    report = get_object_or_404(ReportFile, pk=pk)
    if not permissions.may_download_report(request.user, report):
        raise PermissionDenied
    return report


@staff_required
def report_status(request, pk):
    return render(request, "statistikk/report_status.html", {"report": _report_for(request, pk)})


@staff_required
def report_download(request, pk):
    report = _report_for(request, pk)
    return jobs.download(report, f"arsrapport-bts-{report.year}.pdf")
