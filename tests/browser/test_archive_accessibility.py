"""axe-core: the coordinator's list of archive packages has no WCAG 2.1 A/AA violations, does
not scroll sideways at 320 px, and its "try again" button works without JavaScript."""

import pytest

from arkiv.models import ArchivePackage
from organisasjon.demo import DEMO_PASSWORD
from organisasjon.models import Tjeneste

from .conftest import axe_violations, log_in

pytestmark = pytest.mark.django_db(transaction=True)

NARROW = {"width": 320, "height": 720}


def test_the_archive_packages_pass_axe_reflow_and_retry(demo, open_page, live_server, settings):
    settings.ARCHIVE_ON_CLOSE = False
    service = Tjeneste.objects.order_by("pk").first()
    ArchivePackage.objects.create(
        case_id=990001, tjeneste=service, status="archived", attempts=2,
        reference="/srv/arkiv/stafettlogg-990001.asice",
    )  # fmt: skip
    failed = ArchivePackage.objects.create(
        case_id=990002, tjeneste=service, status="failed", attempts=5,
        last_error="DeliveryError: Fiks IO answered 503",
    )  # fmt: skip
    page = open_page("/ansatt/logg-inn/", viewport=NARROW)
    log_in(page, live_server, "koordinator", DEMO_PASSWORD)
    page.goto(f"{live_server.url}/ansatt/arkiv/")
    assert page.get_by_text("Fiks IO answered 503").is_visible()
    assert axe_violations(page) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= NARROW["width"]
    page.locator(f"form[action$='/{failed.pk}/prov-igjen/'] button").click()
    page.wait_for_url(f"{live_server.url}/ansatt/arkiv/")
    failed.refresh_from_db()
    # Its case is gone here, so the attempt fails again, and says why, on the same page.
    assert failed.attempts == 6
    assert "DoesNotExist" in failed.last_error
    assert axe_violations(page) == []
