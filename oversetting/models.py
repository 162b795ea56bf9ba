"""What the portal knows about each item's nynorsk and English text.

``Oversettelse`` is one row per item and language, kept up to date by the content models'
``post_save`` receivers (``oversetting.receivers``): public pages never read it. It stores a
hash of the bokmål text the translation was made from, so that an edit of the bokmål text
alone marks the translation as older than the text it translates.

``Utkast`` is a draft translation (a machine draft from Apertium, or one a person saved
without approving it). It lives here and only here: a person's approval writes it into the
public ``_nn``/``_en`` fields, through ``bts_portal.content.services.content_save``.
"""

from typing import Any

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class Language(models.TextChoices):
    NYNORSK = "nn", _("Nynorsk")
    ENGLISH = "en", _("English")


class TranslationStatus(models.TextChoices):
    MISSING = "missing", _("Missing")
    OUTDATED = "outdated", _("Older than the bokmål text")
    CURRENT = "current", _("Up to date")


class Oversettelse(models.Model):
    """The state of one item's translation into one language."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    item = GenericForeignKey("content_type", "object_id")
    language = models.CharField(_("language"), max_length=2, choices=Language.choices)
    # Whether the public sees the item (published, for everyone): only those count.
    is_public = models.BooleanField(default=False)
    # Hash of the bokmål text now, and of the bokmål text the translation was made from.
    source_hash = models.CharField(max_length=32)
    translated_from_hash = models.CharField(max_length=32, blank=True, default="")
    translation_hash = models.CharField(max_length=32)
    fields_total = models.PositiveSmallIntegerField(default=0)
    fields_missing = models.PositiveSmallIntegerField(default=0)
    # A person approved the translation as it stands (a reviewed machine draft, or the demo).
    reviewed_at = models.DateTimeField(_("reviewed"), null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    # Set on the rows of a page by ``state.attach_items``: the item, its type's name, and
    # whether a machine draft waits.
    obj: Any
    type_label: Any
    has_machine_draft: bool

    class Meta:
        verbose_name = _("translation")
        verbose_name_plural = _("translations")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "language"],
                name="one_translation_state_per_item_and_language",
            )
        ]
        indexes = [models.Index(fields=["language", "is_public", "content_type"])]

    def __str__(self) -> str:
        return f"{self.content_type.model} {self.object_id} ({self.language}): {self.status}"

    @property
    def status(self) -> str:
        """Missing while any bokmål text has no translation; outdated when the bokmål text
        changed after the translation was made."""
        if self.fields_missing:
            return TranslationStatus.MISSING
        if self.translated_from_hash != self.source_hash:
            return TranslationStatus.OUTDATED
        return TranslationStatus.CURRENT


class Utkast(models.Model):
    """A draft translation of one item into one language, not shown to the public."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    item = GenericForeignKey("content_type", "object_id")
    language = models.CharField(_("language"), max_length=2, choices=Language.choices)
    texts = models.JSONField(_("texts"), default=dict)  # bokmål field name → draft text
    is_machine = models.BooleanField(_("machine draft"), default=False)
    source_hash = models.CharField(max_length=32)  # the bokmål text the draft translates
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("draft translation")
        verbose_name_plural = _("draft translations")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "language"],
                name="one_translation_draft_per_item_and_language",
            )
        ]

    def __str__(self) -> str:
        return f"{self.content_type.model} {self.object_id} ({self.language})"
