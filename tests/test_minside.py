"""The citizen area (minside, issue 20): ID-porten login as a second provider, guardians
invited by the baton holder and linked by the keyed hash of their pid, never in clear.

The logins go through the real OpenID Connect provider on the loopback (tests/oidc), whose
accounts carry a ``pid`` and an ``acr`` as ID-porten's do.
"""

import contextlib
import re
from datetime import timedelta

import pytest
from django.core import mail
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone
from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from bts_portal import permissions
from innlogging import oidc as staff_oidc
from minside import identity, services
from minside.models import Invitasjon, Kobling
from stafettlogg.models import AccessLog, Foresatt

from .case_fixtures import CHILD, open_case
from .oidc_provider import (
    CITIZEN_CALLBACK,
    CITIZEN_START,
    citizen_log_in,
    configure_citizen_login,
    running_provider,
)
from .services import retention_function_source

pytestmark = pytest.mark.django_db

PID_MOTHER = "01017012345"
PID_FATHER = "02027054321"
PID_OTHER = "03038099999"
SUBSTANTIAL = {"acr": "idporten-loa-substantial", "amr": ["BankID"]}


@pytest.fixture(scope="module")
def idporten(tmp_path_factory):
    yield from running_provider(tmp_path_factory, "idporten")


@pytest.fixture
def provider(idporten, settings):
    configure_citizen_login(settings, idporten)
    idporten.set_accounts(
        {
            "mor": {"sub": "sub-mor", "pid": PID_MOTHER, **SUBSTANTIAL},
            "far": {"sub": "sub-far", "pid": PID_FATHER, **SUBSTANTIAL},
            "annen": {"sub": "sub-annen", "pid": PID_OTHER, **SUBSTANTIAL},
            "svak": {"sub": "sub-svak", "pid": PID_OTHER, "acr": "idporten-loa-low"},
            "uten-pid": {"sub": "sub-uten", **SUBSTANTIAL},
        }
    )
    yield idporten
    staff_oidc.forget_discovery()


@pytest.fixture
def family(people):
    """A case with two guardians who have addresses, and the holder."""
    case = open_case(people)
    mother = case.guardians.get()
    mother.email, mother.phone = "lise@example.org", "+4799999999"
    mother.save()
    father = Foresatt.objects.create(
        stafettlogg=case, name="Per Forelder", email="per@example.org", phone="+4798888888"
    )
    return {"case": case, "mother": mother, "father": father, **people}


def add_participant(family) -> None:
    """The holder adds the clinic's participant to the family's case."""
    from stafettlogg import services as case_services

    users = family["users"]
    case_services.participant_add(
        case=family["case"], by=users["stafettholder"], user=users["participant"],
        tjeneste=family["clinic"],
    )  # fmt: skip


def invite_url(invitation_mail) -> str:
    match = re.search(r"http://\S+/min-side/invitasjon/(\S+)/", invitation_mail)
    assert match, invitation_mail
    return f"/min-side/invitasjon/{match[1]}/"


def holder_invites(client, family, guardian, channel="epost"):
    client.force_login(family["users"]["stafettholder"])
    response = client.post(
        f"/ansatt/stafettlogg/{family['case'].pk}/min-side/inviter/",
        {"foresatt": guardian.pk, "channel": channel},
    )
    client.logout()
    return response


def invited(client, family, guardian) -> str:
    mail.outbox.clear()
    assert holder_invites(client, family, guardian).status_code == 302
    (message,) = mail.outbox
    return invite_url(message.body)


def citizen(pid: str) -> identity.Citizen:
    return identity.Citizen(
        pid_hash=identity.pid_hash(pid), acr="idporten-loa-substantial", login_at=0
    )


def new_invitation(guardian, **fields) -> Invitasjon:
    _token, digest = identity.new_token()
    return Invitasjon.objects.create(
        foresatt=guardian, token_hash=digest, channel="epost",
        expires_at=timezone.now() + timedelta(days=14), **fields,
    )  # fmt: skip


