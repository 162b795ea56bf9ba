"""Digital consent on My page (issue 20, items 3 and 4): the holder asks, each guardian with
parental responsibility answers after an ID-porten login, the consent is given with the
services every confirming party kept; renewal before expiry, withdrawal online."""

import re
import threading
import time
from datetime import timedelta

import pytest
from django.core import mail
from django.db import connections
from django.test import Client
from django.utils import timezone

from minside import identity, services
from minside.models import Kobling
from stafettlogg import consent, digital_consent, errors
from stafettlogg import services as case_services
from stafettlogg.models import (
    AccessLog,
    ConsentRenewalReminder,
    Innslag,
    Samtykke,
    SamtykkeForesporsel,
    SamtykkeSvar,
    Stafettlogg,
)
from stafettlogg.tasks import send_consent_renewals

from . import test_minside as base
from .case_fixtures import CHILD, open_case
from .oidc_provider import citizen_log_in
from .pdf_checks import assert_tagged
from .services import require_postgresql, require_weasyprint, retention_function_source
from .test_minside import (
    PID_FATHER,
    PID_MOTHER,
    PID_OTHER,
    add_participant,
    invited,
    new_invitation,
)
from .test_minside import citizen as citizen_of

# The citizen area's fixtures: the family with two guardians, the local ID-porten.
family, idporten, provider = base.family, base.idporten, base.provider

pytestmark = pytest.mark.django_db

SUBSTANTIAL = "idporten-loa-substantial"


def link(guardian, pid) -> Kobling:
    return services.bind(invitation_id=new_invitation(guardian).pk, citizen=citizen_of(pid))


def log_in(client, pid, acr=SUBSTANTIAL):
    """A citizen session as the ID-porten callback leaves it (only the keyed hash)."""
    session = client.session
    session[identity.SESSION_KEY] = {
        "pid_hash": identity.pid_hash(pid), "acr": acr, "login_at": time.time(),
    }  # fmt: skip
    session.save()


@pytest.fixture
def linked(family):
    """Both guardians linked; the case's first consent withdrawn, so the log is locked and
    a digital consent is what opens it again."""
    family["mother_link"] = link(family["mother"], PID_MOTHER)
    family["father_link"] = link(family["father"], PID_FATHER)
    case_services.consent_withdraw(
        case=family["case"], user=family["users"]["stafettholder"], reason="Ny runde"
    )
    assert consent.lock(family["case"]) is not None
    return family


def ask(client, family, services=("kindergarten", "clinic", "school"), **data):
    """The holder asks, from their own browser (the citizen's session is left alone)."""
    client = Client()
    client.force_login(family["users"]["stafettholder"])
    response = client.post(
        f"/ansatt/stafettlogg/{family['case'].pk}/samtykke/digitalt/",
        {
            "purpose": "At barnehagen og helsestasjonen skal samarbeide.",
            "services": [family[name].pk for name in services],
            "valid_until": (timezone.localdate() + timedelta(days=180)).isoformat(),
            **data,
        },
    )
    return response


def open_request_pk(case):
    pending = digital_consent.open_request(case)
    return pending.pk if pending else 0


def answer(client, family, pid, *, keep, decision="ja", language="nb"):
    """The guardian answers the request that is open now, as its page's form does."""
    log_in(client, pid)
    return client.post(
        f"/min-side/sak/{family['case'].pk}/samtykke/?sprak={language}",
        {
            "services": [family[name].pk for name in keep],
            "decision": decision,
            "request": open_request_pk(family["case"]),
        },
    )


def covered(case) -> set[str]:
    return set(consent.covered_services(case).values_list("name", flat=True))


# --- The holder asks ----------------------------------------------------------------------
def test_the_holder_asks_and_linked_guardians_get_an_email_without_child_data(client, linked):
    mail.outbox.clear()
    assert ask(client, linked).status_code == 302
    request = SamtykkeForesporsel.objects.get()
    assert request.status == SamtykkeForesporsel.Status.OPEN
    assert {s.name for s in request.services.all()} == {
        "Solbakken barnehage", "Helsestasjonen", "Sentrum skole",
    }  # fmt: skip
    (message,) = mail.outbox
    assert sorted(message.to) == ["lise@example.org", "per@example.org"]
    assert "/min-side/" in message.body
    for secret in (CHILD.split()[0], "Lise", "Per", "barnehage"):
        assert secret not in message.body + message.subject
    row = AccessLog.objects.get(event="consent_request.create")
    assert (row.action, row.object_id) == (AccessLog.Action.WRITE, request.pk)


