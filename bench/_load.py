"""Load generators for bench/pages.py: ``wrk`` (Debian's package) when it is installed, and a
small Python client otherwise. Both keep ``concurrency`` requests in flight for ``seconds``
(a closed loop: each connection sends its next request when the answer has come), and
report requests per second, p50/p95 latency and every answer that was not a 200.

A target may be ``unique``: each request then gets a query string of its own
(``_bench=<thread>-<n>``), so no cache keyed on the address can answer it from store.
"""

from __future__ import annotations

import http.client
import json
import shutil
import subprocess
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass, field


@dataclass
class Target:
    path: str
    headers: dict[str, str] = field(default_factory=dict)
    cookies: list[str] = field(default_factory=list)  # Cookie headers, rotated per request
    unique: bool = False


@dataclass
class Result:
    requests: int
    seconds: float
    p50_ms: float
    p95_ms: float
    statuses: Counter  # answers other than 200, by status (0: a socket error)

    @property
    def rate(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0


def unique_path(path: str, tag: str) -> str:
    return f"{path}{'&' if '?' in path else '?'}_bench={tag}"


WRK = shutil.which("wrk") or "wrk"


def available(name: str) -> bool:
    if name == "wrk":
        return shutil.which("wrk") is not None
    return name == "python"


# --- wrk -----------------------------------------------------------------------------------

_LUA = """
local config = %(config)s
local counter = 0
local bad = {}
local threads = {}
local id = 0

function setup(thread)
  id = id + 1
  thread:set("id", id)
  table.insert(threads, thread)
end

function init(args)
  bad = {}
end

request = function()
  counter = counter + 1
  local headers = {}
  for k, v in pairs(config.headers) do headers[k] = v end
  if #config.cookies > 0 then
    headers["Cookie"] = config.cookies[(counter %% #config.cookies) + 1]
  end
  local path = config.path
  if config.unique then
    local sep = "?"
    if string.find(path, "?", 1, true) then sep = "&" end
    path = path .. sep .. "_bench=" .. id .. "-" .. counter
  end
  return wrk.format("GET", path, headers)
end

response = function(status, headers, body)
  if status ~= 200 then
    local key = tostring(status)
    bad[key] = (bad[key] or 0) + 1
  end
end

function done(summary, latency, requests)
  local statuses = {}
  for _, thread in ipairs(threads) do
    local counts = thread:get("bad")
    if counts then
      for k, v in pairs(counts) do statuses[k] = (statuses[k] or 0) + v end
    end
  end
  local parts = {}
  for k, v in pairs(statuses) do table.insert(parts, string.format('"%%s": %%d', k, v)) end
  local errors = summary.errors
  local socket_errors = errors.connect + errors.read + errors.write + errors.timeout
  io.write(string.format(
    'BENCH-RESULT {"requests": %%d, "micros": %%d, "p50": %%d, "p95": %%d, ' ..
    '"socket_errors": %%d, "statuses": {%%s}}\\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(95),
    socket_errors, table.concat(parts, ", ")))
end
"""


def _lua_string(value: str) -> str:
    return json.dumps(value)  # a JSON string is a valid Lua string literal for our ASCII


def _lua_config(target: Target) -> str:
    headers = ", ".join(f"[{_lua_string(k)}] = {_lua_string(v)}" for k, v in target.headers.items())
    cookies = ", ".join(_lua_string(c) for c in target.cookies)
    return (
        f"{{path = {_lua_string(target.path)}, unique = {'true' if target.unique else 'false'}, "
        f"headers = {{{headers}}}, cookies = {{{cookies}}}}}"
    )


def run_wrk(base: str, target: Target, *, seconds: float, concurrency: int) -> Result:
    with tempfile.NamedTemporaryFile("w", suffix=".lua", prefix="bts-bench-") as script:
        script.write(_LUA % {"config": _lua_config(target)})
        script.flush()
        threads = max(1, min(2, concurrency))
        command = [WRK, "-t", str(threads), "-c", str(concurrency), "-d",
                   f"{max(seconds, 1):.0f}s", "--timeout", "30s", "-s", script.name,
                   base + target.path]  # fmt: skip
        completed = subprocess.run(  # noqa: S603 - wrk with our own arguments
            command, capture_output=True, text=True, check=False
        )
    line = next((x for x in completed.stdout.splitlines() if x.startswith("BENCH-RESULT ")), None)
    if completed.returncode != 0 or line is None:
        raise RuntimeError(f"wrk failed ({completed.returncode}): {completed.stderr.strip()}")
    data = json.loads(line.removeprefix("BENCH-RESULT "))
    statuses = Counter({int(k): v for k, v in data["statuses"].items()})
    if data["socket_errors"]:
        statuses[0] += data["socket_errors"]
    return Result(
        requests=data["requests"],
        seconds=data["micros"] / 1e6,
        p50_ms=data["p50"] / 1000,
        p95_ms=data["p95"] / 1000,
        statuses=statuses,
    )


# --- The Python client ---------------------------------------------------------------------


def _percentile(samples: list[float], share: float) -> float:
    if not samples:
        return 0.0
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]


def run_python(base: str, target: Target, *, seconds: float, concurrency: int) -> Result:
    """``concurrency`` threads, each with its own keep-alive connection (re-opened when the
    server closes it, as gunicorn's sync workers do after every answer)."""
    host, port = base.removeprefix("http://").split(":")
    latencies: list[list[float]] = [[] for _ in range(concurrency)]
    statuses: list[Counter] = [Counter() for _ in range(concurrency)]
    start_gate = threading.Barrier(concurrency + 1)

    def worker(number: int) -> None:
        connection = http.client.HTTPConnection(host, int(port), timeout=30)
        headers = dict(target.headers)
        if target.cookies:
            headers["Cookie"] = target.cookies[number % len(target.cookies)]
        mine, bad = latencies[number], statuses[number]
        count = 0
        start_gate.wait()
        while time.perf_counter() < deadline:
            count += 1
            path = unique_path(target.path, f"{number}-{count}") if target.unique else target.path
            began = time.perf_counter()
            try:
                connection.request("GET", path, headers=headers)
                answer = connection.getresponse()
                answer.read()
                status = answer.status
            except (OSError, http.client.HTTPException):
                connection.close()
                status = 0
            mine.append(time.perf_counter() - began)
            if status != 200:
                bad[status] += 1
        connection.close()

    deadline = float("inf")
    threads = [threading.Thread(target=worker, args=(n,)) for n in range(concurrency)]
    for thread in threads:
        thread.start()
    began = time.perf_counter()
    deadline = began + seconds
    start_gate.wait()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - began
    samples = [s for per_thread in latencies for s in per_thread]
    return Result(
        requests=len(samples),
        seconds=elapsed,
        p50_ms=_percentile(samples, 0.50) * 1000,
        p95_ms=_percentile(samples, 0.95) * 1000,
        statuses=sum(statuses, Counter()),
    )


def run(client: str, base: str, target: Target, *, seconds: float, concurrency: int) -> Result:
    if client == "wrk":
        return run_wrk(base, target, seconds=seconds, concurrency=concurrency)
    return run_python(base, target, seconds=seconds, concurrency=concurrency)
