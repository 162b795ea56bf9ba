from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

# Audience and CaseMode are shared with the guide and the catalogue; imported here under
# their old names too.
from bts_portal.choices import Audience, CaseMode
from bts_portal.content.fields import (
    HOW_OFTEN,
    MANDATE,
    SUMMARY,
    TEXT,
    TITLE,
    translated_char,
    translated_text,
)
from bts_portal.content.models import PublishableContent
from organisasjon.models import Tjeneste


class Nivaa(models.TextChoices):
    """The three fixed levels of the collaboration model."""

    KOMMUNE = "kommune", _("Municipal level")
    TJENESTE = "tjeneste", _("Service level")
    INDIVID = "individ", _("Individual level")


class ElementType(models.TextChoices):
    PLAN = "plan", _("Plan or guideline")
    VERKTOY = "verktoy", _("Tool")
    RUTINE = "rutine", _("Routine")
    SAMHANDLINGSARENA = "samhandlingsarena", _("Collaboration arena")
    DOKUMENTASJON = "dokumentasjon", _("Documentation")
    EVALUERING = "evaluering", _("Evaluation")
    BRUKERMEDVIRKNING = "brukermedvirkning", _("User participation")


class Element(PublishableContent):
    """A plan, tool, routine, arena or cross-cutting theme on one level of the model."""

    nivaa = models.CharField(_("level"), max_length=10, choices=Nivaa.choices)
    type = models.CharField(_("type"), max_length=20, choices=ElementType.choices)
    title, title_nn, title_en = translated_char(TITLE, max_length=200)
    slug = models.SlugField(_("short name in addresses"), max_length=100, unique=True)
    summary, summary_nn, summary_en = translated_text(SUMMARY, max_length=500)
    body, body_nn, body_en = translated_text(TEXT, blank=True, help_text=_("Markdown."))
    owner_tjeneste = models.ForeignKey(
        Tjeneste,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="model_elements",
        verbose_name=_("owner"),
        help_text=_("The service that owns the element; empty means the BTS coordinator."),
    )
    responsible_role, responsible_role_nn, responsible_role_en = translated_char(
        (_("responsible role"), _("responsible role (nynorsk)"), _("responsible role (English)")),
        max_length=200,
        blank=True,
    )
    audience = models.CharField(
        _("audience"), max_length=10, choices=Audience.choices, default=Audience.PUBLIC
    )
    # For collaboration arenas (samhandlingsarena):
    mandate, mandate_nn, mandate_en = translated_text(MANDATE, blank=True)
    convened_by, convened_by_nn, convened_by_en = translated_char(
        (_("convened by"), _("convened by (nynorsk)"), _("convened by (English)")),
        max_length=200,
        blank=True,
    )
    participating_services = models.ManyToManyField(
        Tjeneste, blank=True, related_name="arenas", verbose_name=_("participating services")
    )
    frequency, frequency_nn, frequency_en = translated_char(HOW_OFTEN, max_length=200, blank=True)
    case_mode = models.CharField(
        _("how a case is brought"), max_length=10, choices=CaseMode.choices, blank=True, default=""
    )

    history = HistoricalRecords(excluded_fields=["updated_at"])
    order_scope = ("nivaa",)

    class Meta:
        verbose_name = _("model element")
        verbose_name_plural = _("model elements")
        ordering = ["nivaa", "order", "pk"]
        indexes = [models.Index(fields=["status", "audience", "nivaa", "order"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("samhandling:element", kwargs={"slug": self.slug})

    @property
    def is_arena(self) -> bool:
        return self.type == ElementType.SAMHANDLINGSARENA


class ElementLenke(models.Model):
    element = models.ForeignKey(Element, on_delete=models.CASCADE, related_name="links")
    title, title_nn, title_en = translated_char(
        (_("link text"), _("link text (nynorsk)"), _("link text (English)")), max_length=200
    )
    url = models.URLField(_("address"), max_length=500)
    order = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("link")
        verbose_name_plural = _("links")
        ordering = ["order", "pk"]

    def __str__(self) -> str:
        return self.title


def attachment_path(instance, filename: str) -> str:
    return f"samhandling/{instance.element_id}/{filename}"


class Vedlegg(models.Model):
    """A document attached to an element, served only through a view that checks access."""

    element = models.ForeignKey(Element, on_delete=models.CASCADE, related_name="attachments")
    title, title_nn, title_en = translated_char(TITLE, max_length=200)
    file = models.FileField(_("file"), upload_to=attachment_path)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["title", "pk"]

    def __str__(self) -> str:
        return self.title

    @property
    def extension(self) -> str:
        return (self.file.name or "").rsplit(".", 1)[-1].upper()


class Side(PublishableContent):
    """A public page the coordinator writes, e.g. "Er du bekymret for et barn?"."""

    slug = models.SlugField(_("short name in addresses"), max_length=100, unique=True)
    title, title_nn, title_en = translated_char(TITLE, max_length=200)
    summary, summary_nn, summary_en = translated_text(SUMMARY, max_length=500)
    body, body_nn, body_en = translated_text(TEXT, help_text=_("Markdown."))

    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        verbose_name = _("page")
        verbose_name_plural = _("pages")
        ordering = ["order", "title"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("samhandling:side", kwargs={"slug": self.slug})


class ReviewReminder(models.Model):
    """One reminder e-mail per element per review date, so the task can run any number of times."""

    element = models.ForeignKey(Element, on_delete=models.CASCADE, related_name="reminders")
    review_due = models.DateField()
    sent_at = models.DateTimeField(auto_now_add=True)
    recipients = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["element", "review_due"], name="one_reminder_per_review_cycle"
            )
        ]

    def __str__(self) -> str:
        return f"{self.element} – {self.review_due:%d.%m.%Y}"


class Begrep(PublishableContent):
    """A word of the model explained in plain language, in the public glossary (ordliste).

    Pages link the first place each word appears to its entry (``samhandling.glossary``)."""

    term, term_nn, term_en = translated_char(
        (_("word"), _("word (nynorsk)"), _("word (English)")), max_length=100
    )
    slug = models.SlugField(_("short name in addresses"), max_length=100, unique=True)
    explanation, explanation_nn, explanation_en = translated_text(
        (_("explanation"), _("explanation (nynorsk)"), _("explanation (English)")), max_length=1000
    )
    variants = models.CharField(
        _("other forms of the word"),
        max_length=500,
        blank=True,
        default="",
        help_text=_(
            "Separated by commas, e.g. “stafettholderen, stafettholdere”: these forms are linked "
            "to the explanation too."
        ),
    )

    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        verbose_name = _("glossary word")
        verbose_name_plural = _("glossary")
        ordering = ["term"]

    def __str__(self) -> str:
        return self.term

    def get_absolute_url(self) -> str:
        return reverse("samhandling:glossary") + f"#{self.slug}"

    def forms(self) -> list[str]:
        """Every form of the word that pages link to this entry, longest first."""
        words = [self.term, self.term_nn, self.term_en, *self.variants.split(",")]
        unique = {w.strip().lower(): w.strip() for w in words if w.strip()}
        return sorted(unique.values(), key=len, reverse=True)


class Gjentakelse(models.TextChoices):
    """How an event of the årshjul recurs; each maps to one RFC 5545 recurrence rule."""

    ONCE = "once", _("Once")
    YEARLY = "yearly", _("Every year on the same date")
    MONTHLY = "monthly", _("Every month, or every few months, on the same day")
    WEEKDAY = "weekday", _("On a weekday of the month, e.g. the first Tuesday in March")


class Ukedag(models.IntegerChoices):
    MONDAY = 0, _("Monday")
    TUESDAY = 1, _("Tuesday")
    WEDNESDAY = 2, _("Wednesday")
    THURSDAY = 3, _("Thursday")
    FRIDAY = 4, _("Friday")
    SATURDAY = 5, _("Saturday")
    SUNDAY = 6, _("Sunday")


class UkeIManeden(models.IntegerChoices):
    FIRST = 1, _("first")
    SECOND = 2, _("second")
    THIRD = 3, _("third")
    FOURTH = 4, _("fourth")
    LAST = -1, _("last")


class Arshjulhendelse(models.Model):
    """A recurring date of the årshjul the coordinator keeps: meetings of the BTS forum, the
    annual report's deadline, the yearly review of the model. ``samhandling.arshjul_rules``
    turns the fields into the recurrence rule that both the year view and the feed use."""

    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True, max_length=2000)
    recurrence = models.CharField(
        _("recurrence"), max_length=10, choices=Gjentakelse.choices, default=Gjentakelse.YEARLY
    )
    start = models.DateField(
        _("first date"),
        help_text=_("The first time it happens. The rule counts from here."),
    )
    interval = models.PositiveSmallIntegerField(
        _("every how many months"),
        default=1,
        blank=True,
        help_text=_("For events on the same day of the month: 1 is every month, 3 every quarter."),
    )
    weekday = models.PositiveSmallIntegerField(
        _("weekday"), choices=Ukedag.choices, null=True, blank=True
    )
    week_of_month = models.SmallIntegerField(
        _("which one in the month"), choices=UkeIManeden.choices, null=True, blank=True
    )
    # Comma-separated month numbers ("3,9") for the weekday rule; empty means every month.
    months = models.CharField(_("months"), max_length=40, blank=True, default="")
    until = models.DateField(
        _("last date"), null=True, blank=True, help_text=_("Empty: it goes on every year.")
    )
    link = models.URLField(_("link"), max_length=500, blank=True)
    remind_days_before = models.PositiveSmallIntegerField(
        _("reminder, days before"),
        null=True,
        blank=True,
        help_text=_("The BTS coordinators get an e-mail this many days before. Empty: none."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("annual cycle event")
        verbose_name_plural = _("annual cycle events")
        ordering = ["start", "title", "pk"]

    def __str__(self) -> str:
        return self.title

    @property
    def month_numbers(self) -> list[int]:
        return [int(m) for m in self.months.split(",") if m.strip()]


class ArshjulhendelseReminder(models.Model):
    """One reminder per event per date, so the task can run any number of times."""

    event = models.ForeignKey(Arshjulhendelse, on_delete=models.CASCADE, related_name="reminders")
    occurrence = models.DateField()
    sent_at = models.DateTimeField(auto_now_add=True)
    recipients = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["event", "occurrence"], name="one_reminder_per_event_date"
            )
        ]

    def __str__(self) -> str:
        return f"{self.event} – {self.occurrence:%d.%m.%Y}"


class ArshjulFeedToken(models.Model):
    """The secret address of one coordinator's calendar feed. Calendar apps cannot log in, so
    the address itself is the credential: only its SHA-256 is stored, and a new one replaces
    the old (the old address then answers 404)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="arshjul_feed_token"
    )
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"{self.user} – {self.created_at:%d.%m.%Y}"
