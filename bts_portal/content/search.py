"""Site search over published public content from every app that registers a source.

Each app registers what the public may see (``register_source``); the ``sok`` app keeps an
index of it, with the text made plain once when an item is saved: SQLite's FTS5 with Snowball
stems on the embedded default, PostgreSQL's full-text search with the ``norwegian``
configuration and a GIN index in production. Ranking (``bm25``/``ts_rank``) and highlighted
snippets (``snippet()``/``ts_headline``) come from the database, one page of hits at a time;
the snippets are escaped before the matches are wrapped in ``<mark>``.
"""

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db import connection
from django.db.models import Q, QuerySet
from django.utils.functional import Promise

from .translation import current_language, translated_fields

# How many hits a search may page through at most.
MAX_HITS = 1000


@dataclass(frozen=True)
class SearchSource:
    label: str | Promise
    queryset: Callable[[], QuerySet]  # published, public items only
    # Translated fields, bokmål names: the first is the title, "summary" the summary (shown
    # when the words are not in the text), the others the text. All may hold Markdown.
    fields: tuple[str, ...] = ("title", "summary", "body")
    # The item's public address, if not its get_absolute_url().
    url: Callable[[Any], str] | None = None
    # Keywords to find the item by (its themes, its services), in the active language; they
    # rank like the summary but never show in a snippet.
    keywords: Callable[[Any], str] | None = None
    # (title, summary, text) for items without translated fields, in the active language.
    document: Callable[[Any], tuple[str, str, str]] | None = None
    # Other models whose changes change what the public sees of these items:
    # ("app_label.Model", instance -> primary keys of the items to index again).
    depends_on: tuple[tuple[str, Callable[[Any], Iterable[int]]], ...] = ()

    @property
    def model(self):
        return self.queryset().model

    @property
    def kind(self) -> str:
        return self.model._meta.label_lower


@dataclass
class SearchHit:
    label: str
    title: str
    url: str
    snippet: str
    rank: float
    # The language of the title and the snippet where it is not the page's (lang="nb").
    title_language: str = ""
    snippet_language: str = ""


_SOURCES: list[SearchSource] = []


def register_source(source: SearchSource) -> None:
    _SOURCES.append(source)
    sources_by_kind.cache_clear()


@cache
def sources_by_kind() -> dict[str, SearchSource]:
    return {source.kind: source for source in _SOURCES}


def all_sources() -> list[SearchSource]:
    return list(_SOURCES)


class SearchResults:
    """The hits for a query, best first, fetched from the index a page at a time.

    It is what ``Paginator`` expects: ``count()`` is one query (two when no item has every
    word and the search widens to any of them), and a slice is one query for its page.
    """

    def __init__(self, query: str, language: str | None = None):
        from sok import engine

        self._engine = engine
        self.language = language or current_language()
        self.groups = engine.parse(query, self.language)
        self.any_word = False
        self._count: int | None = None

    def count(self) -> int:
        if self._count is None:
            total = 0
            if self.groups:
                total = self._engine.count(self.groups, self.language, any_word=False)
                if total == 0 and len(self.groups) > 1:
                    total = self._engine.count(self.groups, self.language, any_word=True)
                    self.any_word = total > 0
            self._count = min(total, MAX_HITS)
        return self._count

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, index):
        if not isinstance(index, slice):
            hits = self[index : index + 1]
            if not hits:
                raise IndexError(index)
            return hits[0]
        start = max(index.start or 0, 0)
        stop = min(self.count() if index.stop is None else index.stop, self.count())
        if stop <= start:
            return []
        labels = sources_by_kind()
        return [
            SearchHit(
                label=str(labels[match.kind].label) if match.kind in labels else "",
                title=match.title,
                url=match.url,
                snippet=match.snippet,
                rank=match.rank,
                title_language=match.title_language,
                snippet_language=match.snippet_language,
            )
            for match in self._engine.page(
                self.groups,
                self.language,
                any_word=self.any_word,
                offset=start,
                limit=stop - start,
            )
        ]

    def __iter__(self):
        return iter(self[0 : self.count()])


def search(query: str) -> SearchResults:
    """Ranked hits for ``query`` across all registered sources, best first."""
    return SearchResults(query)


def query_terms(query: str) -> list[str]:
    words = re.findall(r"[\wæøåÆØÅ-]+", query)
    return [w for w in words if len(w) > 1 and w.lower() not in {"or", "and"}][:10]


def filter_by_text(queryset: QuerySet, query: str, fields=("title", "summary", "body")):
    """Narrow ``queryset`` to rows matching ``query`` (the catalogue's word filter, over the
    queryset's own columns)."""
    terms = query_terms(query)
    if not terms:
        return queryset
    if connection.vendor == "postgresql":
        vector: Any = None
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
