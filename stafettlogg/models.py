"""Case logs for one child (stafettlogg), the concerns that come before them (undring), the
guardians' consent that gates them, and the access log that records every read and write.

Entries and the access log are append-only: a correction is a new entry pointing to the one
it corrects, and the application never updates or deletes an access-log row.
"""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bts_portal.append_only import AppendOnlyError, AppendOnlyModel  # noqa: F401 - re-exported
from bts_portal.jobs import DocumentJob
from organisasjon.models import Tjeneste

LEVELS = [(1, _("Level 1")), (2, _("Level 2")), (3, _("Level 3"))]


class Undring(models.Model):
    """Level 0: an employee wonders about a child. Minimal data; the child may be anonymous."""

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        CLOSED = "closed", _("Closed")
        ESCALATED = "escalated", _("Became a case log")

    tjeneste = models.ForeignKey(
        Tjeneste, on_delete=models.PROTECT, related_name="undringer", verbose_name=_("service")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="undringer",
        verbose_name=_("registered by"),
    )
    child_initials = models.CharField(_("child's initials"), max_length=6, blank=True)
    child_age = models.PositiveSmallIntegerField(_("child's age"), null=True, blank=True)
    observation = models.TextField(_("what you have observed"))
    discussed_with = models.CharField(
        _("discussed with (leader or colleague)"), max_length=200, blank=True
    )
    discussed_on = models.DateField(_("discussed on"), null=True, blank=True)
    conversation_on = models.DateField(
        _("the necessary conversation held on"), null=True, blank=True
    )
    conversation_notes = models.TextField(_("what you agreed in the conversation"), blank=True)
    done_steps = models.JSONField(default=list, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    closed_reason = models.TextField(_("why it is closed"), blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("concern (undring)")
        verbose_name_plural = _("concerns (undringer)")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["tjeneste", "status"])]

    def __str__(self) -> str:
        return f"Undring {self.pk}"

    def get_absolute_url(self) -> str:
        return reverse("stafettlogg:undring", kwargs={"pk": self.pk})

    @property
    def is_anonymous(self) -> bool:
        return not self.child_initials and self.child_age is None

    @property
    def decision_due(self):
        return (self.created_at + timedelta(days=settings.UNDRING_DECISION_DAYS)).date()


