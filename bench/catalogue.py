"""The catalogue's list page with 60 and 600 measures, without filters and with five set."""

from _setup import measure, peak_memory, setup_django

setup_django()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from organisasjon.models import Tjeneste  # noqa: E402
from tiltaksoversikt.models import Tema, Tiltak  # noqa: E402

FIVE_FILTERS = {
    "alder": "8",
    "tema": ["psykisk-helse", "fritid"],
    "nivaa": ["1", "2"],
    "tilgang": ["lavterskel", "henvisning"],
    "tjeneste": [f"tjeneste-{n}" for n in range(3)],
}


def fill(total: int) -> None:
    services = [
        Tjeneste.objects.get_or_create(
            slug=f"tjeneste-{n}", defaults={"name": f"Tjeneste {n}", "sector": "oppvekst"}
        )[0]
        for n in range(8)
    ]
    themes = [
        Tema.objects.get_or_create(slug=s, defaults={"title": s})[0]
        for s in ("psykisk-helse", "fritid", "skolefravaer", "sprak")
    ]
    start = Tiltak.objects.count()
    created = Tiltak.objects.bulk_create(
        Tiltak(tjeneste=services[n % 8], title=f"Tiltak {n}", slug=f"tiltak-{n}",
               summary="Samtaletilbud for barn og foreldre.", age_min=n % 12,
               age_max=12 + n % 13, status="published",
               access=("lavterskel", "henvisning", "vedtak")[n % 3],
               level_1=n % 2 == 0, level_2=n % 3 == 0)
        for n in range(start, total)
    )  # fmt: skip
    Tiltak.themes.through.objects.bulk_create(
        Tiltak.themes.through(tiltak_id=t.pk, tema_id=themes[i % 4].pk)
        for i, t in enumerate(created)
    )


def run() -> None:
    client = Client()
    results = {}
    for total in (60, 600):
        fill(total)
        for name, params in (("no filters", {}), ("five filters", FIVE_FILTERS)):
            with CaptureQueriesContext(connection) as queries:
                client.get("/tiltak/", params)
            label = f"/tiltak/ with {total} measures, {name} ({len(queries)} queries)"
            results[(total, name)] = measure(label, lambda p=params: client.get("/tiltak/", p))
    for name in ("no filters", "five filters"):
        ratio = results[(600, name)] / results[(60, name)]
        print(f"ratio 600/60 measures, {name:<14} {ratio:5.2f}x")
    memory = peak_memory(lambda: client.get("/tiltak/", FIVE_FILTERS))
    print(f"peak Python memory, one filtered request with 600 measures: {memory:.1f} MiB")
    measure(
        "/tiltak/data.json with 600 measures", lambda: client.get("/tiltak/data.json"), repeat=5
    )


if __name__ == "__main__":
    run()
