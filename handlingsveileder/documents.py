"""Documents made from the guide's tools: a Markdown template with named fields, filled in
from a case (``stafettlogg.case_documents``) or left blank for the public tool page, and
printed as a tagged PDF (PDF/UA) with the language set.

A named field is written ``{{ barnets_navn }}``. Each kind of document has its own fields
(``FIELDS``); a template may use any of them and no others (``unknown_fields``, which the
editor's form checks). The coordinator edits the text; the values are always escaped, and the
Markdown goes through the same sanitiser as every other page, so a template can neither run
code nor show anything that is not the case's own.
"""

import re
from dataclasses import dataclass

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.functional import Promise
from django.utils.html import escape, format_html, format_html_join, linebreaks
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _

from bts_portal.content.markdown import render_markdown
from bts_portal.content.translation import LocalizedText, localized
from bts_portal.pdf import letterhead, write_pdf

from .document_templates import DEFAULTS
from .models import DocumentType, Verktoy

FIELD = re.compile(r"\{\{\s*([A-Za-z0-9_]+)\s*\}\}")
BLANK_LINE = "_" * 28
BLANK_ROWS = 4


@dataclass(frozen=True)
class Field:
    name: str
    label: str | Promise
    columns: tuple = ()  # a table with these headers
    items: bool = False  # a bulleted list
    text: bool = False  # paragraphs of free text

    @property
    def block(self) -> bool:
        return bool(self.columns) or self.items or self.text


@dataclass(frozen=True)
class Table:
    rows: list[tuple]


@dataclass(frozen=True)
class Items:
    items: list[str]


MEASURE_COLUMNS = (_("Measure"), _("Goal"), _("Responsible"), _("Start"), _("Evaluate by"))

COMMON = (
    Field("kommune", _("the municipality")),
    Field("dato", _("today's date")),
    Field("barnets_navn", _("the child's name")),
    Field("fodselsdato", _("the child's date of birth")),
    Field("tjeneste", _("the baton holder's service")),
    Field("stafettholder", _("the baton holder")),
    Field("niva", _("the case's level")),
    Field("foresatte", _("the guardians (list)"), items=True),
    Field("deltakere", _("the participants (table)"), columns=(_("Name"), _("Service"))),
)

FIELDS: dict[str, tuple[Field, ...]] = {
    DocumentType.CONSENT: (
        *COMMON,
        Field("tjenester", _("the services that will work together (list)"), items=True),
        Field("gyldig_fra", _("valid from")),
        Field("gyldig_til", _("valid until (at the latest)")),
        Field("samtykkealder", _("the age from which young people consent themselves")),
    ),
    DocumentType.ACTION_PLAN: (
        *COMMON,
        Field("tiltak", _("the measures (table)"), columns=MEASURE_COLUMNS),
        Field("neste_evaluering", _("the next evaluation")),
    ),
    DocumentType.INVITATION: (
        *COMMON,
        Field("motetidspunkt", _("when the meeting is")),
        Field("motested", _("where the meeting is")),
        Field("saksliste", _("the agenda (list)"), items=True),
        Field("innkalte", _("who is invited (list)"), items=True),
    ),
    DocumentType.MINUTES: (
        *COMMON,
        Field("motedato", _("the meeting's date")),
        Field("tilstede", _("who attended")),
        Field("referat", _("what was said and agreed (text)"), text=True),
        Field("neste_steg", _("the next step")),
        Field("skrevet_av", _("who wrote the minutes in the log")),
    ),
    DocumentType.EVALUATION: (
        *COMMON,
        Field("tiltak", _("the measures to evaluate (table)"), columns=MEASURE_COLUMNS),
        Field("neste_evaluering", _("the next evaluation")),
    ),
    DocumentType.CLOSING: (
        *COMMON,
        Field("apnet", _("the date the log was opened")),
        Field("avsluttet", _("the date the log was closed")),
        Field(
            "nivaer", _("the levels (table)"), columns=(_("Date"), _("From level"), _("To level"))
        ),
        Field("tiltak", _("the measures (table)"), columns=MEASURE_COLUMNS),
        Field(
            "evalueringer",
            _("the evaluations (table)"),
            columns=(_("Date"), _("Measure"), _("Assessment"), _("Next step")),
        ),
        Field("avslutning", _("why and how the case was closed (text)"), text=True),
    ),
}


def as_field(name: str) -> str:
    return "{{ " + name + " }}"


def fields_for(doc_type: str) -> dict[str, Field]:
    return {field.name: field for field in FIELDS[doc_type]}


def unknown_fields(text: str, doc_type: str) -> list[str]:
    """The names in ``text`` that ``doc_type`` has no value for, in order, once each."""
    known = fields_for(doc_type)
    return list(dict.fromkeys(name for name in FIELD.findall(text or "") if name not in known))


def tool_for(doc_type: str) -> Verktoy | None:
    return Verktoy.objects.filter(document=doc_type).first()


