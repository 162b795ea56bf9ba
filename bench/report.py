"""The municipality's annual report for a year with 20,000 cases and 300,000 entries:
seconds and peak memory for the statistics (with the disclosure audit), for the release
from the cache (the dashboard, CSV and PDF after the first request) and for the PDF."""

import time
import tracemalloc
from collections import Counter
from datetime import date, timedelta

from _setup import setup_django

setup_django()

from django.core.cache import cache  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402

from organisasjon.models import Bruker, Tjeneste  # noqa: E402
from stafettlogg.models import Innslag, Samtykke, Stafettlogg, Undring  # noqa: E402
from statistikk.disclosure import State, publish  # noqa: E402
from statistikk.indicators import compute_all  # noqa: E402
from statistikk.models import ReportFile  # noqa: E402
from statistikk.release_cache import cached_release, data_version  # noqa: E402
from statistikk.report import render_report  # noqa: E402

CASES, ENTRIES = 20_000, 300_000


def fill() -> Bruker:
    services = [
        Tjeneste.objects.create(name=f"Tjeneste {n}", slug=f"t{n}", sector="oppvekst")
        for n in range(12)
    ]
    user = Bruker.objects.create(username="benk")
    now = timezone.now()
    year_start = now.replace(month=1, day=1)
    Undring.objects.bulk_create(
        Undring(tjeneste=services[n % 12], author=user, observation="x",
                status=("open", "closed", "escalated")[n % 3],
                created_at=year_start + timedelta(hours=n))
        for n in range(8_000)
    )  # fmt: skip
    cases = Stafettlogg.objects.bulk_create(
        Stafettlogg(child_name="Barn", child_birth_date=date(2015, 1, 1), level=1 + n % 3,
                    start_level=1, stafettholder=user, tjeneste=services[n % 12],
                    status="closed" if n % 4 == 0 else "active",
                    closed_at=now - timedelta(days=n % 200) if n % 4 == 0 else None)
        for n in range(CASES)
    )  # fmt: skip
    Samtykke.objects.bulk_create(
        Samtykke(stafettlogg=c, given_by="F", method="muntlig", recorded_by=user,
                 valid_until=date.today() + timedelta(days=100 - i % 200))
        for i, c in enumerate(cases)
    )  # fmt: skip
    kinds = ["observasjon", "samtale", "tiltak", "evaluering", "niva"]
    batch = []
    for n in range(ENTRIES):
        kind = kinds[n % 5]
        batch.append(Innslag(
            stafettlogg=cases[n % CASES], kind=kind, author=user, text="x",
            created_at=now - timedelta(minutes=n % 400_000),
            starts_on=date.today() - timedelta(days=n % 300) if kind == "tiltak" else None,
            evaluate_by=date.today() - timedelta(days=n % 200) if kind == "tiltak" else None,
            from_level=1 if kind == "niva" else None, to_level=2 if kind == "niva" else None,
        ))  # fmt: skip
        if len(batch) == 20_000:
            Innslag.objects.bulk_create(batch)
            batch = []
    Innslag.objects.bulk_create(batch)
    return user


def timed(label, func):
    tracemalloc.start()
    start = time.perf_counter()
    with CaptureQueriesContext(connection) as queries:
        result = func()
    seconds = time.perf_counter() - start
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(
        f"{label:<44} {seconds:7.2f} s   peak {peak / 1024 / 1024:7.1f} MiB   "
        f"{len(queries)} queries"
    )
    return result


def run() -> None:
    start = time.perf_counter()
    user = fill()
    print(
        f"filled {Stafettlogg.objects.count()} cases, {Innslag.objects.count()} entries in "
        f"{time.perf_counter() - start:.1f} s"
    )
    year = timezone.localdate().year
    timed("indicators, every scope, one year (no audit)", lambda: compute_all(year))
    release = timed("release: both years, suppression + audit", lambda: publish(year))
    timed("interval audit of the release alone", release.audit)
    model = release.model
    shown_as = Counter(state for state, published in zip(model.states, model.published,
                                                         strict=True) if published)  # fmt: skip
    print(
        f"release: {len(model.keys)} figures, {len(model.constraints)} identities; "
        f"{shown_as[State.SMALL]} read <5, {shown_as[State.HIDDEN]} hidden as – to protect "
        f"them, {shown_as[State.WITHHELD]} withheld"
    )
    timed("data version (the cache key's fingerprint)", data_version)
    cache.clear()
    timed("cached release, first request (computes)", lambda: cached_release(year))
    timed("cached release, second request (cache)", lambda: cached_release(year))
    report = ReportFile.objects.create(year=year, generated_by=user)
    pdf = timed("annual report PDF (release from the cache)", lambda: render_report(report))
    print(f"PDF size {len(pdf) / 1024:.0f} KiB")


if __name__ == "__main__":
    run()