class Stafettlogg(models.Model):
    """The case log for one child at levels 1–3."""

    class Status(models.TextChoices):
        ACTIVE = "active", _("Active")
        CLOSED = "closed", _("Closed")

    child_name = models.CharField(_("child's name"), max_length=200)
    child_birth_date = models.DateField(_("child's date of birth"))
    level = models.PositiveSmallIntegerField(_("level"), choices=LEVELS, default=1)
    # The level the case was opened at: the flow from level 0 in the statistics.
    start_level = models.PositiveSmallIntegerField(choices=LEVELS, default=1)
    stafettholder = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="held_cases",
        verbose_name=_("baton holder"),
    )
    tjeneste = models.ForeignKey(
        Tjeneste,
        on_delete=models.PROTECT,
        related_name="cases",
        verbose_name=_("the baton holder's service"),
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.ACTIVE)
    level_started_on = models.DateField(default=timezone.localdate)
    next_evaluation = models.DateField(_("next evaluation"), null=True, blank=True)
    opened_at = models.DateTimeField(auto_now_add=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    undring = models.OneToOneField(
        Undring, on_delete=models.SET_NULL, null=True, blank=True, related_name="stafettlogg"
    )
    anonymised = models.BooleanField(default=False)
    # The opening form's one-time token: the same form sent twice opens one case.
    request_token = models.UUIDField(null=True, blank=True, unique=True, editable=False)

    class Meta:
        verbose_name = _("case log (stafettlogg)")
        verbose_name_plural = _("case logs (stafettlogger)")
        ordering = ["-opened_at"]
        indexes = [
            models.Index(fields=["tjeneste", "status"]),
            models.Index(fields=["status", "next_evaluation"]),
        ]

    def __str__(self) -> str:
        return f"Stafettlogg {self.pk}"

    def get_absolute_url(self) -> str:
        return reverse("stafettlogg:case", kwargs={"pk": self.pk})

    @property
    def child_initials(self) -> str:
        return "".join(part[0] for part in self.child_name.split() if part)[:4].upper()

    @property
    def is_active(self) -> bool:
        return self.status == self.Status.ACTIVE


class Foresatt(models.Model):
    """A party of the case on the family's side: a guardian, or the young person themself.

    The young person from ``CONSENT_AGE`` is a party of their own (issue 20): invited to My
    page, linked with ID-porten and answering consent requests as a guardian does. They are a
    row here with ``party = YOUNG_PERSON`` (never with parental responsibility) rather than a
    table of their own, so that invitations, links, answers, receipts, the access log's
    citizen column and retention (CASCADE, and ``bts_delete_case`` deleting every row of the
    case) hold for them unchanged. Lists of *guardians* filter on ``party``; the consent rules
    ask ``digital_consent.required_parties``. A case has at most one young-person row.
    """

    class Party(models.TextChoices):
        GUARDIAN = "foresatt", _("Guardian")
        YOUNG_PERSON = "ungdom", _("The young person")

    stafettlogg = models.ForeignKey(Stafettlogg, on_delete=models.CASCADE, related_name="guardians")
    party = models.CharField(max_length=10, choices=Party.choices, default=Party.GUARDIAN)
    name = models.CharField(_("name"), max_length=200)
    relation = models.CharField(_("relation to the child"), max_length=100, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    parental_responsibility = models.BooleanField(_("has parental responsibility"), default=True)

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["stafettlogg"],
                condition=models.Q(party="ungdom"),
                name="one_young_person_per_case",
            )
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_young_person(self) -> bool:
        return self.party == self.Party.YOUNG_PERSON


class Samtykke(models.Model):
    """Consent (or refusal) to share information between the named services."""

    class Method(models.TextChoices):
        WRITTEN = "skriftlig", _("Signed form")
        ORAL = "muntlig", _("Given orally in a meeting, recorded by the employee")
        DIGITAL = "digital", _("Given digitally on My page (ID-porten)")

    class ChildBasis(models.TextChoices):
        NONE = "", _("The child does not consent on its own")
        HEALTH = "helse16", _("Health matters, from 16")
        CHILD_WELFARE = "barnevern15", _("Party in child welfare, from 15")
        OTHER = "annet", _("Other legal basis")

    # Deleted with the case (retention); until then a consent is never removed.
    stafettlogg = models.ForeignKey(
        Stafettlogg, on_delete=models.CASCADE, null=True, blank=True, related_name="consents"
    )
    undring = models.ForeignKey(
        Undring, on_delete=models.SET_NULL, null=True, blank=True, related_name="consents"
    )
    given_by = models.TextField(_("given by (each guardian with parental responsibility)"))
    child_view = models.TextField(_("the child's own view"), blank=True)
    child_basis = models.CharField(
        _("the child's own consent"),
        max_length=12,
        choices=ChildBasis.choices,
        blank=True,
        default="",
    )
    method = models.CharField(_("how"), max_length=10, choices=Method.choices)
    document = models.FileField(_("signed form (PDF)"), upload_to="samtykke/", blank=True)
    given_on = models.DateField(_("date"), default=timezone.localdate)
    valid_until = models.DateField(_("valid until"))
    services = models.ManyToManyField(
        Tjeneste, related_name="consents", verbose_name=_("services it covers")
    )
    refused = models.BooleanField(_("the guardians said no"), default=False)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)
    withdrawn_reason = models.TextField(_("about the withdrawal"), blank=True)
    # A digital consent: the ID-porten levels (acr) the parties logged in with.
    auth_level = models.CharField(_("authentication level"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("consent")
        verbose_name_plural = _("consents")
        ordering = ["-given_on", "-pk"]

    def __str__(self) -> str:
        return f"Samtykke {self.pk}"


class Deltaker(models.Model):
    """A user taking part in a case, on behalf of one service the consent covers."""

    stafettlogg = models.ForeignKey(
        Stafettlogg, on_delete=models.CASCADE, related_name="participants"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="case_participations"
    )
    tjeneste = models.ForeignKey(Tjeneste, on_delete=models.PROTECT, related_name="+")
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
    added_at = models.DateTimeField(auto_now_add=True)
    removed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["added_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["stafettlogg", "user"],
                condition=models.Q(removed_at__isnull=True),
                name="one_active_participation",
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} ({self.tjeneste})"


class Innslag(AppendOnlyModel):
    """An entry in the case log's timeline. Never changed: corrections are new entries."""

    class Kind(models.TextChoices):
        OBSERVATION = "observasjon", _("Observation")
        CONVERSATION = "samtale", _("Conversation")
        MEETING = "mote", _("Meeting")
        MEASURE = "tiltak", _("Measure")
        EVALUATION = "evaluering", _("Evaluation")
        LEVEL = "niva", _("Level change")
        HANDOVER = "overforing", _("Hand-over")
        PARTICIPANT = "deltaker", _("Participant added")
        CONSENT = "samtykke", _("Consent")
        REPORT = "melding", _("Report to child welfare")
        CLOSURE = "avslutning", _("Closure")
        CORRECTION = "korrigering", _("Correction")
        FAMILY = "familie", _("The family's view")

    stafettlogg = models.ForeignKey(Stafettlogg, on_delete=models.CASCADE, related_name="entries")
    kind = models.CharField(max_length=12, choices=Kind.choices)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
    author_tjeneste = models.ForeignKey(
        Tjeneste, on_delete=models.PROTECT, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    text = models.TextField(_("text"), blank=True)
    corrects = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="corrections"
    )
    # Meetings
    attendees = models.TextField(_("who attended"), blank=True)
    # Measures
    tiltak = models.ForeignKey(
        "tiltaksoversikt.Tiltak",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("from the catalogue"),
    )
    title = models.CharField(_("measure"), max_length=200, blank=True)
    goal = models.TextField(_("goal"), blank=True)
    responsible = models.CharField(_("responsible"), max_length=200, blank=True)
    starts_on = models.DateField(_("start"), null=True, blank=True)
    evaluate_by = models.DateField(_("evaluate by"), null=True, blank=True)
    # Evaluations
    measure = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="evaluations",
        verbose_name=_("measure evaluated"),
    )
    next_step = models.TextField(_("next step"), blank=True)
    child_view = models.TextField(_("the child's view, in its own words"), blank=True)
    guardian_view = models.TextField(_("the guardians' view, in their own words"), blank=True)
    # Level changes
    from_level = models.PositiveSmallIntegerField(null=True, blank=True)
    to_level = models.PositiveSmallIntegerField(null=True, blank=True)
    # The form's one-time token: a retried or double-clicked POST stores one entry.
    request_token = models.UUIDField(null=True, blank=True, editable=False)
    # The family's view, written on My page: the guardian's name as it was then (an entry
    # outlives a revoked link and is never changed).
    family_author = models.CharField(max_length=200, blank=True)

    class Meta:
        verbose_name = _("entry")
        verbose_name_plural = _("entries")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["stafettlogg", "-created_at"])]
        constraints = [
            models.UniqueConstraint(
                fields=["stafettlogg", "request_token"], name="one_entry_per_form_token"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.created_at:%d.%m.%Y}"


class Overforing(models.Model):
    """A hand-over of the baton; the giver keeps it until the receiver accepts."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for an answer")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")

    stafettlogg = models.ForeignKey(Stafettlogg, on_delete=models.CASCADE, related_name="handovers")
    from_user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    from_tjeneste = models.ForeignKey(
        Tjeneste, on_delete=models.PROTECT, related_name="+", null=True
    )
    to_user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="incoming_handovers"
    )
    to_tjeneste = models.ForeignKey(Tjeneste, on_delete=models.PROTECT, related_name="+")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    created_at = models.DateTimeField(auto_now_add=True)
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.from_user} → {self.to_user} ({self.get_status_display()})"


class CaseChecklistStep(models.Model):
    """A guide step ticked off in a case (by the step's stable key)."""

    stafettlogg = models.ForeignKey(
        Stafettlogg, on_delete=models.CASCADE, related_name="done_steps"
    )
    step_key = models.CharField(max_length=60)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    done_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["stafettlogg", "step_key"], name="step_once_per_case")
        ]

    def __str__(self) -> str:
        return f"{self.stafettlogg_id}: {self.step_key}"


