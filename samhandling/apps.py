from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SamhandlingConfig(AppConfig):
    """The three-level collaboration model and the public site that presents it."""

    name = "samhandling"
    verbose_name = _("Collaboration model")
