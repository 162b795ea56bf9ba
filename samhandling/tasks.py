"""The årshjul's reminders: owners hear about their elements before the review is due."""

import logging
from datetime import timedelta

from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from bts_portal.content.models import Status
from organisasjon.models import Bruker, Rolle

from .models import Element, ReviewReminder

logger = logging.getLogger(__name__)
REMIND_DAYS_AHEAD = 30


def _recipients(element: Element) -> list[str]:
    """The owner service's leaders; the BTS coordinators for elements they own themselves."""
    if element.owner_tjeneste_id:
        users = Bruker.objects.filter(
            memberships__tjeneste_id=element.owner_tjeneste_id,
            memberships__rolle=Rolle.LEDER,
            is_active=True,
        )
    else:
        users = Bruker.objects.filter(is_bts_coordinator=True, is_active=True)
    return sorted({u.email for u in users.exclude(email="")})


def _send(element: Element, recipients: list[str]) -> None:
    url = settings.PORTAL_BASE_URL + reverse(
        "content:edit", kwargs={"kind": "element", "pk": element.pk}
    )
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("Review due: %(title)s") % {"title": element.title}
        body = _(
            "The element “%(title)s” in the municipality's BTS model is due for review on "
            "%(date)s.\n\nRead it through, update what has changed, and ask the BTS "
            "coordinator to mark it as reviewed:\n%(url)s\n"
        ) % {"title": element.title, "date": f"{element.review_due:%d.%m.%Y}", "url": url}
    send_mail(subject, body, None, recipients)


@shared_task(name="samhandling.send_review_reminders")
def send_review_reminders() -> int:
    """E-mail the owners of published elements due within 30 days, once per review date."""
    horizon = timezone.localdate() + timedelta(days=REMIND_DAYS_AHEAD)
    due = Element.objects.filter(status=Status.PUBLISHED, review_due__lte=horizon).exclude(
        reminders__review_due=F("review_due")
    )
    sent = 0
    for element in due.order_by("review_due", "pk"):
        assert element.review_due is not None  # the filter above reads only dated elements
        recipients = _recipients(element)
        if not recipients:
            logger.warning("no one to remind about element %s", element.pk)
            continue
        try:
            with transaction.atomic():
                # The row is the promise: a second run, or a parallel worker, finds it and
                # sends nothing. A failed e-mail rolls it back, to be tried again next run.
                ReviewReminder.objects.create(
                    element=element, review_due=element.review_due, recipients=len(recipients)
                )
                _send(element, recipients)
        except IntegrityError:
            continue
        sent += 1
    return sent


# The årshjul's event reminders live with the events; imported here so that Celery, which
# looks for tasks in each app's tasks module, registers them.
from .arshjul_reminders import send_year_event_reminders  # noqa: E402,F401
