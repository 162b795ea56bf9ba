"""The system administrator's separation of duties in Django admin.

The system administrator (``is_staff``, with the admin rights the demo gives) manages
accounts, services and memberships, but must never reach case content. So nobody can, through
the admin's own forms: set superuser status, groups or permissions; set another person's
password (or redirect the e-mail that lets the person set one); or change their own roles,
memberships or account. A second administrator can do the legitimate operations.

Every attempt goes through the admin's real HTML form, as a browser would post it, with only
the field under test changed; every refusal is checked to have saved nothing.
"""

import re

import pytest
from django.contrib import admin
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.html import escape

from organisasjon.admin import (
    EMAIL_OF_ACCOUNT_IN_USE,
    OWN_ACCOUNT_DELETE_REFUSED,
    PASSWORD_BY_OWNER,
    RIGHTS_FROM_MEMBERSHIPS,
)
from organisasjon.models import Bruker, Medlemskap, RolleEndring, Rolleflagg
from organisasjon.services import OWN_ROLES_REFUSED

from .admin_forms import add_inline_row, admin_form_data, admin_form_names, system_administrator
from .factories import BrukerFactory

pytestmark = pytest.mark.django_db

PASSWORD = "riktig-passord-123"  # the factories' password


@pytest.fixture
def second_admin(db):
    return system_administrator("sysadmin2")


@pytest.fixture
def second_admin_client(client, second_admin):
    client.force_login(second_admin)
    return client


def user_url(user) -> str:
    return reverse("admin:organisasjon_bruker_change", args=[user.pk])


def membership_url(membership, view="change") -> str:
    return reverse(f"admin:organisasjon_medlemskap_{view}", args=[membership.pk])


def shows(response, message) -> bool:
    with translation.override("nb"):
        return escape(str(message)) in response.content.decode()


def account_state(user) -> dict:
    """Everything about an account a refused attempt must leave as it was."""
    user = Bruker.objects.get(pk=user.pk)
    return {
        "fields": {
            name: getattr(user, name)
            for name in ["username", "first_name", "email", "password", "is_superuser"]
        }
        | {flag: getattr(user, flag) for flag in Rolleflagg.values},
        "groups": set(user.groups.values_list("pk", flat=True)),
        "permissions": set(user.user_permissions.values_list("pk", flat=True)),
        "memberships": set(Medlemskap.objects.filter(user=user).values_list("tjeneste", "rolle")),
        "records": RolleEndring.objects.count(),
    }


def assert_refused_and_unchanged(client, user, url, data, message=OWN_ROLES_REFUSED) -> None:
    """Posting ``data`` to ``url`` shows the form again with ``message`` and leaves the user's
    account as it was."""
    before = account_state(user)
    response = client.post(url, data)
    assert response.status_code == 200
    assert shows(response, message)
    assert account_state(user) == before


# --- Superuser status, groups and permissions -------------------------------------------------


def test_user_form_offers_no_superuser_groups_permissions_or_password(sysadmin_client, employee):
    names = admin_form_names(sysadmin_client, user_url(employee), "bruker")
    assert {"first_name", "is_staff", "is_bts_coordinator"} <= names
    assert not names & {"is_superuser", "groups", "user_permissions", "password"}


@pytest.mark.parametrize("field", ["is_superuser", "groups", "user_permissions"])
def test_posting_superuser_groups_or_permissions_is_refused_and_saves_nothing(
    sysadmin_client, sysadmin, employee, field
):
    values = {
        "is_superuser": "on",
        "groups": str(Group.objects.get(name="Systemadministratorer").pk),
        "user_permissions": str(Permission.objects.get(codename="view_service_cases").pk),
    }
    for target in (employee, sysadmin):
        data = admin_form_data(sysadmin_client, user_url(target), "bruker")
        data["first_name"] = ["Endret"]
        data[field] = [values[field]]
        assert_refused_and_unchanged(
            sysadmin_client, target, user_url(target), data, RIGHTS_FROM_MEMBERSHIPS
        )


def test_the_demo_administrators_group_cannot_be_edited_in_the_admin(sysadmin_client):
    group = Group.objects.get(name="Systemadministratorer")
    before = set(group.permissions.values_list("pk", flat=True))
    perm = Permission.objects.get(codename="view_service_cases")
    response = sysadmin_client.post(
        f"/admin/auth/group/{group.pk}/change/", {"name": group.name, "permissions": [perm.pk]}
    )
    assert response.status_code == 404
    assert set(group.permissions.values_list("pk", flat=True)) == before


