"""What users feel (issue 19): the portal's pages through gunicorn, against the floor.

For each database (SQLite always; PostgreSQL too when DATABASE_URL names one) a throw-away
database gets the demo municipality with its history (``load_demo --history``), gunicorn
serves it on the loopback with DJANGO_ENV=production (BENCH_WORKERS sync workers, 2 as in
the issue), and a load generator keeps BENCH_CONCURRENCY (8) requests in flight against each
page for BENCH_SECONDS. Beside the pages the same server answers:

- ``/_floor/``: a Django view that does nothing, through all the portal's middleware (the
  *floor*, measured first and last; a page's ratio is its rate over the floor's mean rate);
- ``/_floor/`` again with a staff session: what the session alone costs a logged-in page;
- ``/_raw/``: an answer before Django (the ceiling of gunicorn and the load client: when it
  is far above the floor, the client is not what limits the figures).

Public pages are measured twice, as a new anonymous visitor (no cookies):
- *as served*: the same address every time, so whatever cache the portal has answers;
- *uncached*: every request with a query string of its own (``_bench=<n>``), which no cache
  keyed on the address can have stored: the page is built for each request, as for the first
  visitor after a change. (A ``Cache-Control: no-cache`` request header would not do: a
  server-side cache is free to ignore it, and then "uncached" would measure the cache.)
Staff pages are measured as a member of a demo service with the second factor given, one
session per connection, each made as a login leaves it (bench/_prepare.py).

Queries per request come from a few probes after each run (bench/server/middleware.py).
Then the cost of a login: the password POST (the production password hasher) and the
second-factor POST. Timings are printed, never asserted; they depend on what else the
machine is doing. Exit 1 if any answer was not a 200 (or a login failed), 3 if gunicorn did
not start.

    .venv/bin/python bench/pages.py            # SQLite, and PostgreSQL if DATABASE_URL is set
    .venv/bin/python bench/pages.py --smoke    # the floor and one page, a second each
"""

from __future__ import annotations

import argparse
import hashlib
import hmac
import http.client
import json
import os
import re
import secrets
import shutil
import socket
import statistics
import struct
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(BENCH))

import _load  # noqa: E402

PYTHON = sys.executable
GUNICORN = str(Path(sys.executable).with_name("gunicorn"))
WORKERS = int(os.environ.get("BENCH_WORKERS", "2"))
CONCURRENCY = int(os.environ.get("BENCH_CONCURRENCY", "8"))
SECONDS = float(os.environ.get("BENCH_SECONDS", "10"))
WARMUP = float(os.environ.get("BENCH_WARMUP", "2"))
PROBES = 5
HEADERS = {
    # As the municipality's TLS-ending proxy passes every request on.
    "X-Forwarded-Proto": "https",
    "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
    "Accept-Language": "nb-NO,nb;q=0.9,no;q=0.8,en;q=0.5",
    "User-Agent": "bts-bench",
}
FOUR_FILTERS = "alder=8&tema=psykisk-helse&tema=foreldrestotte&nivaa=1&nivaa=2&tilgang=lavterskel"
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@dataclass
class Page:
    label: str
    path: str  # "{case}" is the participant's case
    staff: bool = False
    # Issue 19's "done when", printed beside the ratio (never asserted): as served, uncached.
    goals: tuple[float | None, float | None] = (0.5, 0.15)


PAGES = [
    Page("front page", "/"),
    Page("model overview", "/modell/"),
    Page("guide level 1", "/veileder/nivaa/1/"),
    Page("catalogue, four filters", f"/tiltak/?{FOUR_FILTERS}"),
    Page("search samarbeid", "/sok/?q=samarbeid", goals=(0.5, 0.2)),
    Page('"Mitt arbeid"', "/ansatt/mitt-arbeid/", staff=True, goals=(0.2, None)),
    Page("case page, participant", "/ansatt/stafettlogg/{case}/", staff=True, goals=(0.2, None)),
]
SMOKE_PAGE = "front page"  # renders from the migrations' content alone: no demo needed


@dataclass
class Row:
    label: str
    visitor: str
    path: str
    result: _load.Result | None = None
    queries: list[int] = field(default_factory=list)
    cache: Counter = field(default_factory=Counter)
    cookies: set[str] = field(default_factory=set)
    goal: float | None = None
    failure: str = ""


class ServerDidNotStart(RuntimeError):
    pass


# --- Databases -----------------------------------------------------------------------------


@dataclass
class Database:
    name: str  # "SQLite" or "PostgreSQL"
    url: str
    drop: Callable[[], object]


