from django.db import models
from django.utils.translation import gettext_lazy as _


class RetentionRun(models.Model):
    """One run of retention: how many cases and concerns it deleted, and which it could not.

    The BTS coordinator sees the last run, so that a case that keeps failing is noticed by a
    person instead of staying in the database past its period unseen. ``failures`` holds ids
    and the error's class only, never case content.
    """

    started_at = models.DateTimeField(_("started"))
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    cases_deleted = models.PositiveIntegerField(_("case logs deleted"), default=0)
    undringer_deleted = models.PositiveIntegerField(_("concerns deleted"), default=0)
    # [{"kind": "stafettlogg" | "undring", "id": 12, "error": "ProtectedError"}, ...]
    failures = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["-started_at", "-pk"]
        get_latest_by = "started_at"

    def __str__(self) -> str:
        return f"Sletting {self.started_at:%d.%m.%Y %H:%M}"
