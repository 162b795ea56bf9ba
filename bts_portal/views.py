import logging

from django.conf import settings
from django.db import connection
from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from organisasjon.selectors import memberships_for_user

from . import permissions
from .decorators import staff_required

logger = logging.getLogger(__name__)


def _database_ok() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except Exception:
        logger.exception("health check: database unreachable")
        return False


def _broker_status() -> str:
    if not settings.CELERY_BROKER_URL:
        return "in-process"
    from .celery import app

    try:
        with app.connection_for_write(settings.CELERY_BROKER_URL) as conn:
            conn.ensure_connection(max_retries=1, timeout=2)
        return "ok"
    except Exception:
        logger.exception("health check: broker unreachable")
        return "unreachable"


@never_cache
@require_GET
def health(request):
    """Everything answers: database and broker (for monitoring; compose uses /helse/klar)."""
    database = "ok" if _database_ok() else "unreachable"
    broker = _broker_status()
    healthy = database == "ok" and broker in {"ok", "in-process"}
    return JsonResponse(
        {"status": "ok" if healthy else "error", "database": database, "broker": broker},
        status=200 if healthy else 503,
    )


@never_cache
@require_GET
def live(request):
    """Liveness: the process answers. Touches nothing, so a database or broker outage never
    gets a healthy web process restarted."""
    return JsonResponse({"status": "ok"})


@never_cache
@require_GET
def ready(request):
    """Readiness, for the proxy and compose: pages need the database (503 without it). The
    broker only delays background work, so without it the portal is degraded, not down: the
    job pages answer a 503 of their own (bts_portal.jobs)."""
    database = "ok" if _database_ok() else "unreachable"
    broker = _broker_status()
    if database != "ok":
        status = "error"
    elif broker in {"ok", "in-process"}:
        status = "ok"
    else:
        status = "degraded"
    return JsonResponse(
        {"status": status, "database": database, "broker": broker},
        status=503 if status == "error" else 200,
    )


@staff_required
def staff_home(request):
    """The staff start page: the user's roles and where to go from here."""
    return render(
        request,
        "staff/home.html",
        {
            "memberships": memberships_for_user(request.user),
            "is_coordinator": permissions.is_coordinator(request.user),
            "is_municipal_leader": permissions.is_municipal_leader(request.user),
            "is_system_administrator": permissions.is_system_administrator(request.user),
            "may_work": permissions.has_any_service_perm(
                request.user, permissions.ServicePerm.WORK
            ),
            "may_see_statistics": permissions.may_see_statistics(request.user),
        },
    )
