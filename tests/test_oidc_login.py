"""Login through the municipality's identity provider (OpenID Connect, innlogging.oidc),
against a real provider on the loopback (tests/oidc/provider.mjs).

The refusals of a bad token (wrong nonce, audience, issuer, an expired token) go through the
real flow up to the callback; only the provider's token answer is replaced, by an ID token
the test signs with its own key, and the backend gets that key's JWKS. A baseline test shows
that such a token, made right, is accepted: each refusal is for the one thing made wrong.
"""

import time
from urllib.parse import parse_qs, urlsplit

import jwt
import pytest
import requests
from cryptography.hazmat.primitives.asymmetric import rsa
from django.conf import settings as django_settings
from django.core.management import call_command

from innlogging import oidc, services
from innlogging.models import Kontohendelse, OidcIdentitet
from organisasjon.models import Bruker

from .factories import BrukerFactory
from .oidc_provider import (
    CALLBACK,
    CLIENT_ID,
    OTHER_CLIENT_ID,
    START,
    configure_portal,
    log_in,
    running_provider,
    through_provider,
)

pytestmark = [pytest.mark.django_db, pytest.mark.real_second_factor]

MY_WORK = "/ansatt/mitt-arbeid/"
ENROL = "/ansatt/innlogging/tofaktor/"
STRONG = {"acr": "idporten-loa-high", "amr": ["pwd", "mfa"]}
WEAK = {"acr": "idporten-loa-low", "amr": ["pwd"]}


@pytest.fixture(scope="session")
def oidc_provider(tmp_path_factory):
    yield from running_provider(tmp_path_factory, "oidc")


@pytest.fixture
def provider(oidc_provider, settings):
    configure_portal(settings, oidc_provider)
    yield oidc_provider
    oidc.forget_discovery()


def person(sub, email, *, verified=True, **claims):
    return {"sub": sub, "email": email, "email_verified": verified, **STRONG, **claims}


def link(user, provider, sub):
    services.identity_link(
        user=user, issuer=provider.issuer, subject=sub, changed_by=None, how="test"
    )


def is_logged_in(client) -> bool:
    return "_auth_user_id" in client.session


# --- The way through ------------------------------------------------------------------------
def test_login_through_the_provider_lands_on_my_work(client, provider, employee):
    link(employee, provider, "sub-kari")
    provider.set_accounts({"kari": person("sub-kari", "kari@example.org")})
    response = log_in(client, provider, "kari")
    assert response.status_code == 302
    assert response["Location"] == MY_WORK
    page = client.get(MY_WORK)
    assert page.status_code == 200
    assert "stafettlogg/my_work.html" in [t.name for t in page.templates]
    assert client.session["innlogging_second_factor"] == "oidc"


def test_the_authorization_request_uses_pkce_state_nonce_and_the_acr_values(client, provider):
    start = client.get(START)
    query = parse_qs(urlsplit(start["Location"]).query)
    assert start["Location"].startswith(f"{provider.issuer}/auth?")
    assert query["code_challenge_method"] == ["S256"]
    assert query["code_challenge"]
    assert query["state"]
    assert query["nonce"]
    assert query["acr_values"] == ["idporten-loa-substantial"]
    assert query["redirect_uri"] == [f"http://testserver{CALLBACK}"]


def test_a_wrong_state_is_refused(client, provider, employee):
    link(employee, provider, "sub-kari")
    provider.set_accounts({"kari": person("sub-kari", "kari@example.org")})
    start = client.get(START)
    back = through_provider(requests.Session(), provider, start["Location"], "kari")
    query = parse_qs(urlsplit(back).query)
    response = client.get(CALLBACK, {"code": query["code"][0], "state": "not-the-state"})
    assert response.status_code == 400
    assert not is_logged_in(client)


def test_an_error_answer_for_no_login_of_this_browser_logs_nobody_out(client, provider, employee):
    client.force_login(employee)
    response = client.get(CALLBACK, {"error": "access_denied", "state": "made-up"})
    assert response.status_code == 400
    assert is_logged_in(client)


