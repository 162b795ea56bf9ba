"""Login through the municipality's identity provider (OpenID Connect): not built yet.

``OidcIdentitet`` and its admin already link accounts to a provider's subject, so the login
(issue 13, part 4) can map a login to an existing account without creating any.
"""

from django.conf import settings


def issuer() -> str | None:
    """The configured identity provider, or None while none is."""
    return getattr(settings, "OIDC_ISSUER", None) or None


def button() -> dict | None:
    """What the login page shows for the provider; nothing while none is configured."""
    return None
