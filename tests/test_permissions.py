"""Memberships grant object permissions on the service, and taking them away revokes them."""

import pytest

from bts_portal.permissions import (
    ServicePerm,
    has_service_perm,
    may_enter_staff_area,
    services_with_perm,
)
from organisasjon.models import Bruker, Medlemskap
from organisasjon.services import membership_remove, memberships_resync

from .factories import BrukerFactory, grant_role

pytestmark = pytest.mark.django_db


def fresh(user: Bruker) -> Bruker:
    """The user as a new request would load it, with no cached permissions."""
    return Bruker.objects.get(pk=user.pk)


def with_role(tjeneste, role: str) -> Bruker:
    """A new user with ``role`` in the service, loaded fresh."""
    user = BrukerFactory()
    grant_role(user, tjeneste, role)
    return fresh(user)


@pytest.mark.parametrize(
    ("role", "granted", "refused"),
    [
        pytest.param(
            "ansatt", [ServicePerm.ACCESS_AREA, ServicePerm.WORK],
            [ServicePerm.VIEW_CASES, ServicePerm.EDIT_TILTAK],
            id="employee: area access and case work",
        ),
        pytest.param(
            "leder", list(ServicePerm), [], id="leader: case list, statistics and content"
        ),
        pytest.param(
            "lokal_administrator",
            [ServicePerm.REASSIGN_STAFETTHOLDER, ServicePerm.VIEW_CASES],
            [ServicePerm.WORK, ServicePerm.VIEW_STATISTICS],
            id="local administrator: reassigns but does no case work",
        ),
    ],
)  # fmt: skip
def test_a_role_grants_its_service_permissions(tjeneste, role, granted, refused):
    user = with_role(tjeneste, role)
    assert [perm for perm in granted if not has_service_perm(user, perm, tjeneste)] == []
    assert [perm for perm in refused if has_service_perm(user, perm, tjeneste)] == []


def test_rights_in_one_service_do_not_reach_another(tjeneste, other_tjeneste):
    user = with_role(tjeneste, "leder")
    assert not has_service_perm(user, ServicePerm.ACCESS_AREA, other_tjeneste)
    assert list(services_with_perm(user, ServicePerm.ACCESS_AREA)) == [tjeneste]


def test_removing_one_role_keeps_what_another_role_still_grants(tjeneste):
    user = BrukerFactory()
    grant_role(user, tjeneste, "ansatt")
    leader = grant_role(user, tjeneste, "leder")
    membership_remove(membership=leader)
    user = fresh(user)
    assert has_service_perm(user, ServicePerm.WORK, tjeneste)
    assert not has_service_perm(user, ServicePerm.VIEW_CASES, tjeneste)


def test_removing_the_last_role_revokes_every_right(tjeneste):
    user = BrukerFactory()
    membership = grant_role(user, tjeneste, "leder")
    membership_remove(membership=membership)
    user = fresh(user)
    assert not any(has_service_perm(user, perm, tjeneste) for perm in ServicePerm)
    assert not may_enter_staff_area(user)


def test_a_role_removed_while_the_account_is_deactivated_stays_removed(tjeneste):
    user = BrukerFactory()
    leader = grant_role(user, tjeneste, "leder")
    user.is_active = False
    user.save(update_fields=["is_active"])
    membership_remove(membership=leader)
    user.is_active = True
    user.save(update_fields=["is_active"])
    user = fresh(user)
    assert not any(has_service_perm(user, perm, tjeneste) for perm in ServicePerm)


def test_resync_revokes_rights_of_memberships_deleted_behind_its_back(tjeneste):
    user = BrukerFactory()
    grant_role(user, tjeneste, "ansatt")
    Medlemskap.objects.filter(user=user).delete()
    memberships_resync(user=user)
    assert not has_service_perm(fresh(user), ServicePerm.ACCESS_AREA, tjeneste)


def test_superuser_gets_no_service_rights_without_a_membership(tjeneste):
    user = BrukerFactory(is_superuser=True, is_staff=True)
    assert not has_service_perm(fresh(user), ServicePerm.WORK, tjeneste)


def test_inactive_user_has_no_rights(tjeneste):
    user = BrukerFactory()
    grant_role(user, tjeneste, "leder")
    user.is_active = False
    user.save()
    assert not has_service_perm(fresh(user), ServicePerm.ACCESS_AREA, tjeneste)


def test_adding_the_same_role_twice_is_harmless(tjeneste):
    user = BrukerFactory()
    grant_role(user, tjeneste, "ansatt")
    grant_role(user, tjeneste, "ansatt")
    assert Medlemskap.objects.filter(user=user).count() == 1


def test_permission_checks_do_not_query_per_check(
    tjeneste, other_tjeneste, django_assert_max_num_queries
):
    user = BrukerFactory()
    grant_role(user, tjeneste, "leder")
    grant_role(user, other_tjeneste, "ansatt")
    user = fresh(user)
    # At most the content type (usually cached) and the user's permission rows, once.
    with django_assert_max_num_queries(2):
        for perm in ServicePerm:
            has_service_perm(user, perm, tjeneste)
            has_service_perm(user, perm, other_tjeneste)


def test_resync_command_restores_rights_from_memberships(tjeneste):
    from io import StringIO

    from django.core.management import call_command
    from guardian.models import UserObjectPermission

    user = BrukerFactory()
    grant_role(user, tjeneste, "leder")
    UserObjectPermission.objects.filter(user=user).delete()
    assert not has_service_perm(fresh(user), ServicePerm.VIEW_CASES, tjeneste)
    output = StringIO()
    call_command("resync_permissions", stdout=output)
    assert has_service_perm(fresh(user), ServicePerm.VIEW_CASES, tjeneste)
    assert "1 users" in output.getvalue()
