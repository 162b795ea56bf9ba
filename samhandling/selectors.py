"""Read queries for the collaboration model. Public queries never return drafts or
staff-only elements; every list loads in a fixed number of queries."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.text import capfirst

from bts_portal.choices import Audience
from bts_portal.content.models import Status
from bts_portal.content.registry import all_kinds
from bts_portal.content.translation import localized
from bts_portal.page_cache import per_content
from organisasjon.models import Tjeneste

from .models import Element, ElementType, Nivaa, Side


def visible_elements(*, staff: bool) -> QuerySet[Element]:
    """Published elements; staff also see the staff-only ones."""
    queryset = Element.objects.filter(status=Status.PUBLISHED)
    if not staff:
        queryset = queryset.filter(audience=Audience.PUBLIC)
    return queryset


def model_overview(*, staff: bool) -> list[dict]:
    """The three levels, each with its elements grouped by type: one query, once until
    public content changes."""
    return per_content(f"model-overview:{'staff' if staff else 'public'}", lambda: _overview(staff))


def _overview(staff: bool) -> list[dict]:
    elements = list(visible_elements(staff=staff).order_by("nivaa", "order", "pk"))
    levels = []
    for nivaa in Nivaa:
        on_level = [e for e in elements if e.nivaa == nivaa]
        groups = [
            (element_type, [e for e in on_level if e.type == element_type])
            for element_type in ElementType
        ]
        levels.append(
            {
                "nivaa": nivaa,
                "groups": [(t, items) for t, items in groups if items],
                "count": len(on_level),
            }
        )
    return levels


def element_for_page(slug: str, *, staff: bool) -> Element:
    return get_object_or_404(
        visible_elements(staff=staff)
        .select_related("owner_tjeneste")
        .prefetch_related("links", "attachments", "participating_services"),
        slug=slug,
    )


def published_page(slug: str) -> Side:
    return get_object_or_404(Side.objects.filter(status=Status.PUBLISHED), slug=slug)


# The coordinator's pages that the site's frame links to (every footer, the worried page).
ACCESSIBILITY_PAGE = "tilgjengelighetserklaering"
PRIVACY_PAGE = "personvern"
RIGHTS_PAGE = "samtykke-og-rettigheter"


def published_page_or_none(slug: str) -> Side | None:
    return Side.objects.filter(status=Status.PUBLISHED, slug=slug).first()


def sort_key(obj, field: str) -> str:
    """Alphabetical order of a translated field in the current language (æ, ø, å last)."""
    text = str(localized(obj, field)).lower()
    return text.translate(str.maketrans({"æ": "{", "ø": "|", "å": "}"}))


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


def _element_review_item(element: Element) -> ReviewItem:
    return ReviewItem(
        title=element.title,
        kind_label=str(element.get_type_display()),
        owner_name=element.owner_tjeneste.name if element.owner_tjeneste else "",
        review_due=element.review_due,
        edit_url=reverse("content:edit", kwargs={"kind": "element", "pk": element.pk}),
        reviewed_url=reverse("content:reviewed", kwargs={"kind": "element", "pk": element.pk}),
        key=f"element-{element.pk}",
    )


def _owner_field(model) -> str | None:
    """The content's owning service, if it has one (a measure's service, an element's owner)."""
    for field in model._meta.fields:
        if field.is_relation and field.related_model is Tjeneste:
            return field.name
    return None


def registered_review_items(horizon: date) -> list[ReviewItem]:
    """Published items of every kind registered with the shared editor (guide levels, steps,
    tools, signs, thematic guides, pages, glossary words…) due on or before ``horizon``: one
    query per kind, so a kind added later is in the årshjul without a source of its own."""
    items = []
    for kind in all_kinds():
        owner = _owner_field(kind.model)
        queryset = kind.model.objects.filter(status=Status.PUBLISHED, review_due__lte=horizon)
        if owner:
            queryset = queryset.select_related(owner)
        for obj in queryset:
            owner_obj = getattr(obj, owner) if owner else None
            items.append(
                ReviewItem(
                    title=str(obj),
                    kind_label=capfirst(str(kind.label)),
                    owner_name=owner_obj.name if owner_obj else "",
                    review_due=obj.review_due,
                    edit_url=reverse("content:edit", kwargs={"kind": kind.key, "pk": obj.pk}),
                    reviewed_url=reverse(
                        "content:reviewed", kwargs={"kind": kind.key, "pk": obj.pk}
                    ),
                    key=f"{kind.key}-{obj.pk}",
                )
            )
    return items


# Other apps add their own sources (e.g. the measures in the catalogue): each returns
# ReviewItems of published content whose review is due on or before the given date. Every
# registered kind is covered by ``registered_review_items`` anyway; a source of its own gives
# a kind a better label (an element's type), and wins over the generic line for the same key.
REVIEW_SOURCES = [
    lambda horizon: [
        _element_review_item(e)
        for e in Element.objects.filter(
            status=Status.PUBLISHED, review_due__lte=horizon
        ).select_related("owner_tjeneste")
    ],
]


def collect_review_items(horizon: date) -> list[ReviewItem]:
    """Every published item due on or before ``horizon``, once each, soonest first."""
    by_key: dict[str, ReviewItem] = {}
    for source in REVIEW_SOURCES:
        for item in source(horizon):
            by_key.setdefault(item.key, item)
    for item in registered_review_items(horizon):
        by_key.setdefault(item.key, item)
    return sorted(by_key.values(), key=lambda item: (item.review_due, item.title))


def review_items(*, within_days: int = 30, today: date | None = None) -> dict:
    """Everything whose review is overdue or due within ``within_days``, soonest first."""
    today = today or timezone.localdate()
    horizon = today + timedelta(days=within_days)
    items = collect_review_items(horizon)
    return {
        "overdue": [i for i in items if i.review_due < today],
        "due_soon": [i for i in items if i.review_due >= today],
        "today": today,
        "horizon": horizon,
    }
