"""A checklist step's deadline as markup, the same as ``stafettlogg/_due.html``, built in
Python for the pages that show many steps: the template included per row cost thousands of
steps per page (issue 19). The template stays for the concern page."""

from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

DAY = "%d.%m.%Y"  # how the case log shows a day, everywhere (pages, entries, messages)


def due_html(item) -> SafeString:
    """The mark after a step: due or overdue while not done, the deadline once done."""
    if not item.due:
        return SafeString("")
    date = item.due.strftime(DAY)
    if not item.done:
        if item.overdue:
            text = _("overdue since %(date)s") % {"date": date}
            return format_html(' <small class="text-danger fw-bold">{}</small>', text)
        text = _("by %(date)s") % {"date": date}
        return format_html(' <small class="text-body-secondary">{}</small>', text)
    text = _("deadline %(date)s") % {"date": date}
    return format_html(' <small class="text-body-secondary">({})</small>', text)
