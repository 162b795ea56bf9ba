"""View decorators that make the permission check part of loading what a view shows.

A staff view is wrapped in ``staff_required`` (or a decorator built on it); a view about one
service takes the service from the URL through ``service_permission_required``, so the
check cannot be left out.
"""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from organisasjon.models import Tjeneste

from . import permissions


def staff_required(view):
    """Logged in, and holding at least one role in the portal."""

    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not permissions.may_enter_staff_area(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def service_permission_required(perm: permissions.ServicePerm):
    """Load the service named by ``slug`` in the URL and require ``perm`` there.

    The view is called as ``view(request, tjeneste, ...)``.
    """

    def decorator(view):
        @staff_required
        @wraps(view)
        def wrapper(request, slug, *args, **kwargs):
            tjeneste = get_object_or_404(Tjeneste, slug=slug, is_active=True)
            if not permissions.has_service_perm(request.user, perm, tjeneste):
                raise PermissionDenied
            return view(request, tjeneste, *args, **kwargs)

        return wrapper

    return decorator


def predicate_required(predicate):
    """Require a municipality-wide role, e.g. ``predicate_required(permissions.is_coordinator)``."""

    def decorator(view):
        @staff_required
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if not predicate(request.user):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapper

    return decorator
