"""The translated text fields of the content models, made in one place.

A translated text is three columns (``bts_portal.content.translation``): bokmål in ``name``,
nynorsk in ``name_nn`` and English in ``name_en``. The bokmål column takes the model's own
options (required or not, a help text, unique); the two translations are always optional and
empty by default, with the bokmål column's length. So a model declares one line per text::

    title, title_nn, title_en = translated_char(TITLE, max_length=200)

The labels are passed whole (``_("title (nynorsk)")``, not built from ``_("title")``) so each
stays the msgid the translators already have, and the columns stay as the migrations made them.
``oversetting.sources.translated_fields`` finds the translated texts from the ``_nn``/``_en``
columns, so a text made here is followed there with no further change.
"""

from collections.abc import Callable
from typing import Any, TypeVar

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

Label = str | Promise
# The bokmål, nynorsk and English labels of one text.
Labels = tuple[Label, Label, Label]

F = TypeVar("F", bound=models.Field)

# Labels that several models share.
TITLE: Labels = (_("title"), _("title (nynorsk)"), _("title (English)"))
SUMMARY: Labels = (_("summary"), _("summary (nynorsk)"), _("summary (English)"))
TEXT: Labels = (_("text"), _("text (nynorsk)"), _("text (English)"))
NAME: Labels = (_("name"), _("name (nynorsk)"), _("name (English)"))
DESCRIPTION: Labels = (_("description"), _("description (nynorsk)"), _("description (English)"))
HOW_OFTEN: Labels = (_("how often"), _("how often (nynorsk)"), _("how often (English)"))
MANDATE: Labels = (_("mandate"), _("mandate (nynorsk)"), _("mandate (English)"))


def translated(
    field_class: Callable[..., F], labels: Labels, *, max_length: int | None = None, **bokmal: Any
) -> tuple[F, F, F]:
    """The bokmål, nynorsk and English fields of one text, in that order (the order the
    translation hashes read them in). ``bokmal`` holds the options of the bokmål field only."""
    size = {} if max_length is None else {"max_length": max_length}
    return (
        field_class(labels[0], **size, **bokmal),
        field_class(labels[1], **size, blank=True, default=""),
        field_class(labels[2], **size, blank=True, default=""),
    )


def translated_char(
    labels: Labels, *, max_length: int, **bokmal: Any
) -> tuple[models.CharField, models.CharField, models.CharField]:
    """A short translated text (a title, a name, a phrase)."""
    return translated(models.CharField, labels, max_length=max_length, **bokmal)


def translated_text(
    labels: Labels, *, max_length: int | None = None, **bokmal: Any
) -> tuple[models.TextField, models.TextField, models.TextField]:
    """A longer translated text (a summary, a Markdown body)."""
    return translated(models.TextField, labels, max_length=max_length, **bokmal)
