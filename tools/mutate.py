"""`make mutate`: mutation testing of the rule modules with mutmut, and the score per module.

Run from the project root: ``.venv/bin/python tools/mutate.py [module ...]``, where a module is
named as in the table (``statistikk.disclosure``); without one, every rule module is run. The
modules and the tests run against their mutants are in pyproject.toml's ``[tool.mutmut]``
(mutmut runs, for each mutant, only the tests that called the mutated function). Each run starts
from an empty mutants/ directory, so a result never comes from a cache of older code or tests.

Then ``.venv/bin/mutmut results`` lists the survivors and ``.venv/bin/mutmut show <name>`` shows
one as a diff.
"""

import json
import os
import shutil
import subprocess
import sys
import time
import tomllib
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
# The migrated database each test run copies (tools/mutate_plugin.py).
TEMPLATE = Path(os.environ.setdefault("MUTATE_TEST_DB", str(ROOT / "var" / "mutate-test.sqlite3")))
WORKERS = os.environ.get("MUTATE_WORKERS", str(os.cpu_count() or 2))


def rule_modules() -> list[str]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["mutmut"]
    return [path.removesuffix(".py").replace("/", ".") for path in config["only_mutate"]]


def build_template() -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{TEMPLATE}{suffix}").unlink(missing_ok=True)
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{TEMPLATE}"}
    subprocess.run(  # noqa: S603 - this interpreter, fixed arguments
        [BIN / "python", "manage.py", "migrate", "--no-input", "-v", "0"],
        cwd=ROOT, env=env, check=True,
    )  # fmt: skip


def results() -> dict[str, Counter]:
    from mutmut.stats import status_by_exit_code

    counts = {}
    for meta in sorted((ROOT / "mutants").rglob("*.py.meta")):
        module = str(meta.relative_to(ROOT / "mutants")).removesuffix(".py.meta")
        codes = json.loads(meta.read_text())["exit_code_by_key"]
        counts[module.replace("/", ".")] = Counter(status_by_exit_code[c] for c in codes.values())
    return counts


def table(counts: dict[str, Counter], modules: list[str]) -> bool:
    columns = ("mutants", "killed", "survived", "timeout", "no tests", "other", "score")
    print(f"\n{'module':<26}" + "".join(f"{c:>10}" for c in columns))
    everything_passes = True
    for module in modules:
        count = counts.get(module, Counter())
        total = sum(count.values())
        # A mutant that makes the tests run out of time is caught too (an endless loop).
        killed = count["killed"] + count["timeout"]
        other = total - killed - count["survived"] - count["no tests"]
        score = 100 * killed / total if total else 0.0
        everything_passes &= score >= 90
        row = (total, count["killed"], count["survived"], count["timeout"], count["no tests"])
        print(f"{module:<26}" + "".join(f"{v:>10}" for v in (*row, other)) + f"{score:>9.1f}%")
    return everything_passes


def main(argv: list[str]) -> int:
    modules = argv or rule_modules()
    unknown = set(modules) - set(rule_modules())
    if unknown:
        sys.exit(f"Not a rule module in [tool.mutmut] only_mutate: {', '.join(sorted(unknown))}")
    start = time.monotonic()
    shutil.rmtree(ROOT / "mutants", ignore_errors=True)
    build_template()
    names = [f"{module}.*" for module in modules] if argv else []
    run = subprocess.run(  # noqa: S603 - mutmut from this interpreter's environment
        [BIN / "mutmut", "run", "--max-children", WORKERS, *names], cwd=ROOT, check=False
    )
    # A run killed at its time limit leaves its copy of the template behind.
    for copy in TEMPLATE.parent.glob(f"{TEMPLATE.stem}-*"):
        copy.unlink(missing_ok=True)
    passes = table(results(), modules)
    print(f"\n{time.monotonic() - start:.0f} s in all; `{BIN}/mutmut results` lists the survivors")
    if run.returncode:
        return run.returncode
    return 0 if passes else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
