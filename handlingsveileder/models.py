"""The BTI action guide: four levels, their ordered steps, the tools the steps use, the signs
to look for, and thematic guides that say when to skip the levels and report at once.

Text fields come in bokmål with optional nynorsk (``_nn``) and English (``_en``) versions.
"""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from bts_portal.choices import Audience
from bts_portal.content.fields import SUMMARY, TEXT, TITLE, translated_char, translated_text
from bts_portal.content.models import PublishableContent


class Niva(PublishableContent):
    """One of the four fixed BTI levels (0–3) with its purpose."""

    number = models.PositiveSmallIntegerField(
        _("level"), unique=True, choices=[(n, str(n)) for n in range(4)]
    )
    title, title_nn, title_en = translated_char(TITLE, max_length=200)
    summary, summary_nn, summary_en = translated_text(
        (_("purpose"), _("purpose (nynorsk)"), _("purpose (English)"))
    )
    body, body_nn, body_en = translated_text(
        (
            _("for guardians and young people"),
            _("for the family (nynorsk)"),
            _("for the family (English)"),
        ),
        blank=True,
        help_text=_("Markdown. What happens at this level, told to the family."),
    )

    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        verbose_name = _("level")
        verbose_name_plural = _("levels")
        ordering = ["number"]

    def __str__(self) -> str:
        return f"{self.number} – {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("veileder:level", kwargs={"number": self.number})


class DocumentType(models.TextChoices):
    """The documents a case log makes from a tool's text (``handlingsveileder.documents``)."""

    CONSENT = "samtykke", _("Consent form")
    ACTION_PLAN = "handlingsplan", _("Action plan")
    INVITATION = "innkalling", _("Meeting invitation")
    MINUTES = "referat", _("Meeting minutes")
    EVALUATION = "evaluering", _("Evaluation form")
    CLOSING = "avslutning", _("Closing summary")


