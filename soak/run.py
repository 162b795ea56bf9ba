# ruff: noqa: S311 - random picks what a simulated person does next, nothing secret
"""``make soak``: a short soak of the production-like portal (issue 16).

A fresh PostgreSQL database is created, migrated and given the demo; gunicorn serves it on the
loopback with DJANGO_ENV=production. Then SOAK_STAFF simulated staff (each their own account,
with the demo authenticator: a TOTP code is accepted once per account and step) log in with
two steps and, until SOAK_SECONDS have passed, read "Mitt arbeid" and cases, add entries with
unique texts and one-time tokens (now and then sending the same form twice, as a double click
does), hand their case over to a colleague and answer the hand-overs offered to them, and some
withdraw a consent; SOAK_PUBLIC anonymous visitors browse the public site. At the end: no 5xx,
and every write that got a success answer is in the database exactly once. Gunicorn is
stopped and the database dropped, also after a failure. Exit 1 on any 5xx or lost write.
"""

import os
import random
import re
import secrets
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from base64 import b32decode
from collections import Counter
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

import psycopg
import requests

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python")
GUNICORN = str(ROOT / ".venv" / "bin" / "gunicorn")
PG = os.environ.get("SOAK_PG", "postgres://postgres@127.0.0.1:5432")
DATABASE = f"bts_soak_{time.strftime('%Y%m%d%H%M%S')}_{secrets.token_hex(3)}"
PORT = int(os.environ.get("SOAK_PORT", "18000") or 0) or 18000
BASE = f"http://127.0.0.1:{PORT}"
STAFF = int(os.environ.get("SOAK_STAFF", "20"))
PUBLIC = int(os.environ.get("SOAK_PUBLIC", "4"))
SECONDS = float(os.environ.get("SOAK_SECONDS", "60"))
MAX_REQUESTS_PER_USER = 3000  # a bound whatever the speed
PASSWORD = "soak-passord-" + secrets.token_hex(4)
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
HANDOVER_ANSWER = re.compile(r"/ansatt/stafettlogg/(\d+)/overfor/(\d+)/svar/")
ENV = {
    **{k: v for k, v in os.environ.items() if not k.startswith(("DATABASE", "MIGRATE_", "DJANGO"))},
    "DATABASE_URL": f"{PG}/{DATABASE}",
    "LOG_LEVEL": "WARNING",
    "CACHE_URL": os.environ.get("SOAK_CACHE_URL", "redis://127.0.0.1:6379/10"),
}
ENV.pop("CELERY_BROKER_URL", None)  # tasks in-process: no worker is part of the soak
PRODUCTION_ENV = {
    **ENV,
    "DJANGO_ENV": "production",
    "SECRET_KEY": secrets.token_urlsafe(50),
    "CITIZEN_ID_SECRET": secrets.token_urlsafe(50),
    "ALLOWED_HOSTS": "127.0.0.1",
    "SECURE_SSL_REDIRECT": "false",
    "SECURE_HSTS_SECONDS": "0",
    "EMAIL_URL": "dummymail://",
}


@dataclass
class Tally:
    lock: threading.Lock = field(default_factory=threading.Lock)
    statuses: Counter = field(default_factory=Counter)
    errors: list = field(default_factory=list)
    refused: Counter = field(default_factory=Counter)  # 4xx by status, method and route
    entries: list = field(default_factory=list)  # texts answered with success
    handovers: list = field(default_factory=list)  # (case, to user) requested with success
    answers: list = field(default_factory=list)  # hand-over ids answered with success
    withdrawals: list = field(default_factory=list)  # (case, reason)
    count: int = 0

    def record(self, response: requests.Response) -> None:
        with self.lock:
            self.count += 1
            self.statuses[f"{response.status_code // 100}xx"] += 1
            if 400 <= response.status_code < 500:
                route = re.sub(r"/\d+/", "/<id>/", response.request.path_url)
                self.refused[f"{response.status_code} {response.request.method} {route}"] += 1
            if response.status_code >= 500:
                self.errors.append(
                    f"{response.status_code} {response.request.method} {response.url}"
                )


TALLY = Tally()


def session() -> requests.Session:
    s = requests.Session()
    s.headers.update({"X-Forwarded-Proto": "https", "Origin": f"https://127.0.0.1:{PORT}"})
    return s


