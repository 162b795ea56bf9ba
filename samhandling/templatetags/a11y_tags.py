"""What every page template needs for WCAG 2.1 AA beyond markup: one error summary for any
invalid form on the page (3.3.1), a page title that says where you are (2.4.2), and the
glossary links (3.1.3).

``base.html`` uses these once, so that views and their templates need nothing of their own:
a view that renders a bound, invalid form gets the summary, the links to its fields and the
"Feil:" title prefix.
"""

from dataclasses import dataclass

from django import forms, template
from django.core.paginator import Page
from django.forms.formsets import BaseFormSet
from django.urls import reverse
from django.utils.functional import LazyObject, empty
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from bts_portal.content.translation import current_language
from samhandling.glossary import link_terms

register = template.Library()


@dataclass
class ErrorItem:
    message: str
    label: str = ""
    href: str = ""

    @property
    def text(self) -> str:
        """The field's name and its error: "Title: This field is required."."""
        if not self.label:
            return self.message
        separator = " " if self.label.rstrip()[-1:] in "?:.!" else ": "
        return f"{self.label.rstrip()}{separator}{self.message}"


def _forms_in(value, depth: int = 0):
    if isinstance(value, forms.BaseForm):
        yield value
    elif isinstance(value, BaseFormSet):
        yield from value.forms
    elif depth == 0 and isinstance(value, dict):
        for item in value.values():
            yield from _forms_in(item, depth + 1)
    elif depth == 0 and isinstance(value, list | tuple):
        for item in value:
            yield from _forms_in(item, depth + 1)


def _field_anchor(bound_field) -> str:
    """The id of the control a person should land on for this field."""
    anchor = bound_field.id_for_label
    if not anchor and bound_field.auto_id:
        # Radio buttons and checkbox lists: the first option.
        anchor = bound_field.field.widget.id_for_label(bound_field.auto_id, "0")
    return anchor or ""


def _evaluated_values(context):
    """The context's values, leaving out lazy ones not evaluated yet (the CSRF token, the
    user): they hold no form or page, and evaluating the token would set a cookie on every
    page, so that no public page could be cached."""
    for value in context.flatten().values():
        if isinstance(value, LazyObject) and value._wrapped is empty:
            continue
        yield value


def invalid_forms_in(context) -> list[forms.BaseForm]:
    found, seen = [], set()
    for value in _evaluated_values(context):
        for form in _forms_in(value):
            if id(form) in seen or not form.is_bound:
                continue
            seen.add(id(form))
            if form.errors:
                found.append(form)
    return found


@register.simple_tag(takes_context=True)
def error_items(context) -> list[ErrorItem]:
    """One line per error of every bound, invalid form in the page's context, fields in the
    order they are shown, each with a link to its control."""
    items: list[ErrorItem] = []
    for form in invalid_forms_in(context):
        for error in form.non_field_errors():
            items.append(ErrorItem(message=str(error)))
        for bound_field in form:
            for error in bound_field.errors:
                if bound_field.is_hidden:
                    items.append(ErrorItem(message=str(error)))
                    continue
                anchor = _field_anchor(bound_field)
                items.append(
                    ErrorItem(
                        message=str(error),
                        label=str(bound_field.label or bound_field.name),
                        href=f"#{anchor}" if anchor else "",
                    )
                )
    return items


# Public sections whose pages may share a name with a page in another section (a tool and
# a model element both called "Samtykkeskjema"): the title names the section. Longest first.
PUBLIC_SECTIONS = [
    ("/veileder/verktoy/", gettext_lazy("Tools in the action guide")),
    ("/veileder/tema/", gettext_lazy("Themes in the action guide")),
    ("/veileder/", gettext_lazy("From concern to action")),
    ("/tiltak/moteplasser/", gettext_lazy("Interdisciplinary meeting places")),
    ("/tiltak/", gettext_lazy("Measures")),
    ("/tjenester/", gettext_lazy("Services")),
    ("/modell/", gettext_lazy("How we work together")),
]


@register.simple_tag(takes_context=True)
def title_context(context) -> str:
    """What follows a page's own title: its page number in a list, and its section.

    The section's own front page (e.g. /veileder/) does not repeat itself."""
    parts = []
    for value in _evaluated_values(context):
        if isinstance(value, Page) and value.number > 1:
            parts.append(
                _("page %(number)s of %(pages)s")
                % {"number": value.number, "pages": value.paginator.num_pages}
            )
            break
    request = context.get("request")
    path = getattr(request, "path", "")
    if path.startswith("/ansatt/"):
        parts.append(_("Staff area"))
    else:
        for prefix, label in PUBLIC_SECTIONS:
            if path.startswith(prefix):
                if path != prefix:
                    parts.append(str(label))
                break
    return "".join(f" – {part}" for part in parts)


class GlossaryNode(template.Node):
    def __init__(self, nodelist):
        self.nodelist = nodelist

    def render(self, context):
        html = self.nodelist.render(context)
        request = context.get("request")
        if request is None or request.path == reverse("samhandling:glossary"):
            return html
        seen = getattr(request, "_glossary_linked", None)
        if seen is None:
            seen = request._glossary_linked = set()
        return link_terms(html, seen)


@register.tag
def glossary(parser, token):
    """``{% glossary %}…{% endglossary %}``: the first appearance of each glossary word in
    the enclosed HTML links to its explanation."""
    nodelist = parser.parse(("endglossary",))
    parser.delete_first_token()
    return GlossaryNode(nodelist)


@register.filter
def tel_href(number: str) -> str:
    """A phone number as a ``tel:`` address: "116 111" → "tel:116111", and a Norwegian
    eight-digit number with the country code, so that it works from a foreign phone too."""
    digits = "".join(ch for ch in str(number or "") if ch.isdigit() or ch == "+")
    if digits.startswith("00"):
        digits = "+" + digits[2:]
    if len(digits) == 8 and not digits.startswith("+"):
        digits = "+47" + digits
    return f"tel:{digits}"


@register.filter
def has_required_fields(form) -> bool:
    """Whether the form shows a field marked "*" (required, visible, not a single checkbox
    or radio choice, which crispy marks too)."""
    if not isinstance(form, forms.BaseForm):
        return False
    return any(bound_field.field.required and not bound_field.is_hidden for bound_field in form)


@register.filter
def any_errors(bound_fields) -> bool:
    """Whether any of these fields has an error (a collapsed fieldset then opens)."""
    return any(bound_field.errors for bound_field in bound_fields)


@register.filter
def lang_marked(text):
    """Text in another language than the page's (a bokmål fallback in an English list)
    wrapped in ``<span lang>``, so that screen readers pronounce it right (WCAG 3.1.2)."""
    lang = getattr(text, "lang", None)
    if lang and lang != current_language():
        return format_html('<span lang="{}">{}</span>', lang, text)
    return format_html("{}", text)
