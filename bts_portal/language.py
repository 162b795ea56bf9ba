"""The language switch as plain links: ``?sprak=nn`` on any page shows it in that language and
remembers the choice in the language cookie. No session and no CSRF token are needed, so a
public page stays cacheable; each link is the page's own address in that language (hreflang).

A browser's ``Accept-Language`` alone (no link followed, no cookie) picks nynorsk or English
for a public page only where that page's content is complete in it (``oversetting.coverage``);
otherwise the page is shown in bokmål, with a link offering the language the browser asked
for (``request.language_offer``). A page in half English, half bokmål helps nobody who did not
ask for it; the link lets the visitor choose it anyway.
"""

from urllib.parse import urlencode

from django.conf import settings
from django.utils import translation
from django.utils.translation import get_language_info

PARAMETER = "sprak"


def requested_language(request) -> str | None:
    code = request.GET.get(PARAMETER, "")
    return code if code in dict(settings.LANGUAGES) else None


def url_in(request, code: str) -> str:
    """The current page's address with ``?sprak=<code>`` (other parameters kept)."""
    params = [(k, v) for k, values in request.GET.lists() if k != PARAMETER for v in values]
    return f"{request.path}?{urlencode([*params, (PARAMETER, code)])}"


def without_parameter(request) -> str:
    """The address a cached copy is kept under: the same page whichever link led to it."""
    params = sorted((k, v) for k, values in request.GET.lists() if k != PARAMETER for v in values)
    return f"{request.path}?{urlencode(params)}" if params else request.path


# Where the browser's languages choose freely: the staff area and the other private paths
# have no content to be incomplete (bts_portal.page_cache.PRIVATE_PREFIXES).
FREE_CHOICE_PREFIXES = (
    "/ansatt/", "/min-side/", "/admin/", "/i18n/", "/helse/", "/static/", "/media/", "/oidc/",
)  # fmt: skip


def _chosen_by_browser_only(request) -> bool:
    return (
        request.LANGUAGE_CODE != settings.LANGUAGE_CODE
        # A cookie from the language links is the visitor's own choice (an unknown value is not).
        and request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME) not in dict(settings.LANGUAGES)
        and not request.path.startswith(FREE_CHOICE_PREFIXES)
    )


def apply_browser_language_rule(request) -> None:
    """Bokmål, with an offer, where the browser's language is not complete for the page."""
    from oversetting.coverage import is_complete  # oversetting reads the page cache

    language = request.LANGUAGE_CODE
    if is_complete(request.path, language):
        return
    translation.activate(settings.LANGUAGE_CODE)
    request.LANGUAGE_CODE = settings.LANGUAGE_CODE
    request.language_offer = {
        "code": language,
        "name": get_language_info(language)["name_local"],
        "url": url_in(request, language),
    }


def offer_key(request) -> str:
    """The language decision beyond the language shown, for the page cache's key."""
    offer = getattr(request, "language_offer", None)
    return offer["code"] if offer else ""


class LanguageParameterMiddleware:
    """After LocaleMiddleware: a ``sprak`` parameter wins over the cookie and the browser's
    languages, and becomes the cookie for the pages that follow. Without either, the
    browser's language applies where the page's content is complete in it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        code = requested_language(request)
        if code is None:
            if _chosen_by_browser_only(request):
                apply_browser_language_rule(request)
            return self.get_response(request)
        translation.activate(code)
        request.LANGUAGE_CODE = code
        response = self.get_response(request)
        if request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME) != code:
            response.set_cookie(
                settings.LANGUAGE_COOKIE_NAME,
                code,
                max_age=settings.LANGUAGE_COOKIE_AGE or 365 * 24 * 3600,
                path=settings.LANGUAGE_COOKIE_PATH,
                domain=settings.LANGUAGE_COOKIE_DOMAIN,
                secure=settings.LANGUAGE_COOKIE_SECURE,
                httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
                samesite=settings.LANGUAGE_COOKIE_SAMESITE or "Lax",
            )
            # The cookie is this visitor's: no shared cache keeps this answer.
            response["Cache-Control"] = "private, max-age=0"
        return response
