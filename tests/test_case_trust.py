"""The seven ways the case log's promise was broken by changing state first, each made
impossible: every test here failed on the code as it was before the access rule was
computed from current rows."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from organisasjon.models import Medlemskap
from organisasjon.services import membership_add, membership_remove
from stafettlogg import consent, errors, services
from stafettlogg.models import AccessLog, Deltaker, InsightReport, Samtykke

from .case_fixtures import CHILD, open_case
from .factories import finished_insight_report

pytestmark = pytest.mark.django_db


def case_url(case, name="stafettlogg:case", **kwargs):
    return reverse(name, kwargs={"pk": case.pk, **kwargs})


def withdraw(case, people):
    services.consent_withdraw(case=case, user=people["users"]["stafettholder"], reason="Nei.")


def consent_post(people, *, services_=("kindergarten",), **extra):
    today = timezone.localdate()
    return {
        "given_by": "Lise Forelder",
        "method": "muntlig",
        "given_on": today.isoformat(),
        "valid_until": (today + timedelta(days=180)).isoformat(),
        "services": [people[name].pk for name in services_],
        **extra,
    }


def last_row():
    return AccessLog.objects.latest("pk")


# --- 1. A leader reads case content by handing the baton to themselves ----------------------


def test_the_reassign_form_never_offers_the_leader_themself(client, people, case):
    leader = people["users"]["leader"]
    client.force_login(leader)
    page = client.get(reverse("stafettlogg:service_cases", kwargs={"slug": "solbakken-barnehage"}))
    assert f'value="{leader.pk}"' not in page.content.decode()


def test_a_leader_who_reassigns_to_themself_is_refused_and_still_cannot_read(client, people, case):
    leader = people["users"]["leader"]
    client.force_login(leader)
    url = reverse(
        "stafettlogg:reassign", kwargs={"slug": "solbakken-barnehage", "case_pk": case.pk}
    )
    response = client.post(url, {"new_holder": leader.pk})
    assert response.status_code == 400
    case.refresh_from_db()
    assert case.stafettholder == people["users"]["stafettholder"]
    assert not case.participants.filter(user=leader).exists()
    assert (last_row().action, last_row().reason) == ("denied", "invalid")
    assert client.get(case_url(case)).status_code == 404
    samtykke = case.consents.first()
    assert client.get(case_url(case, "stafettlogg:consent")).status_code == 404
    document = case_url(case, "stafettlogg:consent_document", consent_pk=samtykke.pk)
    assert client.get(document).status_code == 404


def test_the_service_refuses_reassigning_to_oneself_even_past_the_form(people, case):
    with pytest.raises(errors.NotPermitted, match="deg selv"):
        services.stafettholder_reassign(
            case=case, by=people["users"]["leader"], new_holder=people["users"]["leader"]
        )


def test_a_system_administrator_who_makes_themself_leader_still_cannot_reach_the_case(
    client, people, case
):
    sysadmin = people["users"]["sysadmin"]
    membership_add(user=sysadmin, tjeneste=people["kindergarten"], rolle="leder")
    client.force_login(sysadmin)
    url = reverse(
        "stafettlogg:reassign", kwargs={"slug": "solbakken-barnehage", "case_pk": case.pk}
    )
    assert client.post(url, {"new_holder": sysadmin.pk}).status_code == 400
    assert client.get(case_url(case)).status_code == 404


@pytest.mark.parametrize("state", ["locked", "closed"])
def test_locked_and_closed_cases_cannot_be_reassigned(client, people, case, state):
    users = people["users"]
    if state == "locked":
        withdraw(case, people)
    else:
        services.case_close(
            case=case, user=users["stafettholder"], reason="r", final_evaluation="f"
        )
    client.force_login(users["leader"])
    url = reverse(
        "stafettlogg:reassign", kwargs={"slug": "solbakken-barnehage", "case_pk": case.pk}
    )
    response = client.post(url, {"new_holder": users["same_service"].pk})
    assert response.status_code == 409
    case.refresh_from_db()
    assert case.stafettholder == users["stafettholder"]
    assert not case.participants.filter(user=users["same_service"]).exists()
    assert (last_row().event, last_row().action) == ("case.reassign", "denied")


def test_reassigning_gives_the_new_holder_access_and_the_leader_none(client, people, case):
    users = people["users"]
    client.force_login(users["leader"])
    url = reverse(
        "stafettlogg:reassign", kwargs={"slug": "solbakken-barnehage", "case_pk": case.pk}
    )
    assert client.post(url, {"new_holder": users["same_service"].pk}).status_code == 302
    assert (last_row().event, last_row().action) == ("case.reassign", "write")
    assert client.get(case_url(case)).status_code == 404
    client.force_login(users["same_service"])
    assert client.get(case_url(case)).status_code == 200


# --- 2. The consent lock bypassed through the insight PDF -----------------------------------


def test_after_withdrawal_only_the_baton_holder_gets_the_insight_pdf(
    client, people, case, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    report = finished_insight_report(case)
    withdraw(case, people)
    download = case_url(case, "stafettlogg:insight_download", report_pk=report.pk)
    client.force_login(people["users"]["participant"])
    assert client.get(download).status_code == 403
    assert (last_row().action, last_row().reason) == ("denied", "not_permitted")
    assert client.post(case_url(case, "stafettlogg:insight_request")).status_code == 403
    assert InsightReport.objects.count() == 1
    client.force_login(people["users"]["stafettholder"])
    response = client.get(download)
    assert response.status_code == 200
    assert (last_row().event, last_row().action) == ("insight.download", "export")


def test_the_baton_holder_orders_a_new_insight_pdf_of_a_locked_log_logged_as_an_export(
    client, people, case
):
    withdraw(case, people)
    client.force_login(people["users"]["stafettholder"])
    response = client.post(case_url(case, "stafettlogg:insight_request"))
    assert response.status_code == 302
    assert (last_row().event, last_row().action) == ("insight.request", "export")


# --- 3. Consent scope per participant --------------------------------------------------------


def test_a_new_consent_reopens_the_log_only_for_the_services_it_names(client, people, case):
    withdraw(case, people)
    client.force_login(people["users"]["stafettholder"])
    response = client.post(case_url(case, "stafettlogg:consent"), consent_post(people))
    assert response.status_code == 302
    assert client.get(case_url(case)).status_code == 200
    client.force_login(people["users"]["participant"])  # the clinic: not named any more
    response = client.get(case_url(case))
    assert response.status_code == 403
    assert CHILD not in response.content.decode()
    assert (last_row().action, last_row().reason) == ("denied", "locked")
    entry = case_url(case, "stafettlogg:entry_add", kind="observasjon")
    assert client.post(entry, {"text": "Forsøk"}).status_code == 403
    assert not case.entries.filter(text="Forsøk").exists()


# --- 4. Access survives loss of membership ---------------------------------------------------


def test_removing_the_membership_ends_reading_writing_and_the_participation(client, people, case):
    participant = people["users"]["participant"]
    client.force_login(participant)
    assert client.get(case_url(case)).status_code == 200
    membership_remove(membership=Medlemskap.objects.get(user=participant))
    assert client.get(case_url(case)).status_code == 404
    entry = case_url(case, "stafettlogg:entry_add", kind="observasjon")
    assert client.post(entry, {"text": "Etter at jeg sluttet"}).status_code == 404
    assert not case.entries.filter(text="Etter at jeg sluttet").exists()
    row = Deltaker.objects.get(stafettlogg=case, user=participant)
    assert row.removed_at is not None
    assert case.entries.filter(kind="deltaker", text__contains="jobber ikke lenger").exists()
    # Coming back to the service does not bring back the participation by itself.
    membership_add(user=participant, tjeneste=people["clinic"], rolle="ansatt")
    assert client.get(case_url(case)).status_code == 404


def test_a_membership_deleted_behind_the_services_back_ends_access_on_the_next_request(
    client, people, case
):
    participant = people["users"]["participant"]
    client.force_login(participant)
    Medlemskap.objects.filter(user=participant).delete()  # no sync: the rows alone decide
    assert client.get(case_url(case)).status_code == 404


def test_a_deactivated_account_reads_and_writes_nothing(client, people, case):
    participant = people["users"]["participant"]
    client.force_login(participant)
    participant.is_active = False
    participant.save(update_fields=["is_active"])
    response = client.get(case_url(case))
    assert response.status_code == 302
    assert "/logg-inn/" in response["Location"]
    before = case.entries.count()
    client.post(case_url(case, "stafettlogg:entry_add", kind="observasjon"), {"text": "x"})
    assert case.entries.count() == before


def test_entries_are_attributed_to_the_service_the_writer_takes_part_for(people, case):
    participant = people["users"]["participant"]
    membership_add(user=participant, tjeneste=people["school"], rolle="ansatt")
    entry = services.entry_add(
        case=case, user=participant, kind="observasjon", text="Fra helsestasjonen"
    )
    assert entry.author_tjeneste == people["clinic"]


# --- 5. Any participant can unlock a locked log ----------------------------------------------


def test_only_the_baton_holder_records_a_consent_and_a_participant_cannot_unlock(
    client, people, case
):
    withdraw(case, people)
    client.force_login(people["users"]["participant"])
    response = client.post(
        case_url(case, "stafettlogg:consent"),
        consent_post(people, services_=("kindergarten", "clinic")),
    )
    assert response.status_code == 403
    assert consent.lock(case) is not None
    assert case.consents.count() == 1
    assert (last_row().event, last_row().action) == ("consent.add", "denied")


def test_a_new_consent_must_name_the_guardians_and_is_capped_in_time(client, people, case):
    withdraw(case, people)
    client.force_login(people["users"]["stafettholder"])
    today = timezone.localdate()
    nameless = consent_post(people, given_by="Noen")
    assert client.post(case_url(case, "stafettlogg:consent"), nameless).status_code == 400
    forever = consent_post(people, valid_until=(today + timedelta(days=800)).isoformat())
    response = client.post(case_url(case, "stafettlogg:consent"), forever)
    assert response.status_code == 400
    assert "høyst 12 måneder" in response.content.decode()
    without_holder = consent_post(people, services_=("clinic",))
    assert client.post(case_url(case, "stafettlogg:consent"), without_holder).status_code == 400
    assert case.consents.count() == 1
    assert consent.lock(case) is not None


# --- 6. The age for a child's own consent ----------------------------------------------------


def test_a_child_under_the_consent_age_cannot_consent_alone(client, people, settings):
    settings.CONSENT_AGE = 16
    case = open_case(people)  # the child is 4
    client.force_login(people["users"]["stafettholder"])
    response = client.post(
        case_url(case, "stafettlogg:consent"), consent_post(people, child_basis="helse16")
    )
    assert response.status_code == 400
    assert "fra fylte 16 år" in response.content.decode()
    with pytest.raises(consent.ConsentError):
        services.consent_add(
            case=case, user=people["users"]["stafettholder"], services=[people["kindergarten"]],
            consent_data={"given_by": "Barnet", "method": "muntlig", "child_basis": "helse16",
                          "given_on": timezone.localdate(),
                          "valid_until": timezone.localdate() + timedelta(days=30)},
        )  # fmt: skip


def test_a_young_person_at_the_consent_age_consents_alone(people, settings):
    settings.CONSENT_AGE = 16
    case = open_case(people)
    today = timezone.localdate()
    case.child_birth_date = today.replace(year=today.year - 16)
    case.save(update_fields=["child_birth_date"])
    samtykke = services.consent_add(
        case=case, user=people["users"]["stafettholder"], services=[people["kindergarten"]],
        consent_data={"given_by": "Ungdommen selv", "method": "muntlig", "child_basis": "helse16",
                      "given_on": today, "valid_until": today + timedelta(days=30)},
    )  # fmt: skip
    assert samtykke.child_basis == Samtykke.ChildBasis.HEALTH


# --- 7. The access log is complete and labelled truthfully -----------------------------------


def test_opening_a_case_creating_a_concern_and_my_work_each_write_a_row(client, people):
    holder = people["users"]["stafettholder"]
    client.force_login(holder)
    today = timezone.localdate()
    response = client.post(reverse("stafettlogg:case_open"), {
        "tjeneste": people["kindergarten"].pk, "child_name": "Ola Ny", "level": 1,
        "child_birth_date": today.replace(year=today.year - 5).isoformat(),
        "guardian1_name": "Kari Ny", "given_by": "Kari Ny", "method": "muntlig",
        "given_on": today.isoformat(), "valid_until": (today + timedelta(days=90)).isoformat(),
        "services": [people["kindergarten"].pk],
    })  # fmt: skip
    assert response.status_code == 302
    opened = last_row()
    assert (opened.event, opened.action, opened.user) == ("case.open", "write", holder)
    assert opened.stafettlogg_id is not None
    client.post(reverse("stafettlogg:undring_create"), {
        "tjeneste": people["kindergarten"].pk, "observation": "Stille i det siste.",
    })  # fmt: skip
    created = last_row()
    assert (created.event, created.action) == ("undring.create", "write")
    assert created.undring_id is not None
    client.get(reverse("stafettlogg:my_work"))
    assert (last_row().event, last_row().action) == ("mywork.view", "view")


def test_refused_and_invalid_requests_are_logged_as_refused_with_why(client, people, case):
    users = people["users"]
    client.force_login(users["other_service"])
    client.get(case_url(case))
    assert (last_row().action, last_row().reason) == ("denied", "not_participant")
    client.force_login(users["stafettholder"])
    client.post(case_url(case, "stafettlogg:entry_add", kind="observasjon"), {"text": ""})
    assert (last_row().event, last_row().action, last_row().reason) == (
        "entry.add",
        "denied",
        "invalid",
    )
    services.case_close(case=case, user=users["stafettholder"], reason="r", final_evaluation="f")
    client.post(case_url(case, "stafettlogg:entry_add", kind="observasjon"), {"text": "Sent"})
    assert (last_row().action, last_row().reason) == ("denied", "not_writable")


def test_a_plain_get_of_a_form_is_a_read_not_a_write(client, people, case):
    client.force_login(people["users"]["stafettholder"])
    entry = case.entries.first()
    client.get(case_url(case, "stafettlogg:entry_correct", entry_pk=entry.pk))
    row = last_row()
    assert (row.event, row.action, row.object_id) == ("entry.correct_form", "view", entry.pk)


def test_a_write_is_logged_only_once_its_outcome_is_known(client, people, case):
    client.force_login(people["users"]["stafettholder"])
    client.post(case_url(case, "stafettlogg:entry_add", kind="observasjon"), {"text": "Ny"})
    row = last_row()
    entry = case.entries.get(text="Ny")
    assert (row.event, row.action, row.object_id) == ("entry.add", "write", entry.pk)
    assert row.at >= entry.created_at


def test_case_pages_are_never_stored_by_browsers_or_proxies(client, people, case):
    client.force_login(people["users"]["stafettholder"])
    for url in [
        case_url(case),
        case_url(case, "stafettlogg:consent"),
        reverse("stafettlogg:my_work"),
    ]:
        assert "no-store" in client.get(url)["Cache-Control"], url
