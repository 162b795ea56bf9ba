"""axe-core: the catalogue's list (filters open) and a measure page, on desktop and phone."""

import pytest

from .conftest import DESKTOP, PHONE, axe_violations

pytestmark = pytest.mark.django_db(transaction=True)

PAGES = [
    "/tiltak/",
    "/tiltak/?alder=7&tema=psykisk-helse&nivaa=1&tilgang=lavterskel",
    "/tiltak/?alder=2&tema=mobbing&tilgang=vedtak",
    "/tiltak/samtaletilbud-for-ungdom/",
    "/tiltak/moteplasser/",
    "/tiltak/moteplasser/forebyggende-forum/",
    "/tiltak/utskrift/?alder=10",
    "/tiltak/apne-data/",
]


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
@pytest.mark.parametrize("path", PAGES)
def test_catalogue_page_has_no_wcag_violations(demo, open_page, path, viewport):
    page = open_page(path, viewport=viewport)
    assert page.locator("h1").count() == 1
    assert axe_violations(page) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]


def test_filters_work_without_javascript(demo, chromium, live_server):
    context = chromium.new_context(java_script_enabled=False, locale="nb-NO")
    page = context.new_page()
    page.goto(f"{live_server.url}/tiltak/")
    page.get_by_label("Barnets alder").fill("7")
    page.get_by_role("checkbox", name="Psykisk helse (").check()
    page.get_by_role("button", name="Vis tiltak").click()
    assert "alder=7" in page.url
    assert "tema=psykisk-helse" in page.url
    assert "Samtaletilbud for ungdom" not in page.content()
    page.go_back()
    assert "/tiltak/" in page.url
    context.close()
