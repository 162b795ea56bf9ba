"""axe-core: the coordinator's årshjul pages have no WCAG 2.1 A/AA violations, and the year
does not scroll sideways on a 320 px screen (WCAG 1.4.10, reflow)."""

import datetime

import pytest

from organisasjon.demo import DEMO_PASSWORD

from .conftest import axe_violations, log_in

pytestmark = pytest.mark.django_db(transaction=True)

NARROW = {"width": 320, "height": 720}


def test_year_event_form_and_feed_address_pass_axe_and_reflow_at_320px(
    demo, open_page, live_server
):
    page = open_page("/ansatt/logg-inn/", viewport=NARROW)
    log_in(page, live_server, "koordinator", DEMO_PASSWORD)
    page.wait_for_url(f"{live_server.url}/ansatt/")
    for path in ["/ansatt/arshjul/", "/ansatt/arshjul/?aar=2030", "/ansatt/arshjul/hendelser/ny/"]:
        page.goto(f"{live_server.url}{path}")
        assert axe_violations(page) == [], path
        assert page.evaluate("document.documentElement.scrollWidth") <= NARROW["width"], path
    page.goto(f"{live_server.url}/ansatt/arshjul/")
    year = datetime.date.today().year
    assert page.get_by_role("heading", level=2, name=f"Februar {year}", exact=True).is_visible()
    page.get_by_role("link", name="Møte i BTS-forum").first.click()
    assert axe_violations(page) == []
    # The form with errors: the summary lists them, and the page still passes.
    page.get_by_label("Tittel").fill("")
    page.get_by_role("button", name="Lagre").click()
    assert page.locator("#error-summary").is_visible()
    assert axe_violations(page) == []
    page.goto(f"{live_server.url}/ansatt/arshjul/")
    page.locator("#feed-heading ~ form button").click()
    assert page.locator("#feed-address").input_value().endswith(".ics")
    assert axe_violations(page) == []
