"""axe-core: the public model pages have no WCAG 2.1 A/AA violations, on desktop and phone."""

import pytest

from organisasjon.demo import DEMO_PASSWORD

from .conftest import DESKTOP, PHONE, axe_violations, log_in

pytestmark = pytest.mark.django_db(transaction=True)

PAGES = [
    "/",
    "/modell/",
    "/modell/forebyggende-forum/",
    "/bekymret/",
    "/sok/?q=barnehage",
    "/side/om-bts-og-bti/",
]


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
@pytest.mark.parametrize("path", PAGES)
def test_public_model_page_has_no_wcag_violations(demo, open_page, path, viewport):
    page = open_page(path, viewport=viewport)
    assert axe_violations(page) == []
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= viewport["width"], "the page scrolls sideways"


def test_search_results_highlight_the_words(demo, open_page):
    page = open_page("/sok/?q=stafettloggen")
    assert page.locator("mark").count() > 0
    assert "treff" in page.get_by_role("status").inner_text()


def test_coordinator_pages_have_no_wcag_violations(demo, open_page, live_server):
    page = open_page("/ansatt/logg-inn/")
    log_in(page, live_server, "koordinator", DEMO_PASSWORD)
    page.wait_for_url(f"{live_server.url}/ansatt/")
    for path in [
        "/ansatt/innhold/element/",
        "/ansatt/arshjul/",
        "/ansatt/modell/",
        "/ansatt/statistikk/",
        "/ansatt/statistikk/arsrapport/2025/",
        "/ansatt/statistikk/rapporter/",
    ]:
        page.goto(f"{live_server.url}{path}")
        assert axe_violations(page) == [], path
    page.goto(f"{live_server.url}/ansatt/innhold/element/")
    page.get_by_role("link", name="Forebyggende forum").click()
    assert axe_violations(page) == []
    page.get_by_role("link", name="Endringshistorikk").click()
    assert axe_violations(page) == []
