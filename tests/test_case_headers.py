"""Pages and files with case content are never stored by a browser or a proxy, and odd
paging in a case gives the first page, not a 500."""

import pytest
from django.urls import reverse

from stafettlogg.models import Samtykke

from .case_fixtures import open_undring
from .factories import finished_insight_report

pytestmark = pytest.mark.django_db


def no_store(response) -> bool:
    return (
        "no-store" in response.get("Cache-Control", "") and "private" in response["Cache-Control"]
    )


def test_the_concern_pages_are_not_stored(client, people):
    holder = people["users"]["stafettholder"]
    undring = open_undring(people)
    client.force_login(holder)
    assert no_store(client.get(reverse("stafettlogg:undring", kwargs={"pk": undring.pk})))
    assert no_store(client.get(reverse("stafettlogg:undring_create")))
    assert no_store(client.get(reverse("stafettlogg:case_open")))


def test_the_insight_pdf_and_the_consent_form_are_not_stored(
    client, people, case, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    report = finished_insight_report(case)
    # A signed form, recorded as such (consents are never rewritten, so a new row).
    oral = case.consents.get()
    samtykke = Samtykke.objects.create(
        stafettlogg=case, given_by="Lise Forelder", method="skriftlig",
        document="samtykke/x.pdf", valid_until=oral.valid_until, recorded_by=case.stafettholder,
    )  # fmt: skip
    samtykke.services.set(oral.services.all())
    (tmp_path / "samtykke").mkdir()
    (tmp_path / "samtykke" / "x.pdf").write_bytes(b"%PDF-1.7 test")
    client.force_login(people["users"]["stafettholder"])
    pdf = client.get(
        reverse("stafettlogg:insight_download", kwargs={"pk": case.pk, "report_pk": report.pk})
    )
    assert pdf.status_code == 200
    assert no_store(pdf)
    form = client.get(
        reverse("stafettlogg:consent_document", kwargs={"pk": case.pk, "consent_pk": samtykke.pk})
    )
    assert form.status_code == 200
    assert no_store(form)


def test_the_service_case_list_is_not_stored(client, people, case):
    client.force_login(people["users"]["leader"])
    page = client.get(reverse("stafettlogg:service_cases", kwargs={"slug": "solbakken-barnehage"}))
    assert no_store(page)


@pytest.mark.parametrize("side", ["99999999999999999999999", "-3", "abc", "0", "1e9", ""])
def test_odd_page_numbers_on_a_case_page_give_a_page(client, people, case, side):
    client.force_login(people["users"]["stafettholder"])
    response = client.get(reverse("stafettlogg:case", kwargs={"pk": case.pk}), {"side": side})
    assert response.status_code == 200
    assert "Sliten i barnehagen." in response.content.decode()
