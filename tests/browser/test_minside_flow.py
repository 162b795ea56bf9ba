"""Issue 20's first done-when, in a real browser against the local OpenID Connect provider
(issuing a ``pid`` as ID-porten does): the holder invites two guardians; each logs in, reads,
unticks one service and confirms; the log opens with exactly the services both kept; one
guardian withdraws; the log is locked for staff at the next request; the guardian still reads
it and downloads the insight PDF. axe-core checks every citizen page at desktop and 375 px.

The holder's steps go through the Django test client (staff login and its second factor are
other tests' subject); the guardians' steps are the browser's.
"""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from stafettlogg import consent
from stafettlogg import services as case_services
from stafettlogg.models import Foresatt, Samtykke
from tests.case_fixtures import open_case
from tests.oidc_provider import configure_citizen_login, start_provider
from tests.pdf_checks import assert_tagged
from tests.services import require_weasyprint

from .conftest import DESKTOP, PHONE, axe_violations

pytestmark = [
    pytest.mark.django_db(transaction=True),
]

SUBSTANTIAL = {"acr": "idporten-loa-substantial", "amr": ["BankID"]}


@pytest.fixture(scope="module")
def idporten(tmp_path_factory, live_server):
    provider = start_provider(tmp_path_factory.mktemp("idporten-browser"), [live_server.url])
    yield provider
    provider.stop()


@pytest.fixture
def family(people, idporten, settings):
    configure_citizen_login(settings, idporten)
    idporten.set_accounts(
        {
            "mor": {"sub": "sub-mor", "pid": "01017012345", **SUBSTANTIAL},
            "far": {"sub": "sub-far", "pid": "02027054321", **SUBSTANTIAL},
        }
    )
    case = open_case(people)
    mother = case.guardians.get()
    mother.email = "lise@example.org"
    mother.save()
    Foresatt.objects.create(stafettlogg=case, name="Per Forelder", email="per@example.org")
    holder = Client()
    holder.force_login(people["users"]["stafettholder"])
    return {"case": case, "holder": holder, **people}


def invitation_path(holder, case, guardian) -> str:
    mail.outbox.clear()
    response = holder.post(
        f"/ansatt/stafettlogg/{case.pk}/min-side/inviter/",
        {"foresatt": guardian.pk, "channel": "epost"},
    )
    assert response.status_code == 302
    (message,) = mail.outbox
    return re.search(r"(/min-side/invitasjon/\S+/)", message.body)[1]


def no_violations(page, viewport_name):
    found = axe_violations(page)
    assert found == [], (viewport_name, page.url, found)


def guardian_logs_in(open_page, idporten, path, account):
    page = open_page(path)
    page.get_by_role("link", name="Logg inn med ID-porten").click()
    page.wait_for_url(f"{idporten.issuer}/interaction/**")
    page.get_by_label("Account").select_option(account)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_role("button", name="Allow").click()
    page.wait_for_url("**/min-side/")
    return page


def check_pages(page, live_server, paths):
    """axe on each citizen page at desktop and at 375 px, in the same session."""
    for viewport_name, viewport in (("desktop", DESKTOP), ("375px", PHONE)):
        page.set_viewport_size(viewport)
        for path in paths:
            page.goto(f"{live_server.url}{path}")
            no_violations(page, viewport_name)


def test_two_guardians_consent_one_withdraws_and_still_reads(
    family, open_page, live_server, idporten
):
    require_weasyprint()
    case, holder = family["case"], family["holder"]
    mother, father = case.guardians.order_by("pk")
    links = {
        "mor": invitation_path(holder, case, mother),
        "far": invitation_path(holder, case, father),
    }
    # The first consent is withdrawn: the digital one is what opens the log again.
    case_services.consent_withdraw(case=case, user=family["users"]["stafettholder"], reason="r")
    assert holder.get(f"/ansatt/stafettlogg/{case.pk}/").status_code == 403
    asked = holder.post(
        f"/ansatt/stafettlogg/{case.pk}/samtykke/digitalt/",
        {
            "purpose": "Barnehagen, helsestasjonen og skolen vil samarbeide om overgangen.",
            "services": [family[name].pk for name in ("kindergarten", "clinic", "school")],
            "valid_until": (timezone.localdate() + timedelta(days=180)).isoformat(),
        },
    )
    assert asked.status_code == 302

    # Before any login: the front page and the invitation page.
    anonymous = open_page("/min-side/")
    check_pages(anonymous, live_server, ["/min-side/", links["mor"]])

    unticks = {"mor": "Sentrum skole", "far": "Helsestasjonen"}
    pages = {}
    for account in ("mor", "far"):
        page = guardian_logs_in(open_page, idporten, links[account], account)
        assert "Emma" in page.content()
        if account == "mor":  # the consent page with its form, before anyone answered
            check_pages(page, live_server, [f"/min-side/sak/{case.pk}/samtykke/"])
            page.set_viewport_size(DESKTOP)
        page.goto(f"{live_server.url}/min-side/sak/{case.pk}/samtykke/")
        assert "overgangen" in page.content()
        page.get_by_label(unticks[account]).uncheck()
        page.locator("input[name=decision][value=ja]").check()
        page.locator("main form button").click()
        page.wait_for_url(f"**/min-side/sak/{case.pk}/samtykke/")
        pages[account] = page

    assert consent.lock(case) is None
    assert set(consent.covered_services(case).values_list("name", flat=True)) == {
        "Solbakken barnehage"
    }
    given = Samtykke.objects.get(method=Samtykke.Method.DIGITAL)
    assert given.auth_level == "idporten-loa-substantial"
    assert holder.get(f"/ansatt/stafettlogg/{case.pk}/").status_code == 200

    mother_page = pages["mor"]
    check_pages(
        mother_page,
        live_server,
        ["/min-side/", f"/min-side/sak/{case.pk}/", f"/min-side/sak/{case.pk}/samtykke/"],
    )

    # The mother withdraws; the log locks for the staff at the next request.
    mother_page.goto(f"{live_server.url}/min-side/sak/{case.pk}/")
    mother_page.locator(f"form[action='/min-side/sak/{case.pk}/samtykke/trekk/'] button").click()
    mother_page.wait_for_url(f"**/min-side/sak/{case.pk}/")
    assert holder.get(f"/ansatt/stafettlogg/{case.pk}/").status_code == 403
    no_violations(mother_page, "after withdrawal")
    assert "Emma" in mother_page.content()

    # She still asks for the insight PDF (made by the document job), sees it ready on its
    # status page and downloads it, with her own session.
    mother_page.locator(f"form[action='/min-side/sak/{case.pk}/innsyn/'] button").click()
    mother_page.wait_for_url(re.compile(rf".*/min-side/sak/{case.pk}/innsyn/\d+/$"))
    status_path = mother_page.url.removeprefix(live_server.url)
    download = mother_page.locator("main a[href$='/last-ned/']")
    download.wait_for()
    check_pages(mother_page, live_server, [status_path])
    response = mother_page.context.request.get(f"{live_server.url}{download.get_attribute('href')}")
    assert response.status == 200
    assert_tagged(response.body(), "nb")
