"""Write operations on publishable content. Every change records who made it and why, in the
element's history (django-simple-history).

``content_save`` is the direct write. A change to a *published* item goes through a change
proposal instead (``revision_propose``), which ``revision_approve`` applies with
``content_save``: the public sees nothing of it before."""

from datetime import date
from functools import partial
from typing import Any, cast

from dateutil.relativedelta import relativedelta
from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from organisasjon.models import Bruker

from . import notices, snapshot
from .models import Endringsforslag, Forslagsstatus, PublishableContent, Status

DEFAULT_REVIEW_MONTHS = 12
# Fields a restore leaves as they are: where the item stands, not what it says.
NOT_RESTORED = snapshot.NOT_PROPOSED


def _save(obj: PublishableContent, user: Bruker, reason: str) -> None:
    # What simple_history records with the version (``HistoricalRecords`` reads them).
    obj._history_user = user  # type: ignore[attr-defined]
    obj._change_reason = reason  # type: ignore[attr-defined]
    obj.save()


@transaction.atomic
def content_save(
    *, obj: PublishableContent, user: Bruker, created: bool = False, reason: str | None = None
) -> PublishableContent:
    """Save an edited or new item, placing a new one last among its siblings. ``reason`` is
    the history's note when it is not a plain edit (an approved proposal)."""
    if created:
        siblings = type(obj).objects.filter(**{f: getattr(obj, f) for f in obj.order_scope})
        last = siblings.order_by("-order").values_list("order", flat=True).first()
        obj.order = (last or 0) + 1
    _save(obj, user, reason or (_("Created") if created else _("Edited")))
    return obj


@transaction.atomic
def content_publish(*, obj: PublishableContent, user: Bruker) -> None:
    """Publish; content that was never reviewed counts as reviewed today."""
    obj.status = Status.PUBLISHED
    obj.published_at = timezone.now()
    if obj.last_reviewed is None:
        obj.last_reviewed = timezone.localdate()
    if obj.review_due is None:
        obj.review_due = obj.last_reviewed + relativedelta(months=DEFAULT_REVIEW_MONTHS)
    _save(obj, user, _("Published"))


@transaction.atomic
def content_unpublish(*, obj: PublishableContent, user: Bruker) -> None:
    obj.status = Status.DRAFT
    _save(obj, user, _("Unpublished"))


@transaction.atomic
def content_move(*, obj: PublishableContent, user: Bruker, direction: str) -> bool:
    """Swap with the neighbour above or below among the siblings; False at either end."""
    model = type(obj)
    siblings = model.objects.select_for_update().filter(
        **{f: getattr(obj, f) for f in obj.order_scope}
    )
    ordered = list(siblings.order_by("order", "pk"))
    index = next(i for i, item in enumerate(ordered) if item.pk == obj.pk)
    target = index - 1 if direction == "up" else index + 1
    if not 0 <= target < len(ordered):
        return False
    ordered[index], ordered[target] = ordered[target], ordered[index]
    # Renumber the whole scope so that old duplicates in ``order`` cannot stall a move.
    for position, item in enumerate(ordered, start=1):
        if item.order != position:
            item.order = position
            _save(item, user, _("Moved"))
    return True


@transaction.atomic
def content_restore(
    *, obj: PublishableContent, user: Bruker, history_id: int
) -> PublishableContent:
    """Bring back the text and settings of an earlier version, as a new version. Child sets
    (an element's links and attachments) have no history and are left as they are; the
    restore page says so."""
    record = obj.history.get(history_id=history_id)  # type: ignore[attr-defined]
    for field in record.instance._meta.concrete_fields:
        if field.attname not in NOT_RESTORED:
            setattr(obj, field.attname, getattr(record, field.attname))
    _save(
        obj,
        user,
        _("Restored the version of %(date)s")
        % {"date": timezone.localtime(record.history_date).strftime("%d.%m.%Y %H:%M")},
    )
    return obj


@transaction.atomic
def content_mark_reviewed(
    *, obj: PublishableContent, user: Bruker, months: int, today: date | None = None
) -> None:
    """Stamp today's review and set the next one ``months`` ahead (the årshjul)."""
    today = today or timezone.localdate()
    obj.last_reviewed = today
    obj.review_due = today + relativedelta(months=months)
    _save(obj, user, _("Reviewed"))


# --- Change proposals to published items -------------------------------------------------


class ProposalConflict(Exception):
    """A proposal that cannot be saved or approved as it stands; the message says why."""


def _who(user: Bruker) -> str:
    return user.get_full_name() or user.get_username()


