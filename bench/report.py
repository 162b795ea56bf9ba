"""The municipality's annual report for a year with 20,000 cases and 300,000 entries, end to
end as the document job makes it: the statistics (both years, every scope, the suppression
with its proof), then the PDF, in a fresh process each run, with that process's peak RSS.

    .venv/bin/python bench/report.py            # SQLite, and PostgreSQL if DATABASE_URL is set
    .venv/bin/python bench/report.py --database postgresql --runs 3

Each database is a throw-away one (``_setup.py``), filled once; every run is a new Python
process that starts with an empty cache, as a worker's first report job after a change of the
data does. *Total* is the job (``statistikk.tasks.render_annual_report``), *statistics* the
part of it spent making the release (``publish``: both years, every scope, the suppression),
*PDF* the rest (the cache key's fingerprint, the template, WeasyPrint). WeasyPrint is loaded
before, apart (*load*), as the worker does once at start (``load_pdf_libraries``). *Again* is
the same job once more in the same process, the release now in the cache, as the worker's
next report; the interval audit (``audit_disclosure``, not part of the job) is timed apart.

Peak memory is the run's peak resident set size (Linux's VmHWM): the whole process, Django
and WeasyPrint included, which is what a worker's memory limit sees. ``tracemalloc`` is not used:
it traces every allocation, which made the PDF (WeasyPrint allocates many small objects) three
times slower than it is, and it sees only Python's own allocations.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
CASES, ENTRIES = 20_000, 300_000


def fill():
    from django.utils import timezone

    from organisasjon.models import Bruker, Tjeneste
    from stafettlogg.models import Innslag, Samtykke, Stafettlogg, Undring

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


def peak_rss_mib() -> float:
    """This process's peak resident set size. Linux's VmHWM is that of the process's own
    memory since it started this program; ``getrusage`` would also count, after a fork, the
    parent's memory at the fork (here the filler's: 290 MiB)."""
    try:
        status = Path("/proc/self/status").read_text()
    except OSError:  # not Linux
        import resource

        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kib = next(line.split()[1] for line in status.splitlines() if line.startswith("VmHWM:"))
    return int(kib) / 1024


def measure() -> None:
    """One run in this fresh process; prints its figures as one line of JSON."""
    # The run's own empty cache, whatever the environment names (and never clears a shared one).
    os.environ.pop("REDIS_URL", None)
    os.environ["CACHE_URL"] = "locmemcache://"
    sys.path.insert(0, str(HERE.parent))
    import django

    django.setup()
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from organisasjon.models import Bruker
    from statistikk import release_cache
    from statistikk.disclosure import State
    from statistikk.models import ReportFile
    from statistikk.tasks import load_pdf_libraries, render_annual_report

    start = time.perf_counter()
    load_pdf_libraries()
    load_s = time.perf_counter() - start
    year = timezone.localdate().year
    report = ReportFile.objects.create(year=year, generated_by=Bruker.objects.get(username="benk"))
    # The job as the worker runs it; the statistics are the time spent making the release.
    spent = []

    def timed_publish(*args, _publish=release_cache.publish):
        begin = time.perf_counter()
        result = _publish(*args)
        spent.append(time.perf_counter() - begin)
        return result

    release_cache.publish = timed_publish
    start = time.perf_counter()
    with CaptureQueriesContext(connection) as queries:
        pdf = render_annual_report(report)
    total_s = time.perf_counter() - start
    stats_s = sum(spent)
    peak = peak_rss_mib()
    start = time.perf_counter()
    render_annual_report(report)
    pdf_again_s = time.perf_counter() - start
    release = release_cache.cached_release(year)
    start = time.perf_counter()
    findings = release.audit()
    audit_s = time.perf_counter() - start
    model = release.model
    shown_as = Counter(s for s, published in zip(model.states, model.published, strict=True)
                       if published)  # fmt: skip
    print(json.dumps({
        "statistics": stats_s, "pdf": total_s - stats_s, "total": total_s, "peak_mib": peak,
        "pdf_kib": len(pdf) / 1024, "queries": len(queries), "pdf_again": pdf_again_s,
        "load": load_s,
        "audit": audit_s, "audit_ok": all(f.ok for f in findings),
        "figures": len(model.keys), "identities": len(model.constraints),
        "small": shown_as[State.SMALL], "hidden": shown_as[State.HIDDEN],
        "withheld": shown_as[State.WITHHELD],
    }))  # fmt: skip


def bench_database(runs: int) -> None:
    """Fill a throw-away database (the one ``_setup.setup_django`` makes), then time ``runs``
    fresh processes against it."""
    sys.path.insert(0, str(HERE))
    from _setup import setup_django

    setup_django()
    from django.db import connection

    from stafettlogg.models import Innslag, Stafettlogg

    start = time.perf_counter()
    fill()
    if connection.vendor == "postgresql":
        # A database bulk-loaded a moment ago has no planner statistics yet; a live one has
        # them from autovacuum. Without them PostgreSQL plans every join for one row.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    print(
        f"== {connection.vendor}: {Stafettlogg.objects.count():,} cases, "
        f"{Innslag.objects.count():,} entries, filled in {time.perf_counter() - start:.0f} s",
        flush=True,
    )
    connection.close()
    env = {**os.environ, "LOG_LEVEL": "WARNING"}
    results = []
    for number in range(1, runs + 1):
        done = subprocess.run(  # noqa: S603 - this script, fixed arguments
            [sys.executable, __file__, "--measure"], env=env, capture_output=True, text=True
        )
        if done.returncode:
            sys.exit(f"run {number} failed:\n{done.stderr}")
        result = json.loads(done.stdout.strip().splitlines()[-1])
        results.append(result)
        print(
            f"run {number}: statistics {result['statistics']:5.2f} s ({result['queries']} "
            f"queries)   PDF {result['pdf']:5.2f} s   total {result['total']:5.2f} s   "
            f"peak RSS {result['peak_mib']:4.0f} MiB   PDF {result['pdf_kib']:.0f} KiB   "
            f"(load {result['load']:.2f} s; again {result['pdf_again']:.2f} s; "
            f"audit {result['audit']:.2f} s, {'passes' if result['audit_ok'] else 'FAILS'})",
            flush=True,
        )
    last = results[-1]
    print(
        f"release: {last['figures']} figures, {last['identities']} identities; "
        f"{last['small']} read <5, {last['hidden']} hidden as – to protect them, "
        f"{last['withheld']} withheld"
    )
    for key, label, unit in (
        ("statistics", "statistics", "s"), ("pdf", "PDF", "s"), ("total", "total", "s"),
        ("peak_mib", "peak RSS", "MiB"), ("pdf_kib", "PDF size", "KiB"),
    ):  # fmt: skip
        values = [r[key] for r in results]
        print(
            f"  {label:<11} min {min(values):7.2f}   median {statistics.median(values):7.2f} "
            f"  max {max(values):7.2f} {unit}"
        )


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database", choices=["auto", "sqlite", "postgresql"], default="auto")
    parser.add_argument("--runs", type=int, default=3, help="fresh processes per database")
    parser.add_argument("--measure", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--one", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.measure:
        measure()
        return 0
    if args.one:
        bench_database(args.runs)
        return 0
    server_url = os.environ.get("DATABASE_URL", "")
    is_postgresql = server_url.startswith(("postgres://", "postgresql://"))
    if args.database == "postgresql" and not is_postgresql:
        parser.error("--database postgresql needs DATABASE_URL=postgres://...")
    kinds = {"auto": ["sqlite", *(["postgresql"] if is_postgresql else [])],
             "sqlite": ["sqlite"], "postgresql": ["postgresql"]}[args.database]  # fmt: skip
    failed = 0
    for kind in kinds:
        env = dict(os.environ)
        if kind == "sqlite":
            env.pop("DATABASE_URL", None)  # _setup makes a temporary SQLite file then
        failed |= subprocess.run(  # noqa: S603 - this script, fixed arguments
            [sys.executable, __file__, "--one", "--runs", str(args.runs)], env=env
        ).returncode
    return failed


if __name__ == "__main__":
    sys.exit(main())
