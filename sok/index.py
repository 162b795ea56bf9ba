"""Keeping the index in step with what the public may see.

``refresh()`` indexes items again (or removes those no longer public) and runs when content is
saved, published, unpublished or deleted (``sok.signals``); ``rebuild()`` makes the whole index
anew (``manage.py rebuild_search_index``, ``load_demo``). Both run inside the caller's
transaction, so the index never shows what a rolled-back change would have published.

On SQLite the FTS5 table is an *external content* table: it indexes the stems that are stored
with each document and reads the original text back for its snippets. FTS5 must be told which
stems to remove, so rows leave it only through its ``delete`` command with the stored stems;
never through ``DELETE``, ``UPDATE`` or ``rebuild`` on ``sok_fts``, which would read the
original text instead.
"""

import threading
from collections.abc import Iterable
from contextlib import contextmanager

from django.conf import settings
from django.db import connection, transaction
from django.utils import translation

from bts_portal.content.search import SearchSource, all_sources
from bts_portal.content.translation import localized

from .models import SearchDocument
from .text import clean, plain_text, stems

BATCH = 500
_state = threading.local()


def languages() -> list[str]:
    return [code for code, _ in settings.LANGUAGES]


def uses_fts5() -> bool:
    return connection.vendor == "sqlite"


@contextmanager
def suspended():
    """Leave the index alone while the block runs (a loader that rebuilds it afterwards)."""
    previous = getattr(_state, "suspended", False)
    _state.suspended = True
    try:
        yield
    finally:
        _state.suspended = previous


def is_suspended() -> bool:
    return getattr(_state, "suspended", False)


def _language(text, language: str) -> str:
    """The language a text is in, where it says so (LocalizedText) and differs."""
    actual = getattr(text, "lang", language)
    return "" if actual == language else actual


def _texts(source: SearchSource, obj, language: str) -> tuple[list[str], list[str]]:
    """([title, summary, text, keywords], [their languages where not ``language``])."""
    keywords = clean(source.keywords(obj)) if source.keywords else ""
    if source.document is not None:
        title, summary, body = source.document(obj)
        languages = [_language(t, language) for t in (title, summary, body)]
        return [clean(title), plain_text(summary), plain_text(body), keywords], languages
    title_field, *others = source.fields
    title = localized(obj, title_field, language)
    summary = localized(obj, "summary", language) if "summary" in others else ""
    parts = [localized(obj, f, language) for f in others if f != "summary"]
    body = " ".join(p for p in (plain_text(part) for part in parts) if p)
    summary_text = plain_text(summary)
    # A text that opens with the summary would show it twice in a snippet.
    if summary_text and body.startswith(summary_text):
        body = body[len(summary_text) :].strip()
    body_language = next((_language(p, language) for p in parts if p), "")
    languages = [_language(title, language), _language(summary, language), body_language]
    return [clean(title), summary_text, body, keywords], languages


def documents_for(source: SearchSource, obj) -> list[SearchDocument]:
    """The item's document in every language: the text as the public page shows it (the
    bokmål text where a translation is missing)."""
    documents = []
    for language in languages():
        with translation.override(language):
            (title, summary, body, keywords), fallbacks = _texts(source, obj, language)
            url = source.url(obj) if source.url else obj.get_absolute_url()
        document = SearchDocument(
            kind=source.kind,
            object_id=obj.pk,
            language=language,
            url=url,
            title=title,
            summary=summary,
            body=body,
            keywords=keywords,
            title_language=fallbacks[0],
            summary_language=fallbacks[1],
            body_language=fallbacks[2],
        )
        if uses_fts5():
            document.title_terms = stems(title, language)
            document.summary_terms = stems(summary, language)
            document.body_terms = stems(body, language)
            document.keywords_terms = stems(keywords, language)
        documents.append(document)
    return documents


def _fts_add(documents: list[SearchDocument]) -> None:
    if not (uses_fts5() and documents):
        return
    with connection.cursor() as cursor:
        cursor.executemany(
            "INSERT INTO sok_fts (rowid, title, summary, body, keywords) "
            "VALUES (%s, %s, %s, %s, %s)",
            [
                (d.pk, d.title_terms, d.summary_terms, d.body_terms, d.keywords_terms)
                for d in documents
            ],
        )


def _fts_remove(rows: list[tuple]) -> None:
    if not (uses_fts5() and rows):
        return
    with connection.cursor() as cursor:
        cursor.executemany(
            "INSERT INTO sok_fts (sok_fts, rowid, title, summary, body, keywords) "
            "VALUES ('delete', %s, %s, %s, %s, %s)",
            rows,
        )


def _add(documents: list[SearchDocument]) -> None:
    for start in range(0, len(documents), BATCH):
        batch = SearchDocument.objects.bulk_create(documents[start : start + BATCH])
        _fts_add(batch)


def remove(kind: str, pks: Iterable[int]) -> None:
    pks = set(pks)
    if not pks:
        return
    documents = SearchDocument.objects.filter(kind=kind, object_id__in=pks)
    if uses_fts5():
        _fts_remove(
            list(
                documents.values_list(
                    "pk", "title_terms", "summary_terms", "body_terms", "keywords_terms"
                )
            )
        )
    documents.delete()


@transaction.atomic
def refresh(source: SearchSource, pks: Iterable[int]) -> None:
    """Index these items again as the public sees them now; those it may no longer see
    (a draft, an unpublished or staff-only item, a deleted one) leave the index."""
    pks = {pk for pk in pks if pk is not None}
    if not pks:
        return
    items = list(source.queryset().filter(pk__in=pks))
    documents = [document for item in items for document in documents_for(source, item)]
    remove(source.kind, pks)
    _add(documents)


@transaction.atomic
def rebuild() -> dict[str, int]:
    """The whole index anew, from every registered source; returns items indexed per kind."""
    clear()
    counts = {}
    for source in all_sources():
        items = list(source.queryset())
        _add([document for item in items for document in documents_for(source, item)])
        counts[source.kind] = len(items)
    return counts


def clear() -> None:
    if uses_fts5():
        with connection.cursor() as cursor:
            cursor.execute("INSERT INTO sok_fts (sok_fts) VALUES ('delete-all')")
    SearchDocument.objects.all().delete()


def sync_fts() -> None:
    """Make the FTS5 index match the documents table again, from the stored stems: after a
    ``flush``, which empties the table but knows nothing of the virtual table."""
    if not uses_fts5():
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM sqlite_master WHERE name = 'sok_fts'")
        if cursor.fetchone() is None:
            return
        cursor.execute("INSERT INTO sok_fts (sok_fts) VALUES ('delete-all')")
        cursor.execute(
            "INSERT INTO sok_fts (rowid, title, summary, body, keywords) "
            "SELECT id, title_terms, summary_terms, body_terms, keywords_terms FROM sok_document"
        )
