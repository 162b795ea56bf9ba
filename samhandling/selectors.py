"""Read queries for the collaboration model. Public queries never return drafts or
staff-only elements; every list loads in a fixed number of queries."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone

from bts_portal.content.models import Status
from bts_portal.content.translation import localized

from .models import Audience, Element, ElementType, Nivaa, Side


def visible_elements(*, staff: bool) -> QuerySet[Element]:
    """Published elements; staff also see the staff-only ones."""
    queryset = Element.objects.filter(status=Status.PUBLISHED)
    if not staff:
        queryset = queryset.filter(audience=Audience.PUBLIC)
    return queryset


def model_overview(*, staff: bool) -> list[dict]:
    """The three levels, each with its elements grouped by type, from a single query."""
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


def _page_review_item(page: Side) -> ReviewItem:
    return ReviewItem(
        title=page.title,
        kind_label=str(Side._meta.verbose_name).capitalize(),
        owner_name="",
        review_due=page.review_due,
        edit_url=reverse("content:edit", kwargs={"kind": "side", "pk": page.pk}),
        reviewed_url=reverse("content:reviewed", kwargs={"kind": "side", "pk": page.pk}),
        key=f"side-{page.pk}",
    )


# Other apps add their own sources (e.g. the measures in the catalogue): each returns
# ReviewItems whose review is due on or before the given date.
REVIEW_SOURCES = [
    lambda horizon: [
        _element_review_item(e)
        for e in Element.objects.filter(review_due__lte=horizon).select_related("owner_tjeneste")
    ],
    lambda horizon: [_page_review_item(p) for p in Side.objects.filter(review_due__lte=horizon)],
]


def review_items(*, within_days: int = 30, today: date | None = None) -> dict:
    """Everything whose review is overdue or due within ``within_days``, soonest first."""
    today = today or timezone.localdate()
    horizon = today + timedelta(days=within_days)
    items = [item for source in REVIEW_SOURCES for item in source(horizon)]
    items.sort(key=lambda item: (item.review_due, item.title))
    return {
        "overdue": [i for i in items if i.review_due < today],
        "due_soon": [i for i in items if i.review_due >= today],
        "today": today,
        "horizon": horizon,
    }
