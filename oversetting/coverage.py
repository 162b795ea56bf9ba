"""Which public pages are complete in nynorsk or English, for choosing a language from the
browser's ``Accept-Language`` (``bts_portal.language``).

Worked out once per content generation (``bts_portal.page_cache.per_content``) from the
content itself, so a public request costs one cache read and no query. A page is complete
in a language when every item it shows has all its texts in that language:

- an item's own page (``get_absolute_url``), and the pages that show it too (a step on its
  level's page, a theme in the catalogue's filters, the "Er du bekymret" page, an element's
  links and attachments on the element's page);
- a section's other pages (``/veileder/``, ``/tiltak/``, …): every item in the section;
- any other page (the front page, search): every public item.
"""

from django.urls import reverse

from bts_portal.page_cache import per_content

from . import sources


def _paths(obj) -> list[str]:
    obj = sources.page_item(obj)
    label = obj._meta.label
    if label == "tiltaksoversikt.Tema":
        return [reverse("tiltak:list")]
    paths = [obj.get_absolute_url().split("#")[0]]
    if label == "handlingsveileder.Trinn":
        paths.append(obj.niva.get_absolute_url())
    elif label == "samhandling.Side" and obj.slug == "bekymret":
        paths.append(reverse("samhandling:worried"))
    elif label == "organisasjon.Tjeneste":
        paths.append(reverse("tiltaksoversikt:tjeneste_list"))
    return paths


def section_of(path: str) -> str:
    """'/veileder/nivaa/1/' → '/veileder/'; '/' → '/'."""
    first = path.strip("/").split("/", 1)[0]
    return f"/{first}/" if first else "/"


def _compute(language: str) -> dict:
    pages: dict[str, bool] = {}
    sections: dict[str, bool] = {}
    everything = True
    for model in sources.models():
        queryset = model._default_manager.filter(sources.PUBLIC_ROWS[model._meta.label])
        if model._meta.label == "handlingsveileder.Trinn":
            queryset = queryset.select_related("niva")
        elif model._meta.label in sources.SHOWN_WITH:
            queryset = queryset.select_related(sources.SHOWN_WITH[model._meta.label])
        for obj in queryset:
            complete = sources.is_complete(obj, language)
            everything = everything and complete
            for path in _paths(obj):
                pages[path] = pages.get(path, True) and complete
                section = section_of(path)
                sections[section] = sections.get(section, True) and complete
    return {"pages": pages, "sections": sections, "all": everything}


def is_complete(path: str, language: str) -> bool:
    """Whether the public page at ``path`` shows all its content in ``language``."""
    data = per_content(f"translation-coverage:{language}", lambda: _compute(language))
    if path in data["pages"]:
        return data["pages"][path]
    section = section_of(path)
    if section != "/" and section in data["sections"]:
        return data["sections"][section]
    return data["all"]
