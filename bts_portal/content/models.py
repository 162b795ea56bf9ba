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
