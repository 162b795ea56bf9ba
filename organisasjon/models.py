from django.contrib.auth.models import AbstractUser
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bts_portal.append_only import AppendOnlyError, AppendOnlyModel
from bts_portal.content.fields import DESCRIPTION, NAME, translated_char, translated_text

# Ages are whole years; -1 stands for "from pregnancy", as the grant's target group starts there.
AGE_PREGNANCY = -1
AGE_MAX = 25


def age_range_display(age_min: int, age_max: int) -> str:
    """'from pregnancy to 25 years', '6–16 years': how an age range reads to the public."""
    if age_min == AGE_PREGNANCY:
        return _("from pregnancy to %(max)s years") % {"max": age_max}
    return _("%(min)s–%(max)s years") % {"min": age_min, "max": age_max}


class Bruker(AbstractUser):
    """A person who logs in to the staff area.

    Municipality-wide roles are flags here; roles in a service are ``Medlemskap`` rows.
    The system administrator role is Django's own ``is_staff`` (access to the admin site).
    """

    is_bts_coordinator = models.BooleanField(
        _("BTS coordinator"),
        default=False,
        help_text=_("Edits the model's content, runs the annual cycle and writes the report."),
    )
    is_municipal_leader = models.BooleanField(
        _("leader at municipal level"),
        default=False,
        help_text=_("Reads municipality-wide statistics and prints the annual report."),
    )

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.get_full_name() or self.username


class Sektor(models.TextChoices):
    OPPVEKST = "oppvekst", _("Childhood and education")
    HELSE_OG_OMSORG = "helse_og_omsorg", _("Health and care")
    NAV = "nav", _("NAV")
    KULTUR = "kultur", _("Culture and leisure")
    ANNET = "annet", _("Other")


class Tjeneste(models.Model):
    """A municipal service or unit (or a partner such as the GPs) that works with children.

    The name, description and opening hours come in bokmål with optional nynorsk (``_nn``)
    and English (``_en``) versions, shown through ``bts_portal.content.translation.localized``.
    The address is a name, as written."""

    name, name_nn, name_en = translated_char(NAME, max_length=200, unique=True)
    slug = models.SlugField(_("short name in addresses"), max_length=80, unique=True)
    sector = models.CharField(_("sector"), max_length=20, choices=Sektor.choices)
    description, description_nn, description_en = translated_text(DESCRIPTION, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    address = models.CharField(_("address"), max_length=300, blank=True)
    opening_hours, opening_hours_nn, opening_hours_en = translated_char(
        (_("opening hours"), _("opening hours (nynorsk)"), _("opening hours (English)")),
        max_length=300,
        blank=True,
    )
    age_min = models.SmallIntegerField(
        _("youngest age served"),
        default=AGE_PREGNANCY,
        help_text=_("In years; -1 means from pregnancy."),
    )
    age_max = models.SmallIntegerField(_("oldest age served"), default=AGE_MAX)
    is_partner = models.BooleanField(
        _("partner outside the municipality"),
        default=False,
        help_text=_("For example the GPs: listed for the public, not a municipal unit."),
    )
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("service")
        verbose_name_plural = _("services")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(age_min__gte=AGE_PREGNANCY)
                & models.Q(age_max__lte=AGE_MAX)
                & models.Q(age_min__lte=models.F("age_max")),
                name="tjeneste_age_range_valid",
            )
        ]
        # Object permissions, granted per service from memberships (bts_portal.permissions).
        permissions = [
            ("access_service_area", _("Open the service's pages in the staff area")),
            ("work_in_service", _("Register concerns and open case logs in the service")),
            ("view_service_cases", _("See the service's case list (metadata only)")),
            ("reassign_stafettholder", _("Reassign the baton holder of the service's cases")),
            ("edit_service_tiltak", _("Edit the service's measures in the catalogue")),
            ("view_service_statistics", _("See the service's statistics")),
            ("edit_service_content", _("Edit drafts of the service's model content")),
            ("view_service_undringer", _("See the service's concerns (undringer)")),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("tiltaksoversikt:tjeneste", kwargs={"slug": self.slug})

    def age_range_display(self) -> str:
        return age_range_display(self.age_min, self.age_max)


class Rolle(models.TextChoices):
    ANSATT = "ansatt", _("Employee")
    LEDER = "leder", _("Leader")
    LOKAL_ADMINISTRATOR = "lokal_administrator", _("Local administrator")
    BTI_KONTAKT = "bti_kontakt", _("BTI contact")


class Medlemskap(models.Model):
    """A user's role in one service. A user may hold several roles in several services.

    Create and remove memberships through ``organisasjon.services`` so that the object
    permissions they grant follow at once.
    """

    user = models.ForeignKey(
        Bruker, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("user")
    )
    tjeneste = models.ForeignKey(
        Tjeneste, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("service")
    )
    rolle = models.CharField(_("role"), max_length=30, choices=Rolle.choices)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["tjeneste__name", "user__username", "rolle"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "tjeneste", "rolle"], name="medlemskap_unique_role"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.get_rolle_display()} – {self.tjeneste}"


