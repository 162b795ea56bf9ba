"""The services' refusals are one family (``stafettlogg.errors.CaseError``): each kind of
refusal its own member, ``ConsentError`` only for what the consent does not allow, and
nothing changes when a service refuses."""

import pytest
from django.urls import reverse

from stafettlogg import errors, services
from stafettlogg.models import AccessLog, Deltaker, Innslag, Stafettlogg

from .case_forms import open_form

pytestmark = pytest.mark.django_db


def test_only_the_holder_closes_and_the_refusal_is_not_about_consent(people, case):
    with pytest.raises(errors.NotPermitted) as refused:
        services.case_close(
            case=case, user=people["users"]["participant"], reason="r", final_evaluation="e"
        )
    assert not isinstance(refused.value, errors.ConsentError)
    assert refused.value.reason == "not_permitted"
    case.refresh_from_db()
    assert case.status == Stafettlogg.Status.ACTIVE
    assert not case.entries.filter(kind=Innslag.Kind.CLOSURE).exists()


def test_only_the_holder_offers_the_baton(people, case):
    users = people["users"]
    with pytest.raises(errors.NotPermitted):
        services.handover_request(
            case=case, user=users["participant"], to_user=users["same_service"],
            to_tjeneste=people["kindergarten"],
        )  # fmt: skip
    assert not case.handovers.exists()


def test_only_the_holder_ends_another_participation(people, case):
    users = people["users"]
    services.participant_add(
        case=case, by=users["stafettholder"], user=users["same_service"],
        tjeneste=people["kindergarten"],
    )  # fmt: skip
    other = Deltaker.objects.get(stafettlogg=case, user=users["same_service"])
    with pytest.raises(errors.NotPermitted):
        services.participant_remove(case=case, by=users["participant"], participant=other)
    other.refresh_from_db()
    assert other.removed_at is None


def test_a_closed_case_refuses_writes_as_closed(people, case):
    holder = people["users"]["stafettholder"]
    services.case_close(case=case, user=holder, reason="r", final_evaluation="e")
    before = case.entries.count()
    with pytest.raises(errors.CaseClosed) as refused:
        services.entry_add(case=case, user=holder, kind=Innslag.Kind.OBSERVATION, text="x")
    assert refused.value.reason == "not_writable"
    assert case.entries.count() == before


def test_a_withdrawn_consent_refuses_writes_as_locked(people, case):
    holder = people["users"]["stafettholder"]
    services.consent_withdraw(case=case, user=holder, reason="Nei.")
    before = case.entries.count()
    with pytest.raises(errors.CaseLocked):
        services.entry_add(case=case, user=holder, kind=Innslag.Kind.OBSERVATION, text="x")
    assert case.entries.count() == before


def test_a_service_the_consent_does_not_name_is_a_consent_error(people, case):
    users = people["users"]
    with pytest.raises(errors.ConsentError) as refused:
        services.participant_add(
            case=case, by=users["stafettholder"], user=users["other_service"],
            tjeneste=people["school"],
        )  # fmt: skip
    assert isinstance(refused.value, errors.CaseError)
    assert not case.participants.filter(user=users["other_service"]).exists()


def test_a_participant_reads_a_closed_case_but_its_write_is_refused(client, people, case):
    """The read/write split: a closed log is read by its participants, never written."""
    holder = people["users"]["stafettholder"]
    services.case_close(case=case, user=holder, reason="r", final_evaluation="e")
    client.force_login(people["users"]["participant"])
    page = client.get(reverse("stafettlogg:case", kwargs={"pk": case.pk}))
    assert page.status_code == 200
    assert 'name="text"' not in page.content.decode()  # no entry form on a closed log
    before = case.entries.count()
    url = reverse("stafettlogg:entry_add", kwargs={"pk": case.pk, "kind": "observasjon"})
    response = client.post(url, {"text": "Skrevet etter lukking."})
    assert response.status_code == 403
    assert case.entries.count() == before
    row = AccessLog.objects.latest("pk")
    assert (row.event, row.action, row.reason) == ("entry.add", "denied", "not_writable")


def test_a_refused_case_open_opens_nothing_and_logs_nothing(client, people):
    """``logged_creation``: the row is written only with what was created."""
    client.force_login(people["users"]["stafettholder"])
    rows = AccessLog.objects.count()
    response = client.post(
        reverse("stafettlogg:case_open"), open_form(people, services=[people["clinic"].pk])
    )
    assert response.status_code == 400
    assert not Stafettlogg.objects.filter(child_name="Ola Nordmann").exists()
    assert AccessLog.objects.count() == rows
    response = client.post(reverse("stafettlogg:case_open"), open_form(people))
    opened = Stafettlogg.objects.get(child_name="Ola Nordmann")
    row = AccessLog.objects.latest("pk")
    assert (row.event, row.stafettlogg_id, row.tjeneste_id) == (
        "case.open",
        opened.pk,
        people["kindergarten"].pk,
    )
    assert AccessLog.objects.count() == rows + 1


def test_an_unknown_step_is_a_404_whose_row_says_not_found(client, people, case):
    client.force_login(people["users"]["stafettholder"])
    url = reverse("stafettlogg:checklist", kwargs={"pk": case.pk, "key": "no-such-step"})
    response = client.post(url, {"done": "1"})
    assert response.status_code == 404
    assert not case.done_steps.filter(step_key="no-such-step").exists()
    row = AccessLog.objects.latest("pk")
    assert (row.event, row.action, row.reason) == ("checklist.toggle", "denied", "not_found")


def test_someone_outside_the_case_gets_a_404_and_a_row_that_says_why(client, people, case):
    client.force_login(people["users"]["other_service"])
    response = client.get(reverse("stafettlogg:case", kwargs={"pk": case.pk}))
    assert response.status_code == 404
    assert "Emma Testbarn" not in response.content.decode()
    row = AccessLog.objects.latest("pk")
    assert (row.event, row.action, row.reason) == ("case.view", "denied", "not_participant")
