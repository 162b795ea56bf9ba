"""The record of role changes (``RolleEndring``): every membership added, removed or changed
and every role flag set or cleared, written by ``organisasjon.services`` in the transaction of
the change, through the admin as well; and the page where the BTS coordinator reads it."""

import importlib

import pytest
from django.apps import apps
from django.core.exceptions import PermissionDenied
from django.core.management import call_command
from django.db import DatabaseError, connection, transaction
from django.db.models import ProtectedError
from django.db.models.signals import post_delete
from django.urls import reverse

from organisasjon import services
from organisasjon.models import Bruker, Medlemskap, RolleEndring, RolleEndringIsAppendOnly
from organisasjon.services import (
    membership_add,
    membership_change,
    membership_remove,
    role_flags_set,
)

from .admin_forms import add_inline_row, admin_form_data
from .factories import BrukerFactory, TjenesteFactory, grant_role
from .services import require_postgresql

pytestmark = pytest.mark.django_db

ROLE_CHANGES_URL = "/ansatt/organisasjon/rolleendringer/"


def recorded(**filters) -> list[tuple]:
    return list(
        RolleEndring.objects.filter(**filters)
        .order_by("pk")
        .values_list("action", "role", "tjeneste__slug", "changed_by__username")
    )


# --- The services -------------------------------------------------------------------------


def test_adding_a_membership_records_who_added_it(sysadmin, tjeneste):
    user = BrukerFactory()
    membership_add(user=user, tjeneste=tjeneste, rolle="leder", changed_by=sysadmin)
    assert recorded(user=user) == [("added", "leder", tjeneste.slug, "sysadmin")]


def test_adding_a_membership_the_user_already_has_records_nothing(employee, tjeneste, sysadmin):
    before = recorded(user=employee)
    membership_add(user=employee, tjeneste=tjeneste, rolle="ansatt", changed_by=sysadmin)
    assert recorded(user=employee) == before


def test_a_command_or_the_demo_loader_records_changes_without_a_person(tjeneste):
    user = BrukerFactory()
    membership_add(user=user, tjeneste=tjeneste, rolle="ansatt")
    assert recorded(user=user) == [("added", "ansatt", tjeneste.slug, None)]


def test_removing_a_membership_records_it_and_deletes_through_the_model(
    employee, tjeneste, sysadmin
):
    deleted = []

    def receiver(sender, instance, **kwargs):
        deleted.append(instance.pk)

    membership = Medlemskap.objects.get(user=employee)
    pk = membership.pk
    post_delete.connect(receiver, sender=Medlemskap)
    try:
        membership_remove(membership=membership, changed_by=sysadmin)
    finally:
        post_delete.disconnect(receiver, sender=Medlemskap)
    assert deleted == [pk]
    assert not Medlemskap.objects.filter(pk=pk).exists()
    assert recorded(user=employee)[-1] == ("removed", "ansatt", tjeneste.slug, "sysadmin")


def test_changing_a_membership_records_the_old_role_removed_and_the_new_added(
    employee, tjeneste, other_tjeneste, sysadmin
):
    membership = Medlemskap.objects.get(user=employee)
    membership_change(
        membership=membership,
        user=employee,
        tjeneste=other_tjeneste,
        rolle="leder",
        changed_by=sysadmin,
    )
    assert recorded(user=employee)[-2:] == [
        ("removed", "ansatt", tjeneste.slug, "sysadmin"),
        ("added", "leder", other_tjeneste.slug, "sysadmin"),
    ]


def test_moving_a_membership_to_another_user_records_it_for_both(employee, tjeneste, sysadmin):
    colleague = BrukerFactory()
    membership_change(
        membership=Medlemskap.objects.get(user=employee),
        user=colleague,
        tjeneste=tjeneste,
        rolle="ansatt",
        changed_by=sysadmin,
    )
    assert recorded(user=employee)[-1] == ("removed", "ansatt", tjeneste.slug, "sysadmin")
    assert recorded(user=colleague) == [("added", "ansatt", tjeneste.slug, "sysadmin")]


