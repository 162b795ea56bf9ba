"""Open data: the published catalogue as JSON and CSV, with no drafts."""

import csv
import io

import pytest

from tiltaksoversikt.open_data import FIELDS

from .factories import TemaFactory, TiltakFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def measures(db):
    theme = TemaFactory(title="Psykisk helse", slug="psykisk-helse")
    published = TiltakFactory(
        title="Samtalegruppe",
        themes=[theme],
        level_1=True,
        target_groups=["barn"],
        age_min=8,
        age_max=13,
    )
    TiltakFactory(title="Hemmelig utkast", status="draft")
    return published


def test_json_has_documented_fields_and_only_published(client, measures):
    data = client.get("/tiltak/data.json").json()
    assert data["count"] == 1
    row = data["tiltak"][0]
    assert list(row) == [name for name, _ in FIELDS]
    assert row["navn"] == "Samtalegruppe"
    assert row["temaer"] == ["psykisk-helse"]
    assert row["bti_nivaer"] == [1]
    assert row["alder_fra"] == 8
    assert row["url"].endswith("/tiltak/samtalegruppe/")


def test_csv_has_the_same_fields_and_only_published(client, measures):
    response = client.get("/tiltak/data.csv")
    assert response["Content-Type"].startswith("text/csv")
    text = response.content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert rows[0] == [name for name, _ in FIELDS]
    assert len(rows) == 2
    assert "Hemmelig utkast" not in text
    assert rows[1][rows[0].index("temaer")] == "psykisk-helse"


def test_open_data_page_documents_every_field(client, measures):
    content = client.get("/tiltak/apne-data/").content.decode()
    for name, _ in FIELDS:
        assert f"<code>{name}</code>" in content


def test_drafts_are_never_in_search(client, measures):
    content = client.get("/sok/", {"q": "Hemmelig"}).content.decode()
    assert "Hemmelig utkast" not in content
