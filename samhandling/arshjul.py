"""The årshjul as a year: every review date of published content and every date of the
coordinator's recurring events, month by month."""

import re
from dataclasses import dataclass
from datetime import date

from django.urls import reverse

from bts_portal.content.review import collect_review_items

from . import arshjul_rules
from .models import Arshjulhendelse

FIRST_YEAR = 2000
LAST_YEAR = 2100


@dataclass
class YearEntry:
    """One line under a month: a review date, or one date of an event."""

    day: date
    title: str
    kind_label: str
    owner_name: str
    edit_url: str
    overdue: bool = False
    event: Arshjulhendelse | None = None


def parse_year(raw: str | None, *, today: date) -> int | None:
    """``?aar=2027`` as a year the page can show; None for anything else."""
    if raw is None or raw == "":
        return today.year
    # ASCII digits only: str.isdigit() accepts "²", which int() then refuses.
    if not re.fullmatch(r"[0-9]{4}", raw.strip()):
        return None
    year = int(raw)
    return year if FIRST_YEAR <= year <= LAST_YEAR else None


def year_entries(year: int, *, today: date) -> list[YearEntry]:
    """The year's review dates and event dates, in date order (reviews first on a day)."""
    first, last = date(year, 1, 1), date(year, 12, 31)
    entries = [
        YearEntry(
            day=item.review_due,
            title=item.title,
            kind_label=item.kind_label,
            owner_name=item.owner_name,
            edit_url=item.edit_url,
            overdue=item.review_due < today,
        )
        for item in collect_review_items(last)
        if item.review_due >= first
    ]
    for event in Arshjulhendelse.objects.all():
        url = reverse("samhandling_staff:arshjul_event_edit", kwargs={"pk": event.pk})
        entries.extend(
            YearEntry(
                day=day, title=event.title, kind_label="", owner_name="", edit_url=url, event=event
            )
            for day in arshjul_rules.occurrences(event, first, last)
        )
    entries.sort(key=lambda e: (e.day, e.event is not None, e.title))
    return entries


def year_overview(year: int, *, today: date) -> dict:
    """The twelve months of ``year``, each with its entries."""
    entries = year_entries(year, today=today)
    months = [
        {
            "first_day": date(year, month, 1),
            "entries": [e for e in entries if e.day.month == month],
        }
        for month in range(1, 13)
    ]
    return {
        "year": year,
        "months": months,
        "review_count": sum(1 for e in entries if e.event is None),
        "event_count": sum(1 for e in entries if e.event is not None),
        "overdue_count": sum(1 for e in entries if e.overdue),
        "previous_year": year - 1 if year > FIRST_YEAR else None,
        "next_year": year + 1 if year < LAST_YEAR else None,
        "is_current_year": year == today.year,
    }
