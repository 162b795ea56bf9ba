"""Staff views for editing content: list, create, edit with preview, publish, reorder, history
and restore. Each kind of content registers itself in ``registry`` with the policy that says
who may edit and publish it (``bts_portal.permissions.ContentPolicy``).

A draft is saved as it is; an edit or a restore of a published item becomes a change proposal
(``proposal_views`` shows and decides them), so the public page changes only on approval."""

import copy
from functools import wraps

from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpResponseBadRequest, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from ..decorators import staff_required
from ..permissions import is_coordinator
from ..redirects import next_url
from . import services, snapshot
from .history import value_changes, versions
from .models import Endringsforslag, Forslagsstatus
from .registry import get_kind, kinds_for
from .selectors import decided_proposals, waiting_proposals

REVIEW_INTERVALS = (6, 12, 24)


def content_manager_required(view):
    """Staff whose roles let them manage this kind; the kind comes from the URL (404 if
    unknown)."""

    @staff_required
    @wraps(view)
    def wrapper(request, kind, *args, **kwargs):
        content_kind = get_kind(kind)
        if not content_kind.policy.may_manage(request.user):
            raise PermissionDenied
        return view(request, content_kind, *args, **kwargs)

    return wrapper


def load_editable(kind, pk, user):
    """The item, if the user may edit it: 404 if it does not exist, 403 if not theirs."""
    obj = get_object_or_404(kind.model, pk=pk)
    if not kind.policy.may_edit(user, obj):
        raise PermissionDenied
    return obj


@staff_required
def content_home(request):
    kinds = kinds_for(request.user)
    if not kinds:
        raise PermissionDenied
    to_decide, own = waiting_proposals(request.user)
    return render(
        request,
        "content/home.html",
        {"kinds": kinds, "to_decide_count": len(to_decide), "own_count": len(own)},
    )


@content_manager_required
def content_list(request, kind):
    queryset = kind.policy.restrict(
        request.user, kind.model.objects.select_related(*kind.list_related)
    )
    items = list(queryset.order_by(*kind.model._meta.ordering))
    proposed = set(
        Endringsforslag.objects.filter(
            content_type=ContentType.objects.get_for_model(kind.model),
            state=Forslagsstatus.PENDING,
        ).values_list("object_id", flat=True)
    )
    for item in items:
        item.can_edit = kind.policy.may_edit(request.user, item)
        item.can_publish = kind.policy.may_publish(request.user, item)
        item.has_proposal = item.pk in proposed
    groups = []
    if kind.group_by:
        field = kind.model._meta.get_field(kind.group_by)
        for value, label in field.choices:
            groups.append((label, [i for i in items if getattr(i, kind.group_by) == value]))
    else:
        groups.append((None, items))
    return render(request, "content/list.html", {"kind": kind, "groups": groups})


def _translate_urls(user, obj) -> list[tuple[str, str, str]]:
    """The coordinator's links to the item's nynorsk and English translation forms."""
    from oversetting.sources import is_translated  # the translation app builds on this one

    if obj.pk is None or not is_coordinator(user) or not is_translated(type(obj)):
        return []
    meta = obj._meta
    return [
        (language, label, reverse("oversetting:translate", kwargs={
            "app_label": meta.app_label, "model_name": meta.model_name, "pk": obj.pk,
            "language": language}))
        for language, label in (("nn", _("Nynorsk translation")), ("en", _("English translation")))
    ]  # fmt: skip


