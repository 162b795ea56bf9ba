"""The queries on the index, for SQLite's FTS5 and for PostgreSQL.

A query is a list of groups, one per word the visitor typed; a group is the word and its
synonyms, each a phrase of one or more words. Items must match every group (or, when none
does, any of them). The query text for the database is built here from words that contain
only letters and digits, so nothing a visitor types can be read as query syntax.
"""

from dataclasses import dataclass

from django.db import connection
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .synonyms import expansions
from .text import MARK_END, MARK_START, query_words, stem

# Stems this long also find longer words (compounds: søvn → søvnproblemer).
PREFIX_MIN = 4
MAX_ALTERNATIVES = 8
# One page of hits on SQLite, ranked by bm25 with the columns title, summary, text and
# keywords weighted 10, 4, 1 and 3 (PostgreSQL weighs them A, B, C and B). The inner query
# ranks and cuts the page; snippets of up to 28 tokens from the summary and the text are then
# made for that page's rows only (the outer WHERE keeps them, so snippet() runs ten times,
# not once for every match). CROSS JOIN keeps the full-text match the outer loop: joined the
# other way, SQLite would run the match again for every document in the language.
SQLITE_PAGE = (
    "SELECT d.kind, d.object_id, d.url, d.title, d.title_language, d.summary_language, "
    "d.body_language, snippet(sok_fts, 1, char(2), char(3), '…', 28), "
    "snippet(sok_fts, 2, char(2), char(3), '…', 28), "
    "bm25(sok_fts, 10.0, 4.0, 1.0, 3.0) AS score "
    "FROM sok_fts CROSS JOIN sok_document d ON d.id = sok_fts.rowid "
    "WHERE sok_fts MATCH %s AND sok_fts.rowid IN ("
    " SELECT sok_fts.rowid FROM sok_fts CROSS JOIN sok_document d ON d.id = sok_fts.rowid"
    " WHERE sok_fts MATCH %s AND d.language = %s"
    " ORDER BY bm25(sok_fts, 10.0, 4.0, 1.0, 3.0), d.title, d.id LIMIT %s OFFSET %s) "
    "ORDER BY score, d.title, d.id"
)
HEADLINE = f"StartSel={MARK_START}, StopSel={MARK_END}, MaxWords=35, MinWords=15, ShortWord=2"

Group = list[tuple[str, ...]]


@dataclass
class Match:
    kind: str
    object_id: int
    url: str
    title: str
    snippet: SafeString
    rank: float
    title_language: str = ""  # where it is not the page's (a missing translation)
    snippet_language: str = ""


def parse(query: str, language: str) -> list[Group]:
    words = query_words(query, language)
    if not words:
        return []
    synonyms = expansions(language)
    groups: list[Group] = []
    for word in words:
        group: list[tuple[str, ...]] = [(word,)]
        word_stem = stem(word, language)
        # The synonyms of the word's stem, and of a word it begins with (helsesøst- finds
        # helsesøstra and helsesøsteren, whose Snowball stems differ).
        keys = [word_stem] + [
            key
            for key in synonyms
            if len(key) >= PREFIX_MIN and key != word_stem and word.startswith(key)
        ]
        for phrase in (p for key in keys for p in synonyms.get(key, ())):
            if phrase not in group:
                group.append(phrase)
        groups.append(group[: MAX_ALTERNATIVES + 1])
    return groups


def _prefix(word: str, language: str) -> bool:
    return len(stem(word, language)) >= PREFIX_MIN


def fts5_expression(groups: list[Group], language: str, *, any_word: bool) -> str:
    def phrase(words):
        parts = []
        for word in words:
            term = f'"{stem(word, language)}"'
            parts.append(term + "*" if _prefix(word, language) else term)
        return " + ".join(parts)

    # Synonyms with one stem make one phrase.
    joined = [" OR ".join(dict.fromkeys(phrase(p) for p in group)) for group in groups]
    return (" OR " if any_word else " AND ").join(f"({g})" for g in joined)


def tsquery_text(groups: list[Group], language: str, *, any_word: bool) -> str:
    def phrase(words):
        return " <-> ".join(
            f"'{word}':*" if _prefix(word, language) else f"'{word}'" for word in words
        )

    joined = [" | ".join(f"({phrase(p)})" for p in group) for group in groups]
    return (" | " if any_word else " & ").join(f"({g})" for g in joined)


def pg_config(language: str) -> str:
    return "english" if language == "en" else "norwegian"


