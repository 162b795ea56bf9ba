"""A demo employee logs in through the municipality's identity provider in a real browser:
the login button, the provider's login and consent, back to "Mitt arbeid"."""

import pytest

from innlogging import oidc, services
from organisasjon.models import Bruker
from tests.oidc_provider import configure_portal, start_provider

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(scope="module")
def browser_provider(tmp_path_factory, live_server):
    provider = start_provider(tmp_path_factory.mktemp("oidc-browser"), [live_server.url])
    yield provider
    provider.stop()


def test_employee_logs_in_through_the_provider_to_my_work(
    demo, open_page, live_server, browser_provider, settings
):
    configure_portal(settings, browser_provider)
    kari = Bruker.objects.get(username="ansatt.barnehage")
    services.identity_link(
        user=kari, issuer=browser_provider.issuer, subject="sub-kari", changed_by=None
    )
    browser_provider.set_accounts(
        {
            "kari": {
                "sub": "sub-kari",
                "email": kari.email,
                "email_verified": True,
                "acr": "idporten-loa-substantial",
                "amr": ["pwd", "mfa"],
            }
        }
    )
    page = open_page("/ansatt/mitt-arbeid/")
    assert "/ansatt/logg-inn/" in page.url
    page.get_by_role("link", name=settings.OIDC_BUTTON_LABEL).click()
    page.wait_for_url(f"{browser_provider.issuer}/interaction/**")
    page.get_by_label("Account").select_option("kari")
    page.get_by_role("button", name="Sign in").click()
    page.get_by_role("button", name="Allow").click()
    page.wait_for_url(f"{live_server.url}/ansatt/mitt-arbeid/")
    assert page.get_by_role("heading", level=1).inner_text() == "Mitt arbeid"
    oidc.forget_discovery()
