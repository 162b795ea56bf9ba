"""Why a service refused: one family of exceptions, one member per kind of refusal.

Every refusal of a service on a concern or a case log is a ``CaseError``; views that mean
"any refusal" catch that. The message is for the user (in Norwegian, through gettext) and
``reason`` is the access-log code for it (``bts_portal.permissions.Denial``), which decides
the page's status code (``stafettlogg.refusals``). ``ConsentError`` is the member for what
the guardians' consent does not allow: a service it does not name, or a new consent that
is not valid as given.
"""

from __future__ import annotations

from bts_portal.permissions import Denial


class CaseError(Exception):
    """A service refused; ``reason`` is the access-log code (a ``Denial`` value)."""

    default_reason: str = Denial.CONFLICT

    def __init__(self, message: str, reason: str | None = None) -> None:
        super().__init__(message)
        self.reason: str = reason or self.default_reason


class ConsentError(CaseError):
    """The guardians' consent does not allow it (a service not named, an invalid consent)."""

    default_reason = Denial.INVALID


class NotParticipant(CaseError):
    """The user does not take part in the case (or is not linked to it)."""

    default_reason = Denial.NOT_PARTICIPANT


class CaseLocked(CaseError):
    """The log is locked: no consent that is active today names the user's service."""

    default_reason = Denial.LOCKED


class CaseClosed(CaseError):
    """The case or the concern is closed: nothing more is written in it."""

    default_reason = Denial.NOT_WRITABLE


class NotPermitted(CaseError):
    """Not this user's act: not the baton holder, not the author, not working in the service."""

    default_reason = Denial.NOT_PERMITTED


class NotInService(CaseError):
    """The user (or the one they name) does not work in the service the act needs."""

    default_reason = Denial.NOT_PERMITTED


class InvalidRequest(CaseError):
    """What was asked for cannot be done as asked (nothing was saved)."""

    default_reason = Denial.INVALID


class Conflict(CaseError):
    """The case changed since the form was shown, or the act was done already."""

    default_reason = Denial.CONFLICT


_BY_REASON: dict[str, type[CaseError]] = {
    Denial.NOT_PARTICIPANT: NotParticipant,
    Denial.LOCKED: CaseLocked,
    Denial.NOT_WRITABLE: CaseClosed,
    Denial.NOT_PERMITTED: NotPermitted,
    Denial.INVALID: InvalidRequest,
    Denial.CONFLICT: Conflict,
}


def refusal(reason: str, message: str) -> CaseError:
    """The family's member for an access rule's ``Denial``, with the message for the user."""
    return _BY_REASON.get(reason, CaseError)(message, reason)