@pytest.mark.parametrize(
    "url",
    [
        "/admin/auth/group/",
        "/admin/auth/group/add/",
        "/admin/auth/permission/",
        "/admin/guardian/userobjectpermission/",
        "/admin/guardian/groupobjectpermission/",
        "/admin/contenttypes/contenttype/",
        "/admin/admin/logentry/",
    ],
)
def test_admin_has_no_page_for_groups_permissions_or_object_permissions(sysadmin_client, url):
    assert sysadmin_client.get(url).status_code == 404


def test_admin_registers_only_the_reviewed_models():
    # A model added to the admin must be reviewed for routes to rights or case content.
    assert {model._meta.label for model in admin.site._registry} == {
        "organisasjon.Bruker",
        "organisasjon.Tjeneste",
        "organisasjon.Medlemskap",
        "axes.AccessAttempt",
        "axes.AccessLog",
        "axes.AccessFailureLog",
        "django_celery_beat.PeriodicTask",
        "django_celery_beat.ClockedSchedule",
        "django_celery_beat.CrontabSchedule",
        "django_celery_beat.SolarSchedule",
        "django_celery_beat.IntervalSchedule",
        # Reviewed with the second factor and the identity provider (innlogging): resets
        # and links are refused for one's own account and recorded.
        "innlogging.Kontohendelse",
        "innlogging.OidcIdentitet",
    }


def test_service_admin_has_no_object_permission_page(sysadmin_client, tjeneste, sysadmin):
    response = sysadmin_client.post(
        f"/admin/organisasjon/tjeneste/{tjeneste.pk}/permissions/",
        {"user": sysadmin.username, "permissions": ["view_service_cases"]},
        follow=True,
    )
    assert "view_service_cases" not in response.content.decode()
    assert account_state(sysadmin)["permissions"] == set()
    assert not sysadmin.userobjectpermission_set.exists()


def test_a_users_history_page_cannot_restore_or_change_the_account(sysadmin_client, sysadmin):
    assert not hasattr(Bruker, "history")  # no django-simple-history versions to revert to
    url = reverse("admin:organisasjon_bruker_history", args=[sysadmin.pk])
    before = account_state(sysadmin)
    assert sysadmin_client.get(url).status_code == 200
    sysadmin_client.post(url, {"is_superuser": "on", "is_bts_coordinator": "on"})
    assert account_state(sysadmin) == before


# --- Passwords ----------------------------------------------------------------------------------


def test_admin_page_for_setting_another_users_password_is_gone(sysadmin_client, employee):
    with pytest.raises(NoReverseMatch):
        reverse("admin:auth_user_password_change", args=[employee.pk])
    before = account_state(employee)
    url = f"/admin/organisasjon/bruker/{employee.pk}/password/"
    response = sysadmin_client.post(
        url, {"password1": "nytt-passord-4711", "password2": "nytt-passord-4711"}, follow=True
    )
    assert b'name="password1"' not in response.content
    assert account_state(employee) == before
    assert Bruker.objects.get(pk=employee.pk).check_password(PASSWORD)


def test_add_form_asks_for_no_password(sysadmin_client):
    names = admin_form_names(sysadmin_client, "/admin/organisasjon/bruker/add/", "bruker")
    assert {"username", "email"} <= names
    assert not names & {"password", "password1", "password2", "usable_password"}


def test_posting_a_password_to_the_add_form_is_refused_and_creates_no_account(sysadmin_client):
    data = admin_form_data(sysadmin_client, "/admin/organisasjon/bruker/add/", "bruker")
    data |= {
        "username": ["ny.ansatt"],
        "email": ["ny.ansatt@eksempel.kommune.no"],
        "password1": ["nytt-passord-4711"],
        "password2": ["nytt-passord-4711"],
    }
    response = sysadmin_client.post("/admin/organisasjon/bruker/add/", data)
    assert response.status_code == 200
    assert shows(response, PASSWORD_BY_OWNER)
    assert not Bruker.objects.filter(username="ny.ansatt").exists()


def test_new_account_created_in_the_admin_has_no_usable_password(sysadmin_client):
    data = admin_form_data(sysadmin_client, "/admin/organisasjon/bruker/add/", "bruker")
    data |= {"username": ["ny.ansatt"], "email": ["ny.ansatt@eksempel.kommune.no"]}
    response = sysadmin_client.post("/admin/organisasjon/bruker/add/", data)
    assert response.status_code == 302
    assert not Bruker.objects.get(username="ny.ansatt").has_usable_password()


def password_link(message) -> str:
    return re.search(r"https?://[^/\s]+(/ansatt/passord/ny/\S+/)", message.body).group(1)


