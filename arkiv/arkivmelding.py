"""``arkivmelding.xml`` for a closed case, as KS Fiks Arkiv v1 defines it, checked against
the vendored schema (``arkiv/schema``, README there).

The message creates one *saksmappe* for the case and, in the same message, one
*journalpost* connected to it through the case's external key; the schema of
``no.ks.fiks.arkiv.v1.arkivering.arkivmelding.opprett`` allows one mappe and one
registrering per message. Each kept document is one *dokumentbeskrivelse* of that
journalpost (the closing summary the main document, the rest attachments), each with its
*dokumentobjekt*: format, SHA-256 checksum and size. The responsible service is the
administrative unit. The child's name is in the title only when the municipality allows it
(``ARCHIVE_TITLE_WITH_NAME``), and the child is a screened *part* only when its archive
expects one (``ARCHIVE_CHILD_AS_PART``).
"""

import hashlib
import uuid
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.conf import settings
from django.utils import timezone
from lxml import etree

from . import pdfa

MESSAGE_TYPE = "no.ks.fiks.arkiv.v1.arkivering.arkivmelding.opprett"
NS = "https://ks-no.github.io/standarder/fiks-protokoll/fiks-arkiv/arkivmelding/opprett/v1"
# Inside the metadata catalogue's types (codes, keys, identifiers) the elements are its own.
MDK = "https://ks-no.github.io/standarder/fiks-protokoll/fiks-arkiv/metadatakatalog/v1"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
SCHEMA = Path(__file__).parent / "schema" / f"{MESSAGE_TYPE}.xsd"
# A stable namespace for the ids this portal gives its folders, records and documents.
_IDS = uuid.UUID("6f1d5b0e-8d8e-4c51-9a51-2f0c7b6b1a22")


class InvalidArkivmelding(ValueError):
    """The XML does not validate against the KS schema: nothing is sent."""


@dataclass(frozen=True)
class FileEntry:
    """One document as it lies in the package, with what the arkivmelding says of it."""

    kind: str
    title: str
    name: str  # the file's name in the package
    created_at: object
    author: str
    sha256: str
    size: int


def file_entry(document) -> FileEntry:
    return FileEntry(
        kind=document.kind, title=document.title, name=document.filename,
        created_at=document.created_at, author=document.author,
        sha256=hashlib.sha256(document.content).hexdigest(), size=len(document.content),
    )  # fmt: skip


@cache
def schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(SCHEMA)))


def validate(xml: bytes) -> None:
    """Raise ``InvalidArkivmelding`` with the schema's first errors unless ``xml`` is valid."""
    document = etree.fromstring(xml)
    if not schema().validate(document):
        errors = "; ".join(f"line {e.line}: {e.message}" for e in list(schema().error_log)[:5])
        raise InvalidArkivmelding(errors)


def _id(*parts) -> str:
    return str(uuid.uuid5(_IDS, "/".join(str(p) for p in parts)))


def _el(parent, name: str, text=None, *, ns: str = NS, **attrs):
    element = etree.SubElement(parent, f"{{{ns}}}{name}", **attrs)
    if text is not None:
        element.text = str(text)
    return element


def _code(parent, name: str, code: str, description: str = ""):
    element = _el(parent, name)
    _el(element, "kode", code, ns=MDK)
    if description:
        _el(element, "beskrivelse", description, ns=MDK)
    return element


def _key(parent, name: str, key: str, *, ns: str = NS):
    element = _el(parent, name, ns=ns)
    _el(element, "fagsystem", settings.ARCHIVE_SYSTEM, ns=MDK)
    _el(element, "noekkel", key, ns=MDK)
    return element


def _when(value) -> str:
    return timezone.localtime(value).isoformat(timespec="seconds")


def case_title(case) -> str:
    title = f"Stafettlogg {case.pk} – {case.tjeneste.name}"
    if settings.ARCHIVE_TITLE_WITH_NAME:
        title = f"Stafettlogg – {case.child_name} – {case.tjeneste.name}"
    return title


def _classes(parent) -> None:
    for value in settings.ARCHIVE_CLASSES:
        system, _sep, class_id = value.rpartition(":")
        element = _el(parent, "klassifikasjon")
        if system:
            _el(element, "klassifikasjonssystemID", system)
        _el(element, "klasseID", class_id)


def _child_part(parent, case) -> None:
    if not settings.ARCHIVE_CHILD_AS_PART:
        return
    part = _el(parent, "part")
    _el(part, "partNavn", case.child_name)
    _code(part, "partRolle", "BRN", "Barn")
    _el(part, "erSkjermet", "true")
    _el(part, "erPersonnavn", "true")


def _unit(parent, name: str, tjeneste) -> None:
    element = _el(parent, name)
    _el(element, "navn", tjeneste.name, ns=MDK)
    _el(element, "identifikator", tjeneste.slug, ns=MDK)


