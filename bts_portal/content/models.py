from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")


class PublishableQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Status.PUBLISHED)


class PublishableContent(models.Model):
    """Content with a draft/published status, a position among its siblings and review dates.

    Concrete models add ``history = HistoricalRecords()`` and are edited only through
    ``bts_portal.content.services``, which records who changed what.
    """

    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    order = models.PositiveIntegerField(_("order"), default=0)
    last_reviewed = models.DateField(_("last reviewed"), null=True, blank=True)
    review_due = models.DateField(_("next review"), null=True, blank=True, db_index=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = PublishableQuerySet.as_manager()

    # Fields whose siblings share an ordering, e.g. ("nivaa",) for model elements.
    order_scope: tuple[str, ...] = ()

    class Meta:
        abstract = True

    @property
    def is_published(self) -> bool:
        return self.status == Status.PUBLISHED

    def is_review_overdue(self, today=None) -> bool:
        today = today or timezone.localdate()
        return bool(self.review_due and self.review_due < today)


class Forslagsstatus(models.TextChoices):
    PENDING = "pending", _("Waiting for approval")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    SUPERSEDED = "superseded", _("Replaced by a newer proposal")


class Endringsforslag(models.Model):
    """A proposed change to a published item: the public keeps seeing the published text until
    someone allowed to (``ContentPolicy.may_approve``) approves it.

    ``values`` holds only the fields the proposal changes, as JSON (``snapshot``); ``base``
    the published values of those fields when it was proposed, so that an approval can tell
    whether someone changed them since (a stale proposal is refused, not applied over them).
    At most one proposal per item waits at a time (the constraint below)."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    item = GenericForeignKey("content_type", "object_id")
    values = models.JSONField(_("proposed values"), default=dict)
    base = models.JSONField(_("published values when proposed"), default=dict)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="endringsforslag"
    )
    # Why it was made, when not an edit (e.g. "Restores the version of …").
    note = models.CharField(_("note"), max_length=300, blank=True)
    # The proposal by someone else that this one replaced, built on its text.
    supersedes = models.OneToOneField(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="superseded_by"
    )
    state = models.CharField(
        _("state"),
        max_length=12,
        choices=Forslagsstatus.choices,
        default=Forslagsstatus.PENDING,
        db_index=True,
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    reason = models.TextField(_("reason"), blank=True)
    created_at = models.DateTimeField(_("proposed"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("change proposal")
        verbose_name_plural = _("change proposals")
        ordering = ["-updated_at", "-pk"]
        indexes = [models.Index(fields=["content_type", "object_id"])]
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"],
                condition=models.Q(state="pending"),
                name="one_pending_proposal_per_item",
            )
        ]

    def __str__(self) -> str:
        return f"Endringsforslag {self.pk}"

    @property
    def is_pending(self) -> bool:
        return self.state == Forslagsstatus.PENDING
