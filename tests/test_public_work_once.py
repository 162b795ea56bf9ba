"""Work done once, not per request (issue 19): what the public pages build from the content is
kept until public content changes, and the page frame's fixed parts once per language. Each
test asks past the page cache (a query string of its own, as a first visitor after a change
would), so what it sees is the kept data, not a stored page."""

import itertools
import re

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


# --- Parts of pages rendered once per content generation (bts_portal/templatetags/fragment_tags)


def test_a_page_part_is_rendered_once_and_served_again_to_the_next_visitor(
    client, django_assert_num_queries, monkeypatch
):
    from samhandling import selectors

    ElementFactory(title="Foreldremøtet", summary="Om møtet.")
    first = page(client, "/modell/")
    assert "Foreldremøtet" in first
    loads = []
    monkeypatch.setattr(
        selectors, "model_overview", lambda **kw: loads.append(kw) or pytest.fail("loaded")
    )
    with django_assert_num_queries(0):
        again = page(client, "/modell/")
    assert loads == []  # the levels are not even loaded
    fresh = re.compile(r"_fresh=\d+")
    assert fresh.sub("", again) == fresh.sub("", first)  # but for the language links' address


def test_the_kept_part_follows_the_language_and_the_variant(client, coordinator):
    ElementFactory(title="Foreldremøtet", title_nn="Foreldremøtet på nynorsk")
    ElementFactory(title="Internt ledermøte", audience="staff")
    assert "Foreldremøtet på nynorsk" not in page(client, "/modell/")
    assert "Foreldremøtet på nynorsk" in page(client, "/modell/?sprak=nn")
    assert "Internt ledermøte" not in page(client, "/modell/")
    client.force_login(coordinator)
    staff = client.get("/ansatt/modell/").content.decode()
    assert "Internt ledermøte" in staff
    client.logout()
    assert "Internt ledermøte" not in page(client, "/modell/")


def test_each_level_keeps_its_own_part(client):
    for number, title in ((1, "Snakk med barnet"), (2, "Drøft med kollega")):
        level = NivaFactory(number=number)
        level.status = "published"
        level.save()
        TrinnFactory(niva=level, title=title)
    assert "Snakk med barnet" in page(client, "/veileder/nivaa/1/")
    second = page(client, "/veileder/nivaa/2/")
    assert "Drøft med kollega" in second
    assert "Snakk med barnet" not in second


def test_the_part_is_kept_per_generation_and_not_at_all_when_the_page_cache_is_off(rf, settings):
    from django.contrib.auth.models import AnonymousUser
    from django.template import engines

    from bts_portal import page_cache

    fragment = engines["django"].from_string(
        "{% load fragment_tags %}{% public_fragment variant %}{{ text }}{% endpublic_fragment %}"
    )
    request = rf.get("/modell/")
    request.user = AnonymousUser()

    def render(text, variant="public"):
        return fragment.render({"text": text, "variant": variant}, request)

    assert render("første") == "første"
    assert render("andre") == "første"  # kept: nothing changed in the content
    assert render("andre", variant="staff") == "andre"  # another variant, another part
    page_cache.invalidate()
    assert render("tredje") == "tredje"  # a new generation: rendered anew
    settings.PAGE_CACHE_SECONDS = 0
    assert render("fjerde") == "fjerde"
    assert render("femte") == "femte"
