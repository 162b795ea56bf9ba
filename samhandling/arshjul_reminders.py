"""Reminders of the årshjul's events: the BTS coordinators hear about a date the number of days
before it that the event asks for, once per date, as the review reminders do."""

import logging
from datetime import timedelta

from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from organisasjon.models import Bruker

from . import arshjul_rules
from .models import Arshjulhendelse, ArshjulhendelseReminder

logger = logging.getLogger(__name__)


def _coordinator_emails() -> list[str]:
    users = Bruker.objects.filter(is_bts_coordinator=True, is_active=True).exclude(email="")
    return sorted({u.email for u in users})


def _send(event: Arshjulhendelse, day, recipients: list[str]) -> None:
    url = settings.PORTAL_BASE_URL.rstrip("/") + reverse("samhandling_staff:arshjul")
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("Coming up in the annual cycle: %(title)s") % {"title": event.title}
        when = _("“%(title)s” is on %(date)s.") % {
            "title": event.title,
            "date": formats.date_format(day, "l j. F Y"),
        }
        parts = [when, event.description, _("The annual cycle:") + "\n" + url]
        body = "\n\n".join(part for part in parts if part) + "\n"
    send_mail(subject, body, None, recipients)


@shared_task(name="samhandling.send_year_event_reminders")
def send_year_event_reminders() -> int:
    """E-mail the coordinators about event dates within each event's lead time, once each."""
    today = timezone.localdate()
    events = list(Arshjulhendelse.objects.filter(remind_days_before__isnull=False))
    recipients = _coordinator_emails() if events else []
    done = set(
        ArshjulhendelseReminder.objects.filter(occurrence__gte=today).values_list(
            "event_id", "occurrence"
        )
    )
    sent = 0
    for event in events:
        # Only events with a reminder are read (remind_days_before__isnull=False).
        horizon = today + timedelta(days=event.remind_days_before or 0)
        for day in arshjul_rules.occurrences(event, today, horizon):
            if (event.pk, day) in done:
                continue
            if not recipients:
                logger.warning("no coordinator to remind about årshjul event %s", event.pk)
                return sent
            try:
                with transaction.atomic():
                    # The row is the promise: a second run, or a parallel worker, finds it and
                    # sends nothing. A failed e-mail rolls it back, to be tried again next run.
                    ArshjulhendelseReminder.objects.create(
                        event=event, occurrence=day, recipients=len(recipients)
                    )
                    _send(event, day, recipients)
            except IntegrityError:
                continue
            sent += 1
    return sent
