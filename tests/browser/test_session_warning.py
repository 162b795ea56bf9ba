"""The idle warning appears before the timeout, and "stay logged in" extends the session."""

import pytest

from organisasjon.demo import DEMO_PASSWORD

from .conftest import axe_violations, log_in

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_idle_warning_appears_and_extending_hides_it(demo, open_page, live_server, settings):
    settings.SESSION_COOKIE_AGE = 30
    settings.SESSION_WARNING_SECONDS = 27
    page = open_page("/ansatt/logg-inn/")
    log_in(page, live_server, "koordinator", DEMO_PASSWORD)
    page.wait_for_url(f"{live_server.url}/ansatt/")
    warning = page.locator("#session-warning")
    warning.wait_for(state="visible", timeout=10_000)
    assert page.evaluate("document.activeElement.closest('#session-warning') !== null")
    assert axe_violations(page) == []
    with page.expect_response("**/okt/forleng/") as extended:
        warning.get_by_role("button").click()
    assert extended.value.status == 200
    warning.wait_for(state="hidden", timeout=5_000)
    assert page.url == f"{live_server.url}/ansatt/"
