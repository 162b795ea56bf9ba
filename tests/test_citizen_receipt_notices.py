"""Each party who answers a consent request on My page is told by e-mail that their receipt
is ready there (issue 20): once per answer, once more when the request is decided, in the
language they answered in, with the link to My page and no child data. The PDF stays behind
the login."""

import pytest
from django.core import mail
from django.utils import translation
from django.utils.translation import gettext

from stafettlogg.models import SamtykkeSvar

from . import test_minside_consent as flow
from .case_fixtures import CHILD
from .test_minside import PID_FATHER, PID_MOTHER

family, idporten, provider, linked = flow.family, flow.idporten, flow.provider, flow.linked
pytestmark = pytest.mark.django_db

HOLDER_SERVICES = ("Solbakken barnehage", "Helsestasjonen", "Sentrum skole")


def notices_to(address: str) -> list:
    return [m for m in mail.outbox if m.to == [address]]


def assert_no_child_data(message, case) -> None:
    text = message.subject + message.body
    for secret in (*CHILD.split(), *HOLDER_SERVICES, "Lise", "Per", f"/sak/{case.pk}/"):
        assert secret not in text, secret
    assert str(case.pk) not in message.subject


def receipt_subject(language: str) -> str:
    from django.conf import settings

    with translation.override(language):
        return gettext("Your receipt is ready on My page – %(kommune)s") % {
            "kommune": settings.KOMMUNE_NAVN
        }


def test_an_answer_sends_its_party_one_notice_with_the_link_and_no_child_data(
    client, linked, settings
):
    flow.ask(client, linked)
    mail.outbox.clear()
    assert flow.answer(client, linked, PID_MOTHER, keep=["clinic"]).status_code == 302
    (notice,) = notices_to("lise@example.org")
    assert notice.subject == receipt_subject("nb")
    assert f"{settings.PORTAL_BASE_URL}/min-side/" in notice.body
    assert_no_child_data(notice, linked["case"])
    assert notices_to("per@example.org") == []  # the father has not answered yet


def test_a_retried_answer_sends_nothing_more(client, linked):
    flow.ask(client, linked)
    flow.answer(client, linked, PID_MOTHER, keep=["clinic"])
    mail.outbox.clear()
    assert flow.answer(client, linked, PID_MOTHER, keep=["clinic"]).status_code == 409
    assert mail.outbox == []
    assert SamtykkeSvar.objects.count() == 1


def test_the_deciding_answer_tells_every_party_once_in_their_own_language(client, linked):
    flow.ask(client, linked)
    flow.answer(client, linked, PID_MOTHER, keep=["clinic"], language="nn")
    mail.outbox.clear()
    flow.answer(client, linked, PID_FATHER, keep=["clinic"], language="en")
    (to_mother,) = notices_to("lise@example.org")
    (to_father,) = notices_to("per@example.org")
    assert to_mother.subject == receipt_subject("nn")
    assert to_father.subject == receipt_subject("en")
    with translation.override("en"):
        assert gettext("The consent you were asked for is now given.") in to_father.body
    for notice in (to_mother, to_father):
        assert_no_child_data(notice, linked["case"])


def test_a_refusal_tells_the_party_it_is_refused(client, linked):
    flow.ask(client, linked)
    mail.outbox.clear()
    flow.answer(client, linked, PID_MOTHER, keep=[], decision="nei", language="en")
    (notice,) = notices_to("lise@example.org")
    with translation.override("en"):
        assert gettext("The consent you were asked for is refused.") in notice.body
    assert_no_child_data(notice, linked["case"])


def test_a_party_without_an_address_gets_no_notice_and_the_answer_stands(client, linked):
    linked["mother"].email = ""
    linked["mother"].save()
    flow.ask(client, linked)
    mail.outbox.clear()
    assert flow.answer(client, linked, PID_MOTHER, keep=["clinic"]).status_code == 302
    assert [m for m in mail.outbox if "lise@example.org" in m.to] == []
    assert SamtykkeSvar.objects.count() == 1
