from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StatistikkConfig(AppConfig):
    """Indicators that BTS/BTI works, the dashboards, and the annual report (årsrapport)."""

    name = "statistikk"
    verbose_name = _("Statistics and the annual report")
