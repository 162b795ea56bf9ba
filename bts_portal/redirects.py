"""Where to send the user after a POST when the address comes with the request (``next``)."""

from django.utils.http import url_has_allowed_host_and_scheme

# Longer than any address in the portal: a longer ``next`` is junk, not a page to return to.
MAX_NEXT_LENGTH = 2000


def next_url(request, *, fallback: str) -> str:
    """The posted ``next`` if it is a path on this site, else ``fallback``.

    Only a path ("/ansatt/...") is followed; another site, a scheme such as ``javascript:``
    and text that is no address at all fall back. Give the result to HttpResponseRedirect,
    not ``redirect()``: that reads a bare word such as ``next=abc`` as the name of a URL
    pattern and fails with NoReverseMatch, a 500.
    """
    target = request.POST.get("next", "")
    if (
        target.startswith("/")
        and len(target) <= MAX_NEXT_LENGTH
        and url_has_allowed_host_and_scheme(
            target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        )
    ):
        return target
    return fallback