def call(s: requests.Session, method: str, path: str, **kwargs) -> requests.Response:
    response = s.request(method, BASE + path, allow_redirects=False, timeout=30, **kwargs)
    # The soak plays the TLS-ending reverse proxy (X-Forwarded-Proto: https): the portal's
    # Secure cookies go back over the loopback's plain HTTP.
    for cookie in s.cookies:
        cookie.secure = False
    TALLY.record(response)
    return response


def csrf(s: requests.Session, path: str) -> tuple[str, requests.Response]:
    page = call(s, "GET", path)
    match = CSRF.search(page.text)
    return (match.group(1) if match else ""), page


# --- Set-up --------------------------------------------------------------------------------


def manage(*args: str, env: dict | None = None) -> None:
    subprocess.run(  # noqa: S603 - our manage.py, fixed arguments
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env or ENV, check=True,
        stdout=subprocess.DEVNULL,
    )  # fmt: skip


def prepare() -> list[dict]:
    """The soak's accounts and cases, written with the portal's own services."""
    os.environ.update(ENV)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bts_portal.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.utils import timezone
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from innlogging.management.commands.load_demo_second_factor import DEMO_TOTP_SECRET
    from organisasjon.models import Bruker, Tjeneste
    from organisasjon.services import membership_add
    from stafettlogg import services
    from stafettlogg.models import Samtykke

    key = b32decode(DEMO_TOTP_SECRET).hex()
    places = list(Tjeneste.objects.order_by("pk")[:2])
    users = []
    for number in range(STAFF):
        user = Bruker.objects.create_user(username=f"soak{number:02d}", password=PASSWORD,
                                          first_name=f"Soak {number:02d}")  # fmt: skip
        membership_add(user=user, tjeneste=places[number % 2], rolle="ansatt")
        TOTPDevice.objects.create(user=user, key=key, name="soak", confirmed=True)
        users.append(user)
    today = timezone.localdate()
    staff = []
    for number, user in enumerate(users):
        # cases[0] of each user is offered to the next one, who answers it.
        partner = users[(number + 1) % STAFF]
        cases = []
        for child in ("A", "B"):
            case = services.stafettlogg_open(
                user=user, tjeneste=places[number % 2], child_name=f"Soakbarn {number} {child}",
                child_birth_date=today - timedelta(days=5 * 365), guardians=[{"name": "Forelder"}],
                consent_data={"given_by": "Forelder", "method": Samtykke.Method.ORAL,
                              "given_on": today, "valid_until": today + timedelta(days=365)},
                services=places,
            )  # fmt: skip
            services.participant_add(
                case=case, by=user, user=partner, tjeneste=places[(number + 1) % 2]
            )
            cases.append(case.pk)
        staff.append({
            "username": user.username, "case": cases[0], "withdraw_case": cases[1],
            "partner": partner.pk, "partner_service": places[(number + 1) % 2].pk,
            "withdraws": number % 4 == 0,
        })  # fmt: skip
    for number, me in enumerate(staff):
        me["offered_case"] = staff[(number - 1) % STAFF]["case"]
    return staff


# --- The simulated people ------------------------------------------------------------------


def totp_code() -> str:
    from django_otp.oath import totp

    from innlogging.management.commands.load_demo_second_factor import DEMO_TOTP_SECRET

    return f"{totp(b32decode(DEMO_TOTP_SECRET)):06d}"


def log_in(s: requests.Session, username: str) -> None:
    token, _ = csrf(s, "/ansatt/logg-inn/")
    call(s, "POST", "/ansatt/logg-inn/", data={"csrfmiddlewaretoken": token, "username": username,
                                        "password": PASSWORD})  # fmt: skip
    token, _ = csrf(s, "/ansatt/innlogging/tofaktor/kode/")
    answer = call(s, "POST", "/ansatt/innlogging/tofaktor/kode/",
                  data={"csrfmiddlewaretoken": token, "code": totp_code()})  # fmt: skip
    if answer.status_code != 302:
        raise RuntimeError(f"{username}: second factor refused ({answer.status_code})")


