from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArkivConfig(AppConfig):
    """A closed case log sent to the municipality's archive as a Noark 5 arkivmelding."""

    name = "arkiv"
    verbose_name = _("Archive")
