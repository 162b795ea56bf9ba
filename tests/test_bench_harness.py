"""``make bench``'s harness works end to end: gunicorn with production settings on the
loopback, the floor and one page, a table with the ratio to the floor. A smoke run (a second a
row, the Python load client, SQLite); the figures themselves are never asserted."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from .services import MISSING_PREFIX

ROOT = Path(__file__).resolve().parent.parent
GUNICORN = Path(sys.executable).with_name("gunicorn")
ROW = re.compile(r"^\s+(?P<label>.+?)\s{2,}(?P<visitor>\S+(?: \S+)?)\s+(?P<rate>\d+\.\d)\s+"
                 r"(?P<p50>\d+\.\d)\s+(?P<p95>\d+\.\d)\s+(?P<queries>[\d-]+)\s+"
                 r"(?P<ratio>\d+\.\d\d)×", re.MULTILINE)  # fmt: skip


def test_smoke_run_prints_the_ratio_to_the_floor():
    if not GUNICORN.exists():
        pytest.skip(f"{MISSING_PREFIX} gunicorn (not installed at {GUNICORN}): make install")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DATABASE", "DJANGO"))}
    completed = subprocess.run(  # the harness makes its own throw-away SQLite database
        [sys.executable, "bench/pages.py", "--smoke", "--client", "python", "--seconds", "0.5"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=240, check=False,
    )  # fmt: skip
    output = completed.stdout + completed.stderr
    assert completed.returncode == 0, output
    assert "× floor" in output, output
    rows = {(m["label"], m["visitor"]): m for m in ROW.finditer(completed.stdout)}
    assert ("floor (first)", "anonymous") in rows, output
    assert ("floor (last)", "anonymous") in rows, output
    assert ("front page", "as served") in rows, output
    assert ("front page", "uncached") in rows, output
    page = rows[("front page", "uncached")]
    assert float(page["rate"]) > 0
    assert page["queries"] != "-", "the probes counted the page's queries"
    assert rows[("floor (first)", "anonymous")]["queries"] == "0"
