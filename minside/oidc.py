"""The citizens' login: ID-porten through OpenID Connect, a second provider beside the
staff one (innlogging.oidc), with the same machinery: discovery, state, nonce, PKCE, and the
staff module's token checks (``verify_id_token``) and acr ladder (``acr_meets``).

The backend is not in AUTHENTICATION_BACKENDS: it is called by the citizen callback only,
and returns the checked claims, never a user. Without ``CITIZEN_OIDC_ISSUER`` nothing here
is active.
"""

from __future__ import annotations

from urllib.parse import urlencode

import requests
from django.conf import settings
from django.urls import reverse

from innlogging import oidc as staff_oidc


def issuer() -> str | None:
    return getattr(settings, "CITIZEN_OIDC_ISSUER", None) or None


# The library's settings for this provider; the rest (PKCE, nonce, timeouts) as for staff.
get_settings = staff_oidc.settings_for(
    issuer,
    {
        "OIDC_RP_CLIENT_ID": "CITIZEN_OIDC_CLIENT_ID",
        "OIDC_RP_CLIENT_SECRET": "CITIZEN_OIDC_CLIENT_SECRET",
        "OIDC_RP_SCOPES": "CITIZEN_OIDC_SCOPES",
        "OIDC_AUTHENTICATION_CALLBACK_URL": "CITIZEN_OIDC_CALLBACK_URL",
    },
)


class Refused(Exception):
    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


class CitizenBackend(staff_oidc.DiscoveredBackend):
    """The library's code exchange and signature check, the staff checks of the ID token,
    and the claims of the person as the result (``pid`` and ``acr``)."""

    get_settings = staticmethod(get_settings)

    def __init__(self, *args, **kwargs):
        self.OIDC_RP_CLIENT_ID = settings.CITIZEN_OIDC_CLIENT_ID
        self.OIDC_RP_CLIENT_SECRET = settings.CITIZEN_OIDC_CLIENT_SECRET
        self.OIDC_RP_SIGN_ALGO = settings.OIDC_RP_SIGN_ALGO
        self.OIDC_RP_IDP_SIGN_KEY = None

    def _verify_jws(self, payload, key):
        return staff_oidc.verify_id_token(
            payload, key, algorithm=self.OIDC_RP_SIGN_ALGO, client_id=self.OIDC_RP_CLIENT_ID,
            issuer=issuer(),
        )  # fmt: skip

    def get_or_create_user(self, access_token, id_token, payload):
        # ID-porten puts pid in the ID token; a provider that gives it from userinfo only
        # is read there, for the ID token's subject alone.
        claims = staff_oidc.userinfo_claims(self, access_token, id_token, payload, ("pid",))
        return {"pid": claims.get("pid"), "acr": payload.get("acr")}


def check(claims: dict | None) -> dict:
    """The login's ``pid`` and ``acr``, if it is strong enough; raises ``Refused`` otherwise."""
    if not claims or not claims.get("pid"):
        raise Refused("no pid")
    required = settings.CITIZEN_OIDC_ACR_VALUES
    if required and not staff_oidc.acr_meets(claims.get("acr"), required):
        raise Refused("acr too low")
    return claims


def logout_url(request) -> str | None:
    """ID-porten's end-session address (RP-initiated logout), back to My page afterwards; None
    without a provider, an endpoint or an answer. It names the client rather than the login's
    ID token (``id_token_hint``): ID-porten's ID token carries the ``pid``, and the session
    never keeps it (RP-Initiated Logout 1.0 allows ``client_id`` with the redirect URI)."""
    if not issuer():
        return None
    try:
        endpoint = staff_oidc.discovery(issuer()).get("end_session_endpoint")
    except requests.RequestException:
        return None
    if not endpoint:
        return None
    params = {
        "client_id": settings.CITIZEN_OIDC_CLIENT_ID,
        "post_logout_redirect_uri": request.build_absolute_uri(reverse("minside:home")),
    }
    return f"{endpoint}?{urlencode(params)}"