class Rolleflagg(models.TextChoices):
    """The municipality-wide roles that are flags on ``Bruker`` rather than memberships."""

    IS_STAFF = "is_staff", _("System administrator")
    IS_BTS_COORDINATOR = "is_bts_coordinator", _("BTS coordinator")
    IS_MUNICIPAL_LEADER = "is_municipal_leader", _("Leader at municipal level")
    IS_ACTIVE = "is_active", _("Active account")


class Endring(models.TextChoices):
    """What a recorded role change did."""

    ADDED = "added", _("Role added")
    REMOVED = "removed", _("Role removed")
    FLAG_SET = "flag_set", _("Flag set")
    FLAG_CLEARED = "flag_cleared", _("Flag cleared")


# What changing or deleting a recorded role change raises.
RolleEndringIsAppendOnly = AppendOnlyError


class RolleEndring(AppendOnlyModel):
    """One change to who holds which role: a membership added or removed, or a role flag set
    or cleared. Written by ``organisasjon.services`` in the transaction of the change itself
    and never changed or deleted, so the BTS coordinator can follow every grant of rights,
    including those the system administrator makes.

    The foreign keys protect: an account or service that ever held a role is deactivated,
    not deleted, so the record keeps saying whose it was.
    """

    Action = Endring

    at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    # Empty when a command or the demo loader made the change.
    changed_by = models.ForeignKey(
        Bruker,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("changed by"),
    )
    user = models.ForeignKey(
        Bruker, on_delete=models.PROTECT, related_name="role_changes", verbose_name=_("user")
    )
    tjeneste = models.ForeignKey(
        Tjeneste,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("service"),
    )
    action = models.CharField(_("change made"), max_length=20, choices=Endring.choices)
    # A ``Rolle`` for membership changes, a ``Rolleflagg`` for flag changes.
    role = models.CharField(_("role"), max_length=30, choices=[*Rolle.choices, *Rolleflagg.choices])

    class Meta:
        verbose_name = _("role change")
        verbose_name_plural = _("role changes")
        ordering = ["-at", "-pk"]
        # Nobody is granted rights on the record: the coordinator reads it through the staff
        # area (bts_portal.permissions.is_coordinator), and nothing may change it.
        default_permissions = ()
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(
                        action__in=[Endring.ADDED, Endring.REMOVED],
                        role__in=Rolle.values,
                        tjeneste__isnull=False,
                    )
                    | models.Q(
                        action__in=[Endring.FLAG_SET, Endring.FLAG_CLEARED],
                        role__in=Rolleflagg.values,
                        tjeneste__isnull=True,
                    )
                ),
                name="rolleendring_role_matches_action",
            )
        ]

    def __str__(self) -> str:
        at = timezone.localtime(self.at)
        what = f"{self.get_action_display()}: {self.get_role_display()}"
        return f"{at:%d.%m.%Y %H:%M} {self.user} – {what}"
