"""Nynorsk machine drafts from bokmål with Apertium (Debian's ``apertium`` and
``apertium-nno-nob``), called as a program: ``apertium -u nob-nno`` reads bokmål on stdin and
writes nynorsk on stdout (``-u``: no marks on words it does not know).

Markdown is kept: code blocks, inline code, link addresses, bare addresses and HTML tags are
not sent at all, and each line's list marker, heading or quote mark stays as it is. What is
sent is the text between them, one piece a line, in one call per text, so that each piece
comes back on its own line.
"""

import re
import shutil
import subprocess
from dataclasses import dataclass

from django.conf import settings

PAIR = "nob-nno"
# A line's Markdown prefix: indentation, list marker, heading or quote.
PREFIX = re.compile(r"^(\s*(?:[-*+]\s+|\d+[.)]\s+|#{1,6}\s+|>\s?)*)")
# Parts of a line never translated: inline code, a link's address, bare addresses, tags.
LITERAL = re.compile(r"(`[^`]*`|\{\{[^}]*\}\}|\]\([^)]*\)|<[^>]+>|https?://\S+|\S+@\S+\.\w+)")
FENCE = re.compile(r"^\s*(```|~~~)")


class ApertiumError(Exception):
    """Apertium could not translate the text (not installed, failed, or too slow)."""


class ApertiumUnavailable(ApertiumError):
    """The program or its bokmål–nynorsk pair is not installed."""


@dataclass(frozen=True)
class _Piece:
    text: str
    translate: bool


def command() -> str:
    return getattr(settings, "APERTIUM_COMMAND", "apertium")


def is_available() -> bool:
    """Whether the program is on this machine (the pair is checked when it runs)."""
    return shutil.which(command()) is not None


def _pieces(text: str) -> list[_Piece]:
    pieces: list[_Piece] = []
    in_code = False
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        ending = line[len(body) :]
        if FENCE.match(body):
            in_code = not in_code
            pieces.append(_Piece(line, False))
            continue
        if in_code or not body.strip() or body.startswith(("    ", "\t")):
            pieces.append(_Piece(line, False))
            continue
        match = PREFIX.match(body)  # always matches: every part of it is optional
        prefix = match.group(1) if match else ""
        if prefix:
            pieces.append(_Piece(prefix, False))
        for index, part in enumerate(LITERAL.split(body[len(prefix) :])):
            if not part:
                continue
            is_literal = index % 2 == 1
            if is_literal or not part.strip():
                pieces.append(_Piece(part, False))
                continue
            # Keep the spaces around a piece: Apertium would drop them at a line's ends.
            lead = part[: len(part) - len(part.lstrip())]
            trail = part[len(part.rstrip()) :]
            if lead:
                pieces.append(_Piece(lead, False))
            pieces.append(_Piece(part.strip(), True))
            if trail:
                pieces.append(_Piece(trail, False))
        if ending:
            pieces.append(_Piece(ending, False))
    return pieces


def _run(lines: list[str]) -> list[str]:
    program = shutil.which(command())
    if program is None:
        raise ApertiumUnavailable(command())
    try:
        result = subprocess.run(  # noqa: S603 (a fixed program and arguments, no shell)
            [program, "-u", PAIR],
            input="\n".join(lines),
            capture_output=True,
            text=True,
            timeout=getattr(settings, "APERTIUM_TIMEOUT", 30),
            check=False,
        )
    except subprocess.TimeoutExpired as error:
        raise ApertiumError("timeout") from error
    except OSError as error:
        raise ApertiumUnavailable(str(error)) from error
    if result.returncode != 0:
        # Debian's apertium says so when the pair's mode is missing.
        if "mode" in result.stderr.lower() or "not found" in result.stderr.lower():
            raise ApertiumUnavailable(result.stderr.strip()[:200])
        raise ApertiumError(result.stderr.strip()[:200])
    out = result.stdout.rstrip("\n").split("\n")
    if len(out) != len(lines):
        raise ApertiumError("the translation came back with a different number of lines")
    return out


def translate_all(texts: dict[str, str]) -> dict[str, str]:
    """Several fields in one call of the program: {field: bokmål} → {field: nynorsk}.
    Raises ``ApertiumUnavailable`` or ``ApertiumError``; empty texts need no program."""
    pieces = {name: _pieces(value or "") for name, value in texts.items()}
    lines = [p.text for field in pieces.values() for p in field if p.translate]
    if not lines:
        return dict(texts)
    translated = iter(_run(lines))
    return {
        name: "".join(next(translated) if p.translate else p.text for p in field)
        for name, field in pieces.items()
    }


def translate(text: str) -> str:
    """``text`` (bokmål Markdown) in nynorsk."""
    return translate_all({"text": text})["text"]
