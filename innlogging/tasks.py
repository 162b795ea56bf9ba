"""Background upkeep of the login records."""

from datetime import timedelta

from celery import shared_task
from django.conf import settings
from django.utils import timezone

from .models import Innlogging


@shared_task(name="innlogging.forget_ended_logins")
def forget_ended_logins() -> int:
    """Drop the record of logins older than the absolute session lifetime: no session can
    outlive it, so nothing is left to end, and the table does not grow without end."""
    cutoff = timezone.now() - timedelta(seconds=settings.SESSION_ABSOLUTE_SECONDS)
    deleted, _ = Innlogging.objects.filter(created_at__lt=cutoff).delete()
    return deleted