def test_a_request_longer_than_the_maximum_is_refused_and_nothing_is_stored(client, linked):
    too_long = (timezone.localdate() + timedelta(days=400)).isoformat()
    response = ask(client, linked, valid_until=too_long)
    assert response.status_code == 400
    assert "12" in response.content.decode()
    assert not SamtykkeForesporsel.objects.exists()


def test_a_request_must_name_the_holders_service(client, linked):
    assert ask(client, linked, services=("clinic",)).status_code == 400
    assert not SamtykkeForesporsel.objects.exists()


def test_a_second_open_request_is_refused(client, linked):
    assert ask(client, linked).status_code == 302
    assert ask(client, linked).status_code == 409
    assert SamtykkeForesporsel.objects.count() == 1


@pytest.mark.parametrize(("who", "status"), [("participant", 403), ("other_service", 404)])
def test_only_the_holder_asks_for_consent(client, family, who, status):
    users = family["users"]
    add_participant(family)
    client.force_login(users[who])
    response = client.post(
        f"/ansatt/stafettlogg/{family['case'].pk}/samtykke/digitalt/",
        {"purpose": "x", "services": [family["kindergarten"].pk], "valid_until": "2099-01-01"},
    )
    assert response.status_code == status
    assert not SamtykkeForesporsel.objects.exists()


def test_the_holder_cancels_and_a_second_cancel_changes_nothing(client, linked):
    ask(client, linked)
    client.force_login(linked["users"]["stafettholder"])
    url = f"/ansatt/stafettlogg/{linked['case'].pk}/samtykke/digitalt/avbryt/"
    assert client.post(url).status_code == 302
    assert client.post(url).status_code == 302
    assert SamtykkeForesporsel.objects.get().status == SamtykkeForesporsel.Status.CANCELLED
    assert digital_consent.open_request(linked["case"]) is None


# --- The guardians answer -----------------------------------------------------------------
def test_the_consent_is_given_with_exactly_the_services_both_kept(client, linked):
    ask(client, linked)
    log_in(client, PID_MOTHER)
    text = client.get(f"/min-side/sak/{linked['case'].pk}/samtykke/").content.decode()
    assert "At barnehagen og helsestasjonen skal samarbeide." in text
    assert "Sentrum skole" in text
    assert answer(client, linked, PID_MOTHER, keep=["clinic"]).status_code == 302
    assert consent.lock(linked["case"]) is not None  # the father has not answered yet
    assert answer(client, linked, PID_FATHER, keep=["clinic", "school"]).status_code == 302
    assert consent.lock(linked["case"]) is None
    assert covered(linked["case"]) == {"Solbakken barnehage", "Helsestasjonen"}
    given = Samtykke.objects.get(method=Samtykke.Method.DIGITAL)
    assert given.given_by == "Lise Forelder og Per Forelder"
    assert given.auth_level == SUBSTANTIAL
    assert given.recorded_by == linked["users"]["stafettholder"]
    request = SamtykkeForesporsel.objects.get()
    assert (request.status, request.samtykke) == (SamtykkeForesporsel.Status.ACTIVE, given)
    assert Innslag.objects.filter(kind=Innslag.Kind.CONSENT, text__contains="ID-porten").exists()


def test_with_any_one_required_the_first_confirmation_gives_the_consent(client, linked, settings):
    settings.DIGITAL_CONSENT_REQUIRES = "any"
    ask(client, linked)
    answer(client, linked, PID_FATHER, keep=["school"])
    assert covered(linked["case"]) == {"Solbakken barnehage", "Sentrum skole"}
    # The request is decided: the mother has nothing left to answer.
    assert answer(client, linked, PID_MOTHER, keep=[]).status_code == 409
    assert SamtykkeSvar.objects.count() == 1


