"""The recurrence of an årshjul event as one rule, read two ways: dateutil's ``rrule`` for the
dates the year view lists, and the RFC 5545 ``RRULE`` the calendar feed carries, so that the
page and the coordinator's calendar app never disagree."""

from datetime import date, datetime, time
from typing import Any

from dateutil import rrule

from .models import Arshjulhendelse, Gjentakelse

_ICAL_DAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]


def _midnight(day: date) -> datetime:
    return datetime.combine(day, time())


def rule_for(event: Arshjulhendelse) -> rrule.rrule | None:
    """The dateutil rule of a recurring event; None for a single date."""
    common: dict[str, Any] = {
        "dtstart": _midnight(event.start),
        "until": _midnight(event.until) if event.until else None,
    }
    if event.recurrence == Gjentakelse.YEARLY:
        return rrule.rrule(rrule.YEARLY, **common)
    if event.recurrence == Gjentakelse.MONTHLY:
        return rrule.rrule(rrule.MONTHLY, interval=event.interval or 1, **common)
    if event.recurrence == Gjentakelse.WEEKDAY:
        # The form requires both for this recurrence.
        assert event.weekday is not None
        assert event.week_of_month is not None
        day = rrule.weekday(event.weekday)(event.week_of_month)
        if event.month_numbers:
            # In a yearly rule with BYMONTH, "1TU" is the first Tuesday of each named month.
            return rrule.rrule(rrule.YEARLY, bymonth=event.month_numbers, byweekday=day, **common)
        return rrule.rrule(rrule.MONTHLY, byweekday=day, **common)
    return None


def occurrences(event: Arshjulhendelse, first: date, last: date) -> list[date]:
    """The event's dates from ``first`` to ``last``, both included."""
    rule = rule_for(event)
    if rule is None:
        return [event.start] if first <= event.start <= last else []
    return [d.date() for d in rule.between(_midnight(first), _midnight(last), inc=True)]


def first_occurrence(event: Arshjulhendelse) -> date | None:
    """The first date the rule produces: a weekday rule's first date need not be ``start``."""
    rule = rule_for(event)
    if rule is None:
        return event.start
    found = rule.after(_midnight(event.start), inc=True)
    return found.date() if found else None


def ical_recurrence(event: Arshjulhendelse) -> dict | None:
    """The event's RRULE as the parts ``icalendar.vRecur`` takes; None for a single date."""
    if event.recurrence == Gjentakelse.YEARLY:
        parts: dict[str, Any] = {"FREQ": "YEARLY"}
    elif event.recurrence == Gjentakelse.MONTHLY:
        parts = {"FREQ": "MONTHLY"}
        if (event.interval or 1) > 1:
            parts["INTERVAL"] = event.interval
    elif event.recurrence == Gjentakelse.WEEKDAY:
        assert event.weekday is not None
        byday = f"{event.week_of_month}{_ICAL_DAYS[event.weekday]}"
        if event.month_numbers:
            parts = {"FREQ": "YEARLY", "BYMONTH": event.month_numbers, "BYDAY": byday}
        else:
            parts = {"FREQ": "MONTHLY", "BYDAY": byday}
    else:
        return None
    if event.until:
        # With an all-day DTSTART, UNTIL is a date too (RFC 5545, 3.3.10).
        parts["UNTIL"] = event.until
    return parts
