"""axe-core: the public guide pages at desktop and 375 px."""

import pytest

from .conftest import DESKTOP, PHONE, axe_violations

pytestmark = pytest.mark.django_db(transaction=True)

PAGES = [
    "/veileder/",
    "/veileder/nivaa/0/",
    "/veileder/nivaa/1/",
    "/veileder/nivaa/2/",
    "/veileder/nivaa/3/",
    "/veileder/tegn/",
    "/veileder/tema/vold-og-overgrep/",
    "/veileder/verktoy/samtykkeskjema/",
]


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
@pytest.mark.parametrize("path", PAGES)
def test_public_guide_page_has_no_wcag_violations(demo, open_page, path, viewport):
    page = open_page(path, viewport=viewport)
    assert axe_violations(page) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
