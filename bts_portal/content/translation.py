"""Translated content fields: ``title`` holds bokmål, ``title_nn`` nynorsk, ``title_en`` English.

Where a translation is missing the bokmål text is shown, and marked with ``lang="nb"`` so
that screen readers pronounce it right.
"""

from django.conf import settings
from django.utils.translation import get_language

DEFAULT_LANGUAGE = "nb"
SUFFIXES = {"nb": "", "nn": "_nn", "en": "_en"}


class LocalizedText(str):
    """A string that knows which language it is in."""

    lang: str

    def __new__(cls, value: str, lang: str):
        obj = super().__new__(cls, value)
        obj.lang = lang
        return obj

    def __getnewargs__(self):
        # Kept in the cache (pickled) with its language.
        return (str(self), self.lang)


def current_language() -> str:
    return (get_language() or settings.LANGUAGE_CODE).split("-")[0]


def column(field: str, language: str | None = None) -> str:
    """The name of ``field``'s column in ``language`` (default: the current one): ``title_nn``
    for nynorsk, ``title`` itself for bokmål."""
    return field + SUFFIXES.get(language or current_language(), "")


def localized_value(row, field: str, language: str | None = None) -> str:
    """``localized`` for a ``values()`` row (``field`` may span relations): the text in the
    language, the bokmål one where there is none; plain text, for labels in tables and CSV."""
    return row.get(column(field, language)) or row[field]


def localized(obj, field: str, language: str | None = None) -> LocalizedText:
    """The field in the requested (default: current) language, falling back to bokmål."""
    language = language or current_language()
    suffix = SUFFIXES.get(language, "")
    if suffix and hasattr(obj, field + suffix):
        value = getattr(obj, field + suffix)
        if value:
            return LocalizedText(value, language)
    return LocalizedText(getattr(obj, field) or "", DEFAULT_LANGUAGE)


def translated_fields(field: str) -> list[str]:
    """The names of a translated field's columns, bokmål first."""
    return [field + suffix for suffix in SUFFIXES.values()]
