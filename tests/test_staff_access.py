"""The staff area: login required, a role required, and a service's pages only for its members."""

import pytest
from django.urls import reverse

from .factories import BrukerFactory, grant_role

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url",
    ["/ansatt/", "/ansatt/tjeneste/", "/ansatt/tjeneste/solbakken-barnehage/"],
)
def test_anonymous_visitor_is_sent_to_login(client, tjeneste, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(f"{reverse('login')}?next=")


def test_logged_in_user_without_any_role_gets_403(client, db):
    client.force_login(BrukerFactory())
    assert client.get("/ansatt/").status_code == 403


def test_employee_opens_own_service_page(client, employee, tjeneste):
    client.force_login(employee)
    response = client.get(f"/ansatt/tjeneste/{tjeneste.slug}/")
    assert response.status_code == 200
    assert tjeneste.name in response.content.decode()


def test_employee_of_service_a_gets_403_on_service_b_page(client, employee, other_tjeneste):
    client.force_login(employee)
    response = client.get(f"/ansatt/tjeneste/{other_tjeneste.slug}/")
    assert response.status_code == 403
    assert "Du har ikke tilgang" in response.content.decode()


def test_unknown_service_gives_404(client, employee):
    client.force_login(employee)
    assert client.get("/ansatt/tjeneste/finnes-ikke/").status_code == 404


def test_coordinator_without_membership_enters_staff_area_but_no_service_page(client, tjeneste):
    coordinator = BrukerFactory(is_bts_coordinator=True)
    client.force_login(coordinator)
    assert client.get("/ansatt/").status_code == 200
    assert client.get(f"/ansatt/tjeneste/{tjeneste.slug}/").status_code == 403


def test_service_page_lists_members_and_their_roles(client, employee, tjeneste):
    leader = BrukerFactory(first_name="Hilde", last_name="Strand")
    grant_role(leader, tjeneste, "leder")
    client.force_login(employee)
    content = client.get(f"/ansatt/tjeneste/{tjeneste.slug}/").content.decode()
    assert "Hilde Strand" in content
    assert "Leder" in content


def test_my_services_lists_only_the_users_services(client, employee, tjeneste, other_tjeneste):
    client.force_login(employee)
    content = client.get("/ansatt/tjeneste/").content.decode()
    assert tjeneste.name in content
    assert other_tjeneste.name not in content


def test_navigation_shows_system_administration_only_to_the_system_administrator(client, employee):
    client.force_login(employee)
    assert "Systemadministrasjon" not in client.get("/ansatt/").content.decode()
    admin_user = BrukerFactory(is_staff=True)
    client.force_login(admin_user)
    assert "Systemadministrasjon" in client.get("/ansatt/").content.decode()


def test_navigation_hides_my_services_from_users_without_a_service(client, db):
    client.force_login(BrukerFactory(is_bts_coordinator=True))
    assert "Mine tjenester" not in client.get("/ansatt/").content.decode()


def test_staff_start_page_shows_the_users_roles(client, employee, tjeneste):
    client.force_login(employee)
    content = client.get("/ansatt/").content.decode()
    assert "Ansatt" in content
    assert tjeneste.name in content
    assert "Opplysningsplikt" in content


def test_django_admin_is_closed_to_employees(client, employee):
    client.force_login(employee)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