def test_change_page_button_sends_the_person_the_email_to_set_a_password(
    sysadmin_client, employee, client
):
    page = sysadmin_client.get(user_url(employee)).content.decode()
    url = reverse("admin:organisasjon_bruker_password_email", args=[employee.pk])
    assert f'action="{url}"' in page
    response = sysadmin_client.post(url)
    assert response.status_code == 302
    assert [message.to for message in mail.outbox] == [[employee.email]]
    assert Bruker.objects.get(pk=employee.pk).check_password(PASSWORD)


def test_person_sets_their_own_password_from_the_email(sysadmin_client, employee):
    sysadmin_client.post(reverse("admin:organisasjon_bruker_password_email", args=[employee.pk]))
    sysadmin_client.logout()
    form_page = sysadmin_client.get(password_link(mail.outbox[0]), follow=True)
    assert b'name="new_password1"' in form_page.content
    sysadmin_client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": "mitt-eget-passord-77", "new_password2": "mitt-eget-passord-77"},
    )
    assert Bruker.objects.get(pk=employee.pk).check_password("mitt-eget-passord-77")


def test_password_email_sends_nothing_on_get(sysadmin_client, employee):
    url = reverse("admin:organisasjon_bruker_password_email", args=[employee.pk])
    assert sysadmin_client.get(url).status_code == 405
    assert mail.outbox == []


def test_password_email_action_sends_to_each_selected_account(sysadmin_client, employee, leader):
    no_address = BrukerFactory(email="")
    response = sysadmin_client.post(
        "/admin/organisasjon/bruker/",
        {
            "action": "send_password_email",
            "_selected_action": [employee.pk, leader.pk, no_address.pk],
        },
        follow=True,
    )
    assert sorted(message.to[0] for message in mail.outbox) == sorted(
        [employee.email, leader.email]
    )
    assert str(no_address) in response.content.decode()


def test_user_list_offers_no_bulk_deletion(sysadmin_client):
    page = sysadmin_client.get("/admin/organisasjon/bruker/").content.decode()
    assert 'value="send_password_email"' in page
    assert 'value="delete_selected"' not in page


def test_changing_the_email_of_an_account_in_use_is_refused_and_saves_nothing(
    sysadmin_client, employee
):
    data = admin_form_data(sysadmin_client, user_url(employee), "bruker")
    data["email"] = ["sysadmin@example.org"]
    assert_refused_and_unchanged(
        sysadmin_client, employee, user_url(employee), data, EMAIL_OF_ACCOUNT_IN_USE
    )


def test_email_of_an_account_not_yet_in_use_can_be_corrected(sysadmin_client):
    new = BrukerFactory(email="feil@eksempel.kommune.no")
    new.set_unusable_password()
    new.save()
    data = admin_form_data(sysadmin_client, user_url(new), "bruker")
    data["email"] = ["riktig@eksempel.kommune.no"]
    assert sysadmin_client.post(user_url(new), data).status_code == 302
    assert Bruker.objects.get(pk=new.pk).email == "riktig@eksempel.kommune.no"


# --- One's own roles and account -----------------------------------------------------------


def test_own_role_flags_are_shown_but_not_editable(sysadmin_client, sysadmin):
    names = admin_form_names(sysadmin_client, user_url(sysadmin), "bruker")
    assert not names & set(Rolleflagg.values)
    assert "first_name" in names


@pytest.mark.parametrize("flag", Rolleflagg.values)
def test_changing_own_role_flag_is_refused_and_saves_nothing(sysadmin_client, sysadmin, flag):
    data = admin_form_data(sysadmin_client, user_url(sysadmin), "bruker")
    data["first_name"] = ["Endret"]
    data[flag] = ["false" if getattr(sysadmin, flag) else "on"]
    assert_refused_and_unchanged(sysadmin_client, sysadmin, user_url(sysadmin), data)


def test_even_a_superuser_cannot_change_own_role_flags(client):
    superuser = system_administrator("root", is_superuser=True)
    client.force_login(superuser)
    data = admin_form_data(client, user_url(superuser), "bruker")
    data["is_bts_coordinator"] = ["on"]
    before = account_state(superuser)
    assert shows(client.post(user_url(superuser), data), OWN_ROLES_REFUSED)
    assert account_state(superuser) == before


def test_administrator_saves_own_name_without_touching_own_roles(sysadmin_client, sysadmin):
    data = admin_form_data(sysadmin_client, user_url(sysadmin), "bruker")
    data["first_name"] = ["Jon"]
    assert sysadmin_client.post(user_url(sysadmin), data).status_code == 302
    saved = Bruker.objects.get(pk=sysadmin.pk)
    assert saved.first_name == "Jon"
    assert saved.is_staff
    assert saved.is_active
    assert not RolleEndring.objects.filter(user=sysadmin).exists()


