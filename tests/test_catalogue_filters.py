"""The public catalogue's filters: each alone, combined, counted, and kept in the URL."""

import pytest

from tiltaksoversikt import filters

from .factories import TemaFactory, TiltakFactory, TjenesteFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalogue(db):
    psyk = TemaFactory(title="Psykisk helse", slug="psykisk-helse")
    fritid = TemaFactory(title="Fritid", slug="fritid")
    skole = TjenesteFactory(name="Sentrum skole")
    helse = TjenesteFactory(name="Helsestasjonen")
    return {
        "samtale": TiltakFactory(
            title="Samtalegruppe",
            tjeneste=helse,
            age_min=8,
            age_max=13,
            themes=[psyk],
            level_1=True,
            access="lavterskel",
        ),
        "klubb": TiltakFactory(
            title="Ungdomsklubb",
            tjeneste=skole,
            age_min=13,
            age_max=18,
            themes=[fritid],
            level_0=True,
            access="lavterskel",
        ),
        "psykolog": TiltakFactory(
            title="Psykolog",
            tjeneste=helse,
            age_min=6,
            age_max=25,
            themes=[psyk],
            level_2=True,
            access="henvisning",
        ),
        "gravid": TiltakFactory(title="Svangerskap", tjeneste=helse, age_min=-1, age_max=0),
        "utkast": TiltakFactory(
            title="Utkast", tjeneste=helse, status="draft", age_min=0, age_max=25, themes=[psyk]
        ),
    }


def titles(**params) -> set[str]:
    form = filters.CatalogueFilterForm(
        params, themes=list(filters.filter_options()[0]), services=list(filters.filter_options()[1])
    )
    return set(filters.apply(filters.parse(form)).values_list("title", flat=True))


def test_age_returns_measures_whose_range_contains_it(catalogue):
    assert titles(alder="7") == {"Psykolog"}
    assert titles(alder="13") == {"Samtalegruppe", "Ungdomsklubb", "Psykolog"}
    assert titles(alder="-1") == {"Svangerskap"}


def test_age_limits_are_inclusive(catalogue):
    assert "Samtalegruppe" in titles(alder="8")
    assert "Samtalegruppe" not in titles(alder="14")


def test_combined_filters_intersect(catalogue):
    assert titles(alder="10", tema=["psykisk-helse"]) == {"Samtalegruppe", "Psykolog"}
    assert titles(alder="10", tema=["psykisk-helse"], tilgang=["henvisning"]) == {"Psykolog"}


def test_choices_within_one_filter_widen(catalogue):
    assert titles(tema=["psykisk-helse", "fritid"]) == {"Samtalegruppe", "Ungdomsklubb", "Psykolog"}
    assert titles(nivaa=["0", "2"]) == {"Ungdomsklubb", "Psykolog"}


def test_service_and_text_filters(catalogue):
    assert titles(tjeneste=["sentrum-skole"]) == {"Ungdomsklubb"}
    assert titles(q="samtalegruppe") == {"Samtalegruppe"}


def test_drafts_never_match(catalogue):
    assert "Utkast" not in titles()
    assert "Utkast" not in titles(tema=["psykisk-helse"])


def test_counts_show_what_each_option_would_give(catalogue):
    form = filters.CatalogueFilterForm(
        {"alder": "10", "tema": ["psykisk-helse"]},
        themes=filters.filter_options()[0],
        services=filters.filter_options()[1],
    )
    counts = filters.counts(filters.parse(form))
    assert counts["tema"] == {"psykisk-helse": 2}  # fritid's club starts at 13
    assert counts["tilgang"] == {"lavterskel": 1, "henvisning": 1}
    assert counts["nivaa"] == {"0": 0, "1": 1, "2": 1, "3": 0}


def test_list_page_filters_from_the_url_and_shows_counts(client, catalogue):
    response = client.get("/tiltak/", {"alder": "7"})
    content = response.content.decode()
    assert response.status_code == 200
    assert "Psykolog" in content
    assert "Samtalegruppe" not in content
    assert "1 tiltak" in content
    assert 'value="7"' in content


def test_empty_result_says_so_and_offers_to_remove_each_filter(client, catalogue):
    response = client.get("/tiltak/", {"alder": "20", "tema": "fritid"})
    content = response.content.decode()
    assert "Ingen tiltak passer alle filtrene" in content
    assert "?tema=fritid" in content  # the link that removes the age
    assert "?alder=20" in content  # the link that removes the theme
    assert "Fritid" in content


def test_invalid_age_gives_400_with_a_norwegian_message(client, catalogue):
    response = client.get("/tiltak/", {"alder": "hundre"})
    assert response.status_code == 400
    assert "Oppgi et heltall" in response.content.decode()
    response = client.get("/tiltak/", {"alder": "40"})
    assert response.status_code == 400


def test_unknown_theme_is_reported_not_crashed(client, catalogue):
    response = client.get("/tiltak/", {"tema": "finnes-ikke"})
    assert response.status_code == 400


def test_measure_page_shows_contacts_and_drafts_are_404(client, catalogue):
    measure = catalogue["samtale"]
    content = client.get(f"/tiltak/{measure.slug}/").content.decode()
    assert measure.tjeneste.phone in content
    assert "8–13 år" in content
    assert client.get(f"/tiltak/{catalogue['utkast'].slug}/").status_code == 404


def test_printable_list_keeps_the_filters(client, catalogue):
    content = client.get("/tiltak/utskrift/", {"alder": "7"}).content.decode()
    assert "Psykolog" in content
    assert "Samtalegruppe" not in content


def test_service_page_lists_its_published_measures(client, catalogue):
    content = client.get("/tjenester/helsestasjonen/").content.decode()
    assert "Psykolog" in content
    assert "Utkast" not in content


def test_pagination_keeps_filters_in_links(client, catalogue):
    for n in range(25):
        TiltakFactory(title=f"Ekstra {n}", age_min=0, age_max=25)
    content = client.get("/tiltak/", {"alder": "10"}).content.decode()
    assert "alder=10&amp;side=2" in content
