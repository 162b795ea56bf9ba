"""The coordinator's årshjul as an iCalendar feed (RFC 5545), and the secret address that lets
a calendar app fetch it without a session.

The feed holds what the coordinator's year view holds and nothing more: titles of published
content, their owning services and review dates, and the coordinator's events; no case or
personal data."""

import hashlib
import secrets
from datetime import date, timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from bts_portal import permissions
from bts_portal.content.review import collect_review_items

from . import arshjul_rules
from .models import ArshjulFeedToken, Arshjulhendelse

# Review dates far ahead are as much part of the cycle as next month's.
_ALL_REVIEWS = date(9999, 12, 31)


def _uid(local: str) -> str:
    # Stable across fetches and edits, so a calendar app moves an event instead of adding one.
    host = urlsplit(settings.PORTAL_BASE_URL).hostname or "bts-portalen"
    return f"arshjul-{local}@{host}"


def _absolute(path: str) -> str:
    return settings.PORTAL_BASE_URL.rstrip("/") + path


def _review_event(item, stamp) -> Event:
    event = Event()
    event.add("uid", _uid(item.key))
    event.add("dtstamp", stamp)
    event.add("dtstart", item.review_due)
    event.add("dtend", item.review_due + timedelta(days=1))
    event.add("summary", _("Review due: %(title)s") % {"title": item.title})
    owner = item.owner_name or _("The BTS coordinator")
    owner_label = _("Owner")
    event.add("description", f"{item.kind_label}. {owner_label}: {owner}.")
    event.add("url", _absolute(item.edit_url))
    event.add("transp", "TRANSPARENT")
    return event


def _year_event(hendelse: Arshjulhendelse) -> Event | None:
    first = arshjul_rules.first_occurrence(hendelse)
    if first is None:
        return None
    event = Event()
    event.add("uid", _uid(f"hendelse-{hendelse.pk}"))
    event.add("dtstamp", hendelse.updated_at)
    event.add("last-modified", hendelse.updated_at)
    # DTSTART is the rule's first date: RFC 5545 leaves a DTSTART outside the rule undefined.
    event.add("dtstart", first)
    event.add("dtend", first + timedelta(days=1))
    event.add("summary", hendelse.title)
    if hendelse.description:
        event.add("description", hendelse.description)
    if hendelse.link:
        event.add("url", hendelse.link)
    recurrence = arshjul_rules.ical_recurrence(hendelse)
    if recurrence:
        event.add("rrule", recurrence)
    event.add("transp", "TRANSPARENT")
    return event


def build_calendar() -> bytes:
    """Every review date of published content and every årshjul event, as iCalendar text."""
    stamp = timezone.now()
    with translation.override(settings.LANGUAGE_CODE):
        calendar = Calendar()
        calendar.add("prodid", f"-//{settings.KOMMUNE_NAVN}//BTS-portalen årshjul//NB")
        calendar.add("version", "2.0")
        calendar.add("calscale", "GREGORIAN")
        calendar.add(
            "x-wr-calname", _("Annual cycle – %(kommune)s") % {"kommune": settings.KOMMUNE_NAVN}
        )
        for item in collect_review_items(_ALL_REVIEWS):
            calendar.add_component(_review_event(item, stamp))
        for hendelse in Arshjulhendelse.objects.all():
            event = _year_event(hendelse)
            if event is not None:
                calendar.add_component(event)
    return calendar.to_ical()


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def feed_token_renew(*, user) -> str:
    """A new secret feed address for ``user``; the old one stops working at once.

    Returns the token, which exists nowhere else: only its hash is stored."""
    token = secrets.token_urlsafe(32)
    values = {"token_hash": _hash(token), "created_at": timezone.now()}
    try:
        with transaction.atomic():
            ArshjulFeedToken.objects.update_or_create(user=user, defaults=values)
    except IntegrityError:
        # A parallel renewal created the row first; this one replaces it.
        ArshjulFeedToken.objects.filter(user=user).update(**values)
    return token


def feed_token_owner(token: str):
    """The coordinator a secret address belongs to, or None (unknown token, or no longer a
    coordinator)."""
    found = ArshjulFeedToken.objects.select_related("user").filter(token_hash=_hash(token)).first()
    if found is None or not permissions.is_coordinator(found.user):
        return None
    return found.user
