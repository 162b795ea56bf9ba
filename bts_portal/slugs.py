"""Short names for addresses that read right in Norwegian: æ, ø and å become ae, o and a
instead of disappearing (Django's slugify would turn "Skolefravær" into "skolefravr")."""

from django.utils.text import slugify

TRANSLITERATION = str.maketrans({"æ": "ae", "ø": "o", "å": "a", "Æ": "Ae", "Ø": "O", "Å": "A"})


def norwegian_slugify(text: str, max_length: int = 90) -> str:
    return slugify(str(text).translate(TRANSLITERATION))[:max_length].strip("-")
