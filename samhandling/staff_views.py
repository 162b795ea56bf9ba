"""Staff pages of the model: the whole model (staff-only elements too), attachments and links.
The coordinator's annual cycle (årshjul) is in ``arshjul_views``."""

from django.contrib import messages
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from bts_portal.content.registry import get_kind
from bts_portal.content.views import edit_page, load_editable
from bts_portal.decorators import staff_required

from . import selectors
from .forms import LenkeForm, VedleggForm
from .models import Element, ElementLenke, Vedlegg


@staff_required
def staff_overview(request):
    return render(
        request,
        "samhandling/overview.html",
        {"levels": selectors.model_overview(staff=True), "staff": True},
    )


@staff_required
def staff_element(request, slug):
    element = selectors.element_for_page(slug, staff=True)
    return render(request, "samhandling/element_detail.html", {"element": element, "staff": True})


def _editable_element(request, pk) -> Element:
    return load_editable(get_kind("element"), pk, request.user)


def _back_to_edit(element):
    return redirect("content:edit", kind="element", pk=element.pk)


@require_POST
@staff_required
def attachment_add(request, pk):
    element = _editable_element(request, pk)
    form = VedleggForm(request.POST, request.FILES)
    if not form.is_valid():
        return edit_page(request, get_kind("element"), element, attachment_form=form, status=400)
    upload = form.cleaned_data["file"]
    with transaction.atomic():
        Vedlegg.objects.create(
            element=element,
            title=form.cleaned_data["title"],
            file=upload,
            content_type=form.content_type,
            size=upload.size,
            uploaded_by=request.user,
        )
    messages.success(request, _("The attachment is added."))
    return _back_to_edit(element)


@require_POST
@staff_required
def attachment_delete(request, pk, attachment_pk):
    element = _editable_element(request, pk)
    vedlegg = get_object_or_404(Vedlegg, pk=attachment_pk, element=element)
    vedlegg.file.delete(save=False)
    vedlegg.delete()
    messages.success(request, _("The attachment is removed."))
    return _back_to_edit(element)


@require_POST
@staff_required
def link_add(request, pk):
    element = _editable_element(request, pk)
    form = LenkeForm(request.POST)
    if not form.is_valid():
        return edit_page(request, get_kind("element"), element, link_form=form, status=400)
    ElementLenke.objects.create(
        element=element, order=element.links.count() + 1, **form.cleaned_data
    )
    messages.success(request, _("The link is added."))
    return _back_to_edit(element)


@require_POST
@staff_required
def link_delete(request, pk, link_pk):
    element = _editable_element(request, pk)
    get_object_or_404(ElementLenke, pk=link_pk, element=element).delete()
    messages.success(request, _("The link is removed."))
    return _back_to_edit(element)
