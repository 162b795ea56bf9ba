from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StafettloggConfig(AppConfig):
    """Consent-gated case logs for one child, with a complete access log."""

    name = "stafettlogg"
    verbose_name = _("Case logs")