def build(case, files: list[FileEntry]) -> bytes:
    """The arkivmelding for ``case`` and its packed ``files`` (the main document first)."""
    case_key = f"stafettlogg-{case.pk}"
    root = etree.Element(f"{{{NS}}}arkivmelding", nsmap={None: NS, "n5mdk": MDK, "xsi": XSI})
    _el(root, "system", settings.ARCHIVE_SYSTEM)
    _el(root, "regel", "Stafettlogg avsluttet")
    _el(root, "antallFiler", len(files))

    mappe = _el(root, "mappe", **{f"{{{XSI}}}type": "saksmappe"})
    _el(mappe, "systemID", _id("mappe", case.pk))
    _el(mappe, "tittel", case_title(case))
    _el(mappe, "opprettetDato", _when(case.opened_at))
    if case.closed_at:
        _el(mappe, "avsluttetDato", _when(case.closed_at))
    if case.closed_by:
        _el(mappe, "avsluttetAv", str(case.closed_by))
    if settings.ARCHIVE_ARKIVDEL:
        _code(mappe, "arkivdel", settings.ARCHIVE_ARKIVDEL)
    _child_part(mappe, case)
    _screening(mappe)
    _classes(mappe)
    _key(mappe, "referanseEksternNoekkel", case_key)
    _el(mappe, "saksdato", timezone.localtime(case.opened_at).date().isoformat())
    _unit(mappe, "administrativEnhet", case.tjeneste)
    saksansvarlig = _el(mappe, "saksansvarlig")
    _el(saksansvarlig, "navn", str(case.stafettholder), ns=MDK)
    _code(mappe, "saksstatus", "A", "Avsluttet")

    post = _el(root, "registrering", **{f"{{{XSI}}}type": "journalpost"})
    _el(post, "systemID", _id("journalpost", case.pk))
    _el(post, "opprettetDato", _when(timezone.now()))
    _el(post, "opprettetAv", settings.ARCHIVE_SYSTEM)
    reference = _el(post, "referanseForelderMappe")
    _key(reference, "referanseEksternNoekkel", case_key, ns=MDK)
    _child_part(post, case)
    _screening(post)
    for number, entry in enumerate(files, start=1):
        _document(post, case, entry, number)
    _el(post, "tittel", f"Stafettlogg {case.pk} avsluttet – {case.tjeneste.name}")
    _classes(post)
    _key(post, "referanseEksternNoekkel", f"{case_key}-avsluttet")
    _code(post, "journalposttype", "X", "Organinternt dokument uten oppfølging")
    _code(post, "journalstatus", "J", "Journalført")
    _el(post, "dokumentetsDato", timezone.localtime(case.closed_at or timezone.now()).date())
    _el(post, "antallVedlegg", max(len(files) - 1, 0))
    _el(post, "journalenhet", case.tjeneste.slug)

    xml = etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    validate(xml)
    return xml


def _screening(parent) -> None:
    """Everything about a child's follow-up is exempt from public access (offl. § 13,
    fvl. § 13): the folder, the record and each document are screened."""
    element = _el(parent, "skjerming")
    _code(element, "tilgangsrestriksjon", "13", "Taushetsplikt")
    _el(element, "skjermingshjemmel", "Offl. § 13, jf. fvl. § 13")


def _document(post, case, entry: FileEntry, number: int) -> None:
    beskrivelse = _el(post, "dokumentbeskrivelse")
    _el(beskrivelse, "systemID", _id("dokument", case.pk, entry.name))
    _code(beskrivelse, "dokumenttype", "DOKUMENT", "Dokument")
    _code(beskrivelse, "dokumentstatus", "F", "Dokumentet er ferdigstilt")
    _el(beskrivelse, "tittel", entry.title)
    _el(beskrivelse, "forfatter", entry.author or settings.ARCHIVE_SYSTEM)
    _el(beskrivelse, "opprettetDato", _when(entry.created_at))
    main = number == 1
    _code(beskrivelse, "tilknyttetRegistreringSom", "H" if main else "V",
          "Hoveddokument" if main else "Vedlegg")  # fmt: skip
    _el(beskrivelse, "dokumentnummer", number)
    _screening(beskrivelse)
    objekt = _el(beskrivelse, "dokumentobjekt")
    _el(objekt, "versjonsnummer", 1)
    _code(objekt, "variantformat", "A", "Arkivformat")
    _code(objekt, "format", pdfa.PRONOM, "PDF/A - ISO 19005-2")
    _el(objekt, "formatDetaljer", pdfa.FORMAT_DETAILS)
    _el(objekt, "mimeType", "application/pdf")
    _el(objekt, "filnavn", entry.name)
    _el(objekt, "referanseDokumentfil", entry.name)
    _el(objekt, "sjekksum", entry.sha256)
    _el(objekt, "sjekksumAlgoritme", "SHA256")
    _el(objekt, "filstoerrelse", entry.size)