def pending_proposal(obj: PublishableContent, *, lock: bool = False) -> Endringsforslag | None:
    """The proposal waiting for ``obj``, if any (there is at most one)."""
    proposals = Endringsforslag.objects.filter(
        content_type=ContentType.objects.get_for_model(obj),
        object_id=obj.pk,
        state=Forslagsstatus.PENDING,
    )
    if lock:
        proposals = proposals.select_for_update()
    return proposals.select_related("author").first()


def _drop_files(
    model: type[PublishableContent],
    values: dict[str, Any],
    keep: dict[str, Any] | None = None,
) -> None:
    """Delete, once committed, the files a dropped proposal stored that nothing uses: not the
    item now, not its history, not the proposal that takes its place (``keep``)."""
    for field in snapshot.proposable_fields(model):
        name = values.get(field.name)
        if not isinstance(field, models.FileField) or not name:
            continue
        if (keep or {}).get(field.name) == name:
            continue
        lookup = {field.name: name}
        # ``history`` is each concrete model's own HistoricalRecords, unknown to the base.
        history = model.history  # type: ignore[attr-defined]
        if model.objects.filter(**lookup).exists() or history.filter(**lookup).exists():
            continue
        transaction.on_commit(partial(field.storage.delete, name))
    # The files of a child set's new entries (an attachment proposed to a published element).
    kept = {name for _field, name in snapshot.child_files(model, keep or {})}
    for field, name in snapshot.child_files(model, values):
        if name not in kept:
            _drop_unused_file(field, name)


def _drop_unused_file(field: models.FileField, name: str) -> None:
    """Delete a child row's file once committed, unless a stored row still refers to it."""
    # The child models have no manager of their own: the default one is ``objects``.
    if not field.model._default_manager.filter(**{field.name: name}).exists():
        transaction.on_commit(partial(field.storage.delete, name))


def stale_fields(proposal: Endringsforslag, current: dict[str, Any]) -> list[str]:
    """Fields the proposal changes that the published item has changed since, to something
    else than the proposal says: approving would overwrite that change unseen."""
    return [
        name
        for name, value in proposal.values.items()
        if current[name] != proposal.base.get(name) and current[name] != value
    ]


@transaction.atomic
def revision_propose(
    *,
    obj: PublishableContent,
    user: Bruker,
    values: dict[str, Any],
    based_on: int | None = None,
    note: str = "",
) -> Endringsforslag | None:
    """Propose ``values`` (the edited item, ``snapshot.instance_values``) as a change to the
    published ``obj``; only the fields that differ from the published row are kept.

    The author's own waiting proposal is updated. Another person's is replaced (kept as
    *superseded*, its text still readable) only when the form was built on it
    (``based_on``); otherwise ``ProposalConflict``, so that nobody's text is lost unseen.
    Returns None when nothing differs from the published item (withdrawing the author's own
    waiting proposal, if any). A repeated POST gives the same proposal: one effect."""
    current = type(obj).objects.select_for_update().get(pk=obj.pk)
    existing = pending_proposal(current, lock=True)
    if existing and existing.author_id != user.pk and existing.pk != based_on:
        raise ProposalConflict(
            _(
                "%(name)s proposed a change to this item while you were editing. Your text is "
                "still in the form: compare it with their proposal, then save again to replace it."
            )
            % {"name": _who(existing.author)}
        )
    if existing:
        # Built on the waiting proposal: what this change does not touch stays as proposed
        # (an edit of the text keeps a proposed link, a new link keeps the proposed text).
        values = {**existing.values, **values}
    published = snapshot.current_values(current, values)
    changed = {name: value for name, value in values.items() if published[name] != value}
    now = timezone.now()
    model = type(obj)
    if not changed:
        if existing and existing.author_id == user.pk:
            Endringsforslag.objects.filter(pk=existing.pk).update(
                state=Forslagsstatus.WITHDRAWN, decided_by=user, decided_at=now, updated_at=now
            )
            _drop_files(model, existing.values)
        return None
    base = {name: published[name] for name in changed}
    if existing:
        _drop_files(model, existing.values, keep=changed)
    if existing and existing.author_id == user.pk:
        existing.values, existing.base, existing.note = changed, base, note
        existing.save(update_fields=["values", "base", "note", "updated_at"])
        return existing
    if existing:
        existing.state = Forslagsstatus.SUPERSEDED
        existing.decided_by, existing.decided_at = user, now
        existing.reason = _("Replaced by a newer proposal from %(name)s that builds on it.") % {
            "name": _who(user)
        }
        existing.save(update_fields=["state", "decided_by", "decided_at", "reason", "updated_at"])
    try:
        with transaction.atomic():
            proposal = Endringsforslag.objects.create(
                content_type=ContentType.objects.get_for_model(obj),
                object_id=obj.pk,
                values=changed,
                base=base,
                author=user,
                note=note,
                supersedes=existing,
            )
    except IntegrityError:
        # Someone else's proposal was stored between our read and our write.
        raise ProposalConflict(
            _("Someone else proposed a change at the same moment. Open the item again to see it.")
        ) from None
    notices.proposal_made(proposal)
    return proposal