def test_deleting_own_account_is_refused_and_deletes_nothing(sysadmin_client, sysadmin):
    url = reverse("admin:organisasjon_bruker_delete", args=[sysadmin.pk])
    before = account_state(sysadmin)
    response = sysadmin_client.post(url, {"post": "yes"}, follow=True)
    assert shows(response, OWN_ACCOUNT_DELETE_REFUSED)
    assert account_state(sysadmin) == before


# --- One's own memberships: the membership admin ------------------------------------------


def test_adding_a_membership_for_oneself_is_refused_and_saves_nothing(
    sysadmin_client, sysadmin, tjeneste
):
    data = admin_form_data(sysadmin_client, "/admin/organisasjon/medlemskap/add/", "medlemskap")
    data |= {"user": [str(sysadmin.pk)], "tjeneste": [str(tjeneste.pk)], "rolle": ["leder"]}
    assert_refused_and_unchanged(
        sysadmin_client, sysadmin, "/admin/organisasjon/medlemskap/add/", data
    )


@pytest.fixture
def own_membership(sysadmin, tjeneste, second_admin):
    """A membership that another administrator gave the system administrator."""
    from organisasjon.services import membership_add

    return membership_add(user=sysadmin, tjeneste=tjeneste, rolle="ansatt", changed_by=second_admin)


def test_changing_own_membership_is_refused_and_saves_nothing(
    sysadmin_client, sysadmin, own_membership
):
    page = sysadmin_client.get(membership_url(own_membership))
    assert page.status_code == 200
    assert b'name="rolle"' not in page.content  # shown read-only
    before = account_state(sysadmin)
    response = sysadmin_client.post(
        membership_url(own_membership),
        {"user": sysadmin.pk, "tjeneste": own_membership.tjeneste_id, "rolle": "leder"},
        follow=True,
    )
    assert shows(response, OWN_ROLES_REFUSED)
    assert account_state(sysadmin) == before


def test_moving_another_persons_membership_to_oneself_is_refused_and_saves_nothing(
    sysadmin_client, sysadmin, leader
):
    membership = Medlemskap.objects.get(user=leader)
    data = admin_form_data(sysadmin_client, membership_url(membership), "medlemskap")
    data["user"] = [str(sysadmin.pk)]
    before = account_state(sysadmin), account_state(leader)
    response = sysadmin_client.post(membership_url(membership), data)
    assert response.status_code == 200
    assert shows(response, OWN_ROLES_REFUSED)
    assert (account_state(sysadmin), account_state(leader)) == before


def test_deleting_own_membership_is_refused_and_deletes_nothing(
    sysadmin_client, sysadmin, own_membership
):
    before = account_state(sysadmin)
    response = sysadmin_client.post(
        membership_url(own_membership, "delete"), {"post": "yes"}, follow=True
    )
    assert shows(response, OWN_ROLES_REFUSED)
    assert account_state(sysadmin) == before


def test_membership_list_offers_no_bulk_actions(sysadmin_client, own_membership):
    page = sysadmin_client.get("/admin/organisasjon/medlemskap/").content.decode()
    assert 'name="action"' not in page


# --- One's own memberships: the inline on one's own account ---------------------------------


def test_own_memberships_are_shown_read_only_on_own_account(
    sysadmin_client, sysadmin, own_membership
):
    names = admin_form_names(sysadmin_client, user_url(sysadmin), "bruker")
    assert not {name for name in names if name.endswith(("-tjeneste", "-rolle", "-DELETE"))}
    page = sysadmin_client.get(user_url(sysadmin)).content.decode()
    assert own_membership.tjeneste.name in page


def test_adding_a_membership_to_own_account_inline_is_refused_and_saves_nothing(
    sysadmin_client, sysadmin, tjeneste
):
    data = admin_form_data(sysadmin_client, user_url(sysadmin), "bruker")
    add_inline_row(data, "memberships", tjeneste=str(tjeneste.pk), rolle="leder")
    assert_refused_and_unchanged(sysadmin_client, sysadmin, user_url(sysadmin), data)


def test_changing_own_membership_inline_is_refused_and_saves_nothing(
    sysadmin_client, sysadmin, own_membership
):
    data = admin_form_data(sysadmin_client, user_url(sysadmin), "bruker")
    data["memberships-0-tjeneste"] = [str(own_membership.tjeneste_id)]
    data["memberships-0-rolle"] = ["leder"]
    assert_refused_and_unchanged(sysadmin_client, sysadmin, user_url(sysadmin), data)


