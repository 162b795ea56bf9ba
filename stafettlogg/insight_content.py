"""What the guardians' insight PDF says about who has read and written in the log: the
access-log rows in plain words, grouped by day and person ("Kari Nilsen, Solbakken
barnehage: Leste stafettloggen (3 ganger)"), from the stored action codes, never paths."""

from dataclasses import dataclass
from datetime import date
from itertools import groupby

from django.utils import timezone

from bts_portal.content.translation import localized

from .access_log import describe


@dataclass(frozen=True)
class AccessLine:
    who: str
    service: str
    what: str
    count: int


@dataclass(frozen=True)
class AccessDay:
    day: date
    lines: list[AccessLine]


def access_summary(rows) -> list[AccessDay]:
    """``rows`` in time order (with ``user``, ``tjeneste`` and ``citizen__foresatt`` loaded):
    one line per person, service and kind of access on each day, in the order they first
    happened that day."""

    def day_of(row):
        return timezone.localdate(row.at)

    days = []
    for day, day_rows in groupby(rows, key=day_of):
        counts: dict[tuple, int] = {}
        for row in day_rows:
            who = row.who  # the employee, or the guardian on My page
            service = localized(row.tjeneste, "name") if row.tjeneste else "–"
            key = (who, service, describe(row))
            counts[key] = counts.get(key, 0) + 1
        lines = [AccessLine(who, service, what, n) for (who, service, what), n in counts.items()]
        days.append(AccessDay(day=day, lines=lines))
    return days


def letter_context(case, access_rows) -> dict:
    """What the cover letter and the grouped access log need, beside the case's rows."""
    from django.utils.text import get_text_list
    from django.utils.translation import gettext

    from bts_portal.pdf import letterhead

    names = [g.name for g in case.guardians.all() if g.parental_responsibility]
    return {
        "access_days": access_summary(access_rows),
        "undring": case.undring,
        "guardian_names": get_text_list(names, gettext("and")) if names else "–",
        **letterhead(),
    }