def test_a_refusal_is_recorded_and_the_log_stays_locked(client, linked):
    ask(client, linked)
    mail.outbox.clear()
    assert answer(client, linked, PID_MOTHER, keep=[], decision="nei").status_code == 302
    refusal = Samtykke.objects.get(method=Samtykke.Method.DIGITAL)
    assert refusal.refused
    assert refusal.given_by == "Lise Forelder"
    assert SamtykkeForesporsel.objects.get().status == SamtykkeForesporsel.Status.REFUSED
    assert consent.lock(linked["case"]) is not None
    # The holder is told; the guardian gets only the notice of her receipt (its own tests).
    holder = linked["users"]["stafettholder"].email
    (told,) = [m for m in mail.outbox if m.to == [holder]]
    assert CHILD.split()[0] not in told.body


def test_a_guardian_answers_once(client, linked):
    ask(client, linked)
    answer(client, linked, PID_MOTHER, keep=["clinic"])
    assert answer(client, linked, PID_MOTHER, keep=["school"]).status_code == 409
    assert SamtykkeSvar.objects.count() == 1


def test_an_answer_without_a_decision_is_a_400_in_norwegian(client, linked):
    ask(client, linked)
    log_in(client, PID_MOTHER)
    response = client.post(f"/min-side/sak/{linked['case'].pk}/samtykke/", {})
    assert response.status_code == 400
    assert "error-summary" in response.content.decode()
    assert "Feltet er påkrevet." in response.content.decode()
    assert not SamtykkeSvar.objects.exists()


def test_a_service_not_proposed_is_refused_and_the_holders_service_always_kept(client, linked):
    ask(client, linked, services=("kindergarten", "clinic"))
    assert answer(client, linked, PID_FATHER, keep=["clinic", "school"]).status_code == 400
    assert not SamtykkeSvar.objects.exists()
    answer(client, linked, PID_MOTHER, keep=[])
    (mine,) = SamtykkeSvar.objects.filter(foresatt=linked["mother"])
    assert [s.name for s in mine.services.all()] == ["Solbakken barnehage"]


def test_a_guardian_without_parental_responsibility_cannot_answer(client, linked):
    ask(client, linked)
    linked["father"].parental_responsibility = False
    linked["father"].save()
    log_in(client, PID_FATHER)
    page = client.get(f"/min-side/sak/{linked['case'].pk}/samtykke/")
    assert 'name="decision"' not in page.content.decode()
    assert answer(client, linked, PID_FATHER, keep=[]).status_code == 409
    assert not SamtykkeSvar.objects.exists()


def test_a_revoked_link_answers_nothing(linked):
    digital_consent.request_create(
        case=linked["case"], by=linked["users"]["stafettholder"], purpose="p",
        services=[linked["kindergarten"]], valid_until=timezone.localdate() + timedelta(days=30),
    )  # fmt: skip
    services.revoke(foresatt=linked["mother"], by=None)
    with pytest.raises(errors.NotParticipant):
        digital_consent.answer(
            case=linked["case"], link=linked["mother_link"], acr=SUBSTANTIAL, accept=True,
            services=[], language="nb", request_id=open_request_pk(linked["case"]),
        )  # fmt: skip
    assert not SamtykkeSvar.objects.exists()


def test_another_familys_consent_page_is_404(client, linked, people):
    other = open_case(people, child="Jonas Annenfamilie")
    log_in(client, PID_MOTHER)
    assert client.get(f"/min-side/sak/{other.pk}/samtykke/").status_code == 404
    assert client.post(f"/min-side/sak/{other.pk}/samtykke/trekk/").status_code == 404
    assert consent.lock(other) is None


def test_the_acr_of_the_id_porten_login_is_recorded_with_the_answer(client, family, provider):
    client.get(invited(client, family, family["mother"]))
    assert citizen_log_in(client, provider, "mor").status_code == 302
    case_services.consent_withdraw(
        case=family["case"], user=family["users"]["stafettholder"], reason="Ny runde"
    )
    family["father"].parental_responsibility = False  # the mother alone answers
    family["father"].save()
    ask(client, family, services=("kindergarten",))
    response = client.post(
        f"/min-side/sak/{family['case'].pk}/samtykke/",
        {"services": [], "decision": "ja", "request": open_request_pk(family["case"])},
    )
    assert response.status_code == 302
    assert SamtykkeSvar.objects.get().acr == SUBSTANTIAL
    assert Samtykke.objects.get(method=Samtykke.Method.DIGITAL).auth_level == SUBSTANTIAL
    assert consent.lock(family["case"]) is None


