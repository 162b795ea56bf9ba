"""Read queries for the guide: published content only; the public never sees staff-only
tools. Each page loads in a fixed number of queries."""

from itertools import groupby

from django.db.models import Prefetch, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.functional import Promise

from bts_portal.choices import Audience
from bts_portal.content.models import Status
from bts_portal.page_cache import per_content

from .models import AgeGroup, Niva, Tegn, TemaVeileder, Trinn, Verktoy


def visible_tools(*, public: bool) -> QuerySet[Verktoy]:
    tools = Verktoy.objects.filter(status=Status.PUBLISHED).select_related("element")
    return tools.filter(audience=Audience.PUBLIC) if public else tools


def published_steps(*, public: bool) -> QuerySet[Trinn]:
    return (
        Trinn.objects.filter(status=Status.PUBLISHED, niva__status=Status.PUBLISHED)
        .select_related("niva")
        .prefetch_related(Prefetch("tools", queryset=visible_tools(public=public)))
        .order_by("niva__number", "order", "pk")
    )


def levels_with_steps(*, public: bool) -> list[Niva]:
    """The published levels, each with ``.published_steps``, from three queries."""
    levels = list(Niva.objects.published().order_by("number"))
    steps = list(published_steps(public=public))
    for level in levels:
        level.published_steps = [s for s in steps if s.niva_id == level.pk]
    return levels


def level(number: int, *, public: bool) -> Niva:
    """A published level with ``.published_steps``, once until public content changes."""
    # In a tuple: a level that does not exist is kept too (None is what the cache has not).
    (niva,) = per_content(f"guide-level:{number}:{'public' if public else 'staff'}",
                          lambda: (_level(number, public),))  # fmt: skip
    if niva is None:
        raise Http404
    return niva


def _level(number: int, public: bool) -> Niva | None:
    niva = Niva.objects.published().filter(number=number).first()
    if niva is not None:
        niva.published_steps = list(published_steps(public=public).filter(niva=niva))
    return niva


def step_with_neighbours(key: str) -> tuple[Trinn, Trinn | None, Trinn | None]:
    """A published step and the steps before and after it, across levels."""
    steps = list(published_steps(public=False))
    for index, step in enumerate(steps):
        if step.key == key:
            previous = steps[index - 1] if index > 0 else None
            following = steps[index + 1] if index + 1 < len(steps) else None
            return step, previous, following
    raise Trinn.DoesNotExist


def steps_for_level(number: int) -> list[Trinn]:
    """The steps of a level as a checklist, for the case logs (by their stable keys); built
    once per change to the guide, not on every case page."""
    return per_content(
        f"steps-for-level:{number}",
        lambda: list(published_steps(public=False).filter(niva__number=number)),
    )


def signs_by_age() -> list[tuple[str, str | Promise, list[tuple[object, list[Tegn]]]]]:
    """[(age group, label, [(theme, [signs])])] for the published signs."""
    signs = list(
        Tegn.objects.published()
        .select_related("tema")
        .order_by("age_group", "tema__order", "tema__title", "order", "pk")
    )
    labels = dict(AgeGroup.choices)
    result: list[tuple[str, str | Promise, list[tuple[object, list[Tegn]]]]] = []
    for group in AgeGroup.values:
        in_group = [s for s in signs if s.age_group == group]
        by_theme = [
            (theme, list(items)) for theme, items in groupby(in_group, key=lambda s: s.tema)
        ]
        if by_theme:
            result.append((group, labels[group], by_theme))
    return result


def theme_guides() -> QuerySet[TemaVeileder]:
    return TemaVeileder.objects.published().order_by("order", "title")


def theme_guide(slug: str) -> TemaVeileder:
    return get_object_or_404(theme_guides(), slug=slug)


def tool(slug: str, *, public: bool) -> Verktoy:
    return get_object_or_404(visible_tools(public=public), slug=slug)
