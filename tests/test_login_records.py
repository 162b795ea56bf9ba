"""The record of logins is kept only as long as a session can live."""

from datetime import timedelta

import pytest
from django.utils import timezone

from innlogging.models import Innlogging
from innlogging.tasks import forget_ended_logins

pytestmark = pytest.mark.django_db


def test_logins_older_than_the_absolute_lifetime_are_forgotten(employee, settings):
    settings.SESSION_ABSOLUTE_SECONDS = 3600
    now = timezone.now()
    old = Innlogging.objects.create(
        user=employee, session_key="gammel", created_at=now - timedelta(hours=2)
    )
    fresh = Innlogging.objects.create(user=employee, session_key="fersk", created_at=now)
    assert forget_ended_logins() == 1
    assert not Innlogging.objects.filter(pk=old.pk).exists()
    assert Innlogging.objects.filter(pk=fresh.pk).exists()


def test_the_upkeep_is_scheduled(settings):
    tasks = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert "innlogging.forget_ended_logins" in tasks
