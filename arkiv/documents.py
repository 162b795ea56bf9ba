"""The documents of an archive package, each as a PDF/A-2a file (archival and tagged).

The closing summary and the minutes are the case's own printed documents
(``stafettlogg.case_documents``) in archival form; the entries, each evaluation and each
consent are records of the log. Which kinds go in is the keeping plan's
(``settings.ARCHIVE_KEEP``); the closing summary always does. Everything is read in a fixed
number of queries, and rendered in bokmål, the language of the municipality's archive.
"""

from dataclasses import dataclass, field
from datetime import datetime

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.dateformat import format as date_format
from django.utils.translation import gettext as _

from bts_portal.pdf import letterhead
from handlingsveileder.documents import document_html
from handlingsveileder.models import DocumentType
from stafettlogg import case_documents
from stafettlogg.models import Innslag, Stafettlogg

from .pdfa import write_pdfa

K = Innslag.Kind
LANGUAGE = "nb"

# The kinds of document a keeping plan decides on, in the order they are archived.
KEEP_KINDS = ("innslag", "evaluering", "referat", "samtykke")
# Entries that have a document of their own (or are the closing summary's) are not repeated.
_OWN_DOCUMENT = (K.EVALUATION, K.MEETING, K.CLOSURE)


@dataclass(frozen=True)
class ArchiveDocument:
    kind: str  # "avslutning" or one of KEEP_KINDS
    title: str
    filename: str
    created_at: datetime
    author: str
    content: bytes = field(repr=False)


def _dt(value) -> str:
    return date_format(timezone.localtime(value), "d.m.Y H:i") if value else "–"


def _who(entry: Innslag) -> str:
    if entry.author is None:
        return _("the system")
    service = entry.author_tjeneste.name if entry.author_tjeneste else ""
    return f"{entry.author}, {service}" if service else str(entry.author)


def _tool_pdf(case: Stafettlogg, doc_type: str, *, entry: Innslag | None = None) -> bytes:
    """One of the guide's documents filled in from the case, as PDF/A (the same template
    and fields as the print from the case page)."""
    html = document_html(
        doc_type,
        language=LANGUAGE,
        values=case_documents.values(case, doc_type, entry=entry),
        printed_by=settings.ARCHIVE_SYSTEM,
        reference=_("Case log %(id)s") % {"id": case.pk},
    )
    return write_pdfa(html)


def _record_pdf(case: Stafettlogg, title: str, sections: list[dict]) -> bytes:
    html = render_to_string(
        "arkiv/record_pdf.html",
        {
            **letterhead(),
            "language": LANGUAGE,
            "title": title,
            "reference": _("Case log %(id)s") % {"id": case.pk},
            "sections": sections,
            "made_at": timezone.localtime(),
            "system": settings.ARCHIVE_SYSTEM,
        },
    )
    return write_pdfa(html)


def _entry_section(entry: Innslag) -> dict:
    rows = [(_("Written"), _dt(entry.created_at)), (_("By"), _who(entry))]
    if entry.kind == K.MEASURE:
        rows += [
            (_("Measure"), entry.title),
            (_("Goal"), entry.goal),
            (_("Responsible"), entry.responsible),
        ]
    if entry.kind == K.LEVEL:
        rows.append((_("Level"), f"{entry.from_level} → {entry.to_level}"))
    if entry.kind == K.CORRECTION and entry.corrects_id:
        rows.append((_("Corrects"), _("the entry of %(date)s") % {
            "date": _dt(entry.corrects.created_at)  # type: ignore[union-attr]
        }))  # fmt: skip
    for label, value in (
        (_("Text"), entry.text),
        (_("The child's view"), entry.child_view),
        (_("The guardians' view"), entry.guardian_view),
        (_("Next step"), entry.next_step),
    ):
        if value:
            rows.append((label, value))
    return {"heading": entry.get_kind_display(), "rows": rows}


