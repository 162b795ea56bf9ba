"""The index's own machinery: words split as FTS5 splits them, one stem per word, the FTS5
table kept consistent through flushes, and the coordinator's synonyms page (issue 18)."""

import importlib
import sqlite3

import pytest
from django.db import connection
from django.utils import translation
from hypothesis import given, settings
from hypothesis import strategies as st

from bts_portal.content.search import search
from sok import engine
from sok.models import SearchDocument, Synonym
from sok.text import stem, stems, tokens

from .factories import BrukerFactory, SideFactory

FTS5_CREATE = importlib.import_module("sok.migrations.0001_initial").FTS5_CREATE
TRICKY = (
    "Barn–unge «mobbing» søvn’s a_b e\u0301x café 😀x ½y 3,5 x\u00a0y 日本語 İstanbul Ⅻ ﬁx "
    "œ x\u200by ǅ ʰa ᵃb कः x\u20ddy a\u0903b \ue000p ¹x ² helse-\nsøster «mobbet».//ø"
)


def _highlighted_token(db, text: str, position: int) -> str:
    """The word FTS5 marks when the index says token ``position`` matched."""
    db.execute("DELETE FROM sok_document")
    db.execute("INSERT INTO sok_fts (sok_fts) VALUES ('delete-all')")
    db.execute("INSERT INTO sok_document (id, body) VALUES (1, ?)", [text])
    marked = " ".join(f"t{i}" for i in range(len(tokens(text))))
    db.execute("INSERT INTO sok_fts (rowid, body) VALUES (1, ?)", [marked])
    row = db.execute(
        "SELECT highlight(sok_fts, 2, char(2), char(3)) FROM sok_fts WHERE sok_fts MATCH ?",
        [f'body:"t{position}"'],
    ).fetchone()[0]
    return row[row.index("\x02") + 1 : row.index("\x03")]


@pytest.fixture
def fts5():
    db = sqlite3.connect(":memory:")
    db.execute(
        "CREATE TABLE sok_document (id INTEGER PRIMARY KEY, title TEXT, summary TEXT, "
        "body TEXT, keywords TEXT)"
    )
    db.execute(FTS5_CREATE)
    yield db
    db.close()


def test_words_are_split_exactly_as_fts5_splits_them(fts5):
    words = tokens(TRICKY)
    assert [_highlighted_token(fts5, TRICKY, i) for i in range(len(words))] == words