def test_the_providers_error_answer_ends_the_login_attempt(client, provider):
    start = client.get(START)
    state = parse_qs(urlsplit(start["Location"]).query)["state"][0]
    response = client.get(CALLBACK, {"error": "access_denied", "state": state})
    assert response.status_code == 400
    assert state not in client.session["oidc_states"]


def test_an_unknown_subject_gets_the_page_saying_whom_to_ask_and_nothing_is_created(
    client, provider, employee
):
    provider.set_accounts({"ukjent": person("sub-stranger", "stranger@example.org")})
    users = Bruker.objects.count()
    response = log_in(client, provider, "ukjent")
    assert response.status_code == 403
    assert "registration/oidc_refused.html" in [t.name for t in response.templates]
    assert Bruker.objects.count() == users
    assert not OidcIdentitet.objects.exists()
    assert not is_logged_in(client)


def test_an_inactive_account_is_refused(client, provider, employee):
    link(employee, provider, "sub-kari")
    Bruker.objects.filter(pk=employee.pk).update(is_active=False)
    provider.set_accounts({"kari": person("sub-kari", "kari@example.org")})
    assert log_in(client, provider, "kari").status_code == 403
    assert not is_logged_in(client)


# --- The second factor ----------------------------------------------------------------------
def test_an_acr_below_the_level_asks_for_the_second_factor(client, provider, employee):
    link(employee, provider, "sub-kari")
    provider.set_accounts({"kari": person("sub-kari", "kari@example.org", **WEAK)})
    assert log_in(client, provider, "kari")["Location"] == MY_WORK
    response = client.get(MY_WORK)
    assert response.status_code == 302
    assert response["Location"].startswith(ENROL)


def test_an_amr_with_mfa_counts_as_two_factor_below_the_acr(client, provider, employee):
    link(employee, provider, "sub-kari")
    claims = person("sub-kari", "kari@example.org", acr="idporten-loa-low", amr=["pwd", "mfa"])
    provider.set_accounts({"kari": claims})
    log_in(client, provider, "kari")
    assert client.get(MY_WORK).status_code == 200


@pytest.mark.parametrize(
    ("acr", "required", "meets"),
    [
        ("idporten-loa-high", "idporten-loa-substantial", True),
        ("idporten-loa-substantial", "idporten-loa-substantial", True),
        ("idporten-loa-low", "idporten-loa-substantial", False),
        ("idporten-loa-substantial", "idporten-loa-high", False),
        ("urn:custom:strong", "urn:custom:strong", True),
        ("urn:custom:weak", "urn:custom:strong", False),
        (None, "idporten-loa-substantial", False),
    ],
)
def test_acr_levels_are_compared_on_their_ladder(acr, required, meets):
    assert oidc.acr_meets(acr, required) is meets


# --- Linking by a verified e-mail -----------------------------------------------------------
def test_a_verified_email_links_the_account_once(client, provider):
    user = BrukerFactory(username="ola", email="Ola.Nordmann@kommune.no")
    provider.set_accounts({"ola": person("sub-ola", "ola.nordmann@kommune.no", acr=None)})
    assert log_in(client, provider, "ola").status_code == 302
    identity = OidcIdentitet.objects.get()
    assert (identity.user, identity.issuer, identity.subject) == (
        user,
        provider.issuer,
        "sub-ola",
    )
    event = Kontohendelse.objects.get(user=user)
    assert event.action == Kontohendelse.Action.IDENTITY_LINKED
    assert event.detail == "sub-ola (verified e-mail)"
    assert event.changed_by is None

    # Later logins go by the subject, whatever address the provider sends now.
    client.logout()
    provider.set_accounts({"ola": person("sub-ola", "ny.adresse@kommune.no")})
    assert log_in(client, provider, "ola").status_code == 302
    assert int(client.session["_auth_user_id"]) == user.pk
    assert OidcIdentitet.objects.count() == 1
    assert Kontohendelse.objects.filter(user=user).count() == 1


def test_an_unverified_email_links_nothing(client, provider):
    BrukerFactory(username="ola", email="ola@kommune.no")
    provider.set_accounts({"ola": person("sub-ola", "ola@kommune.no", verified=False)})
    assert log_in(client, provider, "ola").status_code == 403
    assert not OidcIdentitet.objects.exists()


