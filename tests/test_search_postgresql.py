"""The search index on PostgreSQL: a generated tsvector (norwegian) with a GIN index, ranked
and highlighted by the database, written and read by the runtime role (issue 18)."""

import pytest
from django.db import connection
from django.utils import translation

from bts_portal.content import services
from bts_portal.content.search import search

from .factories import ElementFactory, SideFactory
from .search_content import EXPECTED, load_public_demo_content
from .services import portal_as_runtime_role, require_postgresql, runtime_role

pytestmark = [pytest.mark.postgresql, pytest.mark.django_db]


def test_the_words_people_type_find_the_pages_on_postgresql():
    require_postgresql()
    load_public_demo_content()
    with translation.override("nb"):
        missing = {
            query: [url for url in expected if url not in [h.url for h in search(query)[0:10]]]
            for query, expected in EXPECTED.items()
        }
    assert {query: urls for query, urls in missing.items() if urls} == {}


def test_the_index_is_a_generated_norwegian_vector_with_a_gin_index():
    require_postgresql()
    SideFactory(title="Barnehagene samarbeider", body="Tekst.")
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT vector::text FROM sok_document WHERE language = 'nb' "
            "AND title = 'Barnehagene samarbeider'"
        )
        vector = cursor.fetchone()[0]
        cursor.execute(
            "SELECT indexdef FROM pg_indexes WHERE tablename = 'sok_document' "
            "AND indexname = 'sok_document_vector'"
        )
        definition = cursor.fetchone()[0]
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(
            "EXPLAIN SELECT id FROM sok_document "
            "WHERE vector @@ to_tsquery('norwegian'::regconfig, 'samarbeid:*')"
        )
        plan = " ".join(row[0] for row in cursor.fetchall())
    assert "'barnehag':1A" in vector
    assert "USING gin (vector)" in definition
    assert "sok_document_vector" in plan


def test_ranking_and_highlighting_come_from_the_database():
    require_postgresql()
    ElementFactory(title="Samtykkeskjema", summary="Kort.", body="Skjema for foresatte.")
    ElementFactory(title="Annet", summary="Kort.", body="Her nevnes samtykkeskjemaet i teksten.")
    with translation.override("nb"):
        hits = search("samtykkeskjema")[0:10]
    assert [hit.title for hit in hits] == ["Samtykkeskjema", "Annet"]
    assert "<mark>samtykkeskjemaet</mark>" in hits[1].snippet
    assert hits[0].snippet == "Kort."


def test_hostile_queries_reach_postgresql_only_as_words(client):
    require_postgresql()
    ElementFactory(title="Samarbeid om barn")
    for query in ["'", "samarbeid:*", "!samarbeid", "samarbeid & | <->", "(", "\\'; SELECT 1"]:
        assert client.get("/sok/", {"q": query}).status_code == 200, query


@pytest.mark.django_db(transaction=True)
def test_the_runtime_role_keeps_the_index_when_content_is_published(coordinator):
    role = runtime_role()
    element = ElementFactory(title="Ansvarsgruppe", status="draft")
    with portal_as_runtime_role():
        with connection.cursor() as cursor:
            cursor.execute("SELECT current_user")
            assert cursor.fetchone()[0] == role
        services.content_publish(obj=element, user=coordinator)
        with translation.override("nb"):
            assert [hit.url for hit in search("ansvarsgruppe")] == [element.get_absolute_url()]
        services.content_unpublish(obj=element, user=coordinator)
        with translation.override("nb"):
            assert list(search("ansvarsgruppe")) == []
