"""Login through the municipality's identity provider (OpenID Connect: Entra ID, ID-porten).

mozilla-django-oidc does the authorization code flow (state, nonce, PKCE, the token request,
the signature against the provider's JWKS). This module adds what the portal needs on top:

- the provider's endpoints from discovery (``OIDC_ISSUER``/.well-known/openid-configuration),
  fetched once per process and cached;
- the checks the library leaves out: ``iss`` equal to the issuer, ``aud`` containing the
  client id (and ``azp`` when there are several), ``exp``/``iat`` present and ``exp`` not past;
- no self-registration: a login maps to an existing active account by (issuer, ``sub``) in
  ``OidcIdentitet``, or once, the first time, by a verified e-mail address equal to the one an
  administrator entered on the account; anything else is refused and nothing is created;
- the second factor: the login counts as two-factor only when the provider says so (``acr``
  at or above ``OIDC_MFA_ACR``, or ``amr`` containing mfa/otp/hwk);
- RP-initiated logout: the provider's ``end_session_endpoint`` with ``id_token_hint``.

Without ``OIDC_ISSUER`` none of it is active: no button, and the routes answer 404.
"""

from __future__ import annotations

import logging
import threading
from urllib.parse import urlencode

import jwt
import requests
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import ImproperlyConfigured, SuspiciousOperation
from django.urls import reverse
from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.utils import import_from_settings

from organisasjon.models import Bruker

from .models import OidcIdentitet

log = logging.getLogger(__name__)

# The session key of the ID token kept for logout (id_token_hint).
ID_TOKEN = "oidc_id_token"  # noqa: S105 - a session key's name, not a secret
# The amr values (RFC 8176) that mean more than one factor was used.
MFA_AMR = {"mfa", "otp", "hwk"}
# Levels that are ordered, lowest first: a login at a higher level meets a lower requirement.
ACR_LADDERS = [
    ["idporten-loa-low", "idporten-loa-substantial", "idporten-loa-high"],
    ["Level3", "Level4"],
    [
        "http://eidas.europa.eu/LoA/low",
        "http://eidas.europa.eu/LoA/substantial",
        "http://eidas.europa.eu/LoA/high",
    ],
]
# The library's endpoint settings, filled from discovery.
_DISCOVERED = {
    "OIDC_OP_AUTHORIZATION_ENDPOINT": "authorization_endpoint",
    "OIDC_OP_TOKEN_ENDPOINT": "token_endpoint",
    "OIDC_OP_USER_ENDPOINT": "userinfo_endpoint",
    "OIDC_OP_JWKS_ENDPOINT": "jwks_uri",
}

_discovery_cache: dict[str, dict] = {}
_discovery_lock = threading.Lock()


