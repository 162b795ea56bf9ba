"""One archive package per closed case log, and the receipts the archive answered with.

The case is named by its id only, never by a foreign key: the package and its receipt are
what remains to say where the archived copy went once retention has deleted the case (and
the database function ``bts_delete_case`` deletes every table that references a case)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from organisasjon.models import Tjeneste
from stafettlogg.models import DeletionRecord


class ArchivePackage(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting to be made")
        BUILDING = "building", _("Being made")
        BUILT = "built", _("Made, not yet delivered")
        DELIVERING = "delivering", _("Being delivered")
        RECEIVED = "received", _("Received, waiting for the archive's receipt")
        ARCHIVED = "archived", _("Archived")
        FAILED = "failed", _("Failed")

    case_id = models.BigIntegerField(unique=True)
    tjeneste = models.ForeignKey(Tjeneste, on_delete=models.PROTECT, related_name="+")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    # The class name and first line of the last failure: shown to the coordinator, no content.
    last_error = models.CharField(max_length=300, blank=True, default="")
    # The package while it waits for delivery; removed once the archive has given a receipt.
    file = models.FileField(upload_to="arkiv/", blank=True)
    sha256 = models.CharField(max_length=64, blank=True, default="")
    backend = models.CharField(max_length=200, blank=True, default="")
    # Where the archived copy is: the archive's case number, or the file the staff collect.
    reference = models.CharField(max_length=300, blank=True, default="")
    created_at = models.DateTimeField(auto_now_add=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    built_at = models.DateTimeField(null=True, blank=True)
    archived_at = models.DateTimeField(null=True, blank=True)
    deletion_record = models.OneToOneField(
        DeletionRecord,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="archive_package",
    )

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"arkivpakke {self.case_id} {self.status}"


class ArchiveReceipt(models.Model):
    """One answer from the archive: received (mottatt), receipt (kvittering) or an error."""

    class Kind(models.TextChoices):
        RECEIVED = "mottatt", _("Received")
        RECEIPT = "kvittering", _("Receipt")
        ERROR = "feilmelding", _("Error")

    package = models.ForeignKey(ArchivePackage, on_delete=models.PROTECT, related_name="receipts")
    kind = models.CharField(max_length=12, choices=Kind.choices)
    message_type = models.CharField(max_length=120)
    reference = models.CharField(max_length=300, blank=True, default="")
    # The archive's own answer (XML), kept as the proof of delivery.
    body = models.TextField(blank=True, default="")
    received_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["received_at", "pk"]

    def __str__(self) -> str:
        return f"{self.kind} {self.reference}"
