from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DriftConfig(AppConfig):
    """Operations: what the background work did last (retention), and the restore drill."""

    name = "drift"
    verbose_name = _("Operations")
