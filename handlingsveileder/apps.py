from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HandlingsveilederConfig(AppConfig):
    """The BTI action guide: levels 0–3 with their steps and tools."""

    name = "handlingsveileder"
    verbose_name = _("Action guide")
