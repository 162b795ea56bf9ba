from django.apps import AppConfig


class BtsPortalConfig(AppConfig):
    """Cross-app pieces: health check, demo loader, staff start page, shared templates."""

    name = "bts_portal"
    verbose_name = "BTS/BTI-portalen"

    def ready(self):
        from .page_cache import connect_signals

        connect_signals()