def render_snippet(text: str) -> SafeString:
    """The database's snippet, escaped, with its match markers as <mark>."""
    escaped = escape(text or "")
    return mark_safe(  # noqa: S308 - escaped above; only our own tags are added
        escaped.replace(MARK_START, "<mark>").replace(MARK_END, "</mark>")
    )


def _choose(summary_snippet: str, body_snippet: str) -> bool:
    """Whether to show the passage of the text (where the words are) and not the summary."""
    return MARK_START in (body_snippet or "") or not summary_snippet


def count(groups: list[Group], language: str, *, any_word: bool) -> int:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT count(*) FROM sok_document WHERE language = %s "
                "AND vector @@ to_tsquery(%s::regconfig, %s)",
                [language, pg_config(language), tsquery_text(groups, language, any_word=any_word)],
            )
        else:
            cursor.execute(
                "SELECT count(*) FROM sok_fts CROSS JOIN sok_document d ON d.id = sok_fts.rowid "
                "WHERE sok_fts MATCH %s AND d.language = %s",
                [fts5_expression(groups, language, any_word=any_word), language],
            )
        return cursor.fetchone()[0]


def page(
    groups: list[Group], language: str, *, any_word: bool, offset: int, limit: int
) -> list[Match]:
    if connection.vendor == "postgresql":
        return _pg_page(groups, language, any_word=any_word, offset=offset, limit=limit)
    with connection.cursor() as cursor:
        expression = fts5_expression(groups, language, any_word=any_word)
        cursor.execute(SQLITE_PAGE, [expression, expression, language, limit, offset])
        rows = cursor.fetchall()
    matches = []
    for kind, object_id, url, title, title_lang, summary_lang, body_lang, *rest in rows:
        summary, body, score = rest
        use_body = _choose(summary, body)
        matches.append(
            Match(
                kind, object_id, url, title,
                render_snippet(body if use_body else summary), -score,
                title_language=title_lang,
                snippet_language=body_lang if use_body else summary_lang,
            )
        )  # fmt: skip
    return matches


def _ellipsis(headline: str, text: str) -> str:
    """ts_headline gives a passage without saying it was cut: add the ellipses."""
    plain = headline.replace(MARK_START, "").replace(MARK_END, "").strip()
    if not plain:
        return headline
    before = "" if text.startswith(plain[:30]) else "…"
    after = "" if text.endswith(plain[-30:]) else "…"
    return before + headline.strip() + after


def _pg_page(groups, language, *, any_word, offset, limit) -> list[Match]:
    config = pg_config(language)
    with connection.cursor() as cursor:
        # Rank and cut the page first: ts_headline reads the whole text, so only ten times.
        cursor.execute(
            "SELECT p.kind, p.object_id, p.url, p.title, p.summary, p.body, "
            "p.title_language, p.summary_language, p.body_language, "
            "ts_headline(%s::regconfig, p.summary, p.query, %s), "
            "ts_headline(%s::regconfig, p.body, p.query, %s), p.rank "
            "FROM (SELECT d.kind, d.object_id, d.url, d.title, d.summary, d.body, d.id, "
            "d.title_language, d.summary_language, d.body_language, q.query, "
            "ts_rank(d.vector, q.query) AS rank "
            "FROM sok_document d, (SELECT to_tsquery(%s::regconfig, %s) AS query) q "
            "WHERE d.language = %s AND d.vector @@ q.query "
            "ORDER BY rank DESC, d.title, d.id LIMIT %s OFFSET %s) p "
            "ORDER BY p.rank DESC, p.title, p.id",
            [
                config,
                HEADLINE,
                config,
                HEADLINE,
                config,
                tsquery_text(groups, language, any_word=any_word),
                language,
                limit,
                offset,
            ],
        )
        rows = cursor.fetchall()
    matches = []
    for (
        kind,
        object_id,
        url,
        title,
        summary,
        body,
        *languages,
        summary_head,
        body_head,
        rank,
    ) in rows:
        title_lang, summary_lang, body_lang = languages
        summary_head = summary_head if summary else ""
        body_head = _ellipsis(body_head, body) if body else ""
        use_body = _choose(summary_head, body_head)
        matches.append(
            Match(
                kind, object_id, url, title,
                render_snippet(body_head if use_body else summary_head), float(rank),
                title_language=title_lang,
                snippet_language=body_lang if use_body else summary_lang,
            )
        )  # fmt: skip
    return matches
