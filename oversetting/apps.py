from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OversettingConfig(AppConfig):
    """Nynorsk and English content: what is missing or older than the bokmål text, and the
    machine drafts (Apertium) that wait for a person to approve them."""

    name = "oversetting"
    verbose_name = _("Translations")

    def ready(self):
        from . import receivers

        receivers.connect()
