from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganisasjonConfig(AppConfig):
    """The municipality's services, its staff users and their roles in each service."""

    name = "organisasjon"
    verbose_name = _("Organisation")
