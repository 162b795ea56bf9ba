"""The public catalogue of services, measures and meeting places, and its open data."""

import csv
from itertools import groupby

from django.core.paginator import Paginator
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from organisasjon.models import Tjeneste
from organisasjon.selectors import public_services

from . import cards, filters, open_data
from .models import Moteplass, Tiltak

PAGE_SIZE = 20


def tjeneste_list(request):
    """All services that work with children, young people and families, by sector."""
    sectors = [
        (services[0].get_sector_display(), services)
        for _, group in groupby(public_services(), key=lambda t: t.sector)
        if (services := list(group))
    ]
    return render(request, "tiltaksoversikt/tjeneste_list.html", {"sectors": sectors})


def tjeneste_detail(request, slug):
    """One service with its contacts and its published measures."""
    tjeneste = get_object_or_404(Tjeneste, slug=slug, is_active=True)
    measures = Tiltak.objects.published().filter(tjeneste=tjeneste).order_by("title")
    return render(
        request,
        "tiltaksoversikt/tjeneste_detail.html",
        {"tjeneste": tjeneste, "measures": measures},
    )


def _catalogue(request):
    themes, services = filters.filter_options()
    form = filters.CatalogueFilterForm(request.GET or None, themes=themes, services=services)
    chosen = filters.parse(form)
    return form, chosen, themes, services


def _removal_links(request, form) -> list[tuple[str, str]]:
    """(label, URL) for each active filter: the current URL without that one choice."""
    labels = {
        # The labels keep their language (a theme without English is marked lang="nb").
        key: {str(value): label for value, label in form.fields[key].choices}
        for key in filters.FACETS
    }
    links = []
    params = request.GET.copy()
    params.pop("side", None)
    for key in ("q", "alder", *filters.FACETS):
        for value in params.getlist(key):
            if not value:
                continue
            remaining = params.copy()
            remaining.setlist(key, [v for v in params.getlist(key) if v != value])
            if key == "alder":
                label = _("age %(age)s") % {"age": value}
            else:
                label = labels.get(key, {}).get(value, value)
            links.append((label, "?" + remaining.urlencode()))
    return links


def tiltak_list(request):
    form, chosen, themes, services = _catalogue(request)
    page = Paginator(filters.matching_ids(chosen), PAGE_SIZE).get_page(request.GET.get("side"))
    page.object_list = cards.cards(page.object_list)  # type: ignore[assignment,arg-type]
    params = request.GET.copy()
    params.pop("side", None)
    status = 400 if form.is_bound and not form.is_valid() else 200
    return render(
        request,
        "tiltaksoversikt/tiltak_list.html",
        {
            "form": form,
            "chosen": chosen,
            "page": page,
            "filter_panel": filters.panel_html(
                filters.options(form, chosen, filters.counts(chosen))
            ),
            "themes": themes,
            "services": services,
            "removals": _removal_links(request, form),
            "querystring": params.urlencode(),
        },
        status=status,
    )


def tiltak_print(request):
    """Every matching measure with its contacts, on as few printed pages as possible."""
    form, chosen, _themes, _services = _catalogue(request)
    results = filters.apply(chosen).select_related("tjeneste").order_by("tjeneste__name", "title")
    return render(
        request,
        "tiltaksoversikt/tiltak_print.html",
        # The active filters name the list in the page's title.
        {"measures": results, "removals": _removal_links(request, form)},
    )


def tiltak_detail(request, slug):
    tiltak = get_object_or_404(
        Tiltak.objects.published().select_related("tjeneste").prefetch_related("themes"),
        slug=slug,
    )
    return render(request, "tiltaksoversikt/tiltak_detail.html", {"tiltak": tiltak})


def moteplass_list(request):
    places = Moteplass.objects.published().prefetch_related("participating_services")
    return render(request, "tiltaksoversikt/moteplass_list.html", {"places": places})


def moteplass_detail(request, slug):
    place = get_object_or_404(
        Moteplass.objects.published()
        .select_related("element")
        .prefetch_related("participating_services"),
        slug=slug,
    )
    return render(request, "tiltaksoversikt/moteplass_detail.html", {"place": place})


def open_data_docs(request):
    return render(request, "tiltaksoversikt/open_data.html", {"fields": open_data.FIELDS})


def open_data_json(request):
    rows = open_data.rows(request)
    response = JsonResponse(
        {"count": len(rows), "tiltak": rows}, json_dumps_params={"ensure_ascii": False, "indent": 1}
    )
    response["Access-Control-Allow-Origin"] = "*"
    return response


def open_data_csv(request):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="tiltaksoversikt.csv"'
    response["Access-Control-Allow-Origin"] = "*"
    response.write("\ufeff")  # so that spreadsheet programs read the file as UTF-8
    writer = csv.writer(response, delimiter=";")
    writer.writerow([name for name, _description in open_data.FIELDS])
    for row in open_data.rows(request):
        writer.writerow([_flatten(row[name]) for name, _description in open_data.FIELDS])
    return response


def _flatten(value) -> str:
    if isinstance(value, list):
        return "|".join(str(v) for v in value)
    if value is None:
        return ""
    return str(value)