# --- Without ID-porten configured ----------------------------------------------------------
def test_without_an_issuer_the_area_says_digital_login_is_not_set_up(client, settings):
    settings.CITIZEN_OIDC_ISSUER = ""
    page = client.get("/min-side/")
    assert page.status_code == 200
    text = page.content.decode()
    assert "/min-side/innlogging/start/" not in text
    assert "/tjenester/" in text  # how to reach the services instead
    assert "private" in page["Cache-Control"]
    assert "no-store" in page["Cache-Control"]
    assert client.get(CITIZEN_START).status_code == 404
    assert client.get(CITIZEN_CALLBACK).status_code == 404


@pytest.mark.parametrize("language", ["nb", "nn", "en"])
def test_the_area_speaks_the_three_languages(client, settings, language):
    settings.CITIZEN_OIDC_ISSUER = ""
    expected = {"nb": "Min side", "nn": "Mi side", "en": "My page"}[language]
    page = client.get("/min-side/", {"sprak": language})
    assert f"<h1>{expected}</h1>" in page.content.decode()


# --- The holder invites ------------------------------------------------------------------
def test_the_holder_invites_by_email_with_only_a_link(client, family):
    mail.outbox.clear()
    response = holder_invites(client, family, family["mother"])
    assert response.status_code == 302
    (message,) = mail.outbox
    assert message.to == ["lise@example.org"]
    assert CHILD.split()[0] not in message.body
    assert "Lise" not in message.body
    invitation = Invitasjon.objects.get()
    assert invitation.foresatt == family["mother"]
    assert invitation.expires_at - invitation.sent_at == timedelta(days=14)
    token = invite_url(message.body).split("/")[-2]
    assert invitation.token_hash == identity.token_hash(token) != token
    row = AccessLog.objects.get(event="citizen.invite")
    assert (row.user, row.stafettlogg_id, row.action) == (
        family["users"]["stafettholder"], family["case"].pk, AccessLog.Action.WRITE,
    )  # fmt: skip


def test_the_holder_invites_by_sms_through_the_file_backend(client, family, settings, tmp_path):
    settings.SMS_BACKEND = "minside.sms.FileBackend"
    settings.SMS_FILE_PATH = str(tmp_path)
    settings.CITIZEN_INVITE_DAYS = 3
    assert holder_invites(client, family, family["father"], channel="sms").status_code == 302
    (sent,) = tmp_path.glob("*.sms")
    text = sent.read_text()
    assert text.startswith("To: +4798888888\n")
    assert "/min-side/invitasjon/" in text
    assert "3" in text
    assert CHILD.split()[0] not in text
    assert "Per" not in text
    invitation = Invitasjon.objects.get()
    assert invitation.expires_at - invitation.sent_at == timedelta(days=3)


def test_a_guardian_without_an_address_is_not_invited(client, family):
    family["father"].phone = ""
    family["father"].save()
    response = holder_invites(client, family, family["father"], channel="sms")
    assert response.status_code == 400
    assert not Invitasjon.objects.exists()
    assert AccessLog.objects.get(event="citizen.invite").action == AccessLog.Action.DENIED


@pytest.mark.parametrize(("who", "status"), [("participant", 403), ("other_service", 404)])
def test_only_the_holder_invites_and_revokes(client, family, who, status):
    users = family["users"]
    add_participant(family)
    client.force_login(users[who])
    base = f"/ansatt/stafettlogg/{family['case'].pk}/min-side"
    data = {"foresatt": family["mother"].pk, "channel": "epost"}
    assert client.post(f"{base}/inviter/", data).status_code == status
    assert client.post(f"{base}/stopp/", data).status_code == status
    assert not Invitasjon.objects.exists()
    rows = AccessLog.objects.filter(event__startswith="citizen.", user=users[who])
    assert sorted(rows.values_list("event", "action")) == [
        ("citizen.invite", AccessLog.Action.DENIED), ("citizen.revoke", AccessLog.Action.DENIED),
    ]  # fmt: skip


def test_a_new_invitation_replaces_the_unused_one(client, family):
    first = invited(client, family, family["mother"])
    second = invited(client, family, family["mother"])
    assert client.get(first).status_code == 410
    assert client.get(second).status_code == 200