class Refused(Exception):
    """The provider vouched for the person, but the portal has no account for them."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def issuer() -> str | None:
    """The configured identity provider, or None while none is."""
    return getattr(settings, "OIDC_ISSUER", None) or None


def button() -> dict | None:
    """What the login page shows for the provider; nothing while none is configured."""
    if not issuer():
        return None
    return {"label": settings.OIDC_BUTTON_LABEL, "url": reverse("innlogging:oidc_start")}


def discovery(configured: str | None = None) -> dict:
    """The provider's metadata, fetched once per process and issuer (the staff provider's
    unless another issuer is given: the citizens' ID-porten, minside.oidc).

    Its ``issuer`` must be the configured one exactly (OpenID Connect Discovery 1.0, 4.3):
    otherwise a provider could pass off tokens as another's.
    """
    configured = configured or issuer()
    if not configured:
        raise ImproperlyConfigured("OIDC_ISSUER is not set.")
    with _discovery_lock:
        if configured not in _discovery_cache:
            url = f"{configured.rstrip('/')}/.well-known/openid-configuration"
            response = requests.get(url, timeout=settings.OIDC_TIMEOUT)
            response.raise_for_status()
            metadata = response.json()
            if metadata.get("issuer") != configured:
                raise ImproperlyConfigured(
                    f"The provider at {url} says its issuer is {metadata.get('issuer')!r}, "
                    f"not the configured issuer {configured!r}."
                )
            _discovery_cache[configured] = metadata
        return _discovery_cache[configured]


def forget_discovery() -> None:
    """Drop the cached metadata (tests, or a provider that moved its endpoints)."""
    with _discovery_lock:
        _discovery_cache.clear()


def get_settings(attr, *args):
    """The library's settings, with the provider's endpoints from discovery."""
    if attr in _DISCOVERED and not getattr(settings, attr, None):
        value = discovery().get(_DISCOVERED[attr])
        if value:
            return value
    return import_from_settings(attr, *args)


def settings_for(issuer_of, names: dict[str, str]):
    """A ``get_settings`` for another provider: the library's setting ``attr`` is read from
    the portal's setting ``names[attr]`` when it has one there, the endpoints come from that
    provider's discovery (``issuer_of()``), and everything else is the staff provider's."""

    def get(attr, *args):
        if attr in _DISCOVERED:
            value = discovery(issuer_of()).get(_DISCOVERED[attr])
            if value:
                return value
            if args:
                return args[0]
            raise ImproperlyConfigured(f"The provider at {issuer_of()} has no {attr}.")
        if attr in names:
            return getattr(settings, names[attr])
        return import_from_settings(attr, *args)

    return get


def verify_id_token(payload, key, *, algorithm: str, client_id: str, issuer: str | None) -> dict:
    """The ID token's claims, after the checks the library leaves out: the expected signing
    algorithm, ``iss`` equal to the issuer, ``aud`` containing the client (and ``azp`` equal
    to it when there are several), ``exp``, ``iat`` and ``sub`` present and ``exp`` not past.
    Raises ``SuspiciousOperation`` otherwise. Shared by the staff and citizen logins.

    Without a configured issuer every token is refused: PyJWT would skip the ``iss`` check
    when given none, and accept a token from anyone who holds the key."""
    if not issuer:
        raise SuspiciousOperation("ID token refused: no identity provider is configured.")
    if jwt.get_unverified_header(payload).get("alg") != algorithm:
        raise SuspiciousOperation("The ID token is not signed with the expected algorithm.")
    try:
        claims = jwt.decode(
            payload,
            key,
            algorithms=[algorithm],
            audience=client_id,
            issuer=issuer,
            leeway=settings.OIDC_CLOCK_LEEWAY,
            options={"require": ["iss", "aud", "exp", "iat", "sub"]},
        )
    except jwt.PyJWTError as error:
        raise SuspiciousOperation(f"ID token refused: {error}") from error
    audiences = claims["aud"] if isinstance(claims["aud"], list) else [claims["aud"]]
    if len(audiences) > 1 and claims.get("azp") != client_id:
        raise SuspiciousOperation("ID token refused: azp is not this client.")
    return claims


def userinfo_claims(backend, access_token, id_token, payload, names) -> dict:
    """The ID token's claims, with ``names`` missing from it taken from the userinfo
    endpoint, which counts only for the ID token's subject (OpenID Connect Core 5.3.2)."""
    claims = dict(payload)
    if any(name not in claims for name in names) and backend.OIDC_OP_USER_ENDPOINT:
        userinfo = backend.get_userinfo(access_token, id_token, payload)
        if userinfo.get("sub") == payload["sub"]:
            for name in names:
                if name not in claims and name in userinfo:
                    claims[name] = userinfo[name]
    return claims


def acr_meets(acr: str | None, required: str) -> bool:
    """Is the login's ``acr`` the required level, or above it on a known ladder?"""
    if not acr:
        return False
    if acr == required:
        return True
    for ladder in ACR_LADDERS:
        if acr in ladder and required in ladder:
            return ladder.index(acr) >= ladder.index(required)
    return False


def is_two_factor(claims: dict) -> bool:
    """Did the provider say the login used more than one factor?"""
    required = settings.OIDC_MFA_ACR
    if required and acr_meets(claims.get("acr"), required):
        return True
    amr = claims.get("amr") or []
    if isinstance(amr, str):
        amr = amr.split()
    return bool(MFA_AMR & set(amr))