def test_membership_services_keep_syncing_the_service_permissions(
    monkeypatch, tjeneste, other_tjeneste, sysadmin
):
    calls = []
    real = services.sync_service_permissions

    def spy(*, user, tjeneste):
        calls.append((user.username, tjeneste.slug))
        return real(user=user, tjeneste=tjeneste)

    monkeypatch.setattr(services, "sync_service_permissions", spy)
    user = BrukerFactory(username="kari")
    membership = membership_add(user=user, tjeneste=tjeneste, rolle="ansatt", changed_by=sysadmin)
    membership_change(
        membership=membership, user=user, tjeneste=other_tjeneste, rolle="ansatt", changed_by=None
    )
    membership_remove(membership=membership, changed_by=sysadmin)
    assert calls == [
        ("kari", tjeneste.slug),
        ("kari", tjeneste.slug),
        ("kari", other_tjeneste.slug),
        ("kari", other_tjeneste.slug),
    ]


def test_a_failing_permission_sync_leaves_neither_membership_nor_record(monkeypatch, tjeneste):
    def broken(**kwargs):
        raise RuntimeError("sync failed")

    monkeypatch.setattr(services, "sync_service_permissions", broken)
    user = BrukerFactory()
    with pytest.raises(RuntimeError):
        membership_add(user=user, tjeneste=tjeneste, rolle="leder")
    assert not Medlemskap.objects.filter(user=user).exists()
    assert not RolleEndring.objects.filter(user=user).exists()


@pytest.mark.parametrize("flag", ["is_staff", "is_bts_coordinator", "is_municipal_leader"])
def test_setting_and_clearing_a_role_flag_records_each_change(sysadmin, flag):
    user = BrukerFactory()
    role_flags_set(user=user, changed_by=sysadmin, **{flag: True})
    role_flags_set(user=user, changed_by=sysadmin, **{flag: False})
    assert recorded(user=user) == [
        ("flag_set", flag, None, "sysadmin"),
        ("flag_cleared", flag, None, "sysadmin"),
    ]
    assert not getattr(Bruker.objects.get(pk=user.pk), flag)


def test_deactivating_an_account_is_recorded(sysadmin, employee):
    role_flags_set(user=employee, changed_by=sysadmin, is_active=False)
    assert not Bruker.objects.get(pk=employee.pk).is_active
    assert recorded(user=employee)[-1] == ("flag_cleared", "is_active", None, "sysadmin")


def test_unchanged_role_flags_record_nothing(sysadmin, coordinator):
    assert role_flags_set(user=coordinator, changed_by=sysadmin, is_bts_coordinator=True) == []
    assert not RolleEndring.objects.filter(user=coordinator).exists()


def test_a_field_that_is_no_role_flag_is_refused(sysadmin, employee):
    with pytest.raises(ValueError, match="is_superuser"):
        role_flags_set(user=employee, changed_by=sysadmin, is_superuser=True)
    assert not Bruker.objects.get(pk=employee.pk).is_superuser


def test_services_refuse_changes_to_ones_own_roles(sysadmin, tjeneste):
    with pytest.raises(PermissionDenied):
        membership_add(user=sysadmin, tjeneste=tjeneste, rolle="leder", changed_by=sysadmin)
    with pytest.raises(PermissionDenied):
        role_flags_set(user=sysadmin, changed_by=sysadmin, is_bts_coordinator=True)
    saved = Bruker.objects.get(pk=sysadmin.pk)
    assert not saved.is_bts_coordinator
    assert not Medlemskap.objects.filter(user=sysadmin).exists()
    assert not RolleEndring.objects.filter(user=sysadmin).exists()


def test_recorded_changes_cannot_be_changed_or_deleted(employee):
    change = RolleEndring.objects.get(user=employee)
    change.role = "leder"
    with pytest.raises(RolleEndringIsAppendOnly):
        change.save()
    with pytest.raises(RolleEndringIsAppendOnly):
        change.delete()
    assert RolleEndring.objects.get(pk=change.pk).role == "ansatt"


def test_an_account_that_held_a_role_cannot_be_deleted(employee):
    with pytest.raises(ProtectedError):
        Bruker.objects.get(pk=employee.pk).delete()
    assert RolleEndring.objects.filter(user=employee).exists()


def test_the_migration_records_the_memberships_that_already_exist(tjeneste):
    migration = importlib.import_module("organisasjon.migrations.0003_rolleendring")
    user = BrukerFactory()
    # A membership made before the record existed, bypassing the services.
    membership = Medlemskap.objects.create(user=user, tjeneste=tjeneste, rolle="leder")
    migration.record_existing_memberships(apps, None)
    change = RolleEndring.objects.get(user=user)
    assert (change.action, change.role, change.tjeneste_id, change.changed_by) == (
        "added",
        "leder",
        tjeneste.pk,
        None,
    )
    assert change.at == membership.created_at


