"""axe-core on the staff form that invites the young person to My page (issue 20), at desktop
and 375 px: the case's consent page with the form, the same page after a refused submission
(the field error shown), and after the invitation is sent. The case's child is CONSENT_AGE
today, so the form is offered; the baton holder logs in with the password and the second
factor as staff do."""

from base64 import b32decode

import pytest
from django.conf import settings
from django.core import mail
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from innlogging.management.commands.load_demo_second_factor import DEMO_TOTP_SECRET
from minside.models import Invitasjon
from stafettlogg.models import Foresatt, Stafettlogg
from tests.case_fixtures import open_case

from .conftest import DESKTOP, PHONE, axe_violations, log_in

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "riktig-passord-123"  # the factories' test password


def of_consent_age(case) -> None:
    today = timezone.localdate()
    born = today.replace(year=today.year - settings.CONSENT_AGE)
    Stafettlogg.objects.filter(pk=case.pk).update(child_birth_date=born)


def checked(page, viewport, label: str) -> None:
    found = axe_violations(page)
    assert found == [], (label, page.url, found)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= viewport["width"], (label, width)


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_the_young_person_invite_form_has_no_wcag_violations(
    people, open_page, live_server, viewport
):
    case = open_case(people)
    of_consent_age(case)
    holder = people["users"]["stafettholder"]
    TOTPDevice.objects.create(
        user=holder, key=b32decode(DEMO_TOTP_SECRET).hex(), name="test", confirmed=True
    )
    page = open_page("/ansatt/logg-inn/", viewport=viewport)
    log_in(page, live_server, holder.username, PASSWORD)
    page.wait_for_url(f"{live_server.url}/ansatt/")

    page.goto(f"{live_server.url}/ansatt/stafettlogg/{case.pk}/samtykke/")
    form = page.locator("form[action$='/min-side/inviter-ungdom/']")
    assert form.count() == 1
    checked(page, viewport, "consent page with the form")

    # E-mail chosen and no address: refused with the error beside the field.
    form.get_by_label("Ungdommens e-post").fill("")
    form.get_by_role("button", name="Inviter ungdommen").click()
    page.wait_for_load_state()
    assert page.url.endswith(f"/stafettlogg/{case.pk}/min-side/inviter-ungdom/")
    email = page.locator("form[action$='/min-side/inviter-ungdom/']").get_by_label(
        "Ungdommens e-post"
    )
    assert email.get_attribute("aria-invalid") == "true"
    assert not Foresatt.objects.filter(stafettlogg=case, party=Foresatt.Party.YOUNG_PERSON)
    checked(page, viewport, "refused submission")

    mail.outbox.clear()
    email.fill("emma@example.org")
    page.locator("form[action$='/min-side/inviter-ungdom/']").get_by_role(
        "button", name="Inviter ungdommen"
    ).click()
    page.wait_for_url(f"{live_server.url}/ansatt/stafettlogg/{case.pk}/samtykke/")
    young = Foresatt.objects.get(stafettlogg=case, party=Foresatt.Party.YOUNG_PERSON)
    assert Invitasjon.objects.filter(foresatt=young).count() == 1
    assert [message.to for message in mail.outbox] == [["emma@example.org"]]
    checked(page, viewport, "after the invitation")
