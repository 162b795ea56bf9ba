"""The staff area's navigation: each entry shows only for users whose roles allow it."""

from collections.abc import Callable
from dataclasses import dataclass

from django.urls import reverse
from django.utils.functional import Promise, cached_property
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from . import permissions


@dataclass(frozen=True)
class NavEntry:
    label: str | Promise
    url_name: str
    allowed: Callable
    # URL prefix that marks the entry as the current section.
    section: str = ""


STAFF_NAVIGATION: list[NavEntry] = [
    NavEntry(_("Start page"), "staff:home", permissions.may_enter_staff_area),
    NavEntry(
        _("My work"),
        "stafettlogg:my_work",
        lambda user: permissions.has_any_service_perm(user, permissions.ServicePerm.WORK),
    ),
    NavEntry(
        _("My services"),
        "organisasjon:my_services",
        lambda user: permissions.has_any_service_perm(user, permissions.ServicePerm.ACCESS_AREA),
        "/ansatt/tjeneste",
    ),
    NavEntry(
        _("The model"),
        "samhandling_staff:overview",
        permissions.may_enter_staff_area,
        "/ansatt/modell/",
    ),
    NavEntry(
        _("Action guide"),
        "veileder_staff:overview",
        permissions.may_enter_staff_area,
        "/ansatt/veileder/",
    ),
    NavEntry(_("Content"), "content:home", permissions.may_manage_any_content, "/ansatt/innhold/"),
    NavEntry(_("Annual cycle"), "samhandling_staff:arshjul", permissions.is_coordinator),
    NavEntry(
        _("Statistics"),
        "statistikk:dashboard",
        permissions.may_see_statistics,
        "/ansatt/statistikk/",
    ),
    NavEntry(
        _("Role changes"),
        "organisasjon_staff:role_changes",
        permissions.is_coordinator,
        "/ansatt/organisasjon/",
    ),
    NavEntry(_("System administration"), "admin:index", permissions.is_system_administrator),
]


CURRENT = mark_safe(' aria-current="page"')


class StaffNav(list):
    """The menu entries, and ``html``: their list as markup, built once per request in
    Python, where the frame included a template twice (the phone and the wide menu) for
    the same entries (issue 19). Nothing is kept across requests: the entries are worked
    out from the user's roles on every request."""

    @cached_property
    def html(self):
        items = format_html_join(
            "\n",
            '    <li><a href="{}"{}>{}</a></li>',
            ((entry["url"], CURRENT if entry["current"] else "", entry["label"]) for entry in self),
        )
        return format_html(
            '<ul>\n{}\n  <li class="nav-end"><a href="{}">{}</a></li>\n</ul>\n',
            items,
            reverse("samhandling:home"),
            gettext("Public site"),
        )


def staff_navigation(request) -> StaffNav:
    """The entries ``request.user`` may see, with the current one marked."""
    entries = StaffNav()
    for entry in STAFF_NAVIGATION:
        if not entry.allowed(request.user):
            continue
        url = reverse(entry.url_name)
        section = entry.section or url
        current = request.path == url or (entry.section and request.path.startswith(section))
        entries.append({"label": entry.label, "url": url, "current": bool(current)})
    return entries
