"""The public model: only published, public elements, everywhere a visitor can look."""

import pytest

from .factories import ElementFactory, SideFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def elements(db):
    return {
        "public": ElementFactory(title="Forebyggende forum", nivaa="tjeneste"),
        "draft": ElementFactory(title="Hemmelig utkast", status="draft"),
        "staff": ElementFactory(title="Intern rutine", audience="staff"),
    }


def test_overview_shows_three_levels_and_published_public_elements(client, elements):
    content = client.get("/modell/").content.decode()
    for level in ["Kommunenivå", "Tjenestenivå", "Individnivå"]:
        assert level in content
    assert "Forebyggende forum" in content
    assert "Hemmelig utkast" not in content
    assert "Intern rutine" not in content


@pytest.mark.parametrize("key", ["draft", "staff"])
def test_draft_and_staff_only_element_pages_are_404_for_the_public(client, elements, key):
    assert client.get(f"/modell/{elements[key].slug}/").status_code == 404


@pytest.mark.parametrize("key", ["draft", "staff"])
def test_draft_and_staff_only_elements_are_not_found_by_search(client, elements, key):
    word = elements[key].title.split()[0]
    content = client.get("/sok/", {"q": word}).content.decode()
    assert elements[key].title not in content
    assert "0 treff" in content


def test_sitemap_lists_only_published_public_content(client, elements):
    SideFactory(title="Utkastside", status="draft")
    content = client.get("/sitemap.xml").content.decode()
    assert f"/modell/{elements['public'].slug}/" in content
    assert elements["draft"].slug not in content
    assert elements["staff"].slug not in content
    assert "utkastside" not in content


def test_staff_see_staff_only_elements_in_the_staff_model(client, elements, employee):
    client.force_login(employee)
    assert "Intern rutine" in client.get("/ansatt/modell/").content.decode()
    assert client.get(f"/ansatt/modell/{elements['staff'].slug}/").status_code == 200
    assert client.get(f"/ansatt/modell/{elements['draft'].slug}/").status_code == 404


def test_staff_model_requires_login(client, elements):
    assert client.get("/ansatt/modell/").status_code == 302


def test_element_page_shows_arena_details_and_last_reviewed(client, tjeneste):
    import datetime

    arena = ElementFactory(
        title="Tverrfaglig team",
        type="samhandlingsarena",
        mandate="Finne tiltak tidlig",
        frequency="Månedlig",
        case_mode="anonym",
        last_reviewed=datetime.date(2026, 3, 5),
    )
    arena.participating_services.add(tjeneste)
    content = client.get(f"/modell/{arena.slug}/").content.decode()
    assert "Finne tiltak tidlig" in content
    assert "Månedlig" in content
    assert "Anonymt" in content
    assert tjeneste.name in content
    assert "Sist gjennomgått 5. mars 2026" in content


def test_element_body_is_sanitised_on_the_page(client):
    element = ElementFactory(body="<script>alert(1)</script> [x](javascript:alert(2))")
    content = client.get(f"/modell/{element.slug}/").content.decode()
    assert "<script>alert" not in content
    assert "javascript:alert" not in content


def test_worried_page_always_shows_emergency_numbers_and_duty_to_report(client):
    SideFactory(slug="bekymret", title="Er du bekymret for et barn?", body="Tekst.")
    content = client.get("/bekymret/").content.decode()
    assert "116 111" in content
    assert "opplysningsplikt" in content.lower()


def test_missing_translation_falls_back_to_bokmal_marked_with_its_language(client):
    element = ElementFactory(title="Stafettloggen", title_en="", summary_en="The case log")
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    content = client.get(f"/modell/{element.slug}/").content.decode()
    assert '<span lang="nb">Stafettloggen</span>' in content
    assert "The case log" in content


def test_search_ranks_title_hits_first_and_highlights(client):
    ElementFactory(title="Samtykkeskjema", body="Skjema for foresatte.")
    ElementFactory(title="Annet", body="Her nevnes samtykkeskjema i teksten.")
    content = client.get("/sok/", {"q": "samtykkeskjema"}).content.decode()
    assert content.index("Samtykkeskjema</a>") < content.index("Annet</a>")
    assert "<mark>samtykkeskjema</mark>" in content.lower()


def test_search_paginates(client):
    for n in range(25):
        ElementFactory(title=f"Rutine nummer {n}", body="felles ord")
    first = client.get("/sok/", {"q": "felles"}).content.decode()
    assert "25 treff" in first
    assert "Side 1 av 3" in first
    assert "Side 3 av 3" in client.get("/sok/", {"q": "felles", "side": 3}).content.decode()


def test_search_with_hostile_query_is_escaped(client):
    content = client.get("/sok/", {"q": "<script>alert(1)</script>"}).content.decode()
    assert "<script>alert(1)</script>" not in content
