"""The demo's waiting change proposals, so that the proposal list has something to decide:
a kindergarten leader's new text for one of the service's measures, and a school leader's new
link on the school's collaboration arena; both wait for the coordinator.

Idempotent: a proposal is made only when its author has made none to that item before (so a
reload neither doubles it nor brings back one a demo user has decided)."""

import copy

from django.contrib.contenttypes.models import ContentType
from django.db import transaction

from organisasjon.models import Bruker

from . import notices, services, snapshot
from .models import Endringsforslag

MEASURE_TITLE = "Språkgrupper i barnehagen"
MEASURE_SUMMARY = (
    "Lek og aktiviteter i små grupper, to ganger i uken, for barn som trenger ekstra "
    "språkstøtte. Foreldrene får tips til språklek hjemme."
)
MEASURE_BODY = (
    f"{MEASURE_SUMMARY}\n\nGruppene ledes av en pedagog med videreutdanning i språkutvikling. "
    "Ta kontakt med styreren i barnehagen for å høre mer."
)
ARENA_SLUG = "tverrfaglig-team-skole"
ARENA_LINK = {
    "title": "Udir: Samarbeid om elever som trenger ekstra oppfølging",
    "url": "https://www.udir.no/laring-og-trivsel/",
}


def _has_proposed(author, obj) -> bool:
    return Endringsforslag.objects.filter(
        content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk, author=author
    ).exists()


def _measure_text(author) -> bool:
    from tiltaksoversikt.models import Tiltak  # the catalogue app builds on this one

    measure = Tiltak.objects.published().filter(title=MEASURE_TITLE).first()
    if measure is None or _has_proposed(author, measure):
        return False
    edited = copy.copy(measure)
    edited.summary, edited.body = MEASURE_SUMMARY, MEASURE_BODY
    values = snapshot.instance_values(edited)
    return services.revision_propose(obj=measure, user=author, values=values) is not None


def _arena_link(author) -> bool:
    from samhandling.models import Element

    element = Element.objects.published().filter(slug=ARENA_SLUG).first()
    if element is None or _has_proposed(author, element):
        return False
    links = snapshot.children_values(element, "links")
    order = max((entry.get("order") or 0 for entry in links), default=0) + 1
    links.append(snapshot.child_entry(Element, "links", order=order, **ARENA_LINK))
    return services.revision_propose(obj=element, user=author, values={"links": links}) is not None


@transaction.atomic
def load() -> int:
    """Make the demo's waiting proposals; returns how many were made now."""
    authors = {
        u.username: u
        for u in Bruker.objects.filter(username__in=["leder.barnehage", "leder.skole"])
    }
    made = 0
    # The demo's e-mail would only reach the console: no notices for what the demo makes.
    with notices.quiet():
        if "leder.barnehage" in authors:
            made += _measure_text(authors["leder.barnehage"])
        if "leder.skole" in authors:
            made += _arena_link(authors["leder.skole"])
    return made
