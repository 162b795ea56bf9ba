"""Staff views for change proposals: the list waiting for the approver, one proposal with the
diff between the published item and it, and the decisions (approve, reject, withdraw). Who
may decide is ``ContentPolicy.may_approve``; the writes are ``services.revision_*``."""

import mimetypes
from functools import wraps

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ..decorators import staff_required
from ..permissions import may_manage_any_content
from . import services, snapshot
from .forms import RejectForm
from .history import value_changes
from .models import Endringsforslag
from .registry import kind_for_model
from .selectors import waiting_proposals


def proposal_view(view):
    """Load the proposal, its kind and item: 404 if any is gone, 403 unless the user may see
    it (its author, the item's editors and approvers)."""

    @staff_required
    @wraps(view)
    def wrapper(request, pk, *args, **kwargs):
        proposal = get_object_or_404(
            Endringsforslag.objects.select_related("author", "decided_by", "content_type"), pk=pk
        )
        model = proposal.content_type.model_class()
        assert model is not None  # proposals are made only for the registered content models
        kind = kind_for_model(model)
        item = get_object_or_404(model, pk=proposal.object_id)
        if not kind.policy.may_see_proposal(request.user, item, proposal.author_id):
            raise PermissionDenied
        return view(request, proposal, kind, item, *args, **kwargs)

    return wrapper


def _may_decide(request, proposal, kind, item) -> None:
    if not kind.policy.may_approve(request.user, item, proposal.author_id):
        raise PermissionDenied


@staff_required
def proposal_list(request):
    if not may_manage_any_content(request.user):
        raise PermissionDenied
    to_decide, own = waiting_proposals(request.user)
    return render(request, "content/proposals.html", {"to_decide": to_decide, "own": own})


def _new_files(proposal, model) -> list[tuple[str, str]]:
    """The files a waiting proposal adds to a child set (an element's new attachments), with
    the staff address that serves each: they have no row, so no public address, before
    approval."""
    if not proposal.is_pending:
        return []
    files = []
    for name in snapshot.child_sets(model):
        for entry in proposal.values.get(name) or []:
            if entry.get("id") is None and _entry_file(model, name, entry):
                url = reverse(
                    "content:proposal_file",
                    kwargs={"pk": proposal.pk, "name": name, "ref": entry["ref"]},
                )
                files.append((snapshot.display(model, name, [entry]), url))
    return files


def _entry_file(model, name: str, entry: dict):
    """(file field, stored name) of a child-set entry, or None."""
    for field in snapshot.child_fields(model, name):
        if isinstance(field, models.FileField) and entry.get(field.name):
            return field, entry[field.name]
    return None


def _page(request, proposal, kind, item, *, reject_form=None, conflict="", status=200):
    current = snapshot.current_values(item, proposal.values)
    stale = services.stale_fields(proposal, current) if proposal.is_pending else []
    return render(
        request,
        "content/proposal.html",
        {
            "proposal": proposal,
            "kind": kind,
            "obj": item,
            "changes": value_changes(kind.model, current, proposal.values, conflicts=tuple(stale)),
            "stale": bool(stale),
            "conflict": conflict,
            "may_approve": kind.policy.may_approve(request.user, item, proposal.author_id),
            "is_author": proposal.author_id == request.user.pk,
            "reject_form": reject_form or RejectForm(),
            "new_files": _new_files(proposal, kind.model),
        },
        status=status,
    )


@proposal_view
def proposal_detail(request, proposal, kind, item):
    return _page(request, proposal, kind, item)


@proposal_view
def proposal_file(request, proposal, kind, item, name, ref):
    """A file a waiting proposal adds, for those who may see the proposal (its author, the
    item's editors, its approvers): the approver reads it before it goes public."""
    entries = proposal.values.get(name) if snapshot.is_child_set(kind.model, name) else None
    entry = next((e for e in entries or [] if e.get("id") is None and e.get("ref") == ref), None)
    found = _entry_file(kind.model, name, entry) if proposal.is_pending and entry else None
    if found is None:
        raise Http404
    field, stored = found
    filename = stored.rsplit("/", 1)[-1]
    return FileResponse(
        field.storage.open(stored, "rb"),
        as_attachment=True,
        filename=filename,
        content_type=mimetypes.guess_type(filename)[0] or "application/octet-stream",
    )


def _decision(view):
    @require_POST
    @proposal_view
    @wraps(view)
    def wrapper(request, proposal, kind, item):
        return view(request, proposal, kind, item)

    return wrapper


def _decided(request, proposal, done: bool, success: str):
    """Back to the proposal, saying ``success`` if this request decided it, or that it had
    been decided already (a second click changes nothing)."""
    if done:
        messages.success(request, success)
    else:
        messages.info(request, _("The proposal was already decided: nothing more was done."))
    return redirect("content:proposal", pk=proposal.pk)


@_decision
def proposal_approve(request, proposal, kind, item):
    _may_decide(request, proposal, kind, item)
    try:
        applied = services.revision_approve(proposal=proposal, user=request.user)
    except services.ProposalConflict as conflict:
        return _page(request, proposal, kind, item, conflict=str(conflict), status=409)
    return _decided(
        request, proposal, applied, _("The proposal is approved, and the public now sees it.")
    )


@_decision
def proposal_reject(request, proposal, kind, item):
    _may_decide(request, proposal, kind, item)
    form = RejectForm(request.POST)
    if not form.is_valid():
        return _page(request, proposal, kind, item, reject_form=form, status=400)
    done = services.revision_reject(
        proposal=proposal, user=request.user, reason=form.cleaned_data["reason"]
    )
    return _decided(
        request, proposal, done, _("The proposal is rejected. The published version stays.")
    )


@_decision
def proposal_withdraw(request, proposal, kind, item):
    if proposal.author_id != request.user.pk:
        raise PermissionDenied
    done = services.revision_withdraw(proposal=proposal, user=request.user)
    return _decided(request, proposal, done, _("Your proposal is withdrawn."))
