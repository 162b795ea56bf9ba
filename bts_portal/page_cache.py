"""Public pages served from the cache to anonymous visitors, and invalidated when the content
they show changes.

- Only GET and HEAD from a visitor who is not logged in, outside the staff area, and only a
  200 HTML answer that sets no cookie and is not marked private is kept. Nothing a logged-in
  user sees is ever stored, and a logged-in user is never served a stored page: their
  answers carry ``Cache-Control: private, no-store``.
- The key is the content *generation*, the language and the address. Any save or delete of
  public content (``PUBLIC_CONTENT``: the model, the guide, the catalogue, the services, the
  search synonyms) starts a new generation once its transaction commits, so the next visitor
  gets the new text; old entries simply expire (``PAGE_CACHE_SECONDS``).
- Stored pages carry an ``ETag`` and ``Last-Modified`` (when the content last changed), and a
  conditional GET that matches gets a 304. Browsers and proxies may keep them for
  ``PUBLIC_MAX_AGE`` seconds (``Cache-Control: public``).
"""

import hashlib
import time

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date

from .language import offer_key, without_parameter

GENERATION_KEY = "public-pages:generation"
# Apps whose every model is public content; and single models from other apps.
PUBLIC_APPS = {"samhandling", "handlingsveileder", "tiltaksoversikt", "sok"}
PUBLIC_MODELS = {"organisasjon.Tjeneste"}
# Paths never stored: the staff area, login, language and health endpoints, files.
PRIVATE_PREFIXES = (
    "/ansatt/", "/min-side/", "/admin/", "/i18n/", "/helse/", "/static/", "/media/", "/oidc/",
)  # fmt: skip
# Response headers kept with a stored page (the rest are the outer middleware's to add).
KEPT_HEADERS = (
    "Content-Type", "Content-Language", "Content-Security-Policy", "X-Frame-Options",
    "Referrer-Policy", "Cross-Origin-Opener-Policy", "X-Content-Type-Options",
    "Permissions-Policy",
)  # fmt: skip


def generation() -> int:
    value = cache.get(GENERATION_KEY)
    if value is None:
        value = time.time_ns()
        cache.add(GENERATION_KEY, value, timeout=None)
        value = cache.get(GENERATION_KEY, value)
    return value


def _new_generation() -> None:
    cache.set(GENERATION_KEY, time.time_ns(), timeout=None)


def invalidate() -> None:
    """Start a new generation now and again when the current transaction commits: a page
    rendered from the old rows while the change was being committed is not kept under the
    new generation."""
    _new_generation()
    transaction.on_commit(_new_generation)


def per_content(name: str, compute):
    """``compute()``, kept until public content next changes: for what pages build from the
    guide or the catalogue on every request (a level's steps, the measure picker)."""
    key = f"public-content:{generation()}:{name}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, timeout=settings.PAGE_CACHE_SECONDS or 60)
    return value


def _is_public(model) -> bool:
    return model._meta.app_label in PUBLIC_APPS or model._meta.label in PUBLIC_MODELS


def _changed(sender, **kwargs) -> None:
    invalidate()


def connect_signals() -> None:
    """Receivers on the public models only (and their many-to-many tables): a receiver for
    every model would switch off Django's fast deletes everywhere, the retention's too."""
    for model in apps.get_models():
        if not _is_public(model):
            continue
        label = model._meta.label_lower
        post_save.connect(_changed, sender=model, dispatch_uid=f"page_cache_save:{label}")
        post_delete.connect(_changed, sender=model, dispatch_uid=f"page_cache_delete:{label}")
        for field in model._meta.local_many_to_many:
            m2m_changed.connect(
                _changed, sender=field.remote_field.through,
                dispatch_uid=f"page_cache_m2m:{label}.{field.name}",
            )  # fmt: skip


def _storable(request) -> bool:
    return (
        request.method in ("GET", "HEAD")
        and not request.path.startswith(PRIVATE_PREFIXES)
        and not request.user.is_authenticated
        and settings.PAGE_CACHE_SECONDS > 0
    )


def _key(request, gen: int) -> str:
    address = hashlib.sha256(without_parameter(request).encode()).hexdigest()
    # The language shown and whether the browser's language was offered instead (language.py).
    return f"public-page:{gen}:{request.LANGUAGE_CODE}:{offer_key(request)}:{address}"


def _public(response: HttpResponse, etag: str, gen: int) -> HttpResponse:
    response["ETag"] = etag
    response["Last-Modified"] = http_date(gen / 1e9)
    response["Cache-Control"] = f"public, max-age={settings.PUBLIC_MAX_AGE}"
    # The language comes from the cookie or the browser; a login changes what is shown.
    patch_vary_headers(response, ("Cookie", "Accept-Language"))
    return response


class PublicPageCacheMiddleware:
    """After authentication and messages; before the middleware that build the page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _storable(request):
            response = self.get_response(request)
            if request.user.is_authenticated and "Cache-Control" not in response:
                response["Cache-Control"] = "private, no-store"
            return response
        gen = generation()
        key = _key(request, gen)
        stored = cache.get(key)
        if stored is not None:
            response = HttpResponse(stored["body"], status=200)
            for name, value in stored["headers"]:
                response[name] = value
            response = _public(response, stored["etag"], gen)
            response["X-Cache"] = "hit"
            return (
                get_conditional_response(
                    request, etag=stored["etag"], last_modified=gen // 10**9, response=response
                )
                or response
            )
        response = self.get_response(request)
        if (
            response.status_code != 200
            or response.streaming
            or response.cookies
            or "text/html" not in response.get("Content-Type", "")
            or "private" in response.get("Cache-Control", "")
            or "no-store" in response.get("Cache-Control", "")
            or request.META.get("CSRF_COOKIE_NEEDS_UPDATE")  # a form's token is personal
            or (getattr(request, "session", None) is not None and request.session.modified)
        ):
            return response
        etag = '"' + hashlib.sha256(response.content).hexdigest()[:32] + '"'
        cache.set(
            key,
            {
                "body": response.content,
                "etag": etag,
                "headers": [(h, response[h]) for h in KEPT_HEADERS if h in response],
            },
            timeout=settings.PAGE_CACHE_SECONDS,
        )
        response = _public(response, etag, gen)
        response["X-Cache"] = "miss"
        return (
            get_conditional_response(
                request, etag=etag, last_modified=gen // 10**9, response=response
            )
            or response
        )
