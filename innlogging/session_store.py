"""Database sessions whose idle expiry is moved forward at most every ``REFRESH_SECONDS``.

The idle timeout needs every request to push the session's expiry on
(``SESSION_SAVE_EVERY_REQUEST``), which with the database engine is an UPDATE in its own
transaction on every page. Here a request that changed nothing in the session writes only
when the last write is at least ``REFRESH_SECONDS`` old, so the expiry is exact to within
that many seconds and a busy user costs one write per half minute instead of one per page.
A session that was changed (a login, a message, a verified second factor) is always saved.
"""

import time
from datetime import datetime

from django.contrib.sessions.backends.db import SessionStore as DatabaseStore
from django.contrib.sessions.models import Session
from django.utils import timezone

from bts_portal.prepared import prepared

REFRESH_SECONDS = 30
_SAVED_AT = "_saved_at"


@prepared(session_key=str, now=datetime)
def _live_session(session_key: str, now: datetime):
    return Session.objects.filter(session_key=session_key, expire_date__gt=now)


class SessionStore(DatabaseStore):
    def _get_session_from_db(self):
        """Django's own lookup (the session by its key, unless expired), prepared once: it
        is a query on every page a logged-in user opens (issue 19)."""
        session = None
        if self.session_key:
            session = _live_session.first(session_key=self.session_key, now=timezone.now())
        if session is None:
            self._session_key = None
        return session

    def save(self, must_create=False):
        if not must_create and not self.modified and self.session_key is not None:
            saved_at = self._get_session().get(_SAVED_AT, 0)  # type: ignore[attr-defined]
            if time.time() - saved_at < REFRESH_SECONDS:
                return
        self._get_session()[_SAVED_AT] = time.time()  # type: ignore[attr-defined]
        super().save(must_create=must_create)
