"""The catalogue's list and option counts come from a cached index of the measures' facts
(issue 19); they must be what the database gives for the same filters, on any catalogue."""

import pytest
from django.db import transaction
from django.db.models import Q
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tiltaksoversikt import filters
from tiltaksoversikt.models import Tiltak

from .factories import TemaFactory, TiltakFactory, TjenesteFactory

pytestmark = pytest.mark.django_db

THEMES = ("psykisk-helse", "fritid", "foreldrestotte")
SERVICES = ("skole", "helse")
ACCESS = ("lavterskel", "henvisning", "vedtak")

measure = st.fixed_dictionaries({
    "age": st.tuples(st.integers(-1, 18), st.integers(0, 18)).map(sorted),
    "themes": st.sets(st.sampled_from(THEMES)),
    "levels": st.sets(st.integers(0, 3)),
    "service": st.sampled_from(SERVICES),
    "access": st.sampled_from(ACCESS),
    "published": st.booleans(),
})  # fmt: skip
chosen = st.builds(
    filters.Filters,
    alder=st.none() | st.integers(-1, 18),
    tema=st.lists(st.sampled_from(THEMES), unique=True, max_size=2),
    nivaa=st.lists(st.sampled_from("0123"), unique=True, max_size=2),
    tjeneste=st.lists(st.sampled_from(SERVICES), unique=True, max_size=1),
    tilgang=st.lists(st.sampled_from(ACCESS), unique=True, max_size=2),
)


def _in_sql(chosen: filters.Filters, *, skip: str | None = None):
    """The catalogue's rule written again as one database query, apart from the module's
    rule over the cached facts: within a filter any choice, across filters all."""
    queryset = Tiltak.objects.filter(status="published")
    if chosen.alder is not None:
        queryset = queryset.filter(age_min__lte=chosen.alder, age_max__gte=chosen.alder)
    if chosen.tema and skip != "tema":
        queryset = queryset.filter(themes__slug__in=chosen.tema)
    if chosen.nivaa and skip != "nivaa":
        levels = Q()
        for level in chosen.nivaa:
            levels |= Q(**{f"level_{level}": True})
        queryset = queryset.filter(levels)
    if chosen.tjeneste and skip != "tjeneste":
        queryset = queryset.filter(tjeneste__slug__in=chosen.tjeneste)
    if chosen.tilgang and skip != "tilgang":
        queryset = queryset.filter(access__in=chosen.tilgang)
    return Tiltak.objects.filter(pk__in=queryset.values("pk"))


def _oracle(chosen: filters.Filters) -> dict:
    """Per facet and option: the measures the rule gives without that facet's own choice,
    narrowed to the option, counted by the database."""
    expected: dict[str, dict] = {facet: {} for facet in filters.FACETS}
    expected["nivaa"] = {}
    for facet, options, has in [
        ("tema", THEMES, lambda o: Q(themes__slug=o)),
        ("nivaa", "0123", lambda o: Q(**{f"level_{o}": True})),
        ("tjeneste", SERVICES, lambda o: Q(tjeneste__slug=o)),
        ("tilgang", ACCESS, lambda o: Q(access=o)),
    ]:
        for option in options:
            n = _in_sql(chosen, skip=facet).filter(has(option)).distinct().count()
            if n or facet == "nivaa":
                expected[facet][option] = n
    return expected


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(measures=st.lists(measure, max_size=12), picks=st.lists(chosen, min_size=1, max_size=4))
def test_counts_equal_what_the_database_counts(measures, picks):
    try:
        with transaction.atomic():
            themes = {slug: TemaFactory(title=slug, slug=slug) for slug in THEMES}
            services = {slug: TjenesteFactory(name=slug, slug=slug) for slug in SERVICES}
            for n, spec in enumerate(measures):
                TiltakFactory(
                    title=f"Tiltak {n}", slug=f"tiltak-{n}", age_min=spec["age"][0],
                    age_max=spec["age"][1], themes=[themes[t] for t in spec["themes"]],
                    tjeneste=services[spec["service"]], access=spec["access"],
                    status="published" if spec["published"] else "draft",
                    **{f"level_{level}": True for level in spec["levels"]},
                )  # fmt: skip
            assert len(filters.facts()) == Tiltak.objects.published().count()
            for pick in picks:
                assert filters.counts(pick) == _oracle(pick), pick
                listed = list(_in_sql(pick).order_by("title", "pk").values_list("pk", flat=True))
                assert filters.matching_ids(pick) == listed, pick
            raise _Rollback
    except _Rollback:
        pass


class _Rollback(Exception):
    pass


def test_counts_follow_a_change_to_the_catalogue(db):
    theme = TemaFactory(title="Fritid", slug="fritid")
    TiltakFactory(title="Klubb", themes=[theme], status="published")
    assert filters.counts(filters.Filters())["tema"] == {"fritid": 1}
    TiltakFactory(title="Kor", themes=[theme], status="published")
    assert filters.counts(filters.Filters())["tema"] == {"fritid": 2}


def test_counts_take_no_query_once_the_facts_are_known(db, django_assert_num_queries):
    TiltakFactory(title="Klubb", status="published", level_1=True)
    filters.counts(filters.Filters())
    with django_assert_num_queries(0):
        filters.counts(filters.Filters(nivaa=["1"], alder=8))