@pytest.mark.parametrize(("language", "lang"), [("nn", "nn"), ("en", "en"), ("nb", "nb")])
def test_each_party_gets_a_tagged_receipt_in_their_language(client, linked, language, lang):
    require_weasyprint()
    ask(client, linked)
    answer(client, linked, PID_MOTHER, keep=["clinic"], language=language)
    mine = SamtykkeSvar.objects.get()
    assert mine.language == language
    response = client.get(f"/min-side/sak/{linked['case'].pk}/samtykke/kvittering/{mine.pk}.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert_tagged(response.content, lang)
    row = AccessLog.objects.get(event="citizen.receipt")
    assert (row.citizen, row.action, row.user) == (
        linked["mother_link"], AccessLog.Action.DOWNLOAD, None,
    )  # fmt: skip
    # The other guardian cannot fetch it.
    log_in(client, PID_FATHER)
    url = f"/min-side/sak/{linked['case'].pk}/samtykke/kvittering/{mine.pk}.pdf"
    assert client.get(url).status_code == 404


def _confirm_at_once(case, links, services):
    barrier, errors = threading.Barrier(len(links)), []
    request_id = open_request_pk(case)

    def confirm(one):
        try:
            barrier.wait(timeout=10)
            digital_consent.answer(
                case=case, link=one, acr=SUBSTANTIAL, accept=True, services=services,
                language="nb", request_id=request_id,
            )  # fmt: skip
        except Exception as error:
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=confirm, args=(one,)) for one in links]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return errors


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True)
def test_two_guardians_confirming_at_the_same_moment_give_one_consent(people):
    require_postgresql()
    holder = people["users"]["stafettholder"]
    for _round in range(3):
        case = open_case(people)
        mother = case.guardians.get()
        father = case.guardians.create(name="Per Forelder")
        links = [link(mother, PID_MOTHER), link(father, PID_FATHER)]
        case_services.consent_withdraw(case=case, user=holder, reason="r")
        digital_consent.request_create(
            case=case, by=holder, purpose="p", services=[people["kindergarten"], people["clinic"]],
            valid_until=timezone.localdate() + timedelta(days=90),
        )  # fmt: skip
        assert _confirm_at_once(case, links, [people["clinic"]]) == []
        assert case.consents.filter(method=Samtykke.Method.DIGITAL).count() == 1
        assert covered(case) == {"Solbakken barnehage", "Helsestasjonen"}
        Kobling.objects.all().update(revoked_at=timezone.now())


# --- Withdrawal ---------------------------------------------------------------------------
def test_a_guardian_withdraws_and_the_log_locks_for_staff_at_the_next_request(client, linked):
    ask(client, linked, services=("kindergarten", "clinic"))
    answer(client, linked, PID_MOTHER, keep=["clinic"])
    answer(client, linked, PID_FATHER, keep=["clinic"])
    holder = Client()
    holder.force_login(linked["users"]["stafettholder"])
    case_url = f"/ansatt/stafettlogg/{linked['case'].pk}/"
    assert holder.get(case_url).status_code == 200
    add_participant(linked)
    mail.outbox.clear()
    log_in(client, PID_FATHER)
    assert client.post(f"/min-side/sak/{linked['case'].pk}/samtykke/trekk/").status_code == 302
    assert holder.get(case_url).status_code == 403
    (told,) = mail.outbox
    users = linked["users"]
    assert sorted(told.to) == sorted([users["stafettholder"].email, users["participant"].email])
    for secret in (CHILD.split()[0], "Per", "Lise", "Helsestasjonen"):
        assert secret not in told.body + told.subject
    row = AccessLog.objects.get(event="citizen.consent_withdraw")
    assert (row.citizen, row.action) == (linked["father_link"], AccessLog.Action.WRITE)
    # The guardian still reads the log.
    assert client.get(f"/min-side/sak/{linked['case'].pk}/").status_code == 200


