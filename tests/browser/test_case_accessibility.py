"""axe-core: the undring form, the case page and the consent form."""

import pytest

from organisasjon.demo import DEMO_PASSWORD
from stafettlogg.models import Stafettlogg

from .conftest import DESKTOP, PHONE, axe_violations, log_in

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_case_pages_have_no_wcag_violations(demo, open_page, live_server, viewport):
    case = Stafettlogg.objects.get(child_name="Sara Haugen")
    page = open_page("/ansatt/logg-inn/", viewport=viewport)
    log_in(page, live_server, "ansatt.skole", DEMO_PASSWORD)
    page.wait_for_url(f"{live_server.url}/ansatt/")
    for path in [
        "/ansatt/undring/ny/",
        f"/ansatt/stafettlogg/{case.pk}/",
        f"/ansatt/stafettlogg/{case.pk}/samtykke/",
        f"/ansatt/stafettlogg/{case.pk}/dokumenter/",
        "/ansatt/stafettlogg/ny/",
        "/ansatt/mitt-arbeid/",
    ]:
        page.goto(f"{live_server.url}{path}")
        assert axe_violations(page) == [], path
        assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"], path


def test_employee_registers_a_concern_in_the_browser(demo, open_page, live_server):
    page = open_page("/ansatt/logg-inn/")
    log_in(page, live_server, "ansatt.barnehage", DEMO_PASSWORD)
    page.wait_for_url(f"{live_server.url}/ansatt/")
    page.goto(f"{live_server.url}/ansatt/undring/ny/")
    page.get_by_label("Hva du har observert").fill("Virker redd ved henting.")
    page.locator("main").get_by_role("button", name="Lagre").click()
    assert page.get_by_role("heading", level=1).inner_text().startswith("Undring")
    assert "Undringen er registrert." in page.content()