# --- Linking through ID-porten -------------------------------------------------------------
def test_the_guardian_links_through_id_porten_and_sees_the_case(client, family, provider):
    link = invited(client, family, family["mother"])
    landing = client.get(link)
    assert landing.status_code == 200
    assert CITIZEN_START in landing.content.decode()
    back = citizen_log_in(client, provider, "mor")
    assert (back.status_code, back["Location"]) == (302, "/min-side/")
    assert "_auth_user_id" not in client.session
    link_row = Kobling.objects.get()
    assert link_row.foresatt == family["mother"]
    assert link_row.pid_hash == identity.pid_hash(PID_MOTHER)
    page = client.get("/min-side/")
    text = page.content.decode()
    assert "Emma" in text
    assert "Testbarn" not in text
    assert "Solbakken barnehage" in text
    assert "Stafettholder" in text
    assert "no-store" in page["Cache-Control"]
    assert client.get(f"/min-side/sak/{family['case'].pk}/").status_code == 200
    # The holder sees that the guardian linked.
    client.force_login(family["users"]["stafettholder"])
    consent_page = client.get(f"/ansatt/stafettlogg/{family['case'].pk}/samtykke/")
    assert "Koblet" in consent_page.content.decode()


def test_a_later_login_finds_the_cases_by_the_hash(client, family, provider):
    client.get(invited(client, family, family["mother"]))
    citizen_log_in(client, provider, "mor")
    client.post("/min-side/logg-ut/")
    assert "Emma" not in client.get("/min-side/").content.decode()
    citizen_log_in(client, provider, "mor")  # no invitation this time
    assert "Emma" in client.get("/min-side/").content.decode()


def test_a_link_used_twice_links_only_once(client, family, provider):
    link = invited(client, family, family["mother"])
    client.get(link)
    citizen_log_in(client, provider, "mor")
    other = client.__class__()
    assert other.get(link).status_code == 410
    # Even with the invitation already in a session, the second use changes nothing.
    invitation = Invitasjon.objects.get()
    with pytest.raises(services.InviteError):
        services.bind(invitation_id=invitation.pk, citizen=citizen(PID_OTHER))
    assert list(Kobling.objects.values_list("pid_hash", flat=True)) == [
        identity.pid_hash(PID_MOTHER)
    ]


def test_an_expired_link_is_refused(client, family, provider):
    link = invited(client, family, family["mother"])
    client.get(link)  # the invitation is in the session, then the link expires
    Invitasjon.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    citizen_log_in(client, provider, "mor")
    assert not Kobling.objects.exists()
    assert client.__class__().get(link).status_code == 410


def test_a_login_below_substantial_or_without_pid_is_refused(client, family, provider):
    client.get(invited(client, family, family["mother"]))
    assert citizen_log_in(client, provider, "svak").status_code == 403
    assert citizen_log_in(client, provider, "uten-pid").status_code == 403
    assert identity.SESSION_KEY not in client.session
    assert not Kobling.objects.exists()


def test_the_staff_callback_does_not_take_a_citizen_state(client, provider):
    start = client.get(CITIZEN_START)
    state = re.search(r"state=([^&]+)", start["Location"])[1]
    assert client.session["oidc_states"][state]["provider"] == "minside"
    # And the citizen callback takes no state it did not start.
    assert client.get(CITIZEN_CALLBACK, {"code": "x", "state": "made-up"}).status_code == 400


# --- Who a guardian row may be bound to ----------------------------------------------------
def test_a_guardian_bound_to_one_person_is_never_bound_to_another(family):
    first = new_invitation(family["mother"])
    services.bind(invitation_id=first.pk, citizen=citizen(PID_MOTHER))
    second = new_invitation(family["mother"])
    with pytest.raises(services.InviteError) as refused:
        services.bind(invitation_id=second.pk, citizen=citizen(PID_OTHER))
    assert refused.value.code == "other_person"
    second.refresh_from_db()
    assert second.used_at is None  # nothing changed: the holder can see and revoke it
    assert Kobling.objects.get().pid_hash == identity.pid_hash(PID_MOTHER)


def test_one_person_is_not_both_guardians_of_a_case(family):
    services.bind(invitation_id=new_invitation(family["mother"]).pk, citizen=citizen(PID_MOTHER))
    with pytest.raises(services.InviteError) as refused:
        services.bind(
            invitation_id=new_invitation(family["father"]).pk, citizen=citizen(PID_MOTHER)
        )
    assert refused.value.code == "same_case"
    assert Kobling.objects.count() == 1