@transaction.atomic
def revision_approve(*, proposal: Endringsforslag, user: Bruker) -> bool:
    """Apply a waiting proposal to its item through ``content_save``; the history says who
    approved whose proposal. False when it was already decided (a double click, a second
    approver): nothing happens twice. ``ProposalConflict`` when the published item has
    changed a field the proposal changes, or the item can no longer take the values."""
    locked = (
        Endringsforslag.objects.select_for_update()
        .select_related("author", "content_type")
        .filter(pk=proposal.pk, state=Forslagsstatus.PENDING)
        .first()
    )
    if locked is None:
        return False
    # A proposal's content type is always one of the content models.
    model = cast(type[PublishableContent] | None, locked.content_type.model_class())
    assert model is not None
    obj = model._default_manager.select_for_update().filter(pk=locked.object_id).first()
    if obj is None:
        raise ProposalConflict(_("The item no longer exists."))
    stale = stale_fields(locked, snapshot.current_values(obj, locked.values))
    if stale:
        raise ProposalConflict(
            _(
                "The published version has changed since this proposal was made (%(fields)s). "
                "The author can go through the proposal again, or you can reject it."
            )
            % {"fields": ", ".join(snapshot.label(model, name) for name in stale)}
        )
    now = timezone.now()
    claimed = Endringsforslag.objects.filter(pk=locked.pk, state=Forslagsstatus.PENDING).update(
        state=Forslagsstatus.APPROVED, decided_by=user, decided_at=now, updated_at=now
    )
    if not claimed:
        return False
    many = snapshot.apply_values(obj, locked.values)
    reason = _("Approved the proposal of %(name)s") % {"name": _who(locked.author)}
    try:
        with transaction.atomic():
            content_save(obj=obj, user=user, reason=reason[:100])
            for name, value in many.items():
                if snapshot.is_child_set(model, name):
                    dropped = snapshot.apply_children(obj, name, value)
                    field = _file_field(model, name)
                    if field is not None:
                        for stored in dropped:
                            _drop_unused_file(field, stored)
                    continue
                related = obj._meta.get_field(name).related_model
                getattr(obj, name).set(related._default_manager.filter(pk__in=value))  # type: ignore[union-attr]
    except IntegrityError:
        raise ProposalConflict(
            _(
                "The proposal can no longer be saved as it is: another item may now use its "
                "short name. The author can go through it again."
            )
        ) from None
    notices.proposal_decided(locked.pk)
    return True


def _file_field(model: type[PublishableContent], name: str) -> models.FileField | None:
    """The file field of the child set ``name``'s rows, if they have one."""
    return next(
        (f for f in snapshot.child_fields(model, name) if isinstance(f, models.FileField)), None
    )


def _decide(
    proposal: Endringsforslag, user: Bruker, state: str, reason: str = "", **only: Any
) -> bool:
    waiting = Endringsforslag.objects.filter(pk=proposal.pk, state=Forslagsstatus.PENDING, **only)
    locked = waiting.select_for_update().select_related("content_type").first()
    now = timezone.now()
    if locked is None or not waiting.update(
        state=state, decided_by=user, decided_at=now, reason=reason, updated_at=now
    ):
        return False
    # A proposal's content type is always one of the content models.
    _drop_files(cast(type[PublishableContent], locked.content_type.model_class()), locked.values)
    return True


@transaction.atomic
def revision_reject(*, proposal: Endringsforslag, user: Bruker, reason: str) -> bool:
    """Reject a waiting proposal, saying why; the item stays as published. False when it was
    already decided."""
    if not _decide(proposal, user, Forslagsstatus.REJECTED, reason):
        return False
    notices.proposal_decided(proposal.pk)
    return True


@transaction.atomic
def revision_withdraw(*, proposal: Endringsforslag, user: Bruker) -> bool:
    """The author takes back their own waiting proposal. False when it was already decided
    or is not theirs."""
    return _decide(proposal, user, Forslagsstatus.WITHDRAWN, author=user)
