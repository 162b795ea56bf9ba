"""The language switch as plain links: ``?sprak=nn`` on any page shows it in that language and
remembers the choice in the language cookie. No session and no CSRF token are needed, so a
public page stays cacheable; each link is the page's own address in that language (hreflang).
"""

from urllib.parse import urlencode

from django.conf import settings
from django.utils import translation

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


class LanguageParameterMiddleware:
    """After LocaleMiddleware: a ``sprak`` parameter wins over the cookie and the browser's
    languages, and becomes the cookie for the pages that follow."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        code = requested_language(request)
        if code is None:
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
