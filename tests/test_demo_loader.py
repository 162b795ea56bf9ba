"""The demo loader: every role has a user, and loading twice changes nothing."""

import pytest
from django.core.management import CommandError, call_command
from guardian.models import UserObjectPermission

from bts_portal.permissions import ServicePerm, has_service_perm, is_coordinator
from organisasjon.models import Bruker, Medlemskap, Tjeneste

pytestmark = pytest.mark.django_db


def snapshot():
    return {
        "services": list(Tjeneste.objects.order_by("slug").values()),
        "users": list(Bruker.objects.order_by("username").values_list("username", "password")),
        "memberships": list(
            Medlemskap.objects.order_by("pk").values_list("pk", "user__username", "rolle")
        ),
        "perms": sorted(
            UserObjectPermission.objects.values_list(
                "user__username", "object_pk", "permission__codename"
            )
        ),
    }


def test_loading_twice_changes_nothing(capsys):
    call_command("load_demo")
    first = snapshot()
    call_command("load_demo")
    assert snapshot() == first


def test_demo_has_a_user_for_every_role(capsys):
    call_command("load_demo")
    output = capsys.readouterr().out
    assert "bts-demo-2026" in output
    roles = set(Medlemskap.objects.values_list("rolle", flat=True))
    assert roles == {"ansatt", "leder", "lokal_administrator", "bti_kontakt"}
    assert is_coordinator(Bruker.objects.get(username="koordinator"))
    assert Bruker.objects.get(username="sysadmin").is_staff
    assert Bruker.objects.get(username="kommunedirektor").is_municipal_leader
    school = Tjeneste.objects.get(slug="sentrum-skole")
    assert has_service_perm(
        Bruker.objects.get(username="leder.skole"), ServicePerm.VIEW_CASES, school
    )


def test_demo_services_cover_the_municipality(capsys):
    call_command("load_demo")
    names = " ".join(Tjeneste.objects.values_list("name", flat=True)).lower()
    for word in [
        "barnehage",
        "skole",
        "sfo",
        "helsestasjon",
        "ppt",
        "barnevern",
        "nav",
        "familiens hus",
        "psykisk helse",
        "kultur",
        "tannhelse",
        "fysio",
        "integrering",
    ]:
        assert word in names, word


def test_demo_users_can_log_in_with_the_printed_password(client, capsys):
    call_command("load_demo")
    response = client.post(
        "/ansatt/logg-inn/", {"username": "ansatt.barnehage", "password": "bts-demo-2026"}
    )
    assert response.status_code == 302


def test_demo_loader_refuses_production(settings):
    settings.PRODUCTION = True
    with pytest.raises(CommandError, match="production"):
        call_command("load_demo")
