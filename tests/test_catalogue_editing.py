"""Who edits the catalogue: a service's leader and local administrator their own measures,
the coordinator everything; everyone else reads."""

import pytest

from bts_portal.content.models import Endringsforslag
from tiltaksoversikt.models import Tema, Tiltak

from .factories import BrukerFactory, TemaFactory, TiltakFactory, TjenesteFactory, grant_role

pytestmark = pytest.mark.django_db


def measure_form(tjeneste, **overrides):
    data = {
        "tjeneste": tjeneste.pk, "title": "Nytt kurs", "slug": "", "summary": "Kurs for foreldre.",
        "body": "", "age_min": 0, "age_max": 6, "access": "lavterskel",
        "target_groups": ["foresatte"], "levels": ["0", "1"],
    }  # fmt: skip
    data.update(overrides)
    return data


@pytest.fixture
def service_b(db):
    return TjenesteFactory(name="Tjeneste B")


def test_leader_of_a_gets_403_editing_service_bs_measure(client, leader, service_b):
    foreign = TiltakFactory(tjeneste=service_b)
    client.force_login(leader)
    assert client.get(f"/ansatt/innhold/tiltak/{foreign.pk}/").status_code == 403
    response = client.post(f"/ansatt/innhold/tiltak/{foreign.pk}/publiser/")
    assert response.status_code == 403


def test_coordinator_edits_measures_of_both_services(client, coordinator, tjeneste, service_b):
    client.force_login(coordinator)
    for service in (tjeneste, service_b):
        measure = TiltakFactory(tjeneste=service)
        response = client.post(
            f"/ansatt/innhold/tiltak/{measure.pk}/",
            measure_form(service, title="Endret", slug=measure.slug),
        )
        # A published measure's change is a proposal, which the coordinator then approves.
        assert response.status_code == 302
        measure.refresh_from_db()
        assert measure.title != "Endret"
        assert client.post(f"{response['Location']}godkjenn/").status_code == 302
        measure.refresh_from_db()
        assert measure.title == "Endret"


def test_leader_creates_and_edits_own_measure_and_the_coordinator_publishes(
    client, leader, coordinator, tjeneste
):
    client.force_login(leader)
    response = client.post("/ansatt/innhold/tiltak/ny/", measure_form(tjeneste))
    assert response.status_code == 302
    measure = Tiltak.objects.get(title="Nytt kurs")
    assert measure.target_groups == ["foresatte"]
    assert measure.levels == [0, 1]
    # Publishing changes what the public sees: the coordinator's (tests/test_content_drafts.py
    # covers the setting that lets the service's leader do it).
    assert client.post(f"/ansatt/innhold/tiltak/{measure.pk}/publiser/").status_code == 403
    client.force_login(coordinator)
    assert client.post(f"/ansatt/innhold/tiltak/{measure.pk}/publiser/").status_code == 302
    measure.refresh_from_db()
    assert measure.is_published
    client.force_login(leader)
    assert client.get(f"/ansatt/innhold/tiltak/{measure.pk}/").status_code == 200
    response = client.post(
        f"/ansatt/innhold/tiltak/{measure.pk}/",
        measure_form(
            tjeneste, slug=measure.slug, levels=["0", "1", "2"], review_due=measure.review_due
        ),
    )
    assert response.status_code == 302
    measure.refresh_from_db()
    assert measure.levels == [0, 1]
    assert Endringsforslag.objects.get().values == {"level_2": True}


def test_local_administrator_edits_own_services_measures(client, tjeneste, service_b):
    admin = BrukerFactory()
    grant_role(admin, tjeneste, "lokal_administrator")
    own, foreign = TiltakFactory(tjeneste=tjeneste), TiltakFactory(tjeneste=service_b)
    client.force_login(admin)
    assert client.get(f"/ansatt/innhold/tiltak/{own.pk}/").status_code == 200
    assert client.get(f"/ansatt/innhold/tiltak/{foreign.pk}/").status_code == 403


def test_leader_cannot_move_a_measure_to_another_service(client, leader, tjeneste, service_b):
    client.force_login(leader)
    response = client.post("/ansatt/innhold/tiltak/ny/", measure_form(service_b))
    assert response.status_code == 400
    assert not Tiltak.objects.exists()


def test_employee_only_reads(client, employee, tjeneste):
    measure = TiltakFactory(tjeneste=tjeneste)
    client.force_login(employee)
    assert client.get("/ansatt/innhold/tiltak/").status_code == 403
    assert client.get(f"/ansatt/innhold/tiltak/{measure.pk}/").status_code == 403
    assert client.get(f"/tiltak/{measure.slug}/").status_code == 200


def test_bad_age_range_is_refused_with_nothing_saved(client, leader, tjeneste):
    client.force_login(leader)
    response = client.post(
        "/ansatt/innhold/tiltak/ny/", measure_form(tjeneste, age_min=10, age_max=4)
    )
    assert response.status_code == 400
    assert "eldste alderen" in response.content.decode()
    assert not Tiltak.objects.exists()


def test_meeting_places_are_edited_by_the_coordinator_only(client, leader, coordinator):
    client.force_login(leader)
    assert client.get("/ansatt/innhold/moteplass/").status_code == 403
    client.force_login(coordinator)
    assert client.get("/ansatt/innhold/moteplass/").status_code == 200


def test_only_the_coordinator_manages_themes(client, leader, coordinator):
    client.force_login(leader)
    assert client.get("/ansatt/tiltak/temaer/").status_code == 403
    assert client.post("/ansatt/tiltak/temaer/", {"title": "Nytt", "order": 1}).status_code == 403
    client.force_login(coordinator)
    response = client.post("/ansatt/tiltak/temaer/", {"title": "Skolefravær", "order": 3})
    assert response.status_code == 302
    assert Tema.objects.get().slug == "skolefravaer"
    duplicate = client.post("/ansatt/tiltak/temaer/", {"title": "Skolefravær", "order": 4})
    assert duplicate.status_code == 400


def test_theme_editing_of_unknown_theme_is_404(client, coordinator):
    client.force_login(coordinator)
    assert client.get("/ansatt/tiltak/temaer/999/").status_code == 404


def test_measure_review_dates_appear_in_the_arshjul(client, coordinator, tjeneste):
    import datetime

    TiltakFactory(
        title="Babysang",
        tjeneste=tjeneste,
        review_due=datetime.date.today() + datetime.timedelta(days=5),
    )
    client.force_login(coordinator)
    content = client.get("/ansatt/arshjul/").content.decode()
    assert "Babysang" in content
    assert tjeneste.name in content


def test_theme_factory_is_used(db):
    assert TemaFactory().slug
