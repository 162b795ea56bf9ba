from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from organisasjon.selectors import public_services

from . import selectors
from .models import Side


class StaticPagesSitemap(Sitemap):
    def items(self):
        return ["samhandling:home", "samhandling:overview", "tiltaksoversikt:tjeneste_list"]

    def location(self, item):
        return reverse(item)


class ElementSitemap(Sitemap):
    """Published public elements only: drafts and staff-only elements never appear."""

    def items(self):
        return selectors.visible_elements(staff=False).order_by("pk")

    def lastmod(self, item):
        return item.updated_at


class PageSitemap(Sitemap):
    def items(self):
        return Side.objects.published().order_by("pk")

    def lastmod(self, item):
        return item.updated_at


class ServiceSitemap(Sitemap):
    def items(self):
        return public_services()


SITEMAPS = {
    "static": StaticPagesSitemap,
    "elements": ElementSitemap,
    "pages": PageSitemap,
    "services": ServiceSitemap,
}