def account_for_login(*, issuer: str, claims: dict) -> Bruker:
    """The existing account a login at the provider belongs to; raises ``Refused`` otherwise.

    By (issuer, ``sub``) once linked. The first time, a verified e-mail address equal to the
    one an administrator entered on exactly one account links it (recorded); an unverified
    address never does, since at many providers the user chooses it. Nothing is created.
    """
    from . import services

    subject = claims.get("sub")
    if not subject:
        raise Refused("no subject")
    identity = (
        OidcIdentitet.objects.select_related("user").filter(issuer=issuer, subject=subject).first()
    )
    if identity is not None:
        if not identity.user.is_active:
            raise Refused("inactive")
        return identity.user
    email = (claims.get("email") or "").strip()
    if not email or claims.get("email_verified") not in (True, "true"):
        raise Refused("unknown")
    matches = list(Bruker.objects.filter(email__iexact=email)[:2])
    if len(matches) != 1:
        raise Refused("unknown")
    user = matches[0]
    if not user.is_active:
        raise Refused("inactive")
    if OidcIdentitet.objects.filter(issuer=issuer, user=user).exists():
        # The account is linked to another person at this provider: an administrator decides.
        raise Refused("unknown")
    services.identity_link(
        user=user, issuer=issuer, subject=subject, changed_by=None, how="verified e-mail"
    )
    return user


class DiscoveredBackend(OIDCAuthenticationBackend):
    """The library's backend with the provider's endpoints from the subclass's
    ``get_settings``, read when used, not when the backend is made: Django makes one for
    every login and every request's session, and discovery should not run for a password
    login."""

    OIDC_OP_TOKEN_ENDPOINT = property(lambda self: self.get_settings("OIDC_OP_TOKEN_ENDPOINT"))
    OIDC_OP_USER_ENDPOINT = property(lambda self: self.get_settings("OIDC_OP_USER_ENDPOINT", None))
    OIDC_OP_JWKS_ENDPOINT = property(lambda self: self.get_settings("OIDC_OP_JWKS_ENDPOINT"))


class OidcBackend(DiscoveredBackend):
    """The library's backend, with discovery, the full token checks and no self-registration.

    The account found gets the ID token and its claims as attributes (``oidc_id_token``,
    ``oidc_claims``) for the callback, which decides the second factor and keeps the token
    for logout.
    """

    get_settings = staticmethod(get_settings)

    def __init__(self, *args, **kwargs):
        self.OIDC_RP_CLIENT_ID = settings.OIDC_RP_CLIENT_ID
        self.OIDC_RP_CLIENT_SECRET = settings.OIDC_RP_CLIENT_SECRET
        self.OIDC_RP_SIGN_ALGO = settings.OIDC_RP_SIGN_ALGO
        self.OIDC_RP_IDP_SIGN_KEY = None
        self.UserModel = get_user_model()

    def get_user(self, user_id):
        # ModelBackend's, which refuses an inactive account (the library's does not).
        return ModelBackend.get_user(self, user_id)

    def authenticate(self, request, **kwargs):
        # Only the callback's call (with the nonce and PKCE verifier); never a password login.
        if request is None or "nonce" not in kwargs or "code_verifier" not in kwargs:
            return None
        return super().authenticate(request, **kwargs)

    def _verify_jws(self, payload, key):
        return verify_id_token(
            payload, key, algorithm=self.OIDC_RP_SIGN_ALGO, client_id=self.OIDC_RP_CLIENT_ID,
            issuer=issuer(),
        )  # fmt: skip

    def get_or_create_user(self, access_token, id_token, payload):
        claims = dict(payload)
        if "email" not in claims:
            claims = userinfo_claims(
                self, access_token, id_token, payload, ("email", "email_verified")
            )
        try:
            user = account_for_login(issuer=issuer(), claims=claims)
        except Refused as refusal:
            log.warning(
                "OpenID Connect login refused (%s) for sub %s", refusal.reason, payload["sub"]
            )
            self.request.oidc_refused = refusal.reason
            return None
        user.oidc_id_token = id_token
        user.oidc_claims = payload
        return user


def logout_url(request, id_token: str) -> str | None:
    """The provider's end-session address for this login, or None if it has none."""
    endpoint = discovery().get("end_session_endpoint")
    if not endpoint:
        return None
    params = {
        "id_token_hint": id_token,
        "client_id": settings.OIDC_RP_CLIENT_ID,
        "post_logout_redirect_uri": request.build_absolute_uri(
            reverse(settings.LOGOUT_REDIRECT_URL)
        ),
    }
    return f"{endpoint}?{urlencode(params)}"
