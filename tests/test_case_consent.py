"""The consent gates everything: no log without it, no service outside it, and withdrawal
or expiry locks the log at once, deleting nothing."""

from datetime import timedelta
from unittest import mock

import pytest
from django.urls import reverse
from django.utils import timezone

from stafettlogg import consent, services
from stafettlogg.models import AccessLog, Samtykke, Stafettlogg

from .case_fixtures import CHILD, open_case, open_undring
from .case_forms import open_form

pytestmark = pytest.mark.django_db


def test_employee_opens_a_case_with_consent_and_becomes_baton_holder(client, people):
    client.force_login(people["users"]["stafettholder"])
    response = client.post(reverse("stafettlogg:case_open"), open_form(people))
    assert response.status_code == 302
    case = Stafettlogg.objects.get(child_name="Ola Nordmann")
    assert case.stafettholder == people["users"]["stafettholder"]
    assert consent.active_consents(case).count() == 1
    assert list(consent.covered_services(case)) == [people["kindergarten"]]


def test_a_case_cannot_be_opened_without_naming_ones_own_service(client, people):
    client.force_login(people["users"]["stafettholder"])
    response = client.post(
        reverse("stafettlogg:case_open"), open_form(people, services=[people["clinic"].pk])
    )
    assert response.status_code == 400
    assert "samtykket må nevne din egen tjeneste" in response.content.decode().lower()
    assert not Stafettlogg.objects.exists()


def test_written_consent_needs_a_real_pdf(client, people):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(people["users"]["stafettholder"])
    fake = SimpleUploadedFile("samtykke.pdf", b"not a pdf")
    response = client.post(
        reverse("stafettlogg:case_open"), open_form(people, method="skriftlig", document=fake)
    )
    assert response.status_code == 400
    assert not Stafettlogg.objects.exists()
    assert not Samtykke.objects.exists()


def test_expired_end_date_is_refused(client, people):
    client.force_login(people["users"]["stafettholder"])
    yesterday = (timezone.localdate() - timedelta(days=1)).isoformat()
    response = client.post(
        reverse("stafettlogg:case_open"), open_form(people, valid_until=yesterday)
    )
    assert response.status_code == 400
    assert not Stafettlogg.objects.exists()


def test_adding_a_participant_from_a_service_outside_the_consent_is_refused(client, people):
    case = open_case(people, covered=("kindergarten",))
    client.force_login(people["users"]["stafettholder"])
    response = client.post(
        reverse("stafettlogg:participant_add", kwargs={"pk": case.pk}),
        {"user": people["users"]["participant"].pk, "tjeneste": people["clinic"].pk},
    )
    assert response.status_code == 400  # the clinic is not even a choice
    assert not case.participants.filter(user=people["users"]["participant"]).exists()
    with pytest.raises(consent.ConsentError, match="ikke nevnt i foresattes samtykke"):
        services.participant_add(
            case=case,
            by=people["users"]["stafettholder"],
            user=people["users"]["participant"],
            tjeneste=people["clinic"],
        )


def test_a_new_consent_lets_a_new_service_join(client, people):
    case = open_case(people, covered=("kindergarten",))
    holder = people["users"]["stafettholder"]
    today = timezone.localdate()
    services.consent_add(
        case=case,
        user=holder,
        services=[people["kindergarten"], people["clinic"]],
        consent_data={
            "given_by": "Lise Forelder",
            "method": "muntlig",
            "given_on": today,
            "valid_until": today + timedelta(days=90),
        },
    )
    services.participant_add(
        case=case, by=holder, user=people["users"]["participant"], tjeneste=people["clinic"]
    )
    assert case.participants.count() == 2


def test_withdrawal_locks_reading_and_writing_at_once_and_deletes_nothing(client, people, case):
    client.force_login(people["users"]["stafettholder"])
    entries_before = case.entries.count()
    response = client.post(
        reverse("stafettlogg:consent_withdraw", kwargs={"pk": case.pk}),
        {"reason": "Foreldrene ønsker ikke samarbeid lenger."},
    )
    assert response.status_code == 302
    page = client.get(reverse("stafettlogg:case", kwargs={"pk": case.pk}))
    assert page.status_code == 403
    content = page.content.decode()
    assert "trakk samtykket" in content
    assert "Sliten i barnehagen." not in content
    write = client.post(
        reverse("stafettlogg:entry_add", kwargs={"pk": case.pk, "kind": "observasjon"}),
        {"text": "Etter tilbaketrekking"},
    )
    assert write.status_code == 403
    assert not case.entries.filter(text="Etter tilbaketrekking").exists()
    assert case.entries.count() == entries_before + 1  # the withdrawal itself is recorded
    client.force_login(people["users"]["participant"])
    assert client.get(reverse("stafettlogg:case", kwargs={"pk": case.pk})).status_code == 403
    assert AccessLog.objects.filter(stafettlogg_id=case.pk, action="denied").exists()


def test_expired_consent_locks_the_log(client, people, case):
    # Time passes, rather than the consent being rewritten (the database refuses that).
    later = timezone.now() + timedelta(days=400)
    with mock.patch("django.utils.timezone.now", return_value=later):
        client.force_login(people["users"]["stafettholder"])
        response = client.get(reverse("stafettlogg:case", kwargs={"pk": case.pk}))
        assert response.status_code == 403
        assert "utløp" in response.content.decode()
        consents = client.get(reverse("stafettlogg:consent", kwargs={"pk": case.pk}))
        assert consents.status_code == 200


def test_refusal_is_recorded_on_the_concern(client, people):
    holder = people["users"]["stafettholder"]
    undring = open_undring(people)
    client.force_login(holder)
    response = client.post(
        reverse("stafettlogg:undring_refusal", kwargs={"pk": undring.pk}),
        {"given_by": "Far", "services": [people["clinic"].pk]},
    )
    assert response.status_code == 302
    refusal = Samtykke.objects.get()
    assert refusal.refused
    assert refusal.undring == undring
    assert not Stafettlogg.objects.exists()


def test_case_holder_child_name_never_in_the_leaders_list(client, people, case):
    client.force_login(people["users"]["leader"])
    response = client.get(
        reverse("stafettlogg:service_cases", kwargs={"slug": "solbakken-barnehage"})
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert CHILD not in content
    assert "ET" in content  # initials
    assert "Sliten" not in content


def test_signed_form_is_stored_and_downloadable_by_participants_only(
    client, people, settings, tmp_path
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.MEDIA_ROOT = tmp_path
    pdf = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"
    client.force_login(people["users"]["stafettholder"])
    response = client.post(
        reverse("stafettlogg:case_open"),
        open_form(people, method="skriftlig", document=SimpleUploadedFile("samtykke.pdf", pdf)),
    )
    assert response.status_code == 302
    case = Stafettlogg.objects.get()
    samtykke = case.consents.get()
    url = reverse("stafettlogg:consent_document", kwargs={"pk": case.pk, "consent_pk": samtykke.pk})
    download = client.get(url)
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"%PDF")
    assert AccessLog.objects.filter(stafettlogg_id=case.pk, action="download").exists()
    client.force_login(people["users"]["same_service"])
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("value", ["abc", "1;drop", "999999"])
def test_a_bad_concern_in_the_open_address_is_404_not_500(client, people, value):
    client.force_login(people["users"]["stafettholder"])
    response = client.get(reverse("stafettlogg:case_open"), {"undring": value})
    assert response.status_code == 404
