"""The public site: the model, its elements, the coordinator's pages and search."""

from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, render
from django.utils.functional import SimpleLazyObject

from bts_portal import permissions
from bts_portal.choices import Audience
from bts_portal.content.search import search
from organisasjon.models import Tjeneste
from organisasjon.selectors import public_services

from . import selectors
from .forms import WorryCheckForm
from .models import Begrep, Nivaa, Vedlegg

SEARCH_PAGE_SIZE = 10


def home(request):
    """The public front page for guardians, children and young people. The services are
    loaded only if the page's kept part (``public_fragment``) has to be rendered anew."""
    return render(request, "samhandling/home.html", {"services": public_services()[:6]})


def overview(request):
    """The three levels of the model and what is on each (loaded only if the page's kept
    part has to be rendered anew)."""
    return render(
        request,
        "samhandling/overview.html",
        {"levels": SimpleLazyObject(lambda: selectors.model_overview(staff=False)), "Nivaa": Nivaa},
    )


def element_detail(request, slug):
    element = selectors.element_for_page(slug, staff=False)
    return render(request, "samhandling/element_detail.html", {"element": element})


def page_detail(request, slug):
    page = selectors.published_page(slug)
    return render(request, "samhandling/side_detail.html", {"page": page})


def worried(request):
    """ "Er du bekymret for et barn?": the coordinator's text inside a fixed frame that always
    shows the emergency numbers and the duty to report, with a self-check that answers with
    the next step (a plain GET form: it works without JavaScript)."""
    page = selectors.published_page("bekymret")
    submitted = "uro" in request.GET or "sjekk" in request.GET
    check = WorryCheckForm(request.GET if submitted else None)
    answer = check.cleaned_data["uro"] if check.is_bound and check.is_valid() else None
    child_welfare = Tjeneste.objects.filter(
        slug=settings.BARNEVERN_TJENESTE_SLUG, is_active=True
    ).first()
    return render(
        request,
        "samhandling/worried.html",
        {
            "page": page,
            "check": check,
            "answer": answer,
            "answer_heading": WorryCheckForm.ANSWER_HEADINGS.get(answer or "", ""),
            "child_welfare": child_welfare,
            "rights_page": selectors.published_page_or_none(selectors.RIGHTS_PAGE),
        },
        status=400 if check.is_bound and not check.is_valid() else 200,
    )


def glossary(request):
    """The ordliste: every published glossary word, explained in plain language."""
    words = sorted(Begrep.objects.published(), key=lambda b: selectors.sort_key(b, "term"))
    return render(request, "samhandling/glossary.html", {"words": words})


def attachment(request, slug, pk):
    """Download an attachment of a published element the visitor may see."""
    staff = permissions.may_enter_staff_area(request.user)
    element = selectors.element_for_page(slug, staff=staff)
    vedlegg = get_object_or_404(Vedlegg, pk=pk, element=element)
    if element.audience == Audience.STAFF and not staff:
        raise Http404
    return FileResponse(
        vedlegg.file.open("rb"),
        as_attachment=True,
        filename=(vedlegg.file.name or "").rsplit("/", 1)[-1],
        content_type=vedlegg.content_type,
    )


def site_search(request):
    query = request.GET.get("q", "").strip()[:200]
    hits: Any = search(query) if query else []
    page = Paginator(hits, SEARCH_PAGE_SIZE).get_page(request.GET.get("side"))
    return render(
        request,
        "samhandling/search.html",
        {"query": query, "page": page, "total": len(hits), "querystring": urlencode({"q": query})},
    )
