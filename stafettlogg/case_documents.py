"""The documents a case log prints, filled in from the log: the values of each document's
named fields (``handlingsveileder.documents.FIELDS``), read in a fixed number of queries
whatever the size of the log. What may print which document is the access rule's
(``CaseAccess.print_document``); the print itself is logged as an export by the view."""

from dataclasses import dataclass
from datetime import date, datetime

from django.utils import timezone, translation
from django.utils.dateformat import format as date_format
from django.utils.translation import gettext as _

from handlingsveileder.documents import Items, Table, document_pdf
from handlingsveileder.models import DocumentType, Niva

from .consent import latest_valid_until
from .models import Innslag, Stafettlogg

K = Innslag.Kind


def _d(value: date | None) -> str:
    if value is None:
        return "–"
    if isinstance(value, datetime):
        value = timezone.localtime(value)
    return date_format(value, "d.m.Y")


def _service(tjeneste) -> str:
    """A service's name in the document's language, bokmål where it has no translation (a
    document's field holds plain text, with no way to mark the language of a part)."""
    from bts_portal.content.translation import localized

    return str(localized(tjeneste, "name"))


@dataclass(frozen=True)
class Meeting:
    """What an invitation needs that the log does not hold yet (the form asks for it)."""

    at: datetime
    place: str
    agenda: list[str]


def _level_name(case: Stafettlogg) -> str:
    from bts_portal.content.translation import localized

    niva = Niva.objects.filter(number=case.level).only("title", "title_nn", "title_en").first()
    title = localized(niva, "title") if niva else ""
    return f"{case.level} – {title}" if title else str(case.level)


def _common(case: Stafettlogg) -> dict:
    guardians = [g for g in case.guardians.all() if not g.is_young_person]
    participants = list(
        case.participants.filter(removed_at__isnull=True).select_related("user", "tjeneste")
    )
    return {
        "dato": _d(timezone.localdate()),
        "barnets_navn": case.child_name,
        "fodselsdato": _d(case.child_birth_date),
        "tjeneste": _service(case.tjeneste),
        "stafettholder": str(case.stafettholder),
        "niva": _level_name(case),
        "foresatte": Items(
            [
                ", ".join(
                    part
                    for part in (
                        g.name,
                        g.relation,
                        _("parental responsibility") if g.parental_responsibility else "",
                        g.phone,
                        g.email,
                    )
                    if part
                )
                for g in guardians
            ]
        ),
        "deltakere": Table([(str(p.user), _service(p.tjeneste)) for p in participants]),
        "_participants": participants,
        "_guardians": guardians,
    }


def _measures(case: Stafettlogg) -> list[Innslag]:
    return list(
        case.entries.filter(kind=K.MEASURE).prefetch_related("corrections").order_by("created_at")
    )


def _measure_rows(measures: list[Innslag]) -> list[tuple]:
    rows = []
    for m in measures:
        goal = m.goal
        for correction in m.corrections.all():
            goal += " — " + _("Corrected %(date)s: %(text)s") % {
                "date": _d(correction.created_at),
                "text": correction.text,
            }
        rows.append((m.title, goal, m.responsible, _d(m.starts_on), _d(m.evaluate_by)))
    return rows


def values(case: Stafettlogg, doc_type: str, *, entry: Innslag | None = None, meeting=None):
    """The named fields' values for ``doc_type`` from ``case`` (and the meeting entry for the
    minutes, the measure for an evaluation form of one measure, the form's meeting details
    for an invitation)."""
    v = _common(case)
    if doc_type == DocumentType.CONSENT:
        today = timezone.localdate()
        services = [_service(case.tjeneste)] + [_service(p.tjeneste) for p in v["_participants"]]
        v.update(
            tjenester=Items(list(dict.fromkeys(services))),
            gyldig_fra=_d(today),
            gyldig_til=_d(latest_valid_until(today)),
        )
    elif doc_type == DocumentType.ACTION_PLAN:
        v.update(
            tiltak=Table(_measure_rows(_measures(case))), neste_evaluering=_d(case.next_evaluation)
        )
    elif doc_type == DocumentType.EVALUATION:
        measures = [entry] if entry is not None else _measures(case)
        v.update(tiltak=Table(_measure_rows(measures)), neste_evaluering=_d(case.next_evaluation))
    elif doc_type == DocumentType.INVITATION:
        invited = [g.name for g in v["_guardians"]] + [
            f"{p.user} ({_service(p.tjeneste)})" for p in v["_participants"]
        ]
        v.update(
            motetidspunkt=_meeting_time(meeting.at) if meeting else "–",
            motested=meeting.place if meeting else "–",
            saksliste=Items(meeting.agenda if meeting else []),
            innkalte=Items(invited),
        )
    elif doc_type == DocumentType.MINUTES:
        v.update(
            motedato=_d(entry.created_at) if entry else "–",
            tilstede=entry.attendees if entry else "–",
            referat=entry.text if entry else "",
            neste_steg=(entry.next_step or "–") if entry else "–",
            skrevet_av=_author(entry) if entry else "–",
        )
    elif doc_type == DocumentType.CLOSING:
        v.update(_closing(case))
    return {key: value for key, value in v.items() if not key.startswith("_")}


def _author(entry: Innslag) -> str:
    if entry.author is None:
        return _("the system")
    service = _service(entry.author_tjeneste) if entry.author_tjeneste else ""
    return f"{entry.author}, {service}" if service else str(entry.author)


def _meeting_time(at: datetime) -> str:
    at = timezone.localtime(at)
    return _("%(date)s at %(time)s") % {
        "date": date_format(at, "l d.m.Y"),
        "time": date_format(at, "H:i"),
    }


def _closing(case: Stafettlogg) -> dict:
    entries = list(
        case.entries.filter(kind__in=[K.LEVEL, K.EVALUATION, K.CLOSURE])
        .select_related("measure")
        .order_by("created_at", "pk")
    )
    levels = [(_d(case.opened_at), "–", str(case.start_level))] + [
        (_d(e.created_at), str(e.from_level), str(e.to_level)) for e in entries if e.kind == K.LEVEL
    ]
    evaluations = [
        (_d(e.created_at), e.measure.title if e.measure else "–", e.text, e.next_step or "–")
        for e in entries
        if e.kind == K.EVALUATION
    ]
    closures = [e.text for e in entries if e.kind == K.CLOSURE]
    return {
        "apnet": _d(case.opened_at),
        "avsluttet": _d(case.closed_at),
        "nivaer": Table(levels),
        "tiltak": Table(_measure_rows(_measures(case))),
        "evalueringer": Table(evaluations),
        "avslutning": closures[-1] if closures else "",
    }


def filename(case: Stafettlogg, doc_type: str) -> str:
    return f"{doc_type}-{case.pk}-{timezone.localdate():%Y%m%d}.pdf"


def render(case, doc_type, *, user, language, entry=None, meeting=None) -> bytes:
    with translation.override(language):  # the words the values bring, too
        filled = values(case, doc_type, entry=entry, meeting=meeting)
        reference = _("Case log %(id)s") % {"id": case.pk}
    return document_pdf(
        doc_type, language=language, values=filled, printed_by=str(user), reference=reference
    )
