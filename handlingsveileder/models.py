"""The BTI action guide: four levels, their ordered steps, the tools the steps use, the signs
to look for, and thematic guides that say when to skip the levels and report at once.

Text fields come in bokmål with optional nynorsk (``_nn``) and English (``_en``) versions.
"""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from bts_portal.content.models import PublishableContent
from samhandling.models import Audience


class Niva(PublishableContent):
    """One of the four fixed BTI levels (0–3) with its purpose."""

    number = models.PositiveSmallIntegerField(
        _("level"), unique=True, choices=[(n, str(n)) for n in range(4)]
    )
    title = models.CharField(_("title"), max_length=200)
    title_nn = models.CharField(_("title (nynorsk)"), max_length=200, blank=True, default="")
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True, default="")
    summary = models.TextField(_("purpose"))
    summary_nn = models.TextField(_("purpose (nynorsk)"), blank=True, default="")
    summary_en = models.TextField(_("purpose (English)"), blank=True, default="")
    body = models.TextField(
        _("for guardians and young people"),
        blank=True,
        help_text=_("Markdown. What happens at this level, told to the family."),
    )
    body_nn = models.TextField(_("for the family (nynorsk)"), blank=True, default="")
    body_en = models.TextField(_("for the family (English)"), blank=True, default="")

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

    title = models.CharField(_("title"), max_length=200)
    title_nn = models.CharField(_("title (nynorsk)"), max_length=200, blank=True, default="")
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True, default="")
    slug = models.SlugField(_("short name in addresses"), max_length=100, unique=True)
    summary = models.TextField(_("summary"), max_length=500)
    summary_nn = models.TextField(_("summary (nynorsk)"), max_length=500, blank=True, default="")
    summary_en = models.TextField(_("summary (English)"), max_length=500, blank=True, default="")
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
    template = models.TextField(
        _("document text"),
        blank=True,
        default="",
        help_text=_(
            "Markdown with named fields in double braces, e.g. {{ barnets_navn }}. "
            "Leave empty to use the portal's standard text."
        ),
    )
    template_nn = models.TextField(_("document text (nynorsk)"), blank=True, default="")
    template_en = models.TextField(_("document text (English)"), blank=True, default="")

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
        return self.file.name.rsplit(".", 1)[-1].upper() if self.file else ""


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
    title = models.CharField(_("title"), max_length=200)
    title_nn = models.CharField(_("title (nynorsk)"), max_length=200, blank=True, default="")
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True, default="")
    summary = models.TextField(_("what to do"))
    summary_nn = models.TextField(_("what to do (nynorsk)"), blank=True, default="")
    summary_en = models.TextField(_("what to do (English)"), blank=True, default="")
    body = models.TextField(_("how"), blank=True, help_text=_("Markdown."))
    body_nn = models.TextField(_("how (nynorsk)"), blank=True, default="")
    body_en = models.TextField(_("how (English)"), blank=True, default="")
    responsible = models.CharField(_("who is responsible"), max_length=200)
    responsible_nn = models.CharField(_("who (nynorsk)"), max_length=200, blank=True, default="")
    responsible_en = models.CharField(_("who (English)"), max_length=200, blank=True, default="")
    documentation = models.TextField(_("what to document"), blank=True)
    documentation_nn = models.TextField(_("document (nynorsk)"), blank=True, default="")
    documentation_en = models.TextField(_("document (English)"), blank=True, default="")
    participation = models.TextField(_("how the child and guardians take part"), blank=True)
    participation_nn = models.TextField(_("take part (nynorsk)"), blank=True, default="")
    participation_en = models.TextField(_("take part (English)"), blank=True, default="")
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
    title = models.CharField(_("sign"), max_length=300)
    title_nn = models.CharField(_("sign (nynorsk)"), max_length=300, blank=True, default="")
    title_en = models.CharField(_("sign (English)"), max_length=300, blank=True, default="")

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

    title = models.CharField(_("title"), max_length=200)
    title_nn = models.CharField(_("title (nynorsk)"), max_length=200, blank=True, default="")
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True, default="")
    slug = models.SlugField(_("short name in addresses"), max_length=100, unique=True)
    summary = models.TextField(_("summary"), max_length=500)
    summary_nn = models.TextField(_("summary (nynorsk)"), max_length=500, blank=True, default="")
    summary_en = models.TextField(_("summary (English)"), max_length=500, blank=True, default="")
    body = models.TextField(_("text"), help_text=_("Markdown."))
    body_nn = models.TextField(_("text (nynorsk)"), blank=True, default="")
    body_en = models.TextField(_("text (English)"), blank=True, default="")
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
