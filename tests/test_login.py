"""Login, lockout after repeated failures, logout and password reset, in Norwegian."""

import re
from urllib.parse import urlencode

import pytest
from django.core import mail
from django.urls import reverse

pytestmark = pytest.mark.django_db

LOGIN = "/ansatt/logg-inn/"


def attempt(client, username, password):
    return client.post(LOGIN, {"username": username, "password": password})


def test_login_page_speaks_norwegian(client):
    response = client.get(LOGIN)
    assert response.status_code == 200
    content = response.content.decode()
    assert 'lang="nb"' in content
    assert "Logg inn" in content
    assert "Brukernavn" in content


def test_employee_logs_in_and_is_led_to_set_up_the_second_factor(client, employee):
    response = attempt(client, "ansatt", "riktig-passord-123")
    assert response.status_code == 302
    assert response["Location"] == (
        f"{reverse('innlogging:enrol')}?{urlencode({'next': reverse('staff:home')})}"
    )
    assert client.get(response["Location"]).status_code == 200


def test_a_user_without_case_work_logs_in_and_lands_on_staff_start_page(client, coordinator):
    response = attempt(client, "koordinator", "riktig-passord-123")
    assert response.status_code == 302
    assert response["Location"] == reverse("staff:home")


def test_wrong_password_shows_norwegian_error_and_status_200(client, employee):
    response = attempt(client, "ansatt", "feil")
    assert response.status_code == 200
    assert "korrekt brukernavn og passord" in response.content.decode()


def test_account_is_locked_after_five_failed_attempts(client, employee, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, "ansatt", "feil")
    response = attempt(client, "ansatt", "riktig-passord-123")
    assert response.status_code == 429
    assert "Kontoen er låst" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_lockout_is_per_username_so_colleagues_can_still_log_in(client, employee, tjeneste):
    from .factories import BrukerFactory, grant_role

    colleague = BrukerFactory(username="kollega")
    grant_role(colleague, tjeneste, "ansatt")
    for _ in range(5):
        attempt(client, "ansatt", "feil")
    assert attempt(client, "kollega", "riktig-passord-123").status_code == 302


def test_logout_ends_the_session(client, employee):
    client.force_login(employee)
    response = client.post(reverse("logout"))
    assert response.status_code == 302
    assert client.get(reverse("staff:home")).status_code == 302


def test_password_reset_sends_a_norwegian_link_that_works(client, employee):
    response = client.post(reverse("password_reset"), {"email": employee.email})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert "Nytt passord" in message.subject
    link = re.search(r"http://testserver(/ansatt/passord/ny/\S+)", message.body).group(1)
    form_page = client.get(link, follow=True)
    assert form_page.status_code == 200
    assert "Velg nytt passord" in form_page.content.decode()
    done = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": "et-helt-nytt-passord-42", "new_password2": "et-helt-nytt-passord-42"},
    )
    assert done.status_code == 302
    employee.refresh_from_db()
    assert employee.check_password("et-helt-nytt-passord-42")


def test_password_reset_does_not_reveal_unknown_addresses(client, db):
    response = client.post(reverse("password_reset"), {"email": "ukjent@eksempel.no"})
    assert response.status_code == 302
    assert mail.outbox == []
