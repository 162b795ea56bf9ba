from django.db import models
from django.urls import reverse
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from bts_portal.choices import CaseMode
from bts_portal.content.fields import (
    DESCRIPTION,
    HOW_OFTEN,
    MANDATE,
    NAME,
    SUMMARY,
    translated_char,
    translated_text,
)
from bts_portal.content.models import PublishableContent
from organisasjon.models import AGE_MAX, AGE_PREGNANCY, Tjeneste, age_range_display


class Tema(models.Model):
    """A theme in the catalogue's managed list (psykisk helse, skolefravær, …)."""

    title, title_nn, title_en = translated_char(NAME, max_length=100, unique=True)
    slug = models.SlugField(_("short name in addresses"), max_length=60, unique=True)
    order = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = ["order", "title"]

    def __str__(self) -> str:
        return self.title


# BTI levels 0–3 as form choices; format_lazy keeps the label translated per request
# (a % on a lazy string would fix it in whatever language was active at import).
LEVEL_CHOICES = [(str(n), format_lazy("{} {}", _("Level"), n)) for n in range(4)]


class Tilgang(models.TextChoices):
    """How a family gets the measure."""

    LAVTERSKEL = "lavterskel", _("Just come (no referral)")
    HENVISNING = "henvisning", _("Referral")
    VEDTAK = "vedtak", _("Decision")


class Malgruppe(models.TextChoices):
    BARN = "barn", _("Children")
    UNGDOM = "ungdom", _("Young people")
    FORESATTE = "foresatte", _("Guardians")
    FAMILIE = "familie", _("Families")
    GRUPPE = "gruppe", _("Groups")


class Tiltak(PublishableContent):
    """A measure a service offers: a course, a group, a follow-up, an assessment."""

    tjeneste = models.ForeignKey(
        Tjeneste, on_delete=models.PROTECT, related_name="tiltak", verbose_name=_("service")
    )
    title, title_nn, title_en = translated_char(NAME, max_length=200)
    slug = models.SlugField(_("short name in addresses"), max_length=100, unique=True)
    summary, summary_nn, summary_en = translated_text(SUMMARY, max_length=400)
    body, body_nn, body_en = translated_text(DESCRIPTION, blank=True, help_text=_("Markdown."))
    age_min = models.SmallIntegerField(
        _("youngest age"), default=AGE_PREGNANCY, help_text=_("In years; -1 means from pregnancy.")
    )
    age_max = models.SmallIntegerField(_("oldest age"), default=AGE_MAX)
    target_groups = models.JSONField(_("for whom"), default=list, blank=True)
    themes = models.ManyToManyField(
        Tema, blank=True, related_name="tiltak", verbose_name=_("themes")
    )
    level_0 = models.BooleanField(_("level 0"), default=False)
    level_1 = models.BooleanField(_("level 1"), default=False)
    level_2 = models.BooleanField(_("level 2"), default=False)
    level_3 = models.BooleanField(_("level 3"), default=False)
    access = models.CharField(_("how to get it"), max_length=12, choices=Tilgang.choices)
    cost, cost_nn, cost_en = translated_char(
        (_("cost"), _("cost (nynorsk)"), _("cost (English)")),
        max_length=200,
        blank=True,
        default="",
    )
    place, place_nn, place_en = translated_char(
        (_("where"), _("where (nynorsk)"), _("where (English)")),
        max_length=200,
        blank=True,
        default="",
    )
    languages, languages_nn, languages_en = translated_char(
        (
            _("languages offered"),
            _("languages offered (nynorsk)"),
            _("languages offered (English)"),
        ),
        max_length=200,
        blank=True,
        default="",
    )
    # A person's name: not translated, and shown with no language (translate="no").
    contact_name = models.CharField(_("contact person"), max_length=200, blank=True, default="")
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True, default="")
    contact_email = models.EmailField(_("contact e-mail"), blank=True, default="")

    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        verbose_name = _("measure")
        verbose_name_plural = _("measures")
        ordering = ["title", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(age_min__gte=AGE_PREGNANCY)
                & models.Q(age_max__lte=AGE_MAX)
                & models.Q(age_min__lte=models.F("age_max")),
                name="tiltak_age_range_valid",
            )
        ]
        indexes = [models.Index(fields=["status", "age_min", "age_max"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("tiltak:detail", kwargs={"slug": self.slug})

    def age_range_display(self) -> str:
        return age_range_display(self.age_min, self.age_max)

    @property
    def levels(self) -> list[int]:
        return [n for n in range(4) if getattr(self, f"level_{n}")]

    def target_group_labels(self) -> list[str]:
        labels = dict(Malgruppe.choices)
        return [str(labels[g]) for g in self.target_groups if g in labels]


# A meeting place always discusses cases, anonymously and/or with consent.
MEETING_CASE_MODES = [(value, label) for value, label in CaseMode.choices if value]


class Moteplass(PublishableContent):
    """An interdisciplinary meeting place (forebyggende forum, tverrfaglig team, …)."""

    title, title_nn, title_en = translated_char(NAME, max_length=200)
    slug = models.SlugField(_("short name in addresses"), max_length=100, unique=True)
    summary, summary_nn, summary_en = translated_text(MANDATE, max_length=600)
    body, body_nn, body_en = translated_text(
        (_("more about the meeting place"), _("more (nynorsk)"), _("more (English)")),
        blank=True,
        default="",
    )
    participating_services = models.ManyToManyField(
        Tjeneste, blank=True, related_name="moteplasser", verbose_name=_("participating services")
    )
    frequency, frequency_nn, frequency_en = translated_char(
        HOW_OFTEN, max_length=200, blank=True, default=""
    )
    contact_name = models.CharField(_("contact person"), max_length=200, blank=True, default="")
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True, default="")
    contact_email = models.EmailField(_("contact e-mail"), blank=True, default="")
    case_mode = models.CharField(
        _("how cases are discussed"), max_length=10, choices=MEETING_CASE_MODES
    )
    element = models.ForeignKey(
        "samhandling.Element",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="moteplasser",
        verbose_name=_("the arena in the model"),
        limit_choices_to={"type": "samhandlingsarena"},
    )

    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        verbose_name = _("meeting place")
        verbose_name_plural = _("meeting places")
        ordering = ["order", "title"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("tiltak:moteplass", kwargs={"slug": self.slug})