def sqlite_database(workdir: Path) -> Database:
    path = workdir / "bench.sqlite3"
    return Database("SQLite", f"sqlite:///{path}", lambda: path.unlink(missing_ok=True))


def postgresql_database(server_url: str) -> Database:
    """A new database beside the one DATABASE_URL names, on the same server and role."""
    import psycopg

    name = f"bts_bench_{time.strftime('%Y%m%d%H%M%S')}_{secrets.token_hex(3)}"
    parts = urlsplit(server_url)
    url = urlunsplit(parts._replace(path=f"/{name}"))
    password = os.environ.get("DATABASE_PASSWORD") or None
    with psycopg.connect(server_url, password=password, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')

    def drop() -> None:
        with psycopg.connect(server_url, password=password, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    return Database("PostgreSQL", url, drop)


# --- Environments and processes ------------------------------------------------------------


def base_env(database_url: str) -> dict[str, str]:
    drop = ("DATABASE", "MIGRATE_", "DJANGO", "CACHE_URL", "REDIS_URL", "CELERY_BROKER_URL")
    return {
        **{k: v for k, v in os.environ.items() if not k.startswith(drop)},
        "DATABASE_URL": database_url,
        "LOG_LEVEL": "WARNING",
        # Local memory (each worker its own) unless the run names a shared cache (Redis).
        "CACHE_URL": os.environ.get("BENCH_CACHE_URL", "locmemcache://"),
        "EMAIL_URL": "dummymail://",
    }


def production_env(env: dict, *, static_root: Path, secret: str, plain_static: bool) -> dict:
    return {
        **env,
        "DJANGO_ENV": "production",
        "DJANGO_SETTINGS_MODULE": "bench.server.settings",
        "SECRET_KEY": secret,
        # Production refuses to start without its own keys; the benchmark's are throw-away.
        "CITIZEN_ID_SECRET": secrets.token_hex(32),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "BENCH_STATIC_ROOT": str(static_root),
        "BENCH_PLAIN_STATIC": "1" if plain_static else "0",
    }


def manage(*args: str, env: dict) -> float:
    started = time.perf_counter()
    subprocess.run(  # noqa: S603 - our manage.py, fixed arguments
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL
    )
    return time.perf_counter() - started


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_gunicorn(env: dict, port: int, log) -> subprocess.Popen:
    if not Path(GUNICORN).exists():
        raise ServerDidNotStart(f"no gunicorn at {GUNICORN}")
    server = subprocess.Popen(  # noqa: S603 - our gunicorn, fixed arguments
        [GUNICORN, "bench.server.wsgi:application", "--bind", f"127.0.0.1:{port}",
         "--workers", str(WORKERS), "--worker-class", "sync", "--timeout", "60",
         "--log-level", "warning"],
        cwd=ROOT, env=env, stdout=log, stderr=log,
    )  # fmt: skip
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise ServerDidNotStart(f"gunicorn exited with {server.returncode}")
        try:
            if get(port, "/_floor/").status == 200:
                return server
        except OSError:
            pass
        time.sleep(0.2)
    stop(server)
    raise ServerDidNotStart("gunicorn did not answer /_floor/ within 120 s")


def stop(server: subprocess.Popen) -> None:
    server.terminate()
    try:
        server.wait(timeout=30)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()


@dataclass
class Answer:
    status: int
    headers: http.client.HTTPMessage
    body: bytes


def get(port: int, path: str, headers: dict | None = None) -> Answer:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        connection.request("GET", path, headers={**HEADERS, **(headers or {})})
        response = connection.getresponse()
        return Answer(response.status, response.headers, response.read())
    finally:
        connection.close()


# --- The staff's sessions and logins -------------------------------------------------------


def prepare(env: dict) -> dict:
    completed = subprocess.run(  # noqa: S603 - our own script
        [PYTHON, str(BENCH / "_prepare.py")],
        cwd=ROOT, env=env, check=False, capture_output=True, text=True,
    )  # fmt: skip
    if completed.returncode != 0:
        raise RuntimeError(f"bench/_prepare.py failed:\n{completed.stderr[-3000:]}")
    return json.loads(completed.stdout.strip().splitlines()[-1])


def cookie_header(jar: dict[str, str]) -> str:
    return "; ".join(f"{name}={value}" for name, value in jar.items())


def set_cookies(answer: Answer) -> dict[str, str]:
    jar = {}
    for header in answer.headers.get_all("Set-Cookie") or []:
        name, _, rest = header.partition("=")
        jar[name.strip()] = rest.split(";", 1)[0]
    return jar


def staff_cookies(port: int, prepared: dict) -> list[str]:
    """One Cookie header per session, with the cookies a first page sets added, as a browser
    sends them back."""
    headers = []
    for key in prepared["sessions"]:
        jar = {prepared["session_cookie"]: key}
        answer = get(port, "/ansatt/mitt-arbeid/", {"Cookie": cookie_header(jar)})
        if answer.status != 200:
            raise RuntimeError(f"the bench session got {answer.status} on /ansatt/mitt-arbeid/")
        jar.update(set_cookies(answer))
        headers.append(cookie_header(jar))
    return headers


def totp(key_hex: str, at: float | None = None) -> str:
    """RFC 6238 as django-otp's TOTPDevice defaults do it: SHA-1, 30 s steps, six digits."""
    counter = int((time.time() if at is None else at) // 30)
    digest = hmac.new(bytes.fromhex(key_hex), struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    number = struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF
    return f"{number % 1_000_000:06d}"


def login_costs(port: int, accounts: list[dict]) -> dict[str, list[float]]:
    """Each account logs in once, one after the other: the password POST, then the code."""
    import requests

    base = f"http://127.0.0.1:{port}"
    costs: dict[str, list[float]] = {"password": [], "second factor": []}

    def call(session, method, path, **kwargs):
        answer = session.request(method, base + path, allow_redirects=False, timeout=60, **kwargs)
        for cookie in session.cookies:  # the proxy's HTTPS ends before the loopback
            cookie.secure = False
        return answer

    for account in accounts:
        session = requests.Session()
        session.headers.update({**HEADERS, "Origin": f"https://127.0.0.1:{port}"})
        page = call(session, "GET", "/ansatt/logg-inn/")
        # No token: the AttributeError is a failed login (bench_database catches it).
        data = {"csrfmiddlewaretoken": CSRF.search(page.text).group(1),  # type: ignore[union-attr]
                "username": account["username"], "password": account["password"]}  # fmt: skip
        started = time.perf_counter()
        answer = call(session, "POST", "/ansatt/logg-inn/", data=data)
        costs["password"].append((time.perf_counter() - started) * 1000)
        if answer.status_code != 302 or "tofaktor" not in answer.headers.get("Location", ""):
            raise RuntimeError(f"password login answered {answer.status_code}, no second factor")
        page = call(session, "GET", answer.headers["Location"])
        data = {"csrfmiddlewaretoken": CSRF.search(page.text).group(1),  # type: ignore[union-attr]
                "code": totp(account["key"])}  # fmt: skip
        started = time.perf_counter()
        answer = call(session, "POST", urlsplit(answer.headers["Location"]).path, data=data)
        costs["second factor"].append((time.perf_counter() - started) * 1000)
        if answer.status_code != 302:
            raise RuntimeError(f"the second factor answered {answer.status_code}")
    return costs


# --- Measuring -----------------------------------------------------------------------------


def measure(port: int, row: Row, target: _load.Target, *, client: str, seconds: float) -> Row:
    base = f"http://127.0.0.1:{port}"
    first = get(port, _load.unique_path(target.path, "first") if target.unique else target.path,
                {"Cookie": target.cookies[0]} if target.cookies else None)  # fmt: skip
    if first.status != 200:
        row.failure = f"answered {first.status} before the run"
        return row
    if WARMUP > 0:
        _load.run(client, base, target, seconds=min(WARMUP, seconds), concurrency=CONCURRENCY)
    row.result = _load.run(client, base, target, seconds=seconds, concurrency=CONCURRENCY)
    for number in range(PROBES):
        path = _load.unique_path(target.path, f"probe-{number}") if target.unique else target.path
        headers = {"X-Bench-Queries": "1"}
        if target.cookies:
            headers["Cookie"] = target.cookies[number % len(target.cookies)]
        answer = get(port, path, headers)
        if answer.status != 200:
            row.failure = f"a probe after the run answered {answer.status}"
        if "X-Bench-Queries" in answer.headers:
            row.queries.append(int(answer.headers["X-Bench-Queries"]))
        row.cache[answer.headers.get("X-Cache", "-")] += 1
        row.cookies |= set(set_cookies(answer))
    return row


def bench_database(database: Database, args, static_root: Path, collect) -> bool:
    """Fill, serve and measure one database; print its table. True if every answer was 200."""
    smoke = args.smoke
    seconds = args.seconds
    env = base_env(database.url)
    prod = production_env(env, static_root=static_root, secret=secrets.token_urlsafe(50),
                          plain_static=smoke)  # fmt: skip
    started = time.perf_counter()
    filled = {"migrate": manage("migrate", "--no-input", "-v0", env=env)}
    if not smoke:
        filled["load_demo --history"] = manage("load_demo", "--history", env=env)
    prepared = prepare(prod) if not smoke else None
    # The static files, collected while the database was filled.
    if collect is not None and collect.wait() != 0:
        raise RuntimeError("collectstatic failed")
    port = free_port()
    log = tempfile.NamedTemporaryFile("w+", prefix="bts-bench-gunicorn-", suffix=".log")  # noqa: SIM115
    try:
        server = start_gunicorn(prod, port, log)
    except ServerDidNotStart as error:
        log.flush()
        tail = Path(log.name).read_text()[-3000:]
        raise ServerDidNotStart(f"{error}; its log:\n{tail}") from None
    load_before = os.getloadavg()
    ok = True
    rows: list[Row] = []
    logins: dict[str, list[float]] | str | None = None
    try:
        cookies = staff_cookies(port, prepared) if prepared else []
        plain = _load.Target("/_floor/", dict(HEADERS))
        rows.append(measure(port, Row("bare WSGI, no Django", "-", "/_raw/"),
                            _load.Target("/_raw/", dict(HEADERS)), client=args.client,
                            seconds=seconds))  # fmt: skip
        rows.append(measure(port, Row("floor (first)", "anonymous", "/_floor/"), plain,
                            client=args.client, seconds=seconds))  # fmt: skip
        pages = [p for p in PAGES if p.label == SMOKE_PAGE] if smoke else PAGES
        for page in pages:
            path = page.path.format(case=prepared["case"] if prepared else 0)
            if page.staff:
                target = _load.Target(path, dict(HEADERS), cookies=cookies)
                rows.append(measure(port, Row(page.label, "staff, 2FA", path, goal=page.goals[0]),
                                    target, client=args.client, seconds=seconds))  # fmt: skip
                continue
            for visitor, unique, goal in (("as served", False, page.goals[0]),
                                          ("uncached", True, page.goals[1])):  # fmt: skip
                target = _load.Target(path, dict(HEADERS), unique=unique)
                rows.append(measure(port, Row(page.label, visitor, path, goal=goal), target,
                                    client=args.client, seconds=seconds))  # fmt: skip
        if cookies:  # what a logged-in session costs by itself: read, checked, saved
            rows.append(measure(port, Row("floor, logged in", "staff, 2FA", "/_floor/"),
                                _load.Target("/_floor/", dict(HEADERS), cookies=cookies),
                                client=args.client, seconds=seconds))  # fmt: skip
        rows.append(measure(port, Row("floor (last)", "anonymous", "/_floor/"), plain,
                            client=args.client, seconds=seconds))  # fmt: skip
        if prepared:
            try:
                logins = login_costs(port, prepared["logins"])
            except (RuntimeError, AttributeError, OSError) as error:
                logins = f"failed: {error}"
                ok = False
    finally:
        stop(server)
        load_after = os.getloadavg()
        log.flush()
        server_log = Path(log.name).read_text()
        log.close()
    ok = report(database, args, rows, logins, prepared, filled, started,
                (load_before, load_after)) and ok  # fmt: skip
    if not ok and server_log.strip():
        print("gunicorn's log, the end:", server_log[-3000:], sep="\n")
    return ok


# --- Printing ------------------------------------------------------------------------------


def report(database, args, rows, logins, prepared, filled, started, loads) -> bool:
    floors = [r.result.rate for r in rows if r.label.startswith("floor (") and r.result]
    floor = statistics.mean(floors) if floors else 0.0
    print()
    print(f"== {database.name}: gunicorn {WORKERS} sync workers, DJANGO_ENV=production, "
          f"client {args.client}, concurrency {CONCURRENCY}, {args.seconds:g} s a row "
          f"after {min(WARMUP, args.seconds):g} s of warm-up")  # fmt: skip
    print("   set-up: " + ", ".join(f"{what} {s:.0f} s" for what, s in filled.items())
          + f"; load average {loads[0][0]:.1f} before, {loads[1][0]:.1f} after")  # fmt: skip
    if prepared:
        print(f"   data: {prepared['cases']} cases, {prepared['entries']} entries; "
              f"{prepared['staff_user']} (second factor given) is in {prepared['my_active_cases']} "
              f"active cases; the participant's case {prepared['case']} has "
              f"{prepared['case_entries']} entries and {prepared['case_participants']} "
              "participants")  # fmt: skip
    header = (f"   {'page':<26} {'visitor':<11} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} "
              f"{'queries':>8} {'× floor':>8} {'goal':>6}  cache  cookies set")  # fmt: skip
    print(header)
    print("   " + "-" * (len(header) - 3))
    ok = True
    for row in rows:
        if row.result is None:
            print(f"   {row.label:<26} {row.visitor:<11} FAILED: {row.failure}")
            ok = False
            continue
        result = row.result
        queries = "-"
        if row.queries:
            low, high = min(row.queries), max(row.queries)
            queries = str(low) if low == high else f"{low}-{high}"
        ratio = result.rate / floor if floor else 0.0
        goal = f"≥{row.goal:.2f}" if row.goal is not None else ""
        cache = "/".join(sorted(row.cache)) if row.cache else "-"
        print(f"   {row.label:<26} {row.visitor:<11} {result.rate:8.1f} {result.p50_ms:8.1f} "
              f"{result.p95_ms:8.1f} {queries:>8} {ratio:7.2f}× {goal:>6}  {cache:<5}  "
              f"{', '.join(sorted(row.cookies)) or '-'}")  # fmt: skip
        if result.statuses or row.failure:
            bad = ", ".join(f"{n} × {status or 'socket error'}" for status, n in
                            sorted(result.statuses.items()))  # fmt: skip
            print(f"   {'':<26} NOT 200: {bad or row.failure} of {result.requests} requests")
            ok = False
    raw = next((r.result.rate for r in rows if r.label.startswith("bare") and r.result), 0)
    if floor and raw:
        print(f"   the floor is {floor / raw:.0%} of the bare WSGI answer's rate"
              + ("; the client or server may bound it" if raw < 2 * floor else ""))  # fmt: skip
    if isinstance(logins, dict):
        for step, samples in logins.items():
            print(
                f"   login, {step} POST: median {statistics.median(samples):.0f} ms, "
                f"max {max(samples):.0f} ms over {len(samples)} logins, one at a time"
            )
    elif logins:
        print(f"   login: {logins}")
    print(f"   ({time.perf_counter() - started:.0f} s for {database.name})")
    return ok


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--smoke", action="store_true",
                        help="the floor and one page, briefly, without the demo data")  # fmt: skip
    parser.add_argument("--client", choices=["auto", "wrk", "python"], default="auto")
    parser.add_argument("--seconds", type=float, default=None)
    parser.add_argument("--database", choices=["auto", "sqlite", "postgresql"], default="auto")
    args = parser.parse_args(argv)
    if args.client == "auto":
        args.client = "wrk" if _load.available("wrk") else "python"
    if args.client == "wrk" and not _load.available("wrk"):
        parser.error("wrk is not installed (apt-get install wrk)")
    if args.seconds is None:
        args.seconds = 1.0 if args.smoke else SECONDS
    if args.client == "wrk":
        args.seconds = max(1.0, round(args.seconds))
    server_url = os.environ.get("DATABASE_URL", "")
    is_postgresql = server_url.startswith(("postgres://", "postgresql://"))
    if args.database == "postgresql" and not is_postgresql:
        parser.error("--database postgresql needs DATABASE_URL=postgres://...")
    kinds = {"auto": ["sqlite"] + (["postgresql"] if is_postgresql else []),
             "sqlite": ["sqlite"], "postgresql": ["postgresql"]}[args.database]  # fmt: skip
    workdir = Path(tempfile.mkdtemp(prefix="bts-bench-"))
    static_root = workdir / "static"
    static_root.mkdir()
    collect = None
    if not args.smoke:
        env = production_env(base_env(f"sqlite:///{workdir / 'unused.sqlite3'}"),
                             static_root=static_root, secret=secrets.token_urlsafe(50),
                             plain_static=False)  # fmt: skip
        collect = subprocess.Popen(  # noqa: S603 - our manage.py, fixed arguments
            [PYTHON, "manage.py", "collectstatic", "--no-input", "-v0"],
            cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
        )  # fmt: skip
    ok = True
    try:
        for kind in kinds:
            database = (sqlite_database(workdir) if kind == "sqlite"
                        else postgresql_database(server_url))  # fmt: skip
            try:
                ok = bench_database(database, args, static_root, collect) and ok
            finally:
                database.drop()
            collect = None
    except ServerDidNotStart as error:
        print(f"gunicorn could not start: {error}")
        return 3
    finally:
        if collect is not None and collect.poll() is None:
            collect.kill()
        shutil.rmtree(workdir, ignore_errors=True)
    return 0 if ok else 1


if __name__ == "__main__":
    # Each table line as it is printed (the real stdout is a TextIOWrapper).
    sys.stdout.reconfigure(line_buffering=True)  # type: ignore[union-attr]
    sys.exit(main())