def test_a_second_withdrawal_is_refused_and_changes_nothing(client, family):
    family["mother_link"] = link(family["mother"], PID_MOTHER)
    log_in(client, PID_MOTHER)
    url = f"/min-side/sak/{family['case'].pk}/samtykke/trekk/"
    assert client.post(url).status_code == 302
    withdrawn = Samtykke.objects.get().withdrawn_at
    assert withdrawn is not None
    assert client.post(url).status_code == 302
    assert Samtykke.objects.get().withdrawn_at == withdrawn
    rows = AccessLog.objects.filter(event="citizen.consent_withdraw").order_by("pk")
    assert [r.action for r in rows] == [AccessLog.Action.WRITE, AccessLog.Action.DENIED]
    assert client.get(url).status_code == 405


def test_withdrawal_cancels_an_open_request(client, family):
    link(family["mother"], PID_MOTHER)
    digital_consent.request_create(
        case=family["case"], by=family["users"]["stafettholder"], purpose="p",
        services=[family["kindergarten"]], valid_until=timezone.localdate() + timedelta(days=30),
    )  # fmt: skip
    log_in(client, PID_MOTHER)
    client.post(f"/min-side/sak/{family['case'].pk}/samtykke/trekk/")
    assert SamtykkeForesporsel.objects.get().status == SamtykkeForesporsel.Status.CANCELLED


# --- Renewal ------------------------------------------------------------------------------
def _ending_in(case, days):
    """A consent that ends in ``days`` days, recorded anew after the one ``linked`` withdrew
    (a recorded consent never changes)."""
    holder = case.stafettholder
    today = timezone.localdate()
    ending = Samtykke.objects.create(
        stafettlogg=case, given_by="Lise Forelder og Per Forelder", method=Samtykke.Method.ORAL,
        given_on=today, valid_until=today + timedelta(days=days), recorded_by=holder,
    )  # fmt: skip
    ending.services.set(case.consents.exclude(pk=ending.pk).first().services.all())
    return ending


def test_the_renewal_reminder_is_sent_once_per_consent_and_date(linked, settings):
    ending = _ending_in(linked["case"], 20)
    mail.outbox.clear()
    assert send_consent_renewals() == 1
    assert send_consent_renewals() == 0  # the next run, or a second beat
    assert ConsentRenewalReminder.objects.get().samtykke == ending
    request = SamtykkeForesporsel.objects.get()
    assert (request.renews, request.created_by) == (ending, linked["users"]["stafettholder"])
    assert set(request.services.all()) == set(ending.services.all())
    guardians, holder = sorted(mail.outbox, key=lambda m: len(m.to), reverse=True)
    assert sorted(guardians.to) == ["lise@example.org", "per@example.org"]
    assert holder.to == [linked["users"]["stafettholder"].email]
    for message in mail.outbox:
        assert CHILD.split()[0] not in message.body + message.subject
    # A consent further from its end is not asked about yet.
    settings.CONSENT_RENEWAL_DAYS = 10
    ConsentRenewalReminder.objects.all().delete()
    assert send_consent_renewals() == 0


def test_a_renewed_consent_replaces_the_old_one(client, linked):
    ending = _ending_in(linked["case"], 20)
    send_consent_renewals()
    answer(client, linked, PID_MOTHER, keep=[])
    answer(client, linked, PID_FATHER, keep=[])
    ending.refresh_from_db()
    assert ending.withdrawn_at is not None
    renewed = Samtykke.objects.get(method=Samtykke.Method.DIGITAL)
    assert renewed.valid_until == consent.latest_valid_until(timezone.localdate())
    assert covered(linked["case"]) == {"Solbakken barnehage"}
    assert consent.lock(linked["case"]) is None


def test_the_beat_schedule_runs_the_renewals_daily(settings):
    entry = settings.CELERY_BEAT_SCHEDULE["consent-renewals"]
    assert entry["task"] == "stafettlogg.send_consent_renewals"


# --- Retention ----------------------------------------------------------------------------
def test_retention_deletes_requests_answers_and_reminders_with_the_case(client, linked, settings):
    from stafettlogg import retention

    _ending_in(linked["case"], 20)
    send_consent_renewals()
    answer(client, linked, PID_MOTHER, keep=[])
    case = linked["case"]
    case_services.case_close(
        case=case, user=linked["users"]["stafettholder"], reason="r", final_evaluation="f"
    )
    Stafettlogg.objects.filter(pk=case.pk).update(
        closed_at=timezone.now() - timedelta(days=settings.RETENTION_DAYS + 1)
    )
    retention.case_delete(case=case)
    for model in (SamtykkeForesporsel, SamtykkeSvar, ConsentRenewalReminder, Samtykke):
        assert not model.objects.exists(), model