@settings(max_examples=200, deadline=None)
@given(st.text(st.characters(codec=None), min_size=1, max_size=40))
def test_any_text_keeps_its_words_aligned_with_fts5(text):
    db = sqlite3.connect(":memory:")
    db.execute(
        "CREATE TABLE sok_document (id INTEGER PRIMARY KEY, title TEXT, summary TEXT, "
        "body TEXT, keywords TEXT)"
    )
    db.execute(FTS5_CREATE)
    from sok.text import clean

    text = clean(text)
    words = tokens(text)
    for position in {0, len(words) // 2, len(words) - 1} if words else set():
        assert _highlighted_token(db, text, position) == words[position]


def test_every_word_has_exactly_one_stem():
    for language in ("nb", "nn", "en"):
        assert len(tokens(stems(TRICKY, language))) == len(tokens(TRICKY))
    assert stem("barnehagene", "nb") == stem("barnehagen", "nb") == "barnehag"
    assert stem("İ", "nb")  # lower() adds a combining mark; the stem stays one word


@pytest.mark.parametrize(
    ("query", "expression"),
    [
        ('"NEAR(mobbing*" OR -x', '("near"*) AND ("mobbing"*) AND ("or")'),
        ("barn og søvn", '("barn"*) AND ("søvn"*)'),
        ("title:rus ^vold", '("titl"*) AND ("rus") AND ("vold"*)'),
    ],
)
def test_a_query_becomes_quoted_words_only(db, query, expression):
    Synonym.objects.all().delete()
    groups = engine.parse(query, "nb")
    assert engine.fts5_expression(groups, "nb", any_word=False) == expression


def test_a_postgresql_query_is_built_from_words_only(db):
    Synonym.objects.all().delete()
    Synonym.objects.create(term="skilsmisse", alternatives="samlivsbrudd, psykisk helse")
    groups = engine.parse("skilsmisse'; --", "nb")
    assert engine.tsquery_text(groups, "nb", any_word=False) == (
        "(('skilsmisse':*) | ('samlivsbrudd':*) | ('psykisk':* <-> 'helse':*))"
    )


@pytest.mark.django_db(transaction=True)
def test_a_flush_leaves_the_fts5_index_consistent():
    from django.core.management import call_command

    SideFactory(title="Trygghetssirkelen", body="Kurs.")
    call_command("flush", "--no-input", verbosity=0)
    assert not SearchDocument.objects.exists()
    SideFactory(title="Foreldrekurs", body="Kurs.")  # may reuse the flushed row's id
    with translation.override("nb"):
        assert [hit.title for hit in search("trygghetssirkelen")] == []
        assert [hit.title for hit in search("foreldrekurs")] == ["Foreldrekurs"]
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM sok_fts WHERE sok_fts MATCH 'trygghetssirkel*'")
            assert cursor.fetchone()[0] == 0


# --- The coordinator's synonyms ---------------------------------------------------------


@pytest.fixture
def coordinator_client(client, coordinator):
    client.force_login(coordinator)
    return client


def test_the_coordinator_adds_a_synonym_and_the_search_uses_it_at_once(coordinator_client):
    SideFactory(title="Foreldreveiledning i grupper", body="Kurs.")
    with translation.override("nb"):
        assert list(search("foreldrekurs")) == []
    response = coordinator_client.post(
        "/ansatt/sok/synonymer/",
        {"term": " Foreldrekurs ", "alternatives": "foreldreveiledning,  ICDP ,", "both_ways": ""},
    )
    assert response.status_code == 302
    synonym = Synonym.objects.get(term="foreldrekurs")
    assert synonym.alternatives == "foreldreveiledning, icdp"
    with translation.override("nb"):
        assert [hit.title for hit in search("foreldrekurs")] == ["Foreldreveiledning i grupper"]
    page = coordinator_client.get("/ansatt/sok/synonymer/").content.decode()
    assert "foreldreveiledning, icdp" in page
    assert "Synonymer i søket" in page


def test_a_synonym_is_edited_and_deleted(coordinator_client):
    synonym = Synonym.objects.create(term="ungdomsskole", alternatives="skole")
    edit = coordinator_client.post(
        f"/ansatt/sok/synonymer/{synonym.pk}/",
        {"term": "ungdomsskole", "alternatives": "skole, 8. trinn", "both_ways": "on"},
    )
    assert edit.status_code == 302
    synonym.refresh_from_db()
    assert synonym.alternative_list() == ["skole", "8 trinn"]
    assert synonym.both_ways
    assert coordinator_client.post(f"/ansatt/sok/synonymer/{synonym.pk}/slett/").status_code == 302
    assert not Synonym.objects.filter(pk=synonym.pk).exists()


@pytest.mark.parametrize(
    ("term", "alternatives", "message"),
    [
        ("to ord", "x", "Skriv ett ord"),
        ("helse-søster", "x", "Skriv ett ord"),
        ("ord", " , ,", "Skriv minst ett ord"),
        ("helsesøster", "x", "Det ordet har allerede synonymer"),
    ],
)
def test_invalid_synonyms_are_refused_with_a_reason(
    coordinator_client, term, alternatives, message
):
    Synonym.objects.get_or_create(term="helsesøster", defaults={"alternatives": "x"})
    response = coordinator_client.post(
        "/ansatt/sok/synonymer/", {"term": term, "alternatives": alternatives}
    )
    assert response.status_code == 400
    assert message in response.content.decode()


def test_only_the_coordinator_edits_synonyms(client, employee):
    client.force_login(employee)
    assert client.get("/ansatt/sok/synonymer/").status_code == 403
    synonym = Synonym.objects.create(term="sorgarbeid", alternatives="sorg")
    assert client.post(f"/ansatt/sok/synonymer/{synonym.pk}/slett/").status_code == 403
    assert Synonym.objects.filter(pk=synonym.pk).exists()
    client.logout()
    assert client.get("/ansatt/sok/synonymer/").status_code == 302


def test_the_content_page_links_to_the_synonyms_for_the_coordinator_only(client, leader):
    coordinator = BrukerFactory(username="koord2", is_bts_coordinator=True)
    client.force_login(coordinator)
    assert "/ansatt/sok/synonymer/" in client.get("/ansatt/innhold/").content.decode()
    client.force_login(leader)
    response = client.get("/ansatt/innhold/")
    assert "/ansatt/sok/synonymer/" not in response.content.decode()
