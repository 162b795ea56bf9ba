"""Two-factor for local accounts: no case content without it, enrolment, recovery codes,
throttling, and the administrator's recorded reset."""

import time

import pytest
import time_machine
from django.urls import resolve, reverse
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from innlogging import services, sessions
from innlogging.models import Kontohendelse

from .test_case_access import case_url_names, case_urls

pytestmark = [pytest.mark.django_db, pytest.mark.real_second_factor]

ENROL = "/ansatt/innlogging/tofaktor/"
VERIFY = "/ansatt/innlogging/tofaktor/kode/"


def log_in_with_password(client, user):
    response = client.post(
        reverse("login"), {"username": user.username, "password": "riktig-passord-123"}
    )
    assert response.status_code == 302
    return response


def code_for(device, *, offset=0):
    code = totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=offset)
    return f"{code:06d}"


def enrol(user):
    device = services.totp_device_pending(user=user)
    codes = services.totp_enrol_confirm(user=user, token=code_for(device))
    device.refresh_from_db()
    return device, codes


def other_pages(case):
    return [
        reverse("stafettlogg:my_work"),
        reverse("stafettlogg:undring_create"),
        reverse("stafettlogg:case_open"),
    ]


def test_every_case_route_leads_an_unenrolled_employee_to_enrolment(client, case):
    holder = case.stafettholder
    log_in_with_password(client, holder)
    walked = set()
    for method, url in case_urls(case):
        response = getattr(client, method)(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(ENROL), url
        assert case.child_name.encode() not in response.content
        walked.add(resolve(url).url_name)
    assert walked == case_url_names()
    for url in other_pages(case):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(ENROL), url


def test_an_enrolled_employee_is_asked_for_the_code_and_then_reaches_every_case_route(client, case):
    holder = case.stafettholder
    device, _codes = enrol(holder)
    log_in_with_password(client, holder)
    page = reverse("stafettlogg:case", kwargs={"pk": case.pk})
    response = client.get(page)
    assert response.status_code == 302
    assert response["Location"].startswith(VERIFY)
    response = client.post(VERIFY, {"code": code_for(device, offset=1), "next": page})
    assert response.status_code == 302
    assert response["Location"] == page
    for method, url in case_urls(case):
        response = getattr(client, method)(url)
        location = response.get("Location", "")
        assert not location.startswith((ENROL, VERIFY)), url
    assert case.child_name in client.get(page).content.decode()
    for url in other_pages(case):
        assert client.get(url).status_code == 200, url


def test_enrolment_shows_a_qr_code_drawn_by_the_portal_and_confirms_with_a_code(client, employee):
    log_in_with_password(client, employee)
    page = client.get(ENROL)
    content = page.content.decode()
    assert page.status_code == 200
    assert "<svg" in content
    assert "innlogging/enrol.html" in [t.name for t in page.templates]
    device = TOTPDevice.objects.get(user=employee, confirmed=False)
    response = client.post(ENROL, {"code": code_for(device), "next": "/ansatt/mitt-arbeid/"})
    assert response.status_code == 200
    codes = response.context["codes"]
    assert len(codes) == 10
    assert client.get("/ansatt/mitt-arbeid/").status_code == 200


def test_a_wrong_enrolment_code_does_not_enrol(client, employee):
    log_in_with_password(client, employee)
    client.get(ENROL)
    response = client.post(ENROL, {"code": "000000"})
    assert response.status_code == 400
    assert not TOTPDevice.objects.filter(user=employee, confirmed=True).exists()


def test_a_recovery_code_works_once(client, employee):
    _device, codes = enrol(employee)
    log_in_with_password(client, employee)
    assert client.post(VERIFY, {"code": codes[0]}).status_code == 302
    assert client.get("/ansatt/mitt-arbeid/").status_code == 200
    client.post(reverse("logout"))
    log_in_with_password(client, employee)
    response = client.post(VERIFY, {"code": codes[0]})
    assert response.status_code == 400
    assert client.get("/ansatt/mitt-arbeid/").status_code == 302
    assert StaticDevice.objects.get(user=employee).token_set.count() == 9


def test_a_wrong_code_is_throttled_even_before_the_right_one(client, employee):
    device, _codes = enrol(employee)
    log_in_with_password(client, employee)
    with time_machine.travel(time.time(), tick=False) as traveller:
        assert client.post(VERIFY, {"code": "000000"}).status_code == 400
        right = code_for(device)
        response = client.post(VERIFY, {"code": right})
        assert response.status_code == 429
        traveller.shift(31)  # past the delay, and a new 30-second code
        assert client.post(VERIFY, {"code": code_for(device)}).status_code == 302


def test_administrator_reset_is_recorded_and_logs_the_user_out_everywhere(
    client, employee, django_capture_on_commit_callbacks
):
    from .factories import BrukerFactory

    enrol(employee)
    admin_user = BrukerFactory(username="admin", is_staff=True, is_superuser=True)
    log_in_with_password(client, employee)
    assert client.get(reverse("staff:home")).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        services.second_factor_reset(user=employee, changed_by=admin_user)
    assert not TOTPDevice.objects.filter(user=employee).exists()
    event = Kontohendelse.objects.get(user=employee)
    assert (event.action, event.changed_by) == ("second_factor_reset", admin_user)
    assert client.get(reverse("staff:home")).status_code == 302


def test_reset_through_the_admin_is_recorded(client, employee, django_capture_on_commit_callbacks):
    from .factories import BrukerFactory

    enrol(employee)
    admin_user = BrukerFactory(username="admin", is_staff=True, is_superuser=True)
    client.force_login(admin_user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("admin:innlogging_kontohendelse_add"), {"user": employee.pk})
    assert response.status_code == 302
    assert Kontohendelse.objects.filter(user=employee, changed_by=admin_user).count() == 1
    assert not TOTPDevice.objects.filter(user=employee).exists()


def test_an_administrator_cannot_reset_their_own_second_factor(client):
    from .factories import BrukerFactory

    admin_user = BrukerFactory(username="admin", is_staff=True, is_superuser=True)
    client.force_login(admin_user)
    response = client.post(reverse("admin:innlogging_kontohendelse_add"), {"user": admin_user.pk})
    assert response.status_code == 200
    assert not Kontohendelse.objects.exists()


def test_a_new_login_never_inherits_the_second_factor(client, employee):
    _device, codes = enrol(employee)
    log_in_with_password(client, employee)
    client.post(VERIFY, {"code": codes[0]})
    assert client.session[sessions.VERIFIED] == "recovery"
    client.post(reverse("logout"))
    log_in_with_password(client, employee)
    assert sessions.VERIFIED not in client.session


def test_an_account_without_case_content_needs_no_second_factor(client, coordinator):
    coordinator.set_password("riktig-passord-123")
    coordinator.save()
    log_in_with_password(client, coordinator)
    assert client.get(reverse("staff:home")).status_code == 200
