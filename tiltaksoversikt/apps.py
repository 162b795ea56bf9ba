from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TiltaksoversiktConfig(AppConfig):
    """The catalogue of services, measures and interdisciplinary meeting places."""

    name = "tiltaksoversikt"
    verbose_name = _("Services and measures")