def test_the_demo_loader_records_the_demo_roles_once(capsys):
    call_command("load_demo")
    first = RolleEndring.objects.count()
    call_command("load_demo")
    assert RolleEndring.objects.count() == first
    assert recorded(user__username="sysadmin") == [("flag_set", "is_staff", None, None)]
    assert ("added", "leder", "sentrum-skole", None) in recorded(user__username="leder.skole")


@pytest.mark.postgresql
def test_the_database_refuses_to_rewrite_the_record(employee):
    require_postgresql()
    for statement in (
        "UPDATE organisasjon_rolleendring SET role = 'leder'",
        "DELETE FROM organisasjon_rolleendring",
    ):
        with (
            pytest.raises(DatabaseError, match="append-only"),
            transaction.atomic(),
            connection.cursor() as cursor,
        ):
            cursor.execute(statement)
    assert RolleEndring.objects.filter(user=employee, role="ansatt").exists()


# --- Through the admin --------------------------------------------------------------------


def user_url(user) -> str:
    return reverse("admin:organisasjon_bruker_change", args=[user.pk])


def test_a_membership_added_in_the_user_admin_inline_is_recorded(sysadmin_client, tjeneste):
    user = BrukerFactory()
    data = admin_form_data(sysadmin_client, user_url(user), "bruker")
    add_inline_row(data, "memberships", tjeneste=str(tjeneste.pk), rolle="leder")
    assert sysadmin_client.post(user_url(user), data).status_code == 302
    assert recorded(user=user) == [("added", "leder", tjeneste.slug, "sysadmin")]
    assert Medlemskap.objects.filter(user=user, rolle="leder").exists()


def test_a_role_changed_in_the_user_admin_inline_is_recorded(sysadmin_client, employee, tjeneste):
    data = admin_form_data(sysadmin_client, user_url(employee), "bruker")
    data["memberships-0-rolle"] = ["bti_kontakt"]
    assert sysadmin_client.post(user_url(employee), data).status_code == 302
    assert recorded(user=employee)[-2:] == [
        ("removed", "ansatt", tjeneste.slug, "sysadmin"),
        ("added", "bti_kontakt", tjeneste.slug, "sysadmin"),
    ]


def test_a_membership_removed_in_the_user_admin_inline_is_recorded(
    sysadmin_client, employee, tjeneste
):
    data = admin_form_data(sysadmin_client, user_url(employee), "bruker")
    data["memberships-0-DELETE"] = ["on"]
    assert sysadmin_client.post(user_url(employee), data).status_code == 302
    assert not Medlemskap.objects.filter(user=employee).exists()
    assert recorded(user=employee)[-1] == ("removed", "ansatt", tjeneste.slug, "sysadmin")


def test_role_flags_changed_in_the_user_admin_are_recorded(sysadmin_client, employee):
    data = admin_form_data(sysadmin_client, user_url(employee), "bruker")
    data["is_municipal_leader"] = ["on"]
    del data["is_active"]
    assert sysadmin_client.post(user_url(employee), data).status_code == 302
    assert set(recorded(user=employee)[-2:]) == {
        ("flag_cleared", "is_active", None, "sysadmin"),
        ("flag_set", "is_municipal_leader", None, "sysadmin"),
    }


def test_saving_an_account_unchanged_in_the_admin_records_nothing(sysadmin_client, employee):
    before = RolleEndring.objects.count()
    data = admin_form_data(sysadmin_client, user_url(employee), "bruker")
    assert sysadmin_client.post(user_url(employee), data).status_code == 302
    assert RolleEndring.objects.count() == before


def test_the_membership_admin_records_adding_changing_and_removing(
    sysadmin_client, tjeneste, other_tjeneste
):
    user = BrukerFactory()
    add_url = "/admin/organisasjon/medlemskap/add/"
    data = admin_form_data(sysadmin_client, add_url, "medlemskap")
    data |= {"user": [str(user.pk)], "tjeneste": [str(tjeneste.pk)], "rolle": ["ansatt"]}
    assert sysadmin_client.post(add_url, data).status_code == 302
    membership = Medlemskap.objects.get(user=user)

    change_url = reverse("admin:organisasjon_medlemskap_change", args=[membership.pk])
    data = admin_form_data(sysadmin_client, change_url, "medlemskap")
    data["tjeneste"] = [str(other_tjeneste.pk)]
    assert sysadmin_client.post(change_url, data).status_code == 302

    delete_url = reverse("admin:organisasjon_medlemskap_delete", args=[membership.pk])
    assert sysadmin_client.post(delete_url, {"post": "yes"}).status_code == 302
    assert recorded(user=user) == [
        ("added", "ansatt", tjeneste.slug, "sysadmin"),
        ("removed", "ansatt", tjeneste.slug, "sysadmin"),
        ("added", "ansatt", other_tjeneste.slug, "sysadmin"),
        ("removed", "ansatt", other_tjeneste.slug, "sysadmin"),
    ]
    assert not Medlemskap.objects.filter(user=user).exists()


