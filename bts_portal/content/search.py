"""Site search over published public content from every app that registers a source.

On PostgreSQL it uses full-text search with the ``norwegian`` configuration and ranks by
``ts_rank`` with title, summary and body weighted A, B and C. On SQLite (development) it falls
back to matching every word case-insensitively and ranks by where the words occur. Snippets
are highlighted in Python from escaped text, never from database HTML.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import Q, QuerySet
from django.utils.functional import Promise

from .markdown import highlight, markdown_to_text
from .translation import localized, translated_fields

MAX_PER_SOURCE = 200
WEIGHTS = {"title": "A", "summary": "B", "body": "C"}


@dataclass(frozen=True)
class SearchSource:
    label: str | Promise
    queryset: Callable[[], QuerySet]  # published, public items only
    fields: tuple[str, ...] = ("title", "summary", "body")  # translated fields, bokmål names


@dataclass
class SearchHit:
    label: str
    title: str
    url: str
    snippet: str
    rank: float


_SOURCES: list[SearchSource] = []


def register_source(source: SearchSource) -> None:
    _SOURCES.append(source)


def query_terms(query: str) -> list[str]:
    words = re.findall(r"[\wæøåÆØÅ-]+", query)
    return [w for w in words if len(w) > 1 and w.lower() not in {"or", "and"}][:10]


def _postgres_rows(source: SearchSource, query: str) -> list:
    vector = None
    for field in source.fields:
        for column in translated_fields(field):
            part = SearchVector(column, weight=WEIGHTS.get(field, "D"), config="norwegian")
            vector = part if vector is None else vector + part
    search_query = SearchQuery(query, config="norwegian", search_type="websearch")
    rows = (
        source.queryset()
        .annotate(search=vector, rank=SearchRank(vector, search_query))
        .filter(search=search_query)
        .order_by("-rank")[:MAX_PER_SOURCE]
    )
    return [(row, float(row.rank)) for row in rows]


def _fallback_rows(source: SearchSource, terms: list[str]) -> list:
    queryset = source.queryset()
    for term in terms:
        matches = Q()
        for field in source.fields:
            for column in translated_fields(field):
                matches |= Q(**{f"{column}__icontains": term})
        queryset = queryset.filter(matches)
    rows = []
    for row in queryset[:MAX_PER_SOURCE]:
        rank = 0.0
        for field in source.fields:
            text = " ".join(str(getattr(row, c) or "") for c in translated_fields(field)).lower()
            weight = {"A": 1.0, "B": 0.4, "C": 0.2}.get(WEIGHTS.get(field, "D"), 0.1)
            rank += weight * sum(text.count(t.lower()) for t in terms)
        rows.append((row, rank))
    return rows


def filter_by_text(queryset: QuerySet, query: str, fields=("title", "summary", "body")):
    """Narrow ``queryset`` to rows matching ``query``, by the same rules as the site search."""
    terms = query_terms(query)
    if not terms:
        return queryset
    if connection.vendor == "postgresql":
        vector = None
        for field in fields:
            for column in translated_fields(field):
                part = SearchVector(column, config="norwegian")
                vector = part if vector is None else vector + part
        search_query = SearchQuery(query, config="norwegian", search_type="websearch")
        return queryset.annotate(text_match=vector).filter(text_match=search_query)
    for term in terms:
        matches = Q()
        for field in fields:
            for column in translated_fields(field):
                matches |= Q(**{f"{column}__icontains": term})
        queryset = queryset.filter(matches)
    return queryset


def search(query: str) -> list[SearchHit]:
    """Ranked hits for ``query`` across all registered sources, best first."""
    terms = query_terms(query)
    if not terms:
        return []
    hits = []
    for source in _SOURCES:
        if connection.vendor == "postgresql":
            rows = _postgres_rows(source, query)
        else:
            rows = _fallback_rows(source, terms)
        for row, rank in rows:
            text = " ".join(
                markdown_to_text(localized(row, f)) for f in source.fields if f != "title"
            )
            hits.append(
                SearchHit(
                    label=str(source.label),
                    title=localized(row, "title"),
                    url=row.get_absolute_url(),
                    snippet=highlight(text, terms),
                    rank=rank,
                )
            )
    hits.sort(key=lambda hit: (-hit.rank, hit.title))
    return hits