def template_text(tool: Verktoy | None, doc_type: str, language: str) -> LocalizedText:
    """The tool's text in ``language`` (bokmål where it has none); the standard text where the
    tool has none at all."""
    if tool is not None and tool.template:
        return localized(tool, "template", language)
    defaults = DEFAULTS[doc_type]
    lang = language if language in defaults else "nb"
    return LocalizedText(defaults[lang], lang)


def title_text(tool: Verktoy | None, doc_type: str, language: str) -> LocalizedText:
    if tool is not None:
        return localized(tool, "title", language)
    with translation.override(language):
        return LocalizedText(str(DocumentType(doc_type).label), language)


# Values that are the municipality's, not the case's: a blank form shows them too.
def standing_values(doc_type: str) -> dict:
    values = {"kommune": settings.KOMMUNE_NAVN}
    if doc_type == DocumentType.CONSENT:
        values["samtykkealder"] = str(settings.CONSENT_AGE)
    return values


def _blank(field: Field) -> SafeString:
    if field.columns:
        head = format_html_join("", '<th scope="col">{}</th>', ((c,) for c in field.columns))
        cells = mark_safe("<td>&nbsp;</td>" * len(field.columns))  # noqa: S308 - constant
        rows = mark_safe(f"<tr>{cells}</tr>" * BLANK_ROWS)  # noqa: S308 - constant
        return format_html(
            '<table class="fill"><thead><tr>{}</tr></thead><tbody>{}</tbody></table>', head, rows
        )
    if field.items:
        return mark_safe(  # noqa: S308 - constant
            '<ul class="fill">' + f"<li>{BLANK_LINE}{BLANK_LINE}</li>" * 3 + "</ul>"
        )
    if field.text:
        return mark_safe('<div class="lines">' + "<p>&nbsp;</p>" * 5 + "</div>")  # noqa: S308
    return mark_safe(f'<span class="blank">{BLANK_LINE}</span>')  # noqa: S308 - constant


def _filled(field: Field, value) -> SafeString:
    none = format_html('<p class="none">{}</p>', _("None recorded."))
    if field.columns:
        rows = value.rows if isinstance(value, Table) else []
        if not rows:
            return none
        head = format_html_join("", '<th scope="col">{}</th>', ((c,) for c in field.columns))
        body = mark_safe(  # noqa: S308 - every cell escaped by format_html_join
            "".join(
                "<tr>" + format_html_join("", "<td>{}</td>", ((cell,) for cell in row)) + "</tr>"
                for row in rows
            )
        )
        return format_html("<table><thead><tr>{}</tr></thead><tbody>{}</tbody></table>", head, body)
    if field.items:
        items = value.items if isinstance(value, Items) else []
        if not items:
            return none
        return format_html(
            "<ul>{}</ul>", format_html_join("", "<li>{}</li>", ((i,) for i in items))
        )
    if field.text:
        return mark_safe(linebreaks(value or "–", autoescape=True))  # noqa: S308 - escaped
    return escape(value if value not in (None, "") else "–")


def fill(text: str, doc_type: str, values: dict | None) -> SafeString:
    """The template as sanitised HTML with every field filled in, or left to be filled in by
    hand where ``values`` is None (the blank form)."""
    known = fields_for(doc_type)
    standing = standing_values(doc_type)
    tokens: dict[str, str] = {}

    def hold(match: re.Match) -> str:
        token = f"BTSFIELD{len(tokens)}X"
        tokens[token] = match[1]
        return token

    html = str(render_markdown(FIELD.sub(hold, text or "")))
    for token, name in tokens.items():
        field = known.get(name)
        if field is None:
            rendered = escape(as_field(name))
        elif name in standing:
            rendered = escape(standing[name])
        elif values is None:
            rendered = _blank(field)
        else:
            rendered = _filled(field, values.get(name))
        if field is not None and field.block:
            html = html.replace(f"<p>{token}</p>", rendered)
        html = html.replace(token, rendered)
    return mark_safe(html)  # noqa: S308 - sanitised Markdown with escaped values


def document_pdf(
    doc_type: str,
    *,
    language: str,
    values: dict | None = None,
    printed_by: str = "",
    reference: str = "",
) -> bytes:
    """The document as a tagged PDF in ``language``: filled in from ``values``, or blank."""
    return write_pdf(
        document_html(
            doc_type, language=language, values=values, printed_by=printed_by, reference=reference
        )
    )


def document_html(
    doc_type: str,
    *,
    language: str,
    values: dict | None = None,
    printed_by: str = "",
    reference: str = "",
) -> str:
    """The HTML a document's PDF is made from (the print, and the archive's PDF/A)."""
    tool = tool_for(doc_type)
    with translation.override(language):
        body = template_text(tool, doc_type, language)
        return render_to_string(
            "handlingsveileder/document_pdf.html",
            {
                **letterhead(),
                "language": language,
                "title": title_text(tool, doc_type, language),
                "body": fill(body, doc_type, values),
                "body_lang": body.lang,
                "blank": values is None,
                "printed_by": printed_by,
                "printed_at": timezone.localtime(),
                "reference": reference,
                "service_name": settings.KOMMUNE_NAVN,
            },
        )
