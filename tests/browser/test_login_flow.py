"""A demo employee logs in through a real browser, and no page reaches outside the portal."""

import pytest

from organisasjon.demo import DEMO_PASSWORD

from .conftest import PHONE, log_in

pytestmark = pytest.mark.django_db(transaction=True)


def test_demo_employee_logs_in_and_sees_the_staff_start_page(demo, open_page, live_server):
    page = open_page("/ansatt/")
    assert "/ansatt/logg-inn/" in page.url
    log_in(page, live_server, "ansatt.barnehage", DEMO_PASSWORD)
    page.wait_for_url(f"{live_server.url}/ansatt/")
    assert page.get_by_role("heading", level=1).inner_text() == "Velkommen, Kari"
    assert page.get_by_role("link", name="Solbakken barnehage").is_visible()
    assert page.get_by_role("navigation", name="Meny for ansatte").is_visible()


def test_staff_menu_is_usable_on_a_phone(demo, open_page, live_server):
    page = open_page("/ansatt/logg-inn/", viewport=PHONE)
    log_in(page, live_server, "leder.skole", DEMO_PASSWORD)
    page.wait_for_url(f"{live_server.url}/ansatt/")
    menu = page.get_by_role("navigation", name="Meny for ansatte")
    assert not menu.get_by_role("link", name="Mine tjenester").is_visible()  # folded away
    menu.get_by_text("Meny", exact=True).click()
    menu.get_by_role("link", name="Mine tjenester").click()
    page.get_by_role("link", name="Sentrum skole").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Sentrum skole"
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], "the page scrolls sideways on a phone"


def test_language_switch_is_a_plain_link_that_is_remembered(demo, open_page):
    page = open_page("/")
    page.get_by_role("navigation", name="Språk").get_by_role("link", name="Norsk (nynorsk)").click()
    assert page.locator("html").get_attribute("lang") == "nn"
    assert page.get_by_role("heading", name="Er du uroa for eit barn?").is_visible()
    # The choice stays for the next page, and the link to it carries no language.
    page.get_by_role("link", name="Tenester").first.click()
    assert page.locator("html").get_attribute("lang") == "nn"
    assert "sprak=" not in page.url


def test_pages_make_no_request_outside_the_portal(demo, open_page, live_server):
    page = open_page("/")
    for path in ["/tjenester/", "/tjenester/ppt/", "/ansatt/logg-inn/"]:
        page.goto(f"{live_server.url}{path}")
    log_in(page, live_server, "ansatt.skole", DEMO_PASSWORD)
    page.wait_for_url(f"{live_server.url}/ansatt/")
    outside = [url for url in page.requests if not url.startswith(live_server.url)]
    assert outside == []
    assert any(url.endswith("bootstrap.min.css") for url in page.requests)
