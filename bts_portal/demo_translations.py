"""The demo content's nynorsk and English texts as column values for the loaders.

Each app keeps its translations beside its demo content (``demo_content_nn``,
``demo_content_en``), keyed as the bokmål item: a mapping of key → {field: text}. The loaders
merge these values into the same upsert as the bokmål, so that loading stays one write per
changed row and running it again changes nothing.
"""

from collections.abc import Mapping
from typing import TypeVar

K = TypeVar("K")


def translated(
    key: K, *, nn: Mapping[K, Mapping[str, str]], en: Mapping[K, Mapping[str, str]] | None = None
) -> dict[str, str]:
    """The ``<field>_nn`` and ``<field>_en`` values for one item (missing ones left out, so
    that a coordinator's own translation is not overwritten with an empty text)."""
    values: dict[str, str] = {}
    for suffix, table in (("_nn", nn), ("_en", en or {})):
        for field, text in table.get(key, {}).items():
            values[field + suffix] = text
    return values
