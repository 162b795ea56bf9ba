"""Write operations on publishable content. Every change records who made it and why, in the
element's history (django-simple-history)."""

from datetime import date

from dateutil.relativedelta import relativedelta
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import PublishableContent, Status

DEFAULT_REVIEW_MONTHS = 12
# Fields a restore leaves as they are: where the item stands, not what it says.
NOT_RESTORED = {"id", "status", "order", "published_at", "created_at", "updated_at"}


def _save(obj: PublishableContent, user, reason: str) -> None:
    obj._history_user = user
    obj._change_reason = reason
    obj.save()


@transaction.atomic
def content_save(*, obj: PublishableContent, user, created: bool = False) -> PublishableContent:
    """Save an edited or new item, placing a new one last among its siblings."""
    if created:
        siblings = type(obj).objects.filter(**{f: getattr(obj, f) for f in obj.order_scope})
        last = siblings.order_by("-order").values_list("order", flat=True).first()
        obj.order = (last or 0) + 1
    _save(obj, user, _("Created") if created else _("Edited"))
    return obj


@transaction.atomic
def content_publish(*, obj: PublishableContent, user) -> None:
    """Publish; content that was never reviewed counts as reviewed today."""
    obj.status = Status.PUBLISHED
    obj.published_at = timezone.now()
    if obj.last_reviewed is None:
        obj.last_reviewed = timezone.localdate()
    if obj.review_due is None:
        obj.review_due = obj.last_reviewed + relativedelta(months=DEFAULT_REVIEW_MONTHS)
    _save(obj, user, _("Published"))


@transaction.atomic
def content_unpublish(*, obj: PublishableContent, user) -> None:
    obj.status = Status.DRAFT
    _save(obj, user, _("Unpublished"))


@transaction.atomic
def content_move(*, obj: PublishableContent, user, direction: str) -> bool:
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
def content_restore(*, obj: PublishableContent, user, history_id: int) -> PublishableContent:
    """Bring back the text and settings of an earlier version, as a new version."""
    record = obj.history.get(history_id=history_id)
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
    *, obj: PublishableContent, user, months: int, today: date | None = None
) -> None:
    """Stamp today's review and set the next one ``months`` ahead (the årshjul)."""
    today = today or timezone.localdate()
    obj.last_reviewed = today
    obj.review_due = today + relativedelta(months=months)
    _save(obj, user, _("Reviewed"))
