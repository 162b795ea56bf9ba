"""Login throttling by username and by client address (django-axes, innlogging.throttle)."""

import pytest
from django.conf import settings
from django.core.management import call_command

from .factories import BrukerFactory
from .test_settings import PRODUCTION_ENV, run_django

pytestmark = pytest.mark.django_db

LOGIN = "/ansatt/logg-inn/"


def attempt(client, username, password, **headers):
    return client.post(LOGIN, {"username": username, "password": password}, **headers)


def test_one_address_spraying_passwords_across_many_accounts_is_stopped(client):
    victims = [BrukerFactory(username=f"ansatt{i}") for i in range(30)]
    outcomes = [attempt(client, user.username, "Sommer2026!").status_code for user in victims]
    assert outcomes[: settings.AXES_ADDRESS_FAILURE_LIMIT - 1] == [200] * (
        settings.AXES_ADDRESS_FAILURE_LIMIT - 1
    )
    # From the limit on, the address is refused, even with a right password.
    assert set(outcomes[settings.AXES_ADDRESS_FAILURE_LIMIT :]) == {429}
    assert attempt(client, victims[-1].username, "riktig-passord-123").status_code == 429


def test_colleagues_behind_the_same_address_still_log_in_after_a_few_typos(client):
    for i in range(8):
        attempt(client, f"kollega{i}", "feil")
    BrukerFactory(username="ansatt")
    assert attempt(client, "ansatt", "riktig-passord-123").status_code == 302


def test_a_username_is_locked_from_every_address(client, employee):
    for i in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, "ansatt", "feil", REMOTE_ADDR=f"10.0.0.{i}")
    assert (
        attempt(client, "ansatt", "riktig-passord-123", REMOTE_ADDR="10.0.1.1").status_code == 429
    )


def test_a_spoofed_forwarded_for_header_does_not_help_behind_one_proxy(client, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    for i in range(settings.AXES_ADDRESS_FAILURE_LIMIT):
        BrukerFactory(username=f"offer{i}")
        attempt(
            client,
            f"offer{i}",
            "feil",
            REMOTE_ADDR="10.9.9.9",  # the municipality's proxy
            HTTP_X_FORWARDED_FOR=f"192.0.2.{i}, 198.51.100.7",
        )
    BrukerFactory(username="siste")
    response = attempt(
        client,
        "siste",
        "riktig-passord-123",
        REMOTE_ADDR="10.9.9.9",
        HTTP_X_FORWARDED_FOR="203.0.113.50, 198.51.100.7",
    )
    assert response.status_code == 429


def test_a_successful_login_does_not_clear_the_address_count_of_other_names(client):
    own = BrukerFactory(username="angriper")
    for i in range(settings.AXES_ADDRESS_FAILURE_LIMIT - 1):
        attempt(client, f"navn{i}", "feil")
    assert attempt(client, own.username, "riktig-passord-123").status_code == 302
    client.post("/ansatt/logg-ut/")
    BrukerFactory(username="neste")
    assert attempt(client, "neste", "feil").status_code == 429


def test_production_check_deploy_passes_with_nothing_silenced():
    result = run_django(
        "from django.conf import settings; assert not settings.SILENCED_SYSTEM_CHECKS;"
        "from django.core.management import call_command;"
        "call_command('check', deploy=True, fail_level='WARNING')",
        **PRODUCTION_ENV,
    )
    assert result.returncode == 0, result.stderr
    assert "no issues (0 silenced)" in result.stdout + result.stderr


def test_axes_configuration_passes_its_own_checks():
    call_command("check", tags=["security"], fail_level="WARNING")
