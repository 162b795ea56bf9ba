"""Work done once, not per request (issue 19): what the public pages build from the content is
kept until public content changes, and the page frame's fixed parts once per language. Each
test asks past the page cache (a query string of its own, as a first visitor after a change
would), so what it sees is the kept data, not a stored page."""

import itertools

import pytest
from django.utils import translation

from bts_portal.content.services import content_save
from samhandling.models import Element
from tiltaksoversikt import cards
from tiltaksoversikt.filters import published_measures

from .factories import (
    BrukerFactory,
    ElementFactory,
    NivaFactory,
    TemaFactory,
    TiltakFactory,
    TrinnFactory,
)

pytestmark = pytest.mark.django_db

_fresh = itertools.count()


def page(client, url: str) -> str:
    """The page built for this request (past any stored copy)."""
    separator = "&" if "?" in url else "?"
    response = client.get(f"{url}{separator}_fresh={next(_fresh)}")
    assert response.status_code == 200, url
    assert response["X-Cache"] == "miss"
    return response.content.decode()


@pytest.fixture
def coordinator(db):
    return BrukerFactory(username="koordinator", is_bts_coordinator=True)


def test_a_changed_step_is_on_its_level_page_at_once(client, coordinator):
    level = NivaFactory(number=1)
    level.status = "published"
    level.save()
    step = TrinnFactory(niva=level, title="Snakk med barnet")
    assert "Snakk med barnet" in page(client, "/veileder/nivaa/1/")
    step.title = "Snakk med barnet først"
    content_save(obj=step, user=coordinator)
    assert "Snakk med barnet først" in page(client, "/veileder/nivaa/1/")
    assert client.get("/veileder/nivaa/3/?_fresh=x").status_code == 404  # none kept as one


def test_a_changed_element_is_on_the_model_overview_at_once(client, coordinator):
    element = ElementFactory(title="Foreldremøtet", summary="Om møtet.")
    assert "Foreldremøtet" in page(client, "/modell/")
    element.title = "Foreldremøtet om høsten"
    content_save(obj=element, user=coordinator)
    assert "Foreldremøtet om høsten" in page(client, "/modell/")
    Element.objects.filter(pk=element.pk).update(status="draft")  # no signal: stale by design
    element.refresh_from_db()
    content_save(obj=element, user=coordinator)  # … until the next save says so
    assert "Foreldremøtet" not in page(client, "/modell/")


def test_the_catalogue_cards_follow_the_measure_and_its_theme(client, coordinator):
    theme = TemaFactory(title="Fritid", slug="fritid")
    measure = TiltakFactory(title="Ungdomsklubben", summary="Åpent på fredager.", themes=[theme])
    html = page(client, "/tiltak/")
    assert "Ungdomsklubben" in html
    assert "Fritid" in html
    measure.summary = "Åpent fredag og lørdag."
    content_save(obj=measure, user=coordinator)
    theme.title = "Fritid og kultur"
    theme.save()
    html = page(client, "/tiltak/")
    assert "Åpent fredag og lørdag." in html
    assert "Fritid og kultur" in html


def test_a_card_is_made_once_per_language_and_marks_a_fallback(client, django_assert_num_queries):
    TiltakFactory(title="Leksehjelp", title_en="Homework help", summary="Hver tirsdag.")
    english = page(client, "/tiltak/?sprak=en")
    assert "Homework help" in english
    assert '<span lang="nb">Hver tirsdag.</span>' in english  # no English summary yet
    assert "Leksehjelp" in page(client, "/tiltak/?sprak=nb")
    ids = list(published_measures().values_list("pk", flat=True))
    with translation.override("en"), django_assert_num_queries(0):  # kept since the page
        (card,) = cards.cards(ids)
    assert (card.title, card.title.lang) == ("Homework help", "en")
    assert (card.summary, card.summary.lang) == ("Hver tirsdag.", "nb")


def test_the_menu_marks_the_section_in_the_page_language(client):
    ElementFactory(title="Et element", slug="et-element")
    TiltakFactory(title="Et tiltak", slug="et-tiltak")
    expected = {
        "/": "Forside",
        "/modell/": "Slik samarbeider vi",
        "/modell/et-element/": "Slik samarbeider vi",
        "/tiltak/": "Tiltak",
        "/tiltak/et-tiltak/": "Tiltak",
        "/veileder/": "Fra bekymring til handling",
    }
    for url, entry in expected.items():
        html = page(client, url)
        menu = html.split('class="site-nav"', 1)[1].split("</nav>", 1)[0]
        current = [line for line in menu.splitlines() if 'aria-current="page"' in line]
        assert len(current) == 2, url  # the phone menu and the wide one
        assert all(f">{entry}</a>" in line for line in current), (url, current)
    nynorsk = page(client, "/veileder/?sprak=nn")
    assert '<html lang="nn"' in nynorsk
    assert ">Framside</a>" in nynorsk
    assert ">Forside</a>" not in nynorsk
    assert 'aria-current="page">Frå uro til handling</a>' in nynorsk
    assert ">Forside</a>" in page(client, "/veileder/?sprak=nb")  # and bokmål again after it


def test_the_footer_follows_a_changed_setting(client, settings):
    assert settings.KOMMUNE_NAVN in page(client, "/").split("<footer", 1)[1]
    settings.KOMMUNE_NAVN = "Testvik kommune"
    assert "Testvik kommune" in page(client, "/").split("<footer", 1)[1]
