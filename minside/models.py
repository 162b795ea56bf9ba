"""Guardians linked to their cases by invitation (issue 20).

Neither table holds a national identity number: a link holds the keyed hash of the person's
``pid`` (``minside.identity.pid_hash``), an invitation the SHA-256 of its single-use token.
Both go with the guardian row (CASCADE), and so with the case when retention deletes it
(``bts_delete_case``, replaced in stafettlogg 0008).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from stafettlogg.models import Foresatt


class Invitasjon(models.Model):
    """A single-use link the baton holder sent to one guardian of a case."""

    class Channel(models.TextChoices):
        EMAIL = "epost", _("E-mail")
        SMS = "sms", _("SMS")

    foresatt = models.ForeignKey(Foresatt, on_delete=models.CASCADE, related_name="invitations")
    token_hash = models.CharField(max_length=64, unique=True)
    channel = models.CharField(max_length=10, choices=Channel.choices)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    sent_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)
    # Set when the holder revokes it, or when a newer invitation replaces it.
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-sent_at", "-pk"]

    def __str__(self) -> str:
        return f"invitation {self.pk} for guardian {self.foresatt_id}"


class Kobling(models.Model):
    """A guardian row bound to one person (the keyed hash of their ``pid``)."""

    foresatt = models.ForeignKey(Foresatt, on_delete=models.CASCADE, related_name="citizen_links")
    invitasjon = models.ForeignKey(Invitasjon, on_delete=models.CASCADE, related_name="+")
    pid_hash = models.CharField(max_length=64, db_index=True)
    linked_at = models.DateTimeField(auto_now_add=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["-linked_at", "-pk"]
        constraints = [
            # One guardian row is one person: never bound to two people at once.
            models.UniqueConstraint(
                fields=["foresatt"],
                condition=Q(revoked_at__isnull=True),
                name="one_active_link_per_guardian",
            ),
        ]

    def __str__(self) -> str:
        return f"link {self.pk} for guardian {self.foresatt_id}"
