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


def test_employee_role_grants_area_access_and_case_work(tjeneste):
    user = BrukerFactory()
    grant_role(user, tjeneste, "ansatt")
    user = fresh(user)
    assert has_service_perm(user, ServicePerm.ACCESS_AREA, tjeneste)
    assert has_service_perm(user, ServicePerm.WORK, tjeneste)
    assert not has_service_perm(user, ServicePerm.VIEW_CASES, tjeneste)
    assert not has_service_perm(user, ServicePerm.EDIT_TILTAK, tjeneste)


def test_leader_role_grants_case_list_statistics_and_content(tjeneste):
    user = BrukerFactory()
    grant_role(user, tjeneste, "leder")
    user = fresh(user)
    for perm in ServicePerm:
        assert has_service_perm(user, perm, tjeneste), perm


def test_local_administrator_reassigns_but_does_no_case_work(tjeneste):
    user = BrukerFactory()
    grant_role(user, tjeneste, "lokal_administrator")
    user = fresh(user)
    assert has_service_perm(user, ServicePerm.REASSIGN_STAFETTHOLDER, tjeneste)
    assert has_service_perm(user, ServicePerm.VIEW_CASES, tjeneste)
    assert not has_service_perm(user, ServicePerm.WORK, tjeneste)
    assert not has_service_perm(user, ServicePerm.VIEW_STATISTICS, tjeneste)


def test_rights_in_one_service_do_not_reach_another(tjeneste, other_tjeneste):
    user = BrukerFactory()
    grant_role(user, tjeneste, "leder")
    user = fresh(user)
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
