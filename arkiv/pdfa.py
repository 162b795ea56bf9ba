"""PDF/A for the archive, and the check every archived PDF passes before it is packed.

WeasyPrint writes PDF/A-2a: PDF/A-2 is an archival format Riksarkivet accepts for Noark 5
(PDF/A-3 is not), and conformance level "a" keeps the structure tree and the language that
every PDF meant for people here carries (PDF/UA in ``bts_portal.pdf``).

veraPDF, the reference validator, is on none of the registries the portal installs from, so
``pdfa_problems`` checks the clauses of ISO 19005-2 that a generated PDF can break, with
pypdf: the XMP identification (part 2, level A) and its agreement with the document
information, an embedded output intent with its ICC profile, embedded fonts with a
ToUnicode map (level A), tagging (a structure tree, marked content, the language), the
trailer's file identifier, no encryption, and no JavaScript, launch or other forbidden
actions. An empty list means it passes.
"""

import io
from typing import Any, cast

from lxml import etree
from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

VARIANT = "pdf/a-2a"
PART, CONFORMANCE = "2", "A"
FORMAT_DETAILS = "PDF/A-2a"
PRONOM = "fmt/476"  # PRONOM's id for PDF/A-2a, the format code Noark 5 archives expect
_PDFAID = "http://www.aiim.org/pdfa/ns/id/"
_FORBIDDEN_ACTIONS = {"/JavaScript", "/Launch", "/Sound", "/Movie", "/ResetForm", "/ImportData"}


def write_pdfa(html: str, *, base_url: str | None = None) -> bytes:
    from weasyprint import HTML  # loads Pango, which only PDFs need

    return HTML(string=html, base_url=base_url).write_pdf(pdf_variant=VARIANT)


def _resolve(value):
    return value.get_object() if isinstance(value, IndirectObject) else value


def _xmp_problems(root) -> list[str]:
    if "/Metadata" not in root:
        return ["no XMP metadata stream"]
    try:
        xmp = etree.fromstring(root["/Metadata"].get_object().get_data())
    except etree.XMLSyntaxError as error:
        return [f"XMP is not well-formed XML: {error}"]
    values = {}
    for name in ("part", "conformance"):
        found = xmp.xpath(
            f"//@pdfaid:{name} | //pdfaid:{name}/text()", namespaces={"pdfaid": _PDFAID}
        )
        values[name] = str(found[0]) if found else None
    problems = []
    if values["part"] != PART:
        problems.append(f"XMP pdfaid:part is {values['part']}, not {PART}")
    if values["conformance"] != CONFORMANCE:
        problems.append(f"XMP pdfaid:conformance is {values['conformance']}, not {CONFORMANCE}")
    return problems


def _font_problems(reader: PdfReader) -> list[str]:
    problems, seen = [], set()
    for page in reader.pages:
        resources = _resolve(page.get("/Resources")) or {}
        fonts = _resolve(resources.get("/Font")) or {}
        for ref in fonts.values():
            font = _resolve(ref)
            name = str(font.get("/BaseFont"))
            if name in seen:
                continue
            seen.add(name)
            descendants = font.get("/DescendantFonts")
            target = _resolve(_resolve(descendants)[0]) if descendants else font
            descriptor = _resolve(target.get("/FontDescriptor")) or {}
            if not any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")):
                problems.append(f"font {name} is not embedded")
            if "/ToUnicode" not in font:
                problems.append(f"font {name} has no ToUnicode map (level A)")
    return problems


def _action_problems(reader: PdfReader) -> list[str]:
    problems: list[str] = []
    stack: list[Any] = [reader.trailer["/Root"]]  # any PDF object, resolved as it is reached
    seen: set[int] = set()
    while stack:
        node = stack.pop()
        if isinstance(node, IndirectObject):
            if node.idnum in seen:
                continue
            seen.add(node.idnum)
            node = node.get_object()
        if isinstance(node, DictionaryObject):
            if node.get("/S") in _FORBIDDEN_ACTIONS:
                problems.append(f"forbidden action {node.get('/S')}")
            if "/JS" in node:
                problems.append("JavaScript")
            stack.extend(v for k, v in node.items() if k != "/Parent")
        elif isinstance(node, ArrayObject):
            stack.extend(node)
    return problems


def pdfa_problems(content: bytes) -> list[str]:
    """What keeps ``content`` from being PDF/A-2a; an empty list when nothing does."""
    try:
        reader = PdfReader(io.BytesIO(content), strict=True)
        # The document catalogue, a dictionary (pypdf resolves the reference).
        root = cast(DictionaryObject, reader.trailer["/Root"])
    except Exception as error:  # an unreadable file is one problem, not a crash
        return [f"not a readable PDF: {error}"]
    problems = []
    if not content.startswith(b"%PDF-1.") and not content.startswith(b"%PDF-2."):
        problems.append("no PDF header")
    if reader.is_encrypted:
        problems.append("encrypted")
    if "/ID" not in reader.trailer:
        problems.append("no file identifier in the trailer")
    problems += _xmp_problems(root)
    intents = [_resolve(i) for i in _resolve(root.get("/OutputIntents")) or []]
    if not any(i.get("/S") == "/GTS_PDFA1" and "/DestOutputProfile" in i for i in intents):
        problems.append("no PDF/A output intent with an ICC profile")
    if "/StructTreeRoot" not in root:
        problems.append("not tagged: no structure tree (level A)")
    if not (_resolve(root.get("/MarkInfo")) or {}).get("/Marked"):
        problems.append("not marked as tagged (level A)")
    if "/Lang" not in root:
        problems.append("no document language")
    problems += _font_problems(reader)
    problems += _action_problems(reader)
    return problems
