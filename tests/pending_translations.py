"""Translations written with a change but not yet merged into locale/ (var/i18n/*.txt).

Each line there is ``msgid|bokmål|nynorsk``. A test that checks a new Norwegian message asks
for the ``pending_translations`` fixture: it lets the bokmål catalogue fall back on those
lines. Once they are merged into the catalogue, the catalogue answers first and the fixture
adds nothing.
"""

import gettext
from pathlib import Path

import pytest
from django.utils import translation
from django.utils.translation import trans_real

PENDING = Path(__file__).resolve().parent.parent / "var" / "i18n"


class _Pending(gettext.NullTranslations):
    def __init__(self, messages: dict[str, str]):
        super().__init__()
        self.messages = messages

    def gettext(self, message):
        if message in self.messages:
            return self.messages[message]
        return super().gettext(message)


def _bokmal_lines() -> dict[str, str]:
    messages = {}
    for path in sorted(PENDING.glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            parts = line.split("|")
            if len(parts) == 3:
                messages[parts[0]] = parts[1]
    return messages


@pytest.fixture
def pending_translations():
    catalogue = trans_real.translation("nb")
    saved = catalogue._fallback
    pending = _Pending(_bokmal_lines())
    if saved is not None:
        pending.add_fallback(saved)
    catalogue._fallback = pending
    with translation.override("nb"):
        yield
    catalogue._fallback = saved