def test_deleting_own_membership_inline_is_refused_and_deletes_nothing(
    sysadmin_client, sysadmin, own_membership
):
    data = admin_form_data(sysadmin_client, user_url(sysadmin), "bruker")
    data["memberships-0-DELETE"] = ["on"]
    assert_refused_and_unchanged(sysadmin_client, sysadmin, user_url(sysadmin), data)


# --- What a second administrator can do for another account --------------------------------


def test_second_administrator_changes_another_administrators_role_flags(
    second_admin_client, sysadmin
):
    data = admin_form_data(second_admin_client, user_url(sysadmin), "bruker")
    data["is_bts_coordinator"] = ["on"]
    del data["is_staff"]
    assert second_admin_client.post(user_url(sysadmin), data).status_code == 302
    saved = Bruker.objects.get(pk=sysadmin.pk)
    assert saved.is_bts_coordinator
    assert not saved.is_staff


def test_second_administrator_gives_takes_and_changes_memberships_of_another_account(
    second_admin_client, sysadmin, tjeneste, other_tjeneste
):
    data = admin_form_data(second_admin_client, user_url(sysadmin), "bruker")
    add_inline_row(data, "memberships", tjeneste=str(tjeneste.pk), rolle="ansatt")
    assert second_admin_client.post(user_url(sysadmin), data).status_code == 302
    membership = Medlemskap.objects.get(user=sysadmin)

    data = admin_form_data(second_admin_client, membership_url(membership), "medlemskap")
    data |= {"tjeneste": [str(other_tjeneste.pk)], "rolle": ["leder"]}
    assert second_admin_client.post(membership_url(membership), data).status_code == 302
    assert set(Medlemskap.objects.filter(user=sysadmin).values_list("tjeneste", "rolle")) == {
        (other_tjeneste.pk, "leder")
    }

    response = second_admin_client.post(membership_url(membership, "delete"), {"post": "yes"})
    assert response.status_code == 302
    assert not Medlemskap.objects.filter(user=sysadmin).exists()


def test_second_administrator_creates_an_account_and_sends_it_the_password_email(
    second_admin_client,
):
    data = admin_form_data(second_admin_client, "/admin/organisasjon/bruker/add/", "bruker")
    data |= {"username": ["ny.ansatt"], "email": ["ny.ansatt@eksempel.kommune.no"]}
    assert second_admin_client.post("/admin/organisasjon/bruker/add/", data).status_code == 302
    new = Bruker.objects.get(username="ny.ansatt")
    second_admin_client.post(reverse("admin:organisasjon_bruker_password_email", args=[new.pk]))
    assert [message.to for message in mail.outbox] == [["ny.ansatt@eksempel.kommune.no"]]


def test_second_administrator_deletes_another_account_that_never_held_a_role(
    second_admin_client,
):
    unused = BrukerFactory()
    url = reverse("admin:organisasjon_bruker_delete", args=[unused.pk])
    assert second_admin_client.post(url, {"post": "yes"}).status_code == 302
    assert not Bruker.objects.filter(pk=unused.pk).exists()


def test_an_account_that_held_a_role_is_kept_for_the_record(second_admin_client, employee):
    url = reverse("admin:organisasjon_bruker_delete", args=[employee.pk])
    before = account_state(employee)
    response = second_admin_client.post(url, {"post": "yes"})
    assert response.status_code == 200  # Django's "cannot delete: protected objects" page
    assert account_state(employee) == before


def test_an_identity_cannot_be_linked_by_the_admin_to_an_account_in_use(sysadmin_client, employee):
    from innlogging.models import OidcIdentitet

    response = sysadmin_client.post(
        "/admin/innlogging/oidcidentitet/add/",
        {"user": employee.pk, "issuer": "https://idp.example", "subject": "admins-own-sub"},
    )
    assert response.status_code == 200  # the form again, with the refusal
    assert "i bruk" in response.content.decode()
    assert not OidcIdentitet.objects.exists()


def test_an_identity_is_linked_by_the_admin_to_an_account_not_yet_in_use(sysadmin_client):
    from innlogging.models import OidcIdentitet

    newcomer = BrukerFactory(username="ny.ansatt")
    newcomer.set_unusable_password()
    newcomer.save()
    response = sysadmin_client.post(
        "/admin/innlogging/oidcidentitet/add/",
        {"user": newcomer.pk, "issuer": "https://idp.example", "subject": "newcomers-sub"},
    )
    assert response.status_code == 302
    assert OidcIdentitet.objects.get().user == newcomer
