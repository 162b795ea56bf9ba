from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OppfolgingConfig(AppConfig):
    """How the municipality follows up its own model: read lists, training and orientation,
    resource-group and BTS-forum meetings. They become indicators in the annual report."""

    name = "oppfolging"
    verbose_name = _("Follow-up of the model")

    def ready(self):
        from . import notices  # noqa: F401  (the read-list notice at login)
