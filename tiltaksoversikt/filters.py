"""The public catalogue's filters: parsed from the URL, applied to the measures, and counted.

Within one filter the choices widen the result (theme A or theme B); across filters they
narrow it (a theme and an age). Each option's count is the number of measures it would give
with the other filters as they are, so a count never promises what a click cannot show.
"""

from dataclasses import dataclass, field

from django import forms
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from bts_portal.content.search import filter_by_text
from bts_portal.content.translation import localized
from bts_portal.page_cache import per_content
from organisasjon.models import AGE_MAX, AGE_PREGNANCY, Tjeneste

from .models import LEVEL_CHOICES, Tema, Tilgang, Tiltak

FACETS = ("tema", "nivaa", "tjeneste", "tilgang")


class CatalogueFilterForm(forms.Form):
    q = forms.CharField(label=_("Search words"), required=False, max_length=200)
    alder = forms.IntegerField(
        label=_("The child's age"),
        required=False,
        min_value=AGE_PREGNANCY,
        max_value=AGE_MAX,
        help_text=_("In years. Write -1 for pregnancy."),
    )
    tema = forms.MultipleChoiceField(
        label=_("Theme"), required=False, widget=forms.CheckboxSelectMultiple
    )
    nivaa = forms.MultipleChoiceField(
        label=_("BTI level"),
        required=False,
        choices=LEVEL_CHOICES,
        widget=forms.CheckboxSelectMultiple,
    )
    tjeneste = forms.MultipleChoiceField(
        label=_("Service"), required=False, widget=forms.CheckboxSelectMultiple
    )
    tilgang = forms.MultipleChoiceField(
        label=_("How to get it"),
        required=False,
        choices=Tilgang.choices,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, themes, services, **kwargs):
        super().__init__(*args, **kwargs)
        # In the reader's language where the theme has it; bokmål otherwise, marked as such.
        self.fields["tema"].choices = [(t.slug, localized(t, "title")) for t in themes]
        self.fields["tjeneste"].choices = [(s.slug, localized(s, "name")) for s in services]


@dataclass
class Filters:
    q: str = ""
    alder: int | None = None
    tema: list[str] = field(default_factory=list)
    nivaa: list[str] = field(default_factory=list)
    tjeneste: list[str] = field(default_factory=list)
    tilgang: list[str] = field(default_factory=list)

    @property
    def active(self) -> bool:
        return bool(self.q or self.alder is not None or any(getattr(self, f) for f in FACETS))


def parse(form: CatalogueFilterForm) -> Filters:
    """The valid part of the submitted filters; invalid fields are left out (and reported)."""
    form.is_valid()
    data = getattr(form, "cleaned_data", {})
    return Filters(
        q=data.get("q") or "",
        alder=data.get("alder"),
        **{facet: data.get(facet) or [] for facet in FACETS},
    )


def published_measures() -> QuerySet[Tiltak]:
    return Tiltak.objects.published()


def apply(filters: Filters, *, skip: str | None = None) -> QuerySet[Tiltak]:
    """Measures matching every filter except ``skip`` (for that filter's own counts)."""
    queryset = published_measures()
    if filters.q:
        queryset = filter_by_text(queryset, filters.q)
    if filters.alder is not None:
        queryset = queryset.filter(age_min__lte=filters.alder, age_max__gte=filters.alder)
    if filters.tema and skip != "tema":
        queryset = queryset.filter(
            pk__in=Tiltak.themes.through.objects.filter(tema__slug__in=filters.tema).values(
                "tiltak_id"
            )
        )
    if filters.nivaa and skip != "nivaa":
        levels = Q()
        for level in filters.nivaa:
            levels |= Q(**{f"level_{level}": True})
        queryset = queryset.filter(levels)
    if filters.tjeneste and skip != "tjeneste":
        queryset = queryset.filter(tjeneste__slug__in=filters.tjeneste)
    if filters.tilgang and skip != "tilgang":
        queryset = queryset.filter(access__in=filters.tilgang)
    return queryset


@dataclass(frozen=True)
class Facts:
    """One published measure as the filters see it."""

    pk: int
    age_min: int
    age_max: int
    tema: frozenset[str]
    nivaa: frozenset[str]
    tjeneste: str | None
    tilgang: str


def _load_facts() -> list[Facts]:
    themes: dict[int, set[str]] = {}
    for tiltak_id, slug in Tiltak.themes.through.objects.filter(
        tiltak__in=published_measures()
    ).values_list("tiltak_id", "tema__slug"):
        themes.setdefault(tiltak_id, set()).add(slug)
    rows = published_measures().values_list(
        "pk", "age_min", "age_max", "level_0", "level_1", "level_2", "level_3",
        "tjeneste__slug", "access",
    )  # fmt: skip
    return [
        Facts(pk, age_min, age_max, frozenset(themes.get(pk, ())),
              frozenset(str(n) for n, on in enumerate(levels) if on), tjeneste, access)
        for pk, age_min, age_max, *levels, tjeneste, access in rows
    ]  # fmt: skip


def facts() -> list[Facts]:
    """Every published measure's filter facts, worked out once until the catalogue (or any
    public content) changes, instead of four counting queries on every page."""
    return per_content("catalogue-facts", _load_facts)


def _matches(item: Facts, filters: Filters, skip: str, text_ids: set[int] | None) -> bool:
    """``apply``'s rule for one measure: the same filters, the same ``skip``."""
    if text_ids is not None and item.pk not in text_ids:
        return False
    if filters.alder is not None and not item.age_min <= filters.alder <= item.age_max:
        return False
    if filters.tema and skip != "tema" and not item.tema.intersection(filters.tema):
        return False
    if filters.nivaa and skip != "nivaa" and not item.nivaa.intersection(filters.nivaa):
        return False
    if filters.tjeneste and skip != "tjeneste" and item.tjeneste not in filters.tjeneste:
        return False
    return not (filters.tilgang and skip != "tilgang" and item.tilgang not in filters.tilgang)


def counts(filters: Filters) -> dict[str, dict[str, int]]:
    """For each filter, how many measures each of its options would give (the same figures
    as ``apply(filters, skip=facet).count()`` per option), from ``facts()``: no query, or one
    for the search words."""
    text_ids = None
    if filters.q:
        text_ids = set(filter_by_text(published_measures(), filters.q).values_list("pk", flat=True))
    result: dict[str, dict] = {facet: {} for facet in FACETS}
    result["nivaa"] = {str(n): 0 for n in range(4)}
    for item in facts():
        for facet in FACETS:
            if not _matches(item, filters, facet, text_ids):
                continue
            bucket = result[facet]
            if facet in ("tema", "nivaa"):
                for value in getattr(item, facet):
                    bucket[value] = bucket.get(value, 0) + 1
            else:
                value = getattr(item, facet)
                bucket[value] = bucket.get(value, 0) + 1
    return result


def filter_options() -> tuple[list[Tema], list[Tjeneste]]:
    """Themes, and the services that offer at least one published measure."""
    themes = list(Tema.objects.all())
    services = list(Tjeneste.objects.filter(tiltak__status="published").distinct().order_by("name"))
    return themes, services
