"""Sessions end safely: an absolute lifetime beside the idle timeout, a warning with a way to
extend, a posted form's text kept across the forced login, and logout everywhere."""

import time
from urllib.parse import quote

import pytest
import time_machine
from django.conf import settings
from django.urls import reverse

from innlogging.middleware import LAST_USER_COOKIE

pytestmark = pytest.mark.django_db

HOME = "/ansatt/"
PASSWORD = "riktig-passord-123"


def log_in(client, user):
    response = client.post(reverse("login"), {"username": user.username, "password": PASSWORD})
    assert response.status_code == 302
    return response


def logged_in(client) -> bool:
    return client.get(HOME).status_code == 200


def test_the_absolute_lifetime_defaults_to_ten_hours():
    assert settings.SESSION_ABSOLUTE_SECONDS == 10 * 3600


def test_an_active_session_still_ends_after_the_absolute_lifetime(client, employee):
    with time_machine.travel(time.time(), tick=False) as clock:
        log_in(client, employee)
        # Active every 20 minutes, so the idle timeout never comes.
        for _ in range(29):
            clock.shift(20 * 60)
            assert logged_in(client)
        clock.shift(21 * 60)  # 10 hours and 1 minute after the login
        response = client.get(HOME)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))
        assert "_auth_user_id" not in client.session


def test_the_idle_timeout_ends_a_quiet_session(client, employee):
    with time_machine.travel(time.time(), tick=False) as clock:
        log_in(client, employee)
        clock.shift(settings.SESSION_COOKIE_AGE + 1)
        assert not logged_in(client)


def test_staff_pages_carry_the_idle_warning_with_its_timing(client, employee):
    log_in(client, employee)
    content = client.get(HOME).content.decode()
    assert 'id="session-warning"' in content
    assert f'data-idle-seconds="{settings.SESSION_COOKIE_AGE}"' in content
    assert f'data-warning-seconds="{settings.SESSION_WARNING_SECONDS}"' in content
    assert "js/session-timeout.js" in content
    assert "<script>" not in content  # no inline script under the CSP


def test_extend_before_the_idle_timeout_keeps_the_session(client, employee):
    with time_machine.travel(time.time(), tick=False) as clock:
        log_in(client, employee)
        clock.shift(settings.SESSION_COOKIE_AGE - settings.SESSION_WARNING_SECONDS)
        response = client.post(reverse("innlogging:extend"))
        assert response.status_code == 200
        assert response.json() == {"idle_seconds": settings.SESSION_COOKIE_AGE}
        clock.shift(settings.SESSION_COOKIE_AGE - 60)
        assert logged_in(client)


def test_a_form_sent_after_the_timeout_keeps_its_text_for_one_submit(client, employee, tjeneste):
    page = reverse("stafettlogg:undring_create")
    with time_machine.travel(time.time(), tick=False) as clock:
        log_in(client, employee)
        clock.shift(settings.SESSION_COOKIE_AGE + 60)
        text = "Virker redd ved henting, tredje gang denne uka."
        response = client.post(
            page,
            {"observation": text, "tjeneste": tjeneste.pk},
            HTTP_REFERER=f"http://testserver{page}",
        )
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))
        response = log_in(client, employee)
        assert response["Location"] == reverse("innlogging:resume")
        resume = client.get(reverse("innlogging:resume"))
        content = resume.content.decode()
        assert text in content
        assert f'action="{page}"' in content
        # Kept for that one submit only.
        assert client.get(reverse("innlogging:resume")).status_code == 302


def test_kept_text_is_never_shown_to_someone_else_logging_in(client, employee, other_employee):
    page = reverse("stafettlogg:undring_create")
    with time_machine.travel(time.time(), tick=False) as clock:
        log_in(client, employee)
        clock.shift(settings.SESSION_COOKIE_AGE + 60)
        client.post(page, {"observation": "Hemmelig tekst"})
        response = log_in(client, other_employee)
        # The other person goes on to their own second factor and start page, not the text.
        assert response["Location"].endswith(f"?next={quote(reverse('staff:home'), safe='')}")
        assert reverse("innlogging:resume") not in response["Location"]
        assert client.get(reverse("innlogging:resume")).status_code == 302


def test_a_password_reset_logs_the_user_out_everywhere(client, employee):
    from django.test import Client

    elsewhere = Client()
    log_in(elsewhere, employee)
    employee.set_password("et-helt-nytt-passord-42")
    employee.save()
    assert elsewhere.get(HOME).status_code == 302


def test_deactivating_the_account_logs_the_user_out_everywhere(client, employee):
    from organisasjon.services import role_flags_set

    log_in(client, employee)
    role_flags_set(user=employee, is_active=False)
    assert not logged_in(client)


def test_the_last_user_cookie_is_signed_and_http_only(client, employee):
    log_in(client, employee)
    client.get(HOME)
    cookie = client.cookies[LAST_USER_COOKIE]
    assert cookie["httponly"]
    assert cookie.value != str(employee.pk)


def _session_writes(client, url) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return sum(
        q["sql"].startswith(("UPDATE", "INSERT")) and "django_session" in q["sql"]
        for q in context.captured_queries
    )


def test_the_idle_expiry_is_written_at_most_every_half_minute(client, employee):
    from django.contrib.sessions.models import Session

    from innlogging.session_store import REFRESH_SECONDS

    with time_machine.travel(time.time(), tick=False) as clock:
        log_in(client, employee)
        client.get(HOME)
        key = client.session.session_key
        expires = Session.objects.get(pk=key).expire_date
        clock.shift(REFRESH_SECONDS - 5)
        assert _session_writes(client, HOME) == 0
        assert Session.objects.get(pk=key).expire_date == expires
        clock.shift(10)
        assert _session_writes(client, HOME) == 1
        moved = Session.objects.get(pk=key).expire_date
        assert (moved - expires).total_seconds() == REFRESH_SECONDS + 5
        # Busy for the whole idle period, one page every 20 s: still logged in at the end.
        for _ in range(settings.SESSION_COOKIE_AGE // 20 + 5):
            clock.shift(20)
            assert logged_in(client)