def add_entry(s, me, case: int, *, twice: bool) -> None:
    token, _ = csrf(s, f"/ansatt/stafettlogg/{case}/")
    text = f"soak {me['username']} {uuid.uuid4().hex}"
    data = {"csrfmiddlewaretoken": token, "text": text, "token": str(uuid.uuid4())}
    answers = [call(s, "POST", f"/ansatt/stafettlogg/{case}/innslag/observasjon/", data=data)
               for _ in range(2 if twice else 1)]  # fmt: skip
    if any(a.status_code == 302 for a in answers):
        with TALLY.lock:
            TALLY.entries.append(text)


def hand_over(s, me) -> None:
    case = me["case"]
    token, _ = csrf(s, f"/ansatt/stafettlogg/{case}/")
    answer = call(
        s,
        "POST",
        f"/ansatt/stafettlogg/{case}/overfor/",
        data={
            "csrfmiddlewaretoken": token,
            "user": me["partner"],
            "tjeneste": me["partner_service"],
        },
    )
    if answer.status_code == 302:
        with TALLY.lock:
            TALLY.handovers.append((case, me["partner"]))


def answer_handovers(s, me) -> None:
    """Look at the colleague's case ("Mitt arbeid" links it; the answer form is on the case)."""
    call(s, "GET", "/ansatt/mitt-arbeid/")
    token, page = csrf(s, f"/ansatt/stafettlogg/{me['offered_case']}/")
    for case, handover in set(HANDOVER_ANSWER.findall(page.text)):
        answer = call(s, "POST", f"/ansatt/stafettlogg/{case}/overfor/{handover}/svar/",
                      data={"csrfmiddlewaretoken": token,
                            "answer": random.choice(["accept", "accept", "decline"])})  # fmt: skip
        if answer.status_code == 302:
            with TALLY.lock:
                TALLY.answers.append(int(handover))


def withdraw(s, me) -> None:
    case = me["withdraw_case"]
    token, _ = csrf(s, f"/ansatt/stafettlogg/{case}/samtykke/")
    reason = f"Foreldrene trakk samtykket ({me['username']})"
    answer = call(s, "POST", f"/ansatt/stafettlogg/{case}/samtykke/trekk/",
                  data={"csrfmiddlewaretoken": token, "reason": reason})  # fmt: skip
    if answer.status_code == 302:
        with TALLY.lock:
            TALLY.withdrawals.append((case, reason))


