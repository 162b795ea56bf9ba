"""The content due for review, for the årshjul: every kind registered in
``bts_portal.content.registry`` takes part, so an app declares its content once (with its
``ContentKind``) and no app keeps a list that another app adds to."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Model
from django.urls import reverse
from django.utils.text import capfirst

from organisasjon.models import Tjeneste

from .models import Status
from .registry import ContentKind, all_kinds


@dataclass
class ReviewItem:
    """One line in the årshjul: anything with a review date, from any app."""

    title: str
    kind_label: str
    owner_name: str
    review_due: date
    edit_url: str
    reviewed_url: str
    key: str  # unique across kinds, for element ids in the page


def _owner_field(model: type[Model]) -> str | None:
    """The content's owning service, if it has one (a measure's service, an element's owner)."""
    for field in model._meta.fields:
        if field.is_relation and field.related_model is Tjeneste:
            return field.name
    return None


def _kind_items(kind: ContentKind, horizon: date) -> list[ReviewItem]:
    """The kind's published items due on or before ``horizon``, in one query."""
    owner = _owner_field(kind.model)
    queryset = kind.model._default_manager.filter(status=Status.PUBLISHED, review_due__lte=horizon)
    if owner:
        queryset = queryset.select_related(owner)
    items = []
    for obj in queryset:
        assert obj.review_due is not None  # the filter reads only dated items
        owner_obj = getattr(obj, owner) if owner else None
        items.append(
            ReviewItem(
                title=str(obj),
                kind_label=(
                    kind.review_label(obj) if kind.review_label else capfirst(str(kind.label))
                ),
                owner_name=owner_obj.name if owner_obj else "",
                review_due=obj.review_due,
                edit_url=reverse("content:edit", kwargs={"kind": kind.key, "pk": obj.pk}),
                reviewed_url=reverse("content:reviewed", kwargs={"kind": kind.key, "pk": obj.pk}),
                key=f"{kind.key}-{obj.pk}",
            )
        )
    return items


def collect_review_items(horizon: date) -> list[ReviewItem]:
    """Every published item of every registered kind due on or before ``horizon``, soonest
    first (one query per kind)."""
    items = [item for kind in all_kinds() for item in _kind_items(kind, horizon)]
    return sorted(items, key=lambda item: (item.review_due, item.title))