class MeldingTilBarnevern(models.Model):
    """That a report to the child welfare service was sent: the date and who, no content."""

    undring = models.ForeignKey(
        Undring, on_delete=models.SET_NULL, null=True, blank=True, related_name="reports"
    )
    stafettlogg = models.ForeignKey(
        Stafettlogg, on_delete=models.SET_NULL, null=True, blank=True, related_name="reports"
    )
    tjeneste = models.ForeignKey(Tjeneste, on_delete=models.PROTECT, related_name="+")
    sent_on = models.DateField(_("sent on"))
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"Melding {self.sent_on:%d.%m.%Y}"


class AccessLog(AppendOnlyModel):
    """Who read, wrote, printed or was refused what, when, from which service. One row per
    request, written once its outcome is known (``access_log``). Never changed or deleted.

    ``event`` is a stable code for what the request was about (``access_log.EVENTS`` says it
    in plain words); ``reason`` says why a refused request was refused. ``what`` keeps the
    request's path for technical audits only: no screen or document shows it.
    """

    class Action(models.TextChoices):
        VIEW = "view", _("Read")
        WRITE = "write", _("Wrote")
        DOWNLOAD = "download", _("Downloaded")
        EXPORT = "export", _("Printed or exported")
        DENIED = "denied", _("Refused")
        FAILED = "failed", _("Failed")

    at = models.DateTimeField(default=timezone.now, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
    tjeneste = models.ForeignKey(Tjeneste, on_delete=models.PROTECT, null=True, related_name="+")
    # Ids, not foreign keys: the log outlives the cases it speaks of.
    stafettlogg_id = models.BigIntegerField(null=True, db_index=True)
    undring_id = models.BigIntegerField(null=True, db_index=True)
    action = models.CharField(max_length=10, choices=Action.choices)
    event = models.CharField(max_length=40, blank=True, default="")
    reason = models.CharField(max_length=20, blank=True, default="")
    # The entry, consent, report or hand-over the request concerned, where there was one.
    object_id = models.BigIntegerField(null=True, blank=True)
    what = models.CharField(max_length=200)
    # A citizen's request on My page: the guardian's link (minside). No database constraint
    # and nothing done on delete: the log outlives the links and is never updated.
    citizen = models.ForeignKey(
        "minside.Kobling", on_delete=models.DO_NOTHING, db_constraint=False, null=True,
        blank=True, related_name="+",
    )  # fmt: skip

    class Meta:
        ordering = ["-at", "-pk"]

    def __str__(self) -> str:
        return f"{self.at:%d.%m.%Y %H:%M} {self.user_id} {self.action} {self.event}"

    @property
    def who(self) -> str:
        """Who made the request, in plain words: the employee, or the guardian on My page.
        Needs ``citizen__foresatt`` loaded to stay one query."""
        if self.user_id:
            return str(self.user)
        if self.citizen_id and self.citizen is not None:
            if self.citizen.foresatt.is_young_person:
                return _("%(name)s (the young person, on My page)") % {
                    "name": self.citizen.foresatt.name
                }
            return _("%(name)s (guardian, on My page)") % {"name": self.citizen.foresatt.name}
        if self.citizen_id:
            return str(_("A guardian, on My page"))
        return "–"

    @property
    def description(self) -> str:
        """The row in plain words, e.g. "Leste stafettloggen" or "Nektet: … (låst)"."""
        from .access_log import describe

        return describe(self)


class DeletionRecord(models.Model):
    """What remains of a case or concern deleted after the retention period: no content."""

    kind = models.CharField(max_length=12)
    object_id = models.BigIntegerField()
    tjeneste = models.ForeignKey(Tjeneste, on_delete=models.PROTECT, related_name="+")
    opened_at = models.DateTimeField()
    closed_at = models.DateTimeField(null=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    deleted_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"{self.kind} {self.object_id} slettet {self.deleted_at:%d.%m.%Y}"


class InsightReport(DocumentJob):
    """A PDF of everything stored about the child, for the guardians' right to insight."""

    stafettlogg = models.ForeignKey(
        Stafettlogg, on_delete=models.CASCADE, related_name="insight_reports"
    )
    # The employee who asked, or (on My page) the citizen's link: a citizen's report is theirs
    # alone, never shown on the staff pages, and is made in the language of their page.
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    citizen = models.ForeignKey(
        "minside.Kobling", on_delete=models.CASCADE, null=True, blank=True,
        related_name="insight_reports",
    )  # fmt: skip
    language = models.CharField(max_length=8, default="nb")
    file = models.FileField(upload_to="innsyn/", blank=True)

    def __str__(self) -> str:
        return f"Innsyn {self.stafettlogg_id} ({self.status})"


class Reminder(models.Model):
    """A reminder sent: one row ever per the fields of its unique constraint (``ONCE``),
    written in the transaction that hands over its e-mail (``tasks._remind_once``)."""

    ONCE: tuple[str, ...] = ()
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        # ONCE names concrete fields, never a reverse relation (which has no attname).
        fields = [self._meta.get_field(f) for f in self.ONCE]
        return " ".join(str(getattr(self, f.attname)) for f in fields)  # type: ignore[union-attr]


class EvaluationReminder(Reminder):
    """One e-mail to the baton holder per measure per evaluation date."""

    ONCE = ("entry", "evaluate_by")
    entry = models.ForeignKey(Innslag, on_delete=models.CASCADE, related_name="+")
    evaluate_by = models.DateField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["entry", "evaluate_by"], name="one_reminder_per_evaluation_date"
            )
        ]


