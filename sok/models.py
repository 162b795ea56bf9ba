from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchDocument(models.Model):
    """One public item in one language, as the search shows and finds it: plain text made once
    when the item is saved, never per request.

    On SQLite the FTS5 table ``sok_fts`` indexes the ``*_terms`` columns (the stems) and reads
    ``title``, ``summary``, ``body`` and ``keywords`` back for its snippets (sok migration 0001). On
    PostgreSQL a generated ``vector`` column (``norwegian`` or ``english``) with a GIN index
    does the same; the ``*_terms`` columns stay empty there.
    """

    kind = models.CharField(max_length=60)
    object_id = models.PositiveBigIntegerField()
    language = models.CharField(max_length=5)
    url = models.CharField(max_length=500)
    title = models.TextField()
    summary = models.TextField(blank=True, default="")
    body = models.TextField(blank=True, default="")
    # Words to find the item by that its snippet need not show: its themes, its services.
    keywords = models.TextField(blank=True, default="")
    # The language a text is really in where it is not the document's own: the bokmål text
    # shown where a translation is missing (marked with lang="nb" on the results page).
    title_language = models.CharField(max_length=5, blank=True, default="")
    summary_language = models.CharField(max_length=5, blank=True, default="")
    body_language = models.CharField(max_length=5, blank=True, default="")
    title_terms = models.TextField(blank=True, default="")
    summary_terms = models.TextField(blank=True, default="")
    body_terms = models.TextField(blank=True, default="")
    keywords_terms = models.TextField(blank=True, default="")

    class Meta:
        db_table = "sok_document"
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "object_id", "language"], name="sok_one_document_per_language"
            )
        ]
        indexes = [models.Index(fields=["language"], name="sok_document_language")]

    def __str__(self) -> str:
        return f"{self.kind} {self.object_id} ({self.language})"


class Synonym(models.Model):
    """A word the public types and the words the content uses for it (helsesøster →
    helsesykepleier). Both ways, the other words also find the first (mobbing ↔ mobbet)."""

    term = models.CharField(
        _("word people search for"),
        max_length=60,
        unique=True,
        help_text=_("One word, for example “helsesøster”."),
    )
    alternatives = models.CharField(
        _("also search for"),
        max_length=500,
        help_text=_("Words or phrases separated by commas, e.g. “helsesykepleier, helsestasjon”."),
    )
    both_ways = models.BooleanField(
        _("both ways"),
        default=False,
        help_text=_("The words above also find the first word."),
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("synonym")
        verbose_name_plural = _("synonyms")
        ordering = ["term"]

    def __str__(self) -> str:
        return self.term

    def alternative_list(self) -> list[str]:
        return [a.strip() for a in self.alternatives.split(",") if a.strip()]
