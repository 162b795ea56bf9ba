"""Who the citizen is: the keyed hash of their national identity number, kept in the session.

A citizen is not a Django user. After an ID-porten login the session holds, under its own
key, only the HMAC-SHA256 of the ``pid`` claim (``CITIZEN_ID_SECRET``), the ``acr`` and the
login time; ``request.user`` stays anonymous, so no staff view lets a citizen in.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
from dataclasses import dataclass

from django.conf import settings

SESSION_KEY = "minside_citizen"
# The invitation a login was started from (its id, never its token).
INVITE_KEY = "minside_invitation"


def pid_hash(pid: str) -> str:
    """The keyed hash a link stores instead of the national identity number."""
    key = settings.CITIZEN_ID_SECRET.encode()
    return hmac.new(key, pid.strip().encode(), hashlib.sha256).hexdigest()


def new_token() -> tuple[str, str]:
    """A single-use link's token and the hash that is stored of it."""
    token = secrets.token_urlsafe(32)
    return token, token_hash(token)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@dataclass(frozen=True)
class Citizen:
    pid_hash: str
    acr: str
    login_at: float


def log_in(request, *, pid: str, acr: str) -> Citizen:
    """Start the citizen's session: a new session key, and only the hash of ``pid``."""
    request.session.cycle_key()
    citizen = Citizen(pid_hash=pid_hash(pid), acr=acr, login_at=time.time())
    request.session[SESSION_KEY] = {
        "pid_hash": citizen.pid_hash, "acr": citizen.acr, "login_at": citizen.login_at,
    }  # fmt: skip
    return citizen


def log_out(request) -> None:
    request.session.pop(SESSION_KEY, None)
    request.session.pop(INVITE_KEY, None)
    request.session.cycle_key()


def current(request) -> Citizen | None:
    """The logged-in citizen, or None; a login older than SESSION_ABSOLUTE_SECONDS has ended."""
    data = request.session.get(SESSION_KEY)
    if not data:
        return None
    if time.time() - data["login_at"] > settings.SESSION_ABSOLUTE_SECONDS:
        request.session.pop(SESSION_KEY, None)
        return None
    return Citizen(pid_hash=data["pid_hash"], acr=data["acr"], login_at=data["login_at"])