class Verktoy(PublishableContent):
    """A tool: a samhandling element of type verktøy, a downloadable template, a document the
    case log fills in (``document`` and ``template``), or several of these."""

    title, title_nn, title_en = translated_char(TITLE, max_length=200)
    slug = models.SlugField(_("short name in addresses"), max_length=100, unique=True)
    summary, summary_nn, summary_en = translated_text(SUMMARY, max_length=500)
    element = models.ForeignKey(
        "samhandling.Element",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="guide_tools",
        verbose_name=_("the tool in the model"),
        limit_choices_to={"type": "verktoy"},
    )
    file = models.FileField(_("template"), upload_to="veileder/", blank=True)
    content_type = models.CharField(max_length=100, blank=True, default="")
    size = models.PositiveIntegerField(default=0)
    audience = models.CharField(
        _("audience"), max_length=10, choices=Audience.choices, default=Audience.PUBLIC
    )
    document = models.CharField(
        _("document made from the case log"),
        max_length=20,
        choices=DocumentType.choices,
        blank=True,
        default="",
        help_text=_("Cases print this tool pre-filled; the public page offers it blank."),
    )
    template, template_nn, template_en = translated_text(
        (_("document text"), _("document text (nynorsk)"), _("document text (English)")),
        blank=True,
        default="",
        help_text=_(
            "Markdown with named fields in double braces, e.g. {{ barnets_navn }}. "
            "Leave empty to use the portal's standard text."
        ),
    )

    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        verbose_name = _("tool")
        verbose_name_plural = _("tools")
        ordering = ["title"]
        constraints = [
            models.UniqueConstraint(
                fields=["document"],
                condition=~models.Q(document=""),
                name="one_tool_per_document",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("veileder:tool", kwargs={"slug": self.slug})

    @property
    def extension(self) -> str:
        return (self.file.name or "").rsplit(".", 1)[-1].upper() if self.file else ""


class DoneBy(models.TextChoices):
    """What in a case (or a concern) does a step, so that doing it ticks the step. The values
    are the case log's entry kinds, and ``drofting`` for the talk with a leader at level 0."""

    NOTHING = "", _("Ticked by hand")
    OBSERVATION = "observasjon", _("An observation is written")
    DISCUSSION = "drofting", _("The concern is discussed with a leader or colleague")
    CONVERSATION = "samtale", _("A conversation is written")
    CONSENT = "samtykke", _("A consent is recorded")
    MEASURE = "tiltak", _("A measure is added")
    MEETING = "mote", _("A meeting is written")
    EVALUATION = "evaluering", _("An evaluation is written")


class Trinn(PublishableContent):
    """A step in a level, written as what / how / who / tools, plus what to document and how
    the child and guardians take part. ``key`` never changes once the step exists: case logs
    record which steps they have done by it."""

    niva = models.ForeignKey(
        Niva, on_delete=models.PROTECT, related_name="steps", verbose_name=_("level")
    )
    key = models.SlugField(
        _("stable identifier"),
        max_length=60,
        unique=True,
        help_text=_("Used by the case logs' checklists; cannot be changed once saved."),
    )
    title, title_nn, title_en = translated_char(TITLE, max_length=200)
    summary, summary_nn, summary_en = translated_text(
        (_("what to do"), _("what to do (nynorsk)"), _("what to do (English)"))
    )
    body, body_nn, body_en = translated_text(
        (_("how"), _("how (nynorsk)"), _("how (English)")), blank=True, help_text=_("Markdown.")
    )
    responsible, responsible_nn, responsible_en = translated_char(
        (_("who is responsible"), _("who (nynorsk)"), _("who (English)")), max_length=200
    )
    documentation, documentation_nn, documentation_en = translated_text(
        (_("what to document"), _("document (nynorsk)"), _("document (English)")), blank=True
    )
    participation, participation_nn, participation_en = translated_text(
        (
            _("how the child and guardians take part"),
            _("take part (nynorsk)"),
            _("take part (English)"),
        ),
        blank=True,
    )
    deadline_days = models.PositiveSmallIntegerField(
        _("deadline in days"),
        null=True,
        blank=True,
        help_text=_("Days from the start of the level; the case log reminds before it passes."),
    )
    done_by = models.CharField(
        _("done when"),
        max_length=12,
        choices=DoneBy.choices,
        blank=True,
        default="",
        help_text=_("What in the case ticks this step by itself."),
    )
    tools = models.ManyToManyField(
        Verktoy, blank=True, related_name="steps", verbose_name=_("tools")
    )

    history = HistoricalRecords(excluded_fields=["updated_at"])
    order_scope = ("niva",)

    class Meta:
        verbose_name = _("step")
        verbose_name_plural = _("steps")
        ordering = ["niva__number", "order", "pk"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("veileder_staff:step", kwargs={"key": self.key})


class AgeGroup(models.TextChoices):
    SMALL = "0-5", _("0–5 years")
    CHILD = "6-12", _("6–12 years")
    TEEN = "13-18", _("13–18 years")
    YOUNG_ADULT = "18-25", _("18–25 years")


class Tegn(PublishableContent):
    """A sign an employee may notice, by age group and theme, in the child or in the adults."""

    class Seen(models.TextChoices):
        CHILD = "barn", _("In the child")
        ADULTS = "voksne", _("In the adults around the child")

    age_group = models.CharField(_("age group"), max_length=6, choices=AgeGroup.choices)
    tema = models.ForeignKey(
        "tiltaksoversikt.Tema",
        on_delete=models.PROTECT,
        related_name="signs",
        verbose_name=_("theme"),
    )
    seen_in = models.CharField(_("seen in"), max_length=10, choices=Seen.choices)
    title, title_nn, title_en = translated_char(
        (_("sign"), _("sign (nynorsk)"), _("sign (English)")), max_length=300
    )

    history = HistoricalRecords(excluded_fields=["updated_at"])
    order_scope = ("age_group", "tema")

    class Meta:
        verbose_name = _("sign")
        verbose_name_plural = _("signs")
        ordering = ["age_group", "tema__order", "order", "pk"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("veileder:signs") + f"#alder-{self.age_group}"


class TemaVeileder(PublishableContent):
    """A thematic guide (vold og overgrep, rus i familien, …): when to leave the levels."""

    title, title_nn, title_en = translated_char(TITLE, max_length=200)
    slug = models.SlugField(_("short name in addresses"), max_length=100, unique=True)
    summary, summary_nn, summary_en = translated_text(SUMMARY, max_length=500)
    body, body_nn, body_en = translated_text(TEXT, help_text=_("Markdown."))
    report_at_once = models.BooleanField(
        _("report at once"),
        default=False,
        help_text=_(
            "Shown prominently: do not follow the levels, contact child welfare or the "
            "police at once, without talking to the guardians first."
        ),
    )

    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        verbose_name = _("thematic guide")
        verbose_name_plural = _("thematic guides")
        ordering = ["order", "title"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("veileder:theme", kwargs={"slug": self.slug})
