from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bts_portal.append_only import AppendOnlyModel


class Innlogging(models.Model):
    """One logged-in session of a user, so that all of them can be ended at once (a reset
    second factor, a deactivated account) whatever session engine stores them."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name=_("user")
    )
    session_key = models.CharField(_("session"), max_length=64, unique=True)
    created_at = models.DateTimeField(_("logged in"), default=timezone.now)

    class Meta:
        verbose_name = _("login session")
        verbose_name_plural = _("login sessions")
        default_permissions = ()

    def __str__(self) -> str:
        return f"{self.user_id} {self.created_at:%Y-%m-%d %H:%M}"


class OidcIdentitet(models.Model):
    """The link between an account and one person at the municipality's identity provider:
    the provider's subject (``sub``) for that issuer. Made once, by an administrator or at the
    first login by a verified e-mail address the administrator entered; never by the login
    alone (no self-registration)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="oidc_identities",
        verbose_name=_("user"),
    )
    issuer = models.CharField(_("identity provider (issuer)"), max_length=300)
    subject = models.CharField(_("subject (sub)"), max_length=255)
    linked_at = models.DateTimeField(_("linked"), default=timezone.now)

    class Meta:
        verbose_name = _("identity at the identity provider")
        verbose_name_plural = _("identities at the identity provider")
        constraints = [
            models.UniqueConstraint(fields=["issuer", "subject"], name="oidc_identity_unique_sub"),
            models.UniqueConstraint(fields=["issuer", "user"], name="oidc_identity_one_per_user"),
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.subject}"


class Kontohendelse(AppendOnlyModel):
    """A change to how an account logs in, beside ``organisasjon.RolleEndring`` (which records
    who holds which role): a second factor reset, an identity linked or unlinked. Written in
    the transaction of the change and never changed or deleted."""

    class Action(models.TextChoices):
        SECOND_FACTOR_RESET = "second_factor_reset", _("Second factor reset")
        IDENTITY_LINKED = "identity_linked", _("Identity at the identity provider linked")
        IDENTITY_UNLINKED = "identity_unlinked", _("Identity at the identity provider unlinked")

    at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("changed by"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="account_events",
        verbose_name=_("user"),
    )
    action = models.CharField(_("change made"), max_length=30, choices=Action.choices)
    detail = models.CharField(_("detail"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("account event")
        verbose_name_plural = _("account events")
        ordering = ["-at", "-pk"]
        default_permissions = ("add", "view")

    def __str__(self) -> str:
        at = timezone.localtime(self.at)
        return f"{at:%d.%m.%Y %H:%M} {self.user} – {self.get_action_display()}"
