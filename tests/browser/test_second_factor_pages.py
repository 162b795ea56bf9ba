"""axe-core: the login, enrolment and second-factor pages, on desktop and on a phone."""

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from organisasjon.demo import DEMO_PASSWORD
from organisasjon.models import Tjeneste
from tests.factories import BrukerFactory, grant_role

from .conftest import DESKTOP, PHONE, axe_violations

pytestmark = pytest.mark.django_db(transaction=True)


def password_login(page, live_server, username, password):
    page.goto(f"{live_server.url}/ansatt/logg-inn/")
    assert axe_violations(page) == []
    page.get_by_label("Brukernavn").fill(username)
    page.get_by_label("Passord").fill(password)
    page.get_by_role("button", name="Logg inn").click()
    # The login leads on to the second factor (set-up or code) when the account needs one.
    page.wait_for_url(f"{live_server.url}/ansatt/**")


def fits(page, viewport) -> bool:
    return page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_enrolment_and_recovery_codes_pages_are_accessible(demo, open_page, live_server, viewport):
    user = BrukerFactory(username="ny.ansatt")
    grant_role(user, Tjeneste.objects.get(slug="sentrum-skole"), "ansatt")
    page = open_page("/ansatt/logg-inn/", viewport=viewport)
    password_login(page, live_server, "ny.ansatt", "riktig-passord-123")
    page.goto(f"{live_server.url}/ansatt/mitt-arbeid/")
    assert "/ansatt/innlogging/tofaktor/" in page.url
    assert page.locator("main svg").is_visible()
    assert axe_violations(page) == []
    assert fits(page, viewport)
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    page.locator("main input[name=code]").fill(f"{totp(device.bin_key):06d}")
    page.locator("main button[type=submit]").click()
    assert page.locator(".recovery-codes li").count() == 10
    assert axe_violations(page) == []
    assert fits(page, viewport)
    page.locator("main a.btn").click()
    page.wait_for_url(f"{live_server.url}/ansatt/mitt-arbeid/")


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_second_factor_page_is_accessible_and_leads_on(demo, open_page, live_server, viewport):
    from innlogging.management.commands.load_demo_second_factor import demo_code

    page = open_page("/ansatt/logg-inn/", viewport=viewport)
    password_login(page, live_server, "ansatt.skole", DEMO_PASSWORD)
    page.goto(f"{live_server.url}/ansatt/mitt-arbeid/")
    assert "/ansatt/innlogging/tofaktor/kode/" in page.url
    assert axe_violations(page) == []
    assert fits(page, viewport)
    page.locator("main input[name=code]").fill("000000")
    page.locator("main button[type=submit]").click()
    assert axe_violations(page) == []  # the error is announced with its field
    page.wait_for_timeout(1100)  # past the delay after one wrong code
    page.locator("main input[name=code]").fill(demo_code())
    page.locator("main button[type=submit]").click()
    page.wait_for_url(f"{live_server.url}/ansatt/mitt-arbeid/")