def edit_page(request, kind, obj, *, form=None, preview=None, status=200, **extra):
    """Render the edit page; other views (e.g. attachments) use it to show their errors.

    A published item with a waiting proposal opens with the proposal's text in the form, so
    the next edit builds on it; the page says that the public still sees the published one."""
    proposal = None
    if obj.pk is not None and obj.is_published:
        proposal = services.pending_proposal(obj)
    if form is None:
        instance, initial = obj, {}
        if proposal is not None:
            instance = copy.copy(obj)
            initial = snapshot.apply_values(instance, proposal.values)
        form = kind.form_class(instance=instance, initial=initial, user=request.user)
    return render(
        request,
        "content/edit.html",
        {
            "kind": kind,
            "form": form,
            "obj": obj,
            "preview": preview,
            "created": obj.pk is None,
            "proposal": proposal,
            "translate_urls": _translate_urls(request.user, obj),
            "may_publish": obj.pk is not None and kind.policy.may_publish(request.user, obj),
            "may_mark_reviewed": obj.pk is not None
            and kind.policy.may_mark_reviewed(request.user, obj),
            "review_intervals": REVIEW_INTERVALS,
            **(kind.edit_extra_context() if kind.edit_extra_context else {}),
            **extra,
        },
        status=status,
    )


def _proposal_id(request) -> int | None:
    """The waiting proposal the form was built on (a hidden field); junk counts as none."""
    value = request.POST.get("forslag", "")
    return int(value) if value.isdigit() and len(value) < 19 else None


def _edit(request, kind, obj):
    created = obj.pk is None
    # Read before the form writes the posted values onto ``obj``.
    published = not created and obj.is_published
    if request.method != "POST":
        return edit_page(request, kind, obj)
    instance = _proposed_instance(request, obj) if published else obj
    form = kind.form_class(request.POST, request.FILES, instance=instance, user=request.user)
    if not form.is_valid():
        return edit_page(request, kind, obj, form=form, status=400)
    if "preview" in request.POST:
        return edit_page(request, kind, obj, form=form, preview=form.save(commit=False))
    if published:
        return _propose(request, kind, instance, form)
    with transaction.atomic():
        saved = form.save(commit=False)
        services.content_save(obj=saved, user=request.user, created=created)
        form.save_m2m()
    messages.success(request, _("Saved."))
    return redirect("content:edit", kind=kind.key, pk=saved.pk)


def _proposed_instance(request, obj):
    """What the posted form edits: the published item, or, when the form was built on a
    waiting proposal (or the proposal is the user's own), a copy with the proposal's values,
    so that what a form cannot post again (an uploaded file, values derived from it) stays."""
    proposal = services.pending_proposal(obj)
    if proposal is None or (
        proposal.pk != _proposal_id(request) and proposal.author_id != request.user.pk
    ):
        return obj
    instance = copy.copy(obj)
    snapshot.apply_values(instance, proposal.values)
    return instance


def _propose(request, kind, obj, form):
    """The edit of a published item, stored as a change proposal."""
    snapshot.commit_files(obj)
    edited = form.save(commit=False)
    many = {
        f.name: form.cleaned_data[f.name] for f in obj._meta.many_to_many if f.name in form.fields
    }
    try:
        proposal = services.revision_propose(
            obj=edited,
            user=request.user,
            values=snapshot.instance_values(edited, many),
            based_on=_proposal_id(request),
        )
    except services.ProposalConflict as conflict:
        form.add_error(None, str(conflict))
        current = get_object_or_404(kind.model, pk=obj.pk)
        return edit_page(request, kind, current, form=form, status=409)
    if proposal is None:
        messages.info(request, _("Nothing differs from the published version: nothing was saved."))
        return redirect("content:edit", kind=kind.key, pk=obj.pk)
    messages.success(
        request,
        _(
            "Your change is saved as a proposal and waits for approval. The public sees the "
            "published version until it is approved."
        ),
    )
    return redirect("content:proposal", pk=proposal.pk)


@content_manager_required
def content_create(request, kind):
    return _edit(request, kind, kind.model())


@content_manager_required
def content_edit(request, kind, pk):
    return _edit(request, kind, load_editable(kind, pk, request.user))


def _publisher_action(view):
    @require_POST
    @content_manager_required
    @wraps(view)
    def wrapper(request, kind, pk, *args, **kwargs):
        obj = get_object_or_404(kind.model, pk=pk)
        if not kind.policy.may_publish(request.user, obj):
            raise PermissionDenied
        return view(request, kind, obj, *args, **kwargs)

    return wrapper