class StepReminder(Reminder):
    """One e-mail to the baton holder per step of the guide per due date: a case that comes
    back to a level gets new dates, and so new reminders."""

    ONCE = ("stafettlogg", "step_key", "due")
    stafettlogg = models.ForeignKey(
        Stafettlogg, on_delete=models.CASCADE, related_name="step_reminders"
    )
    step_key = models.CharField(max_length=60)
    due = models.DateField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["stafettlogg", "step_key", "due"], name="one_reminder_per_step_due_date"
            )
        ]


class SamtykkeForesporsel(models.Model):
    """The baton holder's request for a digital consent, answered by each guardian with
    parental responsibility on My page (``stafettlogg.digital_consent``)."""

    class Status(models.TextChoices):
        OPEN = "open", _("Waiting for the guardians")
        ACTIVE = "active", _("Consent given")
        REFUSED = "refused", _("Refused")
        CANCELLED = "cancelled", _("Cancelled")

    stafettlogg = models.ForeignKey(
        Stafettlogg, on_delete=models.CASCADE, related_name="consent_requests"
    )
    purpose = models.TextField(_("purpose: why the services should share information"))
    services = models.ManyToManyField(Tjeneste, related_name="+", verbose_name=_("services"))
    valid_until = models.DateField(_("valid until"))
    # Set when the young person consents on their own under a legal basis from CONSENT_AGE:
    # then they alone answer; empty, the guardians answer, with the young person beside them
    # once they are a party of the case and of age (``digital_consent.required_parties``).
    child_basis = models.CharField(
        _("the child's own consent"), max_length=12, blank=True, default="",
        choices=Samtykke.ChildBasis.choices,
    )  # fmt: skip
    # A renewal asked for by the reminder: the consent it replaces once given.
    renews = models.ForeignKey(
        Samtykke, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    closed_at = models.DateTimeField(null=True, blank=True)
    # The consent (or refusal) it ended in.
    samtykke = models.OneToOneField(
        Samtykke, on_delete=models.SET_NULL, null=True, blank=True, related_name="digital_request"
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["stafettlogg"],
                condition=models.Q(status="open"),
                name="one_open_consent_request_per_case",
            )
        ]

    def __str__(self) -> str:
        return f"Samtykkeforespørsel {self.pk}"