def _entries(case, entries) -> list[ArchiveDocument]:
    shown = [e for e in entries if e.kind not in _OWN_DOCUMENT]
    if not shown:
        return []
    title = _("Entries in the case log")
    content = _record_pdf(case, title, [_entry_section(e) for e in shown])
    return [
        ArchiveDocument(
            "innslag", title, "innslag.pdf", shown[0].created_at, _who(shown[0]), content
        )
    ]


def _evaluations(case, entries) -> list[ArchiveDocument]:
    documents = []
    for n, entry in enumerate((e for e in entries if e.kind == K.EVALUATION), start=1):
        title = _("Evaluation of %(date)s") % {"date": _dt(entry.created_at)}
        section = _entry_section(entry)
        if entry.measure_id:
            section["rows"].insert(2, (_("Measure evaluated"), entry.measure.title))
        content = _record_pdf(case, title, [section])
        documents.append(
            ArchiveDocument(
                "evaluering", title, f"evaluering-{n}.pdf", entry.created_at, _who(entry), content
            )
        )
    return documents


def _minutes(case, entries) -> list[ArchiveDocument]:
    documents = []
    for n, entry in enumerate((e for e in entries if e.kind == K.MEETING), start=1):
        title = _("Minutes of the meeting of %(date)s") % {"date": _dt(entry.created_at)}
        content = _tool_pdf(case, DocumentType.MINUTES, entry=entry)
        documents.append(
            ArchiveDocument(
                "referat", title, f"referat-{n}.pdf", entry.created_at, _who(entry), content
            )
        )
    return documents


def _consents(case) -> list[ArchiveDocument]:
    consents = list(
        case.consents.select_related("recorded_by")
        .prefetch_related("services")
        .order_by("given_on", "pk")
    )
    documents = []
    for n, consent in enumerate(consents, start=1):
        title = _("Consent of %(date)s") % {"date": date_format(consent.given_on, "d.m.Y")}
        rows = [
            (_("Given by"), consent.given_by),
            (_("How"), consent.get_method_display()),
            (_("Date"), date_format(consent.given_on, "d.m.Y")),
            (_("Valid until"), date_format(consent.valid_until, "d.m.Y")),
            (_("Services it covers"), ", ".join(s.name for s in consent.services.all())),
            (_("Recorded by"), f"{consent.recorded_by}, {_dt(consent.recorded_at)}"),
        ]
        if consent.child_view:
            rows.append((_("The child's own view"), consent.child_view))
        if consent.refused:
            rows.append((_("Answer"), _("The guardians said no")))
        if consent.withdrawn_at:
            rows.append((_("Withdrawn"), f"{_dt(consent.withdrawn_at)} {consent.withdrawn_reason}"))
        content = _record_pdf(case, title, [{"heading": title, "rows": rows}])
        documents.append(
            ArchiveDocument(
                "samtykke", title, f"samtykke-{n}.pdf", consent.recorded_at,
                str(consent.recorded_by), content,
            )
        )  # fmt: skip
    return documents


def kept_kinds() -> list[str]:
    return [kind for kind in KEEP_KINDS if settings.ARCHIVE_KEEP.get(kind, False)]


def archive_documents(case: Stafettlogg) -> list[ArchiveDocument]:
    """The closing summary first (the main document), then what the keeping plan keeps."""
    with translation.override(LANGUAGE):
        summary = ArchiveDocument(
            "avslutning",
            _("Closing summary"),
            "avslutning.pdf",
            case.closed_at or timezone.now(),
            str(case.closed_by or case.stafettholder),
            _tool_pdf(case, DocumentType.CLOSING),
        )
        entries = list(
            case.entries.select_related(
                "author", "author_tjeneste", "measure", "corrects"
            ).order_by("created_at", "pk")
        )
        kept = kept_kinds()
        documents = [summary]
        if "innslag" in kept:
            documents += _entries(case, entries)
        if "evaluering" in kept:
            documents += _evaluations(case, entries)
        if "referat" in kept:
            documents += _minutes(case, entries)
        if "samtykke" in kept:
            documents += _consents(case)
    return documents