def test_a_parent_of_two_children_is_linked_to_both_cases(family, people):
    second_case = open_case(people, child="Jonas Testbarn")
    services.bind(invitation_id=new_invitation(family["mother"]).pk, citizen=citizen(PID_MOTHER))
    services.bind(
        invitation_id=new_invitation(second_case.guardians.get()).pk, citizen=citizen(PID_MOTHER)
    )
    assert set(permissions.citizen_cases(citizen(PID_MOTHER))) == {family["case"], second_case}
    assert not permissions.citizen_case_access(citizen(PID_FATHER), second_case)


def test_the_same_person_again_keeps_the_one_link(family):
    services.bind(invitation_id=new_invitation(family["mother"]).pk, citizen=citizen(PID_MOTHER))
    services.bind(invitation_id=new_invitation(family["mother"]).pk, citizen=citizen(PID_MOTHER))
    assert Kobling.objects.count() == 1


@hsettings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(pids=st.lists(st.sampled_from([PID_MOTHER, PID_FATHER, PID_OTHER]), min_size=1, max_size=6))
def test_whatever_order_of_logins_a_guardian_has_at_most_one_person(family, pids):
    Kobling.objects.all().delete()
    Invitasjon.objects.all().delete()
    guardians = [family["mother"], family["father"]]
    for number, pid in enumerate(pids):
        with contextlib.suppress(services.InviteError):
            services.bind(
                invitation_id=new_invitation(guardians[number % 2]).pk, citizen=citizen(pid)
            )
    active = Kobling.objects.filter(revoked_at__isnull=True)
    assert active.count() <= 2
    assert len(set(active.values_list("foresatt", flat=True))) == active.count()
    assert len(set(active.values_list("pid_hash", flat=True))) == active.count()


# --- Revoking ------------------------------------------------------------------------------
def test_a_revoked_link_stops_access_at_the_next_request(client, family, provider):
    client.get(invited(client, family, family["mother"]))
    citizen_log_in(client, provider, "mor")
    case_url = f"/min-side/sak/{family['case'].pk}/"
    assert client.get(case_url).status_code == 200
    holder = client.__class__()
    holder.force_login(family["users"]["stafettholder"])
    revoke = f"/ansatt/stafettlogg/{family['case'].pk}/min-side/stopp/"
    assert holder.post(revoke, {"foresatt": family["mother"].pk}).status_code == 302
    assert holder.post(revoke, {"foresatt": family["mother"].pk}).status_code == 302  # double
    assert client.get(case_url).status_code == 404
    assert "Emma" not in client.get("/min-side/").content.decode()
    assert Kobling.objects.get().revoked_by == family["users"]["stafettholder"]
    rows = AccessLog.objects.filter(event="citizen.revoke").values_list("action", flat=True)
    assert list(rows) == [AccessLog.Action.WRITE] * 2
    assert services.revoke(foresatt=family["mother"], by=None) is False


# --- A citizen is never staff, never another family ----------------------------------------
def _staff_paths(case_pk: int) -> list[str]:
    paths = []

    def walk(patterns, prefix):
        for pattern in patterns:
            route = prefix + str(pattern.pattern)
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns, route)
            elif isinstance(pattern, URLPattern) and route.startswith("ansatt/"):
                route = re.sub(r"<int:[^>]+>", str(case_pk), route)
                route = re.sub(r"<(?:slug|str|path):[^>]+>|<[^>]+>", "x", route)
                paths.append("/" + route.lstrip("^").rstrip("$"))

    walk(get_resolver().url_patterns, "")
    return sorted(set(paths))


# The staff area's own login and password pages are open to anyone.
OPEN_PAGES = {
    "/ansatt/logg-inn/", "/ansatt/passord/glemt/", "/ansatt/passord/glemt/sendt/",
    "/ansatt/passord/ny/x/x/", "/ansatt/passord/ny/ferdig/",
}  # fmt: skip