def test_an_account_linked_to_someone_else_is_not_relinked_by_email(client, provider):
    user = BrukerFactory(username="ola", email="ola@kommune.no")
    link(user, provider, "sub-the-real-ola")
    provider.set_accounts({"other": person("sub-someone-else", "ola@kommune.no")})
    assert log_in(client, provider, "other").status_code == 403
    assert OidcIdentitet.objects.get().subject == "sub-the-real-ola"


# --- Throttling -----------------------------------------------------------------------------
def test_a_locked_username_still_logs_in_through_the_provider(client, provider, employee):
    for _ in range(django_settings.AXES_FAILURE_LIMIT):
        client.post("/ansatt/logg-inn/", {"username": "ansatt", "password": "feil"})
    locked = client.post(
        "/ansatt/logg-inn/", {"username": "ansatt", "password": "riktig-passord-123"}
    )
    assert locked.status_code == 429
    link(employee, provider, "sub-kari")
    provider.set_accounts({"kari": person("sub-kari", "kari@example.org")})
    assert log_in(client, provider, "kari")["Location"] == MY_WORK
    assert client.get(MY_WORK).status_code == 200


# --- Logout ---------------------------------------------------------------------------------
def test_logout_ends_the_portal_session_and_goes_on_to_the_provider(client, provider, employee):
    link(employee, provider, "sub-kari")
    provider.set_accounts({"kari": person("sub-kari", "kari@example.org")})
    browser = requests.Session()
    start = client.get(START)
    back = through_provider(browser, provider, start["Location"], "kari")
    client.get(back)
    id_token = client.session[oidc.ID_TOKEN]
    response = client.post("/ansatt/logg-ut/")
    assert not is_logged_in(client)
    assert client.get(MY_WORK).status_code == 302
    end = urlsplit(response["Location"])
    assert f"{end.scheme}://{end.netloc}{end.path}" == f"{provider.issuer}/session/end"
    query = parse_qs(end.query)
    assert query["id_token_hint"] == [id_token]
    assert query["post_logout_redirect_uri"] == ["http://testserver/"]
    # The provider accepts it: its logout page, and after it back to the portal.
    page = browser.get(response["Location"], allow_redirects=False)
    assert page.status_code == 200
    assert "Log out of the test provider?" in page.text
    xsrf = page.text.split('name="xsrf" value="')[1].split('"')[0]
    done = browser.post(
        f"{provider.issuer}/session/end/confirm",
        data={"xsrf": xsrf, "logout": "yes"},
        allow_redirects=False,
    )
    assert done.status_code in (302, 303)
    assert done.headers["Location"] == "http://testserver/"


def test_logout_after_a_password_login_stays_in_the_portal(client, provider, coordinator):
    client.post("/ansatt/logg-inn/", {"username": "koordinator", "password": "riktig-passord-123"})
    response = client.post("/ansatt/logg-ut/")
    assert response.status_code == 302
    assert response["Location"] == "/"


