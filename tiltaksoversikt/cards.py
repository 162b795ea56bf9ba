"""The catalogue's result cards: what the list shows of each published measure, in one
language, rendered once until public content changes instead of on every list page (the
cards are a pure function of the measure, its service and themes, and the language)."""

from dataclasses import dataclass

from django.template.loader import render_to_string

from bts_portal.content.translation import LocalizedText, current_language, localized
from bts_portal.page_cache import per_content

from .filters import published_measures


@dataclass(frozen=True)
class Card:
    url: str
    title: LocalizedText
    summary: LocalizedText
    service: LocalizedText
    ages: str
    access: str
    themes: tuple[LocalizedText, ...]
    html: str = ""  # the card's markup (safe: rendered by our template)


def _card(tiltak) -> Card:
    card = Card(
        url=tiltak.get_absolute_url(),
        title=localized(tiltak, "title"),
        summary=localized(tiltak, "summary"),
        service=localized(tiltak.tjeneste, "name"),
        ages=tiltak.age_range_display(),
        access=str(tiltak.get_access_display()),
        themes=tuple(localized(theme, "title") for theme in tiltak.themes.all()),
    )
    html = render_to_string("tiltaksoversikt/_card.html", {"card": card})
    return Card(**{**card.__dict__, "html": html})


def _load() -> dict[int, Card]:
    measures = published_measures().select_related("tjeneste").prefetch_related("themes")
    return {tiltak.pk: _card(tiltak) for tiltak in measures}


def cards(ids: list[int]) -> list[Card]:
    """The cards of these published measures, in the given order, in the current language."""
    every = per_content(f"catalogue-cards:{current_language()}", _load)
    return [every[pk] for pk in ids if pk in every]