# --- The coordinator's page ---------------------------------------------------------------


def test_coordinator_reads_the_record_newest_first(client, coordinator, sysadmin, tjeneste):
    user = BrukerFactory(first_name="Kari", last_name="Nilsen")
    membership_add(user=user, tjeneste=tjeneste, rolle="leder", changed_by=sysadmin)
    role_flags_set(user=user, changed_by=sysadmin, is_municipal_leader=True)
    client.force_login(coordinator)
    response = client.get(ROLE_CHANGES_URL)
    assert response.status_code == 200
    assert [(c.action, c.role) for c in response.context["changes"]] == [
        ("flag_set", "is_municipal_leader"),
        ("added", "leder"),
    ]
    content = response.content.decode()
    assert "Kari Nilsen" in content
    assert tjeneste.name in content


@pytest.mark.parametrize("who", ["employee", "leader", "sysadmin", "municipal_leader"])
def test_other_roles_get_403_on_the_record(client, who, employee, leader, sysadmin):
    users = {
        "employee": employee,
        "leader": leader,
        "sysadmin": sysadmin,
        "municipal_leader": BrukerFactory(is_municipal_leader=True),
    }
    client.force_login(users[who])
    assert client.get(ROLE_CHANGES_URL).status_code == 403


def test_anonymous_visitor_is_sent_to_login_from_the_record(client, db):
    response = client.get(ROLE_CHANGES_URL)
    assert response.status_code == 302
    assert response["Location"].startswith(f"{reverse('login')}?next=")


def test_the_record_filters_by_user(client, coordinator, employee, leader):
    client.force_login(coordinator)
    response = client.get(ROLE_CHANGES_URL, {"bruker": leader.username})
    assert {change.user for change in response.context["changes"]} == {leader}


def test_the_record_filters_by_service(client, coordinator, employee, other_employee):
    client.force_login(coordinator)
    response = client.get(ROLE_CHANGES_URL, {"tjeneste": "sentrum-skole"})
    assert {change.user for change in response.context["changes"]} == {other_employee}


def make_changes(count: int) -> None:
    services_ = [TjenesteFactory(name=f"Enhet {n}") for n in range(3)]
    for n in range(count):
        grant_role(BrukerFactory(), services_[n % 3], "ansatt")


def test_the_record_shows_50_changes_a_page_and_keeps_the_filter(client, coordinator):
    make_changes(60)
    client.force_login(coordinator)
    first = client.get(ROLE_CHANGES_URL, {"tjeneste": "enhet-0"})
    assert len(first.context["changes"]) == 20
    response = client.get(ROLE_CHANGES_URL)
    assert len(response.context["changes"]) == 50
    assert response.context["page"].paginator.num_pages == 2
    assert len(client.get(ROLE_CHANGES_URL, {"side": 2}).context["changes"]) == 10
    filtered = client.get(ROLE_CHANGES_URL, {"tjeneste": "enhet-0", "side": 1})
    assert filtered.context["querystring"] == "tjeneste=enhet-0"


@pytest.mark.parametrize("rows", [5, 50])
def test_the_record_costs_the_same_queries_with_5_and_50_rows(
    client, coordinator, django_assert_max_num_queries, rows
):
    make_changes(rows)
    client.force_login(coordinator)
    # Session, user, service rights, the two filter lists, count, page, session save (3).
    with django_assert_max_num_queries(10):
        response = client.get(ROLE_CHANGES_URL)
    assert len(response.context["changes"]) == rows


def test_the_staff_menu_links_the_record_for_the_coordinator_only(client, coordinator, employee):
    client.force_login(employee)
    assert ROLE_CHANGES_URL not in client.get("/ansatt/").content.decode()
    client.force_login(coordinator)
    assert f'href="{ROLE_CHANGES_URL}"' in client.get("/ansatt/").content.decode()
