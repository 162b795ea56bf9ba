from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InnloggingConfig(AppConfig):
    name = "innlogging"
    verbose_name = _("Login and second factor")

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from . import sessions

        # Django's own login hook: every login, whichever way it came (password, OpenID
        # Connect, a test's force_login), is tracked so that it can be ended from elsewhere.
        user_logged_in.connect(sessions.on_login, dispatch_uid="innlogging.on_login")