def test_a_citizen_trying_any_staff_url_is_sent_to_the_staff_login(client, family, provider):
    client.get(invited(client, family, family["mother"]))
    citizen_log_in(client, provider, "mor")
    paths = [path for path in _staff_paths(family["case"].pk) if path not in OPEN_PAGES]
    assert len(paths) > 50
    for path in paths:
        response = client.get(path, follow=True)
        if response.redirect_chain:  # on to the staff login, perhaps through another page
            assert response.redirect_chain[-1][0].startswith("/ansatt/logg-inn/"), path
        else:
            assert response.status_code in (404, 405), (path, response.status_code)
        assert CHILD.split()[0] not in response.content.decode(), path
    assert "_auth_user_id" not in client.session
    assert identity.SESSION_KEY in client.session


def test_a_citizen_asking_for_another_familys_case_gets_404(client, family, people, provider):
    other_case = open_case(people, child="Jonas Annenfamilie")
    client.get(invited(client, family, family["mother"]))
    citizen_log_in(client, provider, "mor")
    response = client.get(f"/min-side/sak/{other_case.pk}/")
    assert response.status_code == 404
    assert "Jonas" not in response.content.decode()
    assert client.get("/min-side/sak/999999/").status_code == 404


# --- No national identity number in clear anywhere ---------------------------------------
def test_no_national_identity_number_is_stored_in_clear(client, family, provider):
    client.get(invited(client, family, family["mother"]))
    citizen_log_in(client, provider, "mor")
    client.get("/min-side/")
    client.get(f"/min-side/sak/{family['case'].pk}/")
    assert Kobling.objects.exists()
    from .test_minside_log import tables_holding

    # Every column of every table, and every session row decoded.
    assert tables_holding(PID_MOTHER) == []
    assert PID_MOTHER not in repr(dict(client.session))


# --- Retention -----------------------------------------------------------------------------
def test_retention_deletes_the_invitations_and_links_with_the_case(family, settings):
    from stafettlogg import retention
    from stafettlogg import services as case_services
    from stafettlogg.models import Stafettlogg

    services.bind(invitation_id=new_invitation(family["mother"]).pk, citizen=citizen(PID_MOTHER))
    new_invitation(family["father"])
    case = family["case"]
    case_services.case_close(
        case=case, user=family["users"]["stafettholder"], reason="r", final_evaluation="f"
    )
    Stafettlogg.objects.filter(pk=case.pk).update(
        closed_at=timezone.now() - timedelta(days=settings.RETENTION_DAYS + 1)
    )
    retention.case_delete(case=case)  # bts_delete_case on PostgreSQL, the ORM elsewhere
    assert not Stafettlogg.objects.filter(pk=case.pk).exists()
    assert not Kobling.objects.exists()
    assert not Invitasjon.objects.exists()


@pytest.mark.postgresql
def test_the_retention_function_deletes_the_citizen_tables():
    body = retention_function_source()
    for table in ("minside_kobling", "minside_invitasjon", "stafettlogg_stepreminder"):
        assert re.search(rf"\b{table}\b", body), table
    assert body.index("minside_kobling") < body.index("DELETE FROM stafettlogg_foresatt")


def test_the_pid_is_read_from_the_id_token_as_id_porten_sends_it(
    client, family, provider, monkeypatch
):
    from minside import oidc as citizen_oidc

    def no_userinfo(*args, **kwargs):
        raise AssertionError("userinfo asked although the ID token carries pid")

    monkeypatch.setattr(citizen_oidc.CitizenBackend, "get_userinfo", no_userinfo)
    client.get(invited(client, family, family["mother"]))
    assert citizen_log_in(client, provider, "mor").status_code == 302
    assert Kobling.objects.get().pid_hash == identity.pid_hash(PID_MOTHER)


def test_only_the_holder_sees_the_guardians_block_on_the_consent_page(client, family):
    users = family["users"]
    add_participant(family)
    url = f"/ansatt/stafettlogg/{family['case'].pk}/samtykke/"
    client.force_login(users["participant"])
    page = client.get(url)
    assert page.status_code == 200
    assert "min-side/inviter/" not in page.content.decode()
    client.force_login(users["stafettholder"])
    text = client.get(url).content.decode()
    assert "min-side/inviter/" in text
    assert "Ikke invitert" in text