# --- Tokens the test signs itself -----------------------------------------------------------
@pytest.fixture
def signing_key(monkeypatch):
    """The backend's JWKS becomes the test's key; the provider's token answer, ``answer``."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    public = jwt.algorithms.RSAAlgorithm.to_jwk(key.public_key(), as_dict=True)
    public.update(kid="test-signing-key", alg="RS256", use="sig")
    monkeypatch.setattr(
        oidc.OidcBackend, "retrieve_matching_jwk", lambda self, token: jwt.PyJWK(public)
    )
    state = {}
    monkeypatch.setattr(
        oidc.OidcBackend,
        "get_token",
        lambda self, payload: {"id_token": state["token"], "access_token": "not-used"},
    )
    return key, state


def crafted_login(client, provider, signing_key, **changes):
    """The real flow to the callback, with an ID token for the linked person signed by the
    test, made right but for ``changes`` (None removes a claim)."""
    key, state = signing_key
    start = client.get(START, {"next": MY_WORK})
    back = through_provider(requests.Session(), provider, start["Location"], "kari")
    returned_state = parse_qs(urlsplit(back).query)["state"][0]
    now = int(time.time())
    claims = {
        "iss": provider.issuer,
        "aud": CLIENT_ID,
        "sub": "sub-kari",
        "iat": now,
        "exp": now + 300,
        "nonce": client.session["oidc_states"][returned_state]["nonce"],
        "email": "kari@example.org",
        **STRONG,
    }
    claims.update(changes)
    claims = {name: value for name, value in claims.items() if value is not None}
    state["token"] = jwt.encode(claims, key, algorithm="RS256", headers={"kid": "test-signing-key"})
    return client.get(back)


@pytest.fixture
def kari(provider, employee):
    link(employee, provider, "sub-kari")
    provider.set_accounts({"kari": person("sub-kari", "kari@example.org")})
    return employee


def test_a_token_signed_right_by_the_test_key_is_accepted(client, provider, kari, signing_key):
    assert crafted_login(client, provider, signing_key)["Location"] == MY_WORK
    assert is_logged_in(client)


@pytest.mark.parametrize(
    "changes",
    [
        pytest.param({"nonce": "another-nonce"}, id="wrong nonce"),
        pytest.param({"nonce": None}, id="no nonce"),
        pytest.param({"aud": OTHER_CLIENT_ID}, id="token for another client"),
        pytest.param({"aud": [OTHER_CLIENT_ID, CLIENT_ID]}, id="several audiences, no azp"),
        pytest.param({"iss": "http://127.0.0.1:1/"}, id="wrong issuer"),
        pytest.param(
            {"exp": int(time.time()) - 3600, "iat": int(time.time()) - 7200}, id="expired"
        ),
        pytest.param({"exp": None}, id="no expiry"),
    ],
)
def test_a_bad_id_token_is_refused(client, provider, kari, signing_key, changes):
    response = crafted_login(client, provider, signing_key, **changes)
    assert response.status_code == 400
    assert "registration/oidc_failed.html" in [t.name for t in response.templates]
    assert not is_logged_in(client)


def test_a_token_signed_with_another_key_is_refused(client, provider, kari, signing_key):
    _key, state = signing_key
    other = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    response = crafted_login(client, provider, (other, state))
    assert response.status_code == 400
    assert not is_logged_in(client)


# --- Without a provider ---------------------------------------------------------------------
def test_without_an_issuer_there_is_no_button_and_the_routes_do_nothing(client, settings, db):
    settings.OIDC_ISSUER = ""
    page = client.get("/ansatt/logg-inn/")
    assert START.encode() not in page.content
    assert client.get(START).status_code == 404
    assert client.get(CALLBACK, {"code": "x", "state": "y"}).status_code == 404


def test_the_login_page_shows_the_button_with_the_way_back(client, provider):
    page = client.get("/ansatt/logg-inn/", {"next": MY_WORK}).content.decode()
    assert django_settings.OIDC_BUTTON_LABEL in page
    assert f'href="{START}?next={MY_WORK}"' in page


def test_discovery_is_fetched_once(provider, monkeypatch):
    calls = []
    real_get = requests.get

    def counting_get(url, *args, **kwargs):
        calls.append(url)
        return real_get(url, *args, **kwargs)

    monkeypatch.setattr(requests, "get", counting_get)
    first = oidc.discovery()
    assert oidc.discovery() is first
    assert len(calls) == 1
    assert first["issuer"] == provider.issuer


def test_migrations_are_complete():
    call_command("makemigrations", "innlogging", "--check", "--dry-run", verbosity=0)


@pytest.mark.parametrize("configured", [None, ""])
def test_without_an_issuer_no_token_is_accepted_even_one_signed_right(configured):
    # PyJWT skips the iss check when it is given no issuer: the check refuses first.
    from django.core.exceptions import SuspiciousOperation

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    now = int(time.time())
    token = jwt.encode(
        {"iss": "http://anyone.example/", "aud": CLIENT_ID, "sub": "s"}
        | {"iat": now, "exp": now + 300},
        key,
        algorithm="RS256",
    )
    assert oidc.verify_id_token(
        token, key.public_key(), algorithm="RS256", client_id=CLIENT_ID,
        issuer="http://anyone.example/",
    )["sub"] == "s"  # fmt: skip
    with pytest.raises(SuspiciousOperation, match="no identity provider"):
        oidc.verify_id_token(
            token, key.public_key(), algorithm="RS256", client_id=CLIENT_ID, issuer=configured
        )
