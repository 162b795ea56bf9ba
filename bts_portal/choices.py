"""Choices that several feature apps' models share, so that no feature app imports another's.

The migrations store the values, not these classes, so moving a class here changes no schema.
``samhandling.models`` still re-exports both under their old names.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Audience(models.TextChoices):
    """Who may read an item: model elements and the guide's tools."""

    PUBLIC = "public", _("Everyone (public site)")
    STAFF = "staff", _("Employees only")


class CaseMode(models.TextChoices):
    """How a case is brought to an arena of the model or a meeting place of the catalogue."""

    NONE = "", _("Cases are not discussed")
    ANONYMOUS = "anonym", _("Anonymously")
    CONSENT = "samtykke", _("With consent")
    BOTH = "begge", _("Anonymously or with consent")