@pytest.mark.postgresql
def test_the_retention_function_deletes_the_digital_consent_tables():
    body = retention_function_source()
    for table in (
        "stafettlogg_samtykkesvar_services", "stafettlogg_samtykkesvar",
        "stafettlogg_samtykkeforesporsel_services", "stafettlogg_samtykkeforesporsel",
        "stafettlogg_consentrenewalreminder", "minside_kobling", "stafettlogg_stepreminder",
    ):  # fmt: skip
        assert re.search(rf"\b{table}\b", body), table
    assert body.index("stafettlogg_samtykkeforesporsel") < body.index(
        "DELETE FROM stafettlogg_samtykke_services"
    )


def test_no_national_identity_number_is_stored_in_clear_after_a_consent(client, linked):
    ask(client, linked)
    answer(client, linked, PID_MOTHER, keep=["clinic"])
    answer(client, linked, PID_FATHER, keep=[])
    log_in(client, PID_FATHER)
    client.post(f"/min-side/sak/{linked['case'].pk}/samtykke/trekk/")
    from .test_minside_log import tables_holding

    assert tables_holding(PID_MOTHER) == tables_holding(PID_FATHER) == []
    assert PID_OTHER  # the third account never logged in


def test_the_holder_follows_the_answers_on_the_staff_page(client, linked):
    ask(client, linked)
    answer(client, linked, PID_MOTHER, keep=["clinic"])
    holder = Client()
    holder.force_login(linked["users"]["stafettholder"])
    page = holder.get(f"/ansatt/stafettlogg/{linked['case'].pk}/samtykke/digitalt/")
    assert page.status_code == 200
    text = page.content.decode()
    assert "Lise Forelder" in text
    assert "Per Forelder" in text
    assert "avbryt/" in text
    row = AccessLog.objects.filter(event="consent_request.view").latest("pk")
    assert (row.user, row.action) == (linked["users"]["stafettholder"], AccessLog.Action.VIEW)


def test_a_citizen_answering_another_familys_request_gets_404_and_nothing_changes(
    client, linked, people
):
    other = open_case(people, child="Jonas Annenfamilie")
    other_holder = people["users"]["stafettholder"]
    case_services.consent_withdraw(case=other, user=other_holder, reason="r")
    digital_consent.request_create(
        case=other, by=other_holder, purpose="p", services=[people["kindergarten"]],
        valid_until=timezone.localdate() + timedelta(days=30),
    )  # fmt: skip
    log_in(client, PID_MOTHER)
    response = client.post(
        f"/min-side/sak/{other.pk}/samtykke/", {"decision": "ja", "request": open_request_pk(other)}
    )
    assert response.status_code == 404
    assert not SamtykkeSvar.objects.exists()
    assert consent.lock(other) is not None


def test_the_consent_page_queries_do_not_grow_with_receipts(
    client, linked, django_assert_max_num_queries
):
    for _round in range(4):
        ask(client, linked)
        answer(client, linked, PID_MOTHER, keep=[], decision="nei")
    ask(client, linked)
    log_in(client, PID_MOTHER)
    with django_assert_max_num_queries(14):
        page = client.get(f"/min-side/sak/{linked['case'].pk}/samtykke/")
    assert page.content.decode().count("kvittering/") == 4


def test_an_answer_to_a_request_no_longer_open_is_refused(client, linked):
    ask(client, linked)
    read = open_request_pk(linked["case"])
    digital_consent.request_cancel(case=linked["case"], by=linked["users"]["stafettholder"])
    ask(client, linked, services=("kindergarten",))  # asked anew, for something else
    log_in(client, PID_MOTHER)
    response = client.post(
        f"/min-side/sak/{linked['case'].pk}/samtykke/", {"decision": "ja", "request": read}
    )
    assert response.status_code == 409
    assert not SamtykkeSvar.objects.exists()
    row = AccessLog.objects.get(event="citizen.consent_answer")
    assert (row.action, row.reason) == (AccessLog.Action.DENIED, "conflict")
