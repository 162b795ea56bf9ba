"""The public catalogue's filters: parsed from the URL, applied to the measures, and counted.

Within one filter the choices widen the result (theme A or theme B); across filters they
narrow it (a theme and an age). Each option's count is the number of measures it would give
with the other filters as they are, so a count never promises what a click cannot show.
"""

from dataclasses import dataclass, field
from typing import cast

from django import forms
from django.db.models import QuerySet
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _

from bts_portal.content.search import filter_by_text
from bts_portal.content.translation import current_language, localized
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
        cast(forms.ChoiceField, self.fields["tema"]).choices = [
            (t.slug, localized(t, "title")) for t in themes
        ]
        cast(forms.ChoiceField, self.fields["tjeneste"]).choices = [
            (s.slug, localized(s, "name")) for s in services
        ]


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
    """The published measures in the list's order (title, then id)."""
    themes: dict[int, set[str]] = {}
    for tiltak_id, slug in Tiltak.themes.through.objects.filter(
        tiltak__in=published_measures()
    ).values_list("tiltak_id", "tema__slug"):
        themes.setdefault(tiltak_id, set()).add(slug)
    rows = published_measures().order_by("title", "pk").values_list(
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
    public content) changes: the list, its counts and the printed list all filter these."""
    return per_content("catalogue-facts", _load_facts)


def _text_ids(filters: Filters) -> set[int] | None:
    """The measures the search words find (one query), or None without search words."""
    if not filters.q:
        return None
    return set(filter_by_text(published_measures(), filters.q).values_list("pk", flat=True))


def matches(item: Facts, filters: Filters, *, skip: str | None, text_ids: set[int] | None) -> bool:
    """The catalogue's rule: whether a measure fits every filter except ``skip`` (for that
    filter's own counts). Within a filter any choice will do; across filters, all must."""
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


def matching_ids(filters: Filters) -> list[int]:
    """The ids of the measures that fit, in the list's order."""
    text_ids = _text_ids(filters)
    return [item.pk for item in facts() if matches(item, filters, skip=None, text_ids=text_ids)]


def apply(filters: Filters) -> QuerySet[Tiltak]:
    """The measures that fit, as a queryset (for the printed list and the open data)."""
    return published_measures().filter(pk__in=matching_ids(filters))


def counts(filters: Filters) -> dict[str, dict[str, int]]:
    """For each filter, how many measures each of its options would give with the other
    filters as they are (so a count never promises what a click cannot show), from
    ``facts()``: no query, or one for the search words."""
    text_ids = _text_ids(filters)
    result: dict[str, dict] = {facet: {} for facet in FACETS}
    result["nivaa"] = {str(n): 0 for n in range(4)}
    for item in facts():
        for facet in FACETS:
            if not matches(item, filters, skip=facet, text_ids=text_ids):
                continue
            bucket = result[facet]
            if facet in ("tema", "nivaa"):
                for value in getattr(item, facet):
                    bucket[value] = bucket.get(value, 0) + 1
            else:
                value = getattr(item, facet)
                bucket[value] = bucket.get(value, 0) + 1
    return result


@dataclass(frozen=True)
class Option:
    """One choice in a filter as the form shows it: checked or not, and what it would give."""

    value: str
    label: str
    checked: bool
    count: int


# The order the filters appear in on the page.
SHOWN = ("tema", "nivaa", "tilgang", "tjeneste")


def options(form: CatalogueFilterForm, filters: Filters, counts: dict) -> list[tuple]:
    """[(name, legend, [Option])] for the filter panel, worked out here rather than in the
    template (four includes with a lookup per option cost more than the rest of the list)."""
    return [
        (
            name,
            form.fields[name].label,
            [
                Option(
                    str(value),
                    label,
                    str(value) in getattr(filters, name),
                    counts[name].get(str(value), 0),
                )
                for value, label in form.fields[name].choices  # type: ignore[attr-defined]
            ],
        )
        for name in SHOWN
    ]


def panel_html(facets: list[tuple]) -> SafeString:
    """The filter panel's fieldsets: a checkbox per option with its count. Built here, with
    every value escaped, because the same markup through the template language was half
    the catalogue page's work (some forty options, issue 19). A label in another language
    than the page's (a bokmål fallback) is marked with ``lang``."""
    page_language = current_language()
    parts = []
    for name, legend, options in facets:
        parts.append(
            '<fieldset class="mb-3 facet"><legend class="form-label fw-semibold fs-6">'
            f"{escape(legend)}</legend>"
        )
        for option in options:
            key, value = escape(name), escape(option.value)
            label: str = escape(option.label)
            lang = getattr(option.label, "lang", page_language)
            if lang != page_language:
                label = f'<span lang="{escape(lang)}">{label}</span>'
            checked = " checked" if option.checked else ""
            parts.append(
                f'<div class="form-check"><input class="form-check-input" type="checkbox" '
                f'name="{key}" value="{value}" id="f-{key}-{value}"{checked}>'
                f'<label class="form-check-label" for="f-{key}-{value}">{label} '
                f'<span class="count">({option.count:d})</span></label></div>'
            )
        parts.append("</fieldset>")
    return mark_safe("".join(parts))  # noqa: S308 - every value above is escaped


def _load_options() -> tuple[list[Tema], list[Tjeneste]]:
    themes = list(Tema.objects.all())
    services = list(Tjeneste.objects.filter(tiltak__status="published").distinct().order_by("name"))
    return themes, services


def filter_options() -> tuple[list[Tema], list[Tjeneste]]:
    """Themes, and the services that offer at least one published measure (kept until
    public content changes)."""
    return per_content("catalogue-options", _load_options)
