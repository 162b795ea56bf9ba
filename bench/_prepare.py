"""The benchmark's logged-in visitors, written into the throw-away database before gunicorn
starts; prints what the load client needs as JSON on stdout.

Run by bench/pages.py with the server's own environment (the same SECRET_KEY, so the
sessions written here are the server's). A staff member of the demo gets BENCH_SESSIONS
sessions as a login with the second factor leaves them (``innlogging.sessions.VERIFIED`` set,
as tests/conftest.py's ``force_login`` does), one per load connection; the case is the demo
case with the most entries where that member is a participant and not the baton holder.
A few extra accounts, with a password and a TOTP device each, are for timing the login.
"""

import json
import os
import secrets
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.server.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth.hashers import make_password  # noqa: E402
from django.db.models import Count, Q  # noqa: E402
from django.test import Client  # noqa: E402
from django_otp.plugins.otp_totp.models import TOTPDevice  # noqa: E402

from innlogging.sessions import VERIFIED  # noqa: E402
from organisasjon.models import Bruker  # noqa: E402
from organisasjon.services import membership_add  # noqa: E402
from stafettlogg.models import Innslag, Stafettlogg  # noqa: E402

STAFF_USER = os.environ.get("BENCH_STAFF_USER", "ansatt.skole")
SESSIONS = int(os.environ.get("BENCH_SESSIONS", "8"))
LOGINS = int(os.environ.get("BENCH_LOGINS", "5"))


def verified_session(user) -> str:
    client = Client()
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    session = client.session
    session[VERIFIED] = "bench"
    session.save()
    assert session.session_key is not None  # saved just above
    return session.session_key


def participant_case(user) -> Stafettlogg:
    cases = (
        Stafettlogg.objects.filter(
            status="active", participants__user=user, participants__removed_at=None
        )
        .exclude(stafettholder=user)
        .annotate(n_entries=Count("entries", distinct=True))
        .order_by("-n_entries", "pk")
    )
    case = cases.first()
    if case is None:
        raise SystemExit(f"{STAFF_USER} is a participant in no active case of someone else")
    return case


def login_accounts(user) -> list[dict]:
    """Accounts that log in with a password and a TOTP code, each with its own device (a
    code is accepted once per device and time step)."""
    password = secrets.token_urlsafe(16)
    hashed = make_password(password)  # once: the production hasher is slow on purpose
    service = user.memberships.select_related("tjeneste").first().tjeneste
    accounts = []
    for number in range(LOGINS):
        account, _ = Bruker.objects.update_or_create(
            username=f"bench.login.{number}", defaults={"password": hashed, "is_active": True}
        )
        membership_add(user=account, tjeneste=service, rolle="ansatt")
        TOTPDevice.objects.filter(user=account).delete()
        device = TOTPDevice.objects.create(user=account, name="bench", confirmed=True)
        accounts.append({"username": account.username, "password": password, "key": device.key})
    return accounts


def main() -> None:
    user = Bruker.objects.get(username=STAFF_USER)
    case = participant_case(user)
    mine = Stafettlogg.objects.filter(
        Q(stafettholder=user) | Q(participants__user=user, participants__removed_at=None),
        status="active",
    ).distinct()
    print(
        json.dumps(
            {
                "staff_user": STAFF_USER,
                "session_cookie": settings.SESSION_COOKIE_NAME,
                "sessions": [verified_session(user) for _ in range(SESSIONS)],
                "case": case.pk,
                "case_entries": case.n_entries,  # type: ignore[attr-defined]  # annotated by participant_case
                "case_participants": case.participants.filter(removed_at=None).count(),
                "my_active_cases": mine.count(),
                "cases": Stafettlogg.objects.count(),
                "entries": Innslag.objects.count(),
                "logins": login_accounts(user),
            }
        )
    )


if __name__ == "__main__":
    main()
