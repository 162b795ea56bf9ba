"""axe-core finds no WCAG 2.1 A/AA violation on the foundation's pages, on desktop and phone."""

import pytest

from organisasjon.demo import DEMO_PASSWORD

from .conftest import DESKTOP, PHONE, axe_violations, log_in

pytestmark = pytest.mark.django_db(transaction=True)

PUBLIC_PAGES = [
    "/",
    "/ansatt/logg-inn/",
    "/tjenester/",
    "/tjenester/helsestasjon-og-skolehelsetjeneste/",
]


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_public_page_has_no_wcag_violations(demo, open_page, path, viewport):
    page = open_page(path, viewport=viewport)
    assert axe_violations(page) == []


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_staff_pages_have_no_wcag_violations(demo, open_page, live_server, viewport):
    page = open_page("/ansatt/logg-inn/", viewport=viewport)
    log_in(page, live_server, "leder.skole", DEMO_PASSWORD)
    page.wait_for_url(f"{live_server.url}/ansatt/")
    assert axe_violations(page) == []
    page.goto(f"{live_server.url}/ansatt/tjeneste/sentrum-skole/")
    assert axe_violations(page) == []
