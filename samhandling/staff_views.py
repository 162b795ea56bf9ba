"""Staff pages of the model: the whole model (staff-only elements too), attachments and links.
The coordinator's annual cycle (årshjul) is in ``arshjul_views``."""

from django.contrib import messages
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from bts_portal.content import services, snapshot
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


def _proposal_id(request) -> int | None:
    value = request.POST.get("forslag", "")
    return int(value) if value.isdigit() and len(value) < 19 else None


def _lock(element) -> None:
    """Serialise the changes to one element's links and attachments: each reads the set it
    builds on (``_proposed_set``) only once the one before has stored its own, so two at the
    same moment (a double click, two tabs) both count. Inside the caller's transaction."""
    list(Element.objects.select_for_update().filter(pk=element.pk).values_list("pk", flat=True))


def _proposed_set(request, element, name: str) -> list[dict]:
    """The set a change to a published element's ``name`` builds on: the waiting proposal's,
    when it is the user's own or the page showed it (``forslag``), else the published one."""
    proposal = services.pending_proposal(element)
    builds = proposal is not None and (
        proposal.author_id == request.user.pk or proposal.pk == _proposal_id(request)
    )
    if builds and proposal and name in proposal.values:
        return list(proposal.values[name])
    return snapshot.children_values(element, name)


def _propose_set(request, element, name: str, entries: list[dict], done: str):
    """A change to a published element's links or attachments, stored as (part of) its change
    proposal: the public keeps the published set until it is approved. True when stored."""
    try:
        proposal = services.revision_propose(
            obj=element, user=request.user, values={name: entries}, based_on=_proposal_id(request)
        )
    except services.ProposalConflict as conflict:
        messages.error(request, str(conflict))
        return False
    if proposal is None:
        messages.info(request, _("Nothing differs from the published version: nothing was saved."))
    else:
        messages.success(request, done)
    return True


_WAITS = gettext_lazy(
    "The change is saved in a proposal that waits for approval. The public sees the published "
    "links and attachments until it is approved."
)


@require_POST
@staff_required
def attachment_add(request, pk):
    element = _editable_element(request, pk)
    form = VedleggForm(request.POST, request.FILES)
    if not form.is_valid():
        return edit_page(request, get_kind("element"), element, attachment_form=form, status=400)
    upload = form.cleaned_data["file"]
    values = {
        **form.cleaned_data,
        "file": upload,
        "content_type": form.content_type,
        "size": upload.size,
        "uploaded_by": request.user,
    }
    if not element.is_published:
        with transaction.atomic():
            Vedlegg.objects.create(element=element, **values)
        messages.success(request, _("The attachment is added."))
        return _back_to_edit(element)
    # Stored now, under the element's folder, but reachable only from the proposal's page
    # until approved; a rejected or withdrawn proposal deletes it.
    pending = Vedlegg(element=element, **values)
    snapshot.commit_files(pending)
    entry = snapshot.child_entry(Element, "attachments", **{**values, "file": pending.file.name})
    with transaction.atomic():
        _lock(element)
        entries = [*_proposed_set(request, element, "attachments"), entry]
        if not _propose_set(request, element, "attachments", entries, str(_WAITS)):
            pending.file.storage.delete(pending.file.name or "")
    return _back_to_edit(element)


def _without(entries: list[dict], key: str) -> tuple[list[dict], bool]:
    """``entries`` without the one ``key`` names (a stored row's id, or a new entry's ref)."""
    kept = [e for e in entries if str(e.get("id") or e.get("ref")) != key]
    return kept, len(kept) < len(entries)


@require_POST
@staff_required
def attachment_delete(request, pk, attachment_pk):
    element = _editable_element(request, pk)
    if not element.is_published:
        vedlegg = get_object_or_404(Vedlegg, pk=attachment_pk, element=element)
        vedlegg.file.delete(save=False)
        vedlegg.delete()
        messages.success(request, _("The attachment is removed."))
        return _back_to_edit(element)
    # A published attachment keeps its row until the proposal that removes it is approved:
    # an address naming no attachment of this element is a 404, not "nothing to do".
    get_object_or_404(Vedlegg, pk=attachment_pk, element=element)
    return _remove_proposed(request, element, "attachments", str(attachment_pk))


@transaction.atomic
def _remove_proposed(request, element, name: str, key: str):
    _lock(element)
    entries, found = _without(_proposed_set(request, element, name), key)
    if not found:
        # Removed already (a repeated POST), or never there: nothing to do.
        messages.info(request, _("It is no longer in the proposal: nothing more was done."))
        return _back_to_edit(element)
    _propose_set(request, element, name, entries, str(_WAITS))
    return _back_to_edit(element)


@require_POST
@staff_required
def proposed_remove(request, pk, name, ref):
    """Remove an entry a waiting proposal adds (it has no row yet) from the proposal."""
    element = _editable_element(request, pk)
    if name not in ("links", "attachments") or not element.is_published:
        raise Http404
    return _remove_proposed(request, element, name, ref)


@require_POST
@staff_required
def link_add(request, pk):
    element = _editable_element(request, pk)
    form = LenkeForm(request.POST)
    if not form.is_valid():
        return edit_page(request, get_kind("element"), element, link_form=form, status=400)
    if not element.is_published:
        ElementLenke.objects.create(
            element=element, order=element.links.count() + 1, **form.cleaned_data
        )
        messages.success(request, _("The link is added."))
        return _back_to_edit(element)
    with transaction.atomic():
        _lock(element)
        entries = _proposed_set(request, element, "links")
        order = max((e.get("order") or 0 for e in entries), default=0) + 1
        entry = snapshot.child_entry(Element, "links", order=order, **form.cleaned_data)
        same = {k: v for k, v in entry.items() if k not in ("ref", "order")}
        if any({k: e.get(k) for k in same} == same for e in entries):
            # A repeated POST (or the same link twice): the proposal has it already.
            messages.info(request, _("The proposal has this link already."))
        else:
            _propose_set(request, element, "links", [*entries, entry], str(_WAITS))
    return _back_to_edit(element)


@require_POST
@staff_required
def link_delete(request, pk, link_pk):
    element = _editable_element(request, pk)
    if not element.is_published:
        get_object_or_404(ElementLenke, pk=link_pk, element=element).delete()
        messages.success(request, _("The link is removed."))
        return _back_to_edit(element)
    get_object_or_404(ElementLenke, pk=link_pk, element=element)  # as for an attachment
    return _remove_proposed(request, element, "links", str(link_pk))
