from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from bts_portal.jobs import DocumentJob
from organisasjon.models import Tjeneste


class Arsrapport(models.Model):
    """The coordinator's narrative for one year's annual report (årsrapport BTS)."""

    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    assessment = models.TextField(_("assessment of the year"), blank=True)
    what_worked = models.TextField(_("what worked"), blank=True)
    plan_next_year = models.TextField(_("plan for next year"), blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("annual report")
        verbose_name_plural = _("annual reports")
        ordering = ["-year"]

    def __str__(self) -> str:
        return f"Årsrapport {self.year}"


class ReportFile(DocumentJob):
    """A generated PDF of the annual report, for the municipality or one service."""

    year = models.PositiveSmallIntegerField(_("year"))
    tjeneste = models.ForeignKey(
        Tjeneste,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("service"),
    )
    file = models.FileField(upload_to="arsrapport/", blank=True)
    generated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Årsrapport {self.year} ({self.tjeneste or 'kommunen'})"
