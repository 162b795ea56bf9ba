"""Read queries for the collaboration model. Public queries never return drafts or
staff-only elements; every list loads in a fixed number of queries."""

from datetime import date, timedelta

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from bts_portal.choices import Audience
from bts_portal.content.models import Status
from bts_portal.content.review import collect_review_items
from bts_portal.content.translation import localized
from bts_portal.page_cache import per_content

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
    return text.translate(_NORWEGIAN_LAST)


_NORWEGIAN_LAST = str.maketrans("æøå", "{|}")


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
