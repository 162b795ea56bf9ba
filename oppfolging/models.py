from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from organisasjon.models import Rolle, Tjeneste


class Lesekrav(models.Model):
    """Required reading: a routine or model element, or a level of the action guide, that the
    chosen roles (in the chosen services, or in all) must confirm they have read."""

    element = models.ForeignKey(
        "samhandling.Element", on_delete=models.CASCADE, null=True, blank=True,
        related_name="+", verbose_name=_("model element or routine"),
    )  # fmt: skip
    niva = models.ForeignKey(
        "handlingsveileder.Niva", on_delete=models.CASCADE, null=True, blank=True,
        related_name="+", verbose_name=_("level of the action guide"),
    )  # fmt: skip
    roles = models.JSONField(_("roles"), default=list, help_text=_("Empty: every role."))
    services = models.ManyToManyField(
        Tjeneste, blank=True, related_name="+", verbose_name=_("services"),
        help_text=_("None chosen: every service."),
    )  # fmt: skip
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("required reading")
        verbose_name_plural = _("required reading")
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(element__isnull=False, niva__isnull=True)
                | models.Q(element__isnull=True, niva__isnull=False),
                name="lesekrav_one_item",
            )
        ]

    def __str__(self) -> str:
        return str(self.element or self.niva)

    def role_labels(self) -> list[str]:
        """The chosen roles by their names in the current language (``roles`` holds keys)."""
        return [str(Rolle(role).label) for role in self.roles if role in Rolle.values]

    def clean(self):
        if bool(self.element_id) == bool(self.niva_id):
            raise ValidationError(_("Choose either a model element or a level of the guide."))
        unknown = set(self.roles) - set(Rolle.values)
        if unknown:
            raise ValidationError(_("Unknown role."))


class Lesebekreftelse(models.Model):
    """An employee's confirmation of having read one required item."""

    lesekrav = models.ForeignKey(Lesekrav, on_delete=models.CASCADE, related_name="confirmations")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    confirmed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["lesekrav", "user"], name="one_confirmation_each")
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.lesekrav}"


class Opplaering(models.Model):
    """Training or orientation given to an employee of a service."""

    class Kind(models.TextChoices):
        ORIENTATION = "orientering", _("Orientation for new employees")
        TRAINING = "opplaering", _("Training in BTI and the case log")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
        verbose_name=_("employee"),
    )  # fmt: skip
    tjeneste = models.ForeignKey(
        Tjeneste, on_delete=models.PROTECT, related_name="+", verbose_name=_("service")
    )
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    title = models.CharField(_("what"), max_length=200)
    held_on = models.DateField(_("date"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("training record")
        verbose_name_plural = _("training records")
        ordering = ["-held_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.title} ({self.held_on:%d.%m.%Y})"


class Mote(models.Model):
    """A meeting of the resource group or the BTS forum, with who came from which service."""

    class Kind(models.TextChoices):
        RESOURCE_GROUP = "ressursgruppe", _("Resource group")
        FORUM = "forum", _("BTS forum")

    kind = models.CharField(_("meeting"), max_length=15, choices=Kind.choices)
    held_on = models.DateField(_("date"))
    services = models.ManyToManyField(
        Tjeneste, through="Motedeltakelse", related_name="+", verbose_name=_("services present")
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["-held_on"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.held_on:%d.%m.%Y}"


class Motedeltakelse(models.Model):
    mote = models.ForeignKey(Mote, on_delete=models.CASCADE, related_name="attendance")
    tjeneste = models.ForeignKey(Tjeneste, on_delete=models.PROTECT, related_name="+")
    attendees = models.PositiveSmallIntegerField(_("attendees"), default=1)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["mote", "tjeneste"], name="one_row_per_service")
        ]

    def __str__(self) -> str:
        return f"{self.mote}: {self.tjeneste} ({self.attendees})"