def staff_member(me: dict, deadline: float) -> None:
    s = session()
    try:
        log_in(s, me["username"])
    except (RuntimeError, requests.RequestException) as error:
        with TALLY.lock:
            TALLY.errors.append(f"login: {error}")
        return
    withdraw_at = time.monotonic() + random.uniform(5, SECONDS / 2)
    for _ in range(MAX_REQUESTS_PER_USER // 4):
        if time.monotonic() > deadline:
            return
        if me["withdraws"] and withdraw_at and time.monotonic() > withdraw_at:
            withdraw(s, me)
            withdraw_at = 0
        action = random.random()
        if action < 0.25:
            call(s, "GET", "/ansatt/mitt-arbeid/")
        elif action < 0.45:
            call(s, "GET", f"/ansatt/stafettlogg/{me['case']}/")
        elif action < 0.75:
            add_entry(s, me, me["case"], twice=random.random() < 0.1)
        elif action < 0.85:
            hand_over(s, me)
        else:
            answer_handovers(s, me)
        time.sleep(random.uniform(0.05, 0.3))


def visitor(deadline: float) -> None:
    s = session()
    paths = ["/", "/tiltak/"]
    for _ in range(MAX_REQUESTS_PER_USER):
        if time.monotonic() > deadline:
            return
        page = call(s, "GET", random.choice(paths))
        links = re.findall(r'href="(/[^"#?]*)"', page.text)
        paths += [link for link in links if not link.startswith(("/ansatt", "/admin", "/logg",
                  "/static", "/media")) and link not in paths][:20]  # fmt: skip
        paths = paths[:200]
        time.sleep(random.uniform(0.05, 0.3))


# --- Checking what was written -------------------------------------------------------------


def verify() -> list[str]:
    from stafettlogg.models import Innslag, Overforing, Samtykke

    lost = []
    counts = Counter(Innslag.objects.filter(text__in=TALLY.entries).values_list("text", flat=True))
    lost += [f"entry {text!r} stored {counts[text]} times" for text in TALLY.entries
             if counts[text] != 1]  # fmt: skip
    for case, to_user in set(TALLY.handovers):
        if not Overforing.objects.filter(stafettlogg_id=case, to_user_id=to_user).exists():
            lost.append(f"hand-over of case {case} to user {to_user} missing")
    for handover in TALLY.answers:
        if Overforing.objects.filter(pk=handover, status=Overforing.Status.PENDING).exists():
            lost.append(f"hand-over {handover} answered but still pending")
    for case, reason in TALLY.withdrawals:
        withdrawn = Samtykke.objects.filter(stafettlogg_id=case, withdrawn_reason=reason)
        if withdrawn.count() != 1:
            lost.append(f"withdrawal on case {case} stored {withdrawn.count()} times")
    return lost


def main() -> int:
    started = time.monotonic()
    with psycopg.connect(f"{PG}/postgres", autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{DATABASE}"')
    server = None
    log = tempfile.NamedTemporaryFile("w+", prefix="bts-soak-", suffix=".log")  # noqa: SIM115
    try:
        manage("migrate", "--no-input", "-v0")
        manage("load_demo")
        manage("load_demo_second_factor")
        # As the image does: production serves the hashed files whitenoise finds in STATIC_ROOT.
        manage("collectstatic", "--no-input", "-v0", env=PRODUCTION_ENV)
        staff = prepare()
        workers = int(os.environ.get("SOAK_WORKERS", "3"))
        server = subprocess.Popen(  # noqa: S603 - our gunicorn, fixed arguments
            [GUNICORN, "bts_portal.wsgi:application", "--bind", f"127.0.0.1:{PORT}",
             "--workers", str(workers), "--threads", "4", "--worker-class", "gthread",
             "--timeout", "60", "--log-level", "warning"],
            cwd=ROOT, env=PRODUCTION_ENV, stderr=log,
        )  # fmt: skip
        for _ in range(100):
            try:
                if requests.get(f"{BASE}/helse/live", timeout=10).status_code == 200:
                    break
            except requests.RequestException:
                time.sleep(0.2)
        else:
            raise RuntimeError("gunicorn did not answer /helse/live")
        setup = time.monotonic() - started
        print(f"soak: {DATABASE}, gunicorn {workers}x4 on {BASE}, {STAFF} staff and "
              f"{PUBLIC} visitors for {SECONDS:.0f} s (set-up {setup:.0f} s)")  # fmt: skip
        load_started = time.monotonic()
        deadline = load_started + SECONDS
        threads = [threading.Thread(target=staff_member, args=(me, deadline)) for me in staff]
        threads += [threading.Thread(target=visitor, args=(deadline,)) for _ in range(PUBLIC)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=SECONDS + 60)
        elapsed = time.monotonic() - load_started
        lost = verify()
        print(f"requests {TALLY.count} in {elapsed:.0f} s ({TALLY.count / elapsed:.1f}/s); "
              + ", ".join(f"{k} {v}" for k, v in sorted(TALLY.statuses.items())))  # fmt: skip
        print(f"writes answered with success: {len(TALLY.entries)} entries, "
              f"{len(set(TALLY.handovers))} hand-overs requested, {len(TALLY.answers)} answered, "
              f"{len(TALLY.withdrawals)} consents withdrawn; "
              f"{'all present exactly once' if not lost else f'{len(lost)} NOT'}")  # fmt: skip
        for refusal, count in TALLY.refused.most_common():
            print(f"  refused (4xx, expected when the baton moved or the log is locked): "
                  f"{count} x {refusal}")  # fmt: skip
        for problem in TALLY.errors[:20] + lost[:20]:
            print(f"  {problem}")
        if TALLY.errors:
            log.flush()
            print("gunicorn's log, the end:", Path(log.name).read_text()[-3000:], sep="\n")
        return 1 if TALLY.errors or lost or not TALLY.entries else 0
    finally:
        if server is not None:
            server.terminate()
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
        if "django.db" in sys.modules:  # the set-up's connection would block the drop
            from django.db import connections

            connections.close_all()
        with psycopg.connect(f"{PG}/postgres", autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)')
        print(f"soak: gunicorn stopped, {DATABASE} dropped ({time.monotonic() - started:.0f} s)")


if __name__ == "__main__":
    sys.exit(main())
