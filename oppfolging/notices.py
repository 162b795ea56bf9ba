"""At login, an employee with unread required reading is told so, with a link to the list:
a new employee meets the routines to read on the first page after the first login."""

from django.contrib import messages
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .selectors import unread_count


@receiver(user_logged_in, dispatch_uid="oppfolging_read_list_notice")
def read_list_notice(sender, request, user, **kwargs):
    if request is None or not hasattr(request, "_messages"):
        return
    unread = unread_count(user)
    if unread:
        text = ngettext(
            "You have %(n)s routine or guide to read.",
            "You have %(n)s routines or guides to read.",
            unread,
        ) % {"n": unread}
        messages.info(
            request,
            format_html('{} <a href="{}">{}</a>', text,
                        reverse("statistikk:oppfolging:read_list"), _("Open the read list")),
        )  # fmt: skip