@_publisher_action
def content_publish(request, kind, obj):
    services.content_publish(obj=obj, user=request.user)
    messages.success(request, _("“%(title)s” is published.") % {"title": obj})
    return redirect("content:list", kind=kind.key)


@_publisher_action
def content_unpublish(request, kind, obj):
    services.content_unpublish(obj=obj, user=request.user)
    messages.success(request, _("“%(title)s” is no longer published.") % {"title": obj})
    return redirect("content:list", kind=kind.key)


@_publisher_action
def content_move(request, kind, obj):
    direction = request.POST.get("direction")
    if not kind.orderable or direction not in {"up", "down"}:
        return HttpResponseBadRequest(_("Unknown direction."))
    services.content_move(obj=obj, user=request.user, direction=direction)
    return redirect(f"{_list_url(kind)}#item-{obj.pk}")


@require_POST
@content_manager_required
def content_mark_reviewed(request, kind, pk):
    obj = get_object_or_404(kind.model, pk=pk)
    if not kind.policy.may_mark_reviewed(request.user, obj):
        raise PermissionDenied
    try:
        months = int(request.POST.get("months", ""))
    except ValueError:
        months = 0
    if months not in REVIEW_INTERVALS:
        return HttpResponseBadRequest(_("Choose when the next review is due."))
    services.content_mark_reviewed(obj=obj, user=request.user, months=months)
    messages.success(
        request,
        _("“%(title)s” is marked as reviewed. Next review: %(date)s.")
        % {"title": obj, "date": obj.review_due.strftime("%d.%m.%Y")},
    )
    return HttpResponseRedirect(next_url(request, fallback=_list_url(kind)))


@content_manager_required
def content_history(request, kind, pk):
    obj = load_editable(kind, pk, request.user)
    return render(
        request,
        "content/history.html",
        {
            "kind": kind,
            "obj": obj,
            "versions": versions(obj),
            "may_restore": True,
            "proposal": services.pending_proposal(obj),
            "decided": decided_proposals(obj),
        },
    )


@require_http_methods(["GET", "POST"])
@content_manager_required
def content_restore(request, kind, pk, history_id):
    """GET asks for confirmation, showing what would change; only the POST restores: for a
    published item as a change proposal, for a draft at once. A repeated POST updates the
    same proposal (one per author and item), so no one-time token is needed."""
    obj = load_editable(kind, pk, request.user)
    record = get_object_or_404(obj.history, history_id=history_id)
    values = snapshot.record_values(record, kind.model)
    when = timezone.localtime(record.history_date).strftime("%d.%m.%Y %H:%M")
    proposal = services.pending_proposal(obj) if obj.is_published else None
    if request.method == "POST":
        if not obj.is_published:
            services.content_restore(obj=obj, user=request.user, history_id=history_id)
            messages.success(request, _("The earlier version is restored as a new version."))
            return redirect("content:history", kind=kind.key, pk=obj.pk)
        try:
            proposal = services.revision_propose(
                obj=obj,
                user=request.user,
                values=values,
                based_on=_proposal_id(request),
                note=_("Restores the version of %(date)s") % {"date": when},
            )
        except services.ProposalConflict as conflict:
            messages.error(request, str(conflict))
            return redirect("content:restore", kind=kind.key, pk=obj.pk, history_id=history_id)
        if proposal is None:
            messages.info(request, _("That version is the same as the published one."))
            return redirect("content:history", kind=kind.key, pk=obj.pk)
        messages.success(
            request,
            _("The restore is saved as a proposal and waits for approval."),
        )
        return redirect("content:proposal", pk=proposal.pk)
    current = snapshot.current_values(obj, values)
    return render(
        request,
        "content/restore_confirm.html",
        {
            "kind": kind,
            "obj": obj,
            "record": record,
            "when": when,
            "changes": value_changes(kind.model, current, values),
            "proposal": proposal,
        },
    )


def _list_url(kind) -> str:
    return reverse("content:list", kwargs={"kind": kind.key})
