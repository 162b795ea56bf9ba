"""Faults of the machinery behind a page, answered in plain words instead of a 500.

- The broker does not answer (``jobs.BrokerUnavailable``): 503 at once. The job is already
  marked failed, so its page says so and stops refreshing.
- The disk is full while a file is stored: 507. The storage has removed what it began to
  write (``bts_portal.storage``), and the transaction around the request's writes rolls back.
"""

import errno
import logging

from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from .jobs import BrokerUnavailable

logger = logging.getLogger(__name__)

DISK_FULL = {errno.ENOSPC, errno.EDQUOT}

BROKER_DOWN_MESSAGE = _(
    "The portal cannot start this job right now, because the service that runs background "
    "work does not answer. Nothing is lost. Try again in a few minutes."
)
DISK_FULL_MESSAGE = _(
    "The file could not be stored, because the disk of the portal is full. Nothing was saved. "
    "Try again later, and tell the system administrator."
)


class ServiceFaultMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, BrokerUnavailable):
            return _unavailable(request, BROKER_DOWN_MESSAGE, status=503)
        if isinstance(exception, OSError) and exception.errno in DISK_FULL:
            logger.error("disk full while serving %s", request.path)
            return _unavailable(request, DISK_FULL_MESSAGE, status=507)
        return None


def _unavailable(request, message, *, status: int):
    response = render(request, "unavailable.html", {"message": str(message)}, status=status)
    if status == 503:
        response["Retry-After"] = "120"
    return response