class SamtykkeSvar(models.Model):
    """One guardian's answer to a consent request: the services they agreed to, or no."""

    class Answer(models.TextChoices):
        CONFIRMED = "confirmed", _("Confirmed")
        REFUSED = "refused", _("Refused")

    request = models.ForeignKey(
        SamtykkeForesporsel, on_delete=models.CASCADE, related_name="answers"
    )
    foresatt = models.ForeignKey(Foresatt, on_delete=models.CASCADE, related_name="+")
    answer = models.CharField(max_length=10, choices=Answer.choices)
    services = models.ManyToManyField(Tjeneste, related_name="+")
    answered_at = models.DateTimeField(default=timezone.now)
    acr = models.CharField(max_length=100, blank=True)
    # The language of the page they answered on: their receipt is in it.
    language = models.CharField(max_length=8, default="nb")

    class Meta:
        ordering = ["answered_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["request", "foresatt"], name="one_answer_per_guardian_and_request"
            )
        ]

    def __str__(self) -> str:
        return f"{self.request_id}: {self.foresatt_id} {self.answer}"


class ConsentRenewalReminder(Reminder):
    """One renewal request per consent and end date (``tasks.send_consent_renewals``)."""

    ONCE = ("samtykke", "valid_until")
    samtykke = models.ForeignKey(Samtykke, on_delete=models.CASCADE, related_name="+")
    valid_until = models.DateField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["samtykke", "valid_until"], name="one_renewal_per_consent_and_date"
            )
        ]
