"""The action guide, for the public (told to families) and for staff (the full steps)."""

from django.core.cache import cache
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import render

from bts_portal import permissions
from bts_portal.content.translation import current_language
from bts_portal.decorators import staff_required

from . import documents, selectors
from .models import Trinn
from .pdf import level_summary_pdf


def _guide(request, template, *, staff, **context):
    return render(request, f"handlingsveileder/{template}", {"staff": staff, **context})


# --- Public ----------------------------------------------------------------------------


def overview(request):
    levels = selectors.levels_with_steps(public=True)
    return _guide(
        request, "overview.html", staff=False, levels=levels, themes=selectors.theme_guides()
    )


def level(request, number):
    return _guide(request, "level.html", staff=False, niva=selectors.level(number, public=True))


def signs(request):
    return _guide(request, "signs.html", staff=False, groups=selectors.signs_by_age())


def theme(request, slug):
    return _guide(request, "theme.html", staff=False, guide=selectors.theme_guide(slug))


def tool(request, slug):
    staff = permissions.may_enter_staff_area(request.user)
    return _guide(request, "tool.html", staff=False, tool=selectors.tool(slug, public=not staff))


def tool_file(request, slug):
    """Download a tool's template; staff-only templates need a staff login (else 404)."""
    staff = permissions.may_enter_staff_area(request.user)
    verktoy = selectors.tool(slug, public=not staff)
    if not verktoy.file:
        raise Http404
    return FileResponse(
        verktoy.file.open("rb"),
        as_attachment=True,
        filename=(verktoy.file.name or "").rsplit("/", 1)[-1],
        content_type=verktoy.content_type or "application/octet-stream",
    )


def tool_form(request, slug):
    """The tool's document as a blank form (PDF), for families and services without a case in
    the portal. Made once per text and language, then served from the cache."""
    staff = permissions.may_enter_staff_area(request.user)
    verktoy = selectors.tool(slug, public=not staff)
    if not verktoy.document:
        raise Http404
    language = current_language()
    key = f"blank-form:{verktoy.pk}:{verktoy.updated_at.timestamp()}:{language}"
    pdf = cache.get(key)
    if pdf is None:
        pdf = documents.document_pdf(verktoy.document, language=language)
        cache.set(key, pdf, timeout=60 * 60 * 24)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{verktoy.slug}-{language}.pdf"'
    return response


# --- Staff -----------------------------------------------------------------------------


@staff_required
def staff_overview(request):
    return _guide(
        request,
        "overview.html",
        staff=True,
        levels=selectors.levels_with_steps(public=False),
        themes=selectors.theme_guides(),
    )


@staff_required
def staff_level(request, number):
    return _guide(request, "level.html", staff=True, niva=selectors.level(number, public=False))


@staff_required
def staff_step(request, key):
    try:
        step, previous, following = selectors.step_with_neighbours(key)
    except Trinn.DoesNotExist:
        raise Http404 from None
    # Opened from a case's checklist: a way back to it (only a number; the case page
    # itself decides who may see it).
    back = request.GET.get("sak", "")
    back_to_case = int(back) if back.isdigit() and len(back) < 18 else None
    return _guide(
        request, "step.html", staff=True, step=step, previous=previous, following=following,
        back_to_case=back_to_case,
    )  # fmt: skip


@staff_required
def staff_signs(request):
    return _guide(request, "signs.html", staff=True, groups=selectors.signs_by_age())


@staff_required
def staff_theme(request, slug):
    return _guide(request, "theme.html", staff=True, guide=selectors.theme_guide(slug))


@staff_required
def staff_level_pdf(request, number):
    """A one-page A4 summary of a level, to print and keep at hand."""
    niva = selectors.level(number, public=False)
    response = HttpResponse(level_summary_pdf(request, niva), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="bti-niva-{niva.number}.pdf"'
    return response
