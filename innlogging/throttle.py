"""Login throttling (django-axes) by username and by client address.

Per username, a few wrong passwords lock the name for a while. Per address the limit is
higher, because a kindergarten or a school shares one outgoing address: one address can
still not try passwords across many accounts (password spraying). Nobody is locked out for
long from outside: the lock ends after the cool-off, and a locked name can still log in
through the identity provider, which axes does not throttle.
"""

from __future__ import annotations

from axes.handlers.database import AxesDatabaseHandler
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum


def client_ip(request) -> str | None:
    """The client's address as the first trusted proxy saw it.

    ``TRUSTED_PROXY_COUNT`` proxies (the municipality's reverse proxy) each append the address
    they received from to X-Forwarded-For; the entry that many from the right is the client.
    Anything a client writes there itself stands further left and is never read, so a
    spoofed header neither hides an attacker nor locks out someone else.
    """
    depth = settings.TRUSTED_PROXY_COUNT
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if depth and forwarded:
        hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
        if len(hops) >= depth:
            return hops[-depth]
    return request.META.get("REMOTE_ADDR")


class ThrottleHandler(AxesDatabaseHandler):
    """Axes' database handler with a limit of its own per lockout parameter.

    Failures are counted per parameter (``AXES_LOCKOUT_PARAMETERS``: username, then
    address) and given in units of the username limit, so that axes' one comparison with
    ``AXES_FAILURE_LIMIT`` applies each parameter's own limit.
    """

    def _limits(self) -> list[int]:
        return [settings.AXES_FAILURE_LIMIT, settings.AXES_ADDRESS_FAILURE_LIMIT]

    def get_failures(self, request, credentials=None) -> int:
        base = settings.AXES_FAILURE_LIMIT
        counts = []
        for attempts, limit in zip(
            self.get_user_attempts(request, credentials), self._limits(), strict=False
        ):
            total = attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0
            # Below its limit a parameter stays below the base; at its limit it reaches it.
            counts.append(total * base // limit if total < limit else base)
        return max(counts, default=0)

    def user_logged_in(self, sender, request, user, **kwargs):
        super().user_logged_in(sender, request, user, **kwargs)
        # A success clears the name's own failures only: logging in to one's own account must
        # not wipe the address's count of failures against other names.
        AccessAttempt.objects.filter(username=user.get_username()).delete()


def is_identity_provider_login(request, credentials=None) -> bool:
    """``AXES_WHITELIST_CALLABLE``: the identity provider's callback is never throttled.

    The provider has checked the person itself (and throttles its own logins); a username
    or address that axes locked for wrong passwords must still get in this way, or anyone
    could lock a colleague out by typing their name wrong five times.
    """
    from django.urls import NoReverseMatch, reverse

    try:
        return request is not None and request.path == reverse("innlogging:oidc_callback")
    except NoReverseMatch:
        return False
