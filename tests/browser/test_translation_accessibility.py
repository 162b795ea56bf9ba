"""axe-core: the coordinator's translation pages (the list, a form with a nynorsk machine
draft) and a public page offering the browser's language pass WCAG 2.1 A/AA and reflow at
320 px."""

import shutil

import pytest

from organisasjon.demo import DEMO_PASSWORD
from samhandling.models import Side

from .conftest import axe_violations, log_in

pytestmark = pytest.mark.django_db(transaction=True)

NARROW = {"width": 320, "height": 720}


def _check(page, path):
    assert axe_violations(page) == [], path
    assert page.evaluate("document.documentElement.scrollWidth") <= NARROW["width"], path


def test_translation_list_and_form_pass_axe_and_reflow(demo, open_page, live_server):
    page = open_page("/ansatt/logg-inn/", viewport=NARROW)
    log_in(page, live_server, "koordinator", DEMO_PASSWORD)
    page.wait_for_url(f"{live_server.url}/ansatt/")
    for path in ["/ansatt/innhold/oversettelse/nn/", "/ansatt/innhold/oversettelse/en/"]:
        page.goto(f"{live_server.url}{path}")
        _check(page, path)
    side = Side.objects.filter(status="published").first()
    form = f"/ansatt/innhold/oversettelse/samhandling/side/{side.pk}/nn/"
    page.goto(f"{live_server.url}{form}")
    _check(page, form)
    if shutil.which("apertium"):
        with page.expect_navigation():
            page.locator("form:has(input[value=machine]) button").click()
        assert page.locator("div.alert-warning[role=status]").is_visible()
        _check(page, form + " (machine draft)")
    # Too long a title (past the field's own maxlength, as an old browser would send it): the
    # error summary, and the page still passes.
    page.evaluate("document.querySelector('input[name=title]').removeAttribute('maxlength')")
    page.locator("input[name=title]").fill("x" * 201)
    with page.expect_navigation():
        page.locator("form:has(input[value=approve]) button").click()
    assert page.locator("#error-summary").is_visible()
    _check(page, form + " (errors)")


def test_public_page_offering_english_passes_axe(demo, chromium, live_server):
    context = chromium.new_context(viewport=NARROW, locale="en-GB")
    page = context.new_page()
    page.goto(f"{live_server.url}/")
    offer = page.locator(".lang-offer a")
    if offer.count():  # the front page is bokmål until all English content is there
        assert page.locator("html").get_attribute("lang") == "nb"
        assert offer.get_attribute("hreflang") == "en"
    else:
        assert page.locator("html").get_attribute("lang") == "en"
    _check(page, "/ (Accept-Language: en)")
    context.close()
