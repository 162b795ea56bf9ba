"""The demo municipality's public content, loaded and indexed as load_demo does, for the
search tests (the words the public types, on SQLite and on PostgreSQL)."""

from django.utils import translation

from handlingsveileder import demo as guide_demo
from organisasjon import demo as organisation_demo
from organisasjon.models import Tjeneste
from samhandling import demo as model_demo
from sok import index
from sok.synonyms import seed_default_synonyms
from tiltaksoversikt import demo as catalogue_demo

# What a visitor types -> addresses that must be among the first ten hits.
EXPECTED = {
    "søvn": ["/veileder/tegn/#alder-6-12"],
    "mobbet": ["/tiltak/aktivitetsplan-mot-mobbing/"],
    "mobbing": ["/tiltak/aktivitetsplan-mot-mobbing/"],
    "helsesøster": [
        "/tjenester/helsestasjon-og-skolehelsetjeneste/",
        "/tiltak/helsesykepleier-pa-skolen/",
    ],
    "skilsmisse": ["/tiltak/foreldresamtaler-om-samlivsbrudd/"],
    "angst": ["/veileder/tema/psykisk-helse-hos-foreldre/", "/tjenester/psykisk-helse-og-rus/"],
    # Services and meeting places are found too.
    "barnevern": ["/tjenester/barneverntjenesten/"],
    "forebyggende forum": ["/tiltak/moteplasser/forebyggende-forum/"],
}


def load_public_demo_content() -> None:
    with translation.override("nb"), index.suspended():
        for data in organisation_demo.SERVICES:
            values = {"is_partner": False, **data}
            Tjeneste.objects.update_or_create(slug=values.pop("slug"), defaults=values)
        model_demo.load()
        catalogue_demo.load()
        guide_demo.load()
    seed_default_synonyms()
    index.rebuild()
