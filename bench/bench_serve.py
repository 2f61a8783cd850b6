"""Benchmark ``kg serve`` under a burst of concurrent clients, on loopback.

Starts ``kg serve GRAPH`` on 127.0.0.1 in a subprocess (``--kg-root`` runs
another checkout's ``kg`` package, e.g. an old commit extracted with
``git archive``), then for each burst size opens that many connections at
once, each sending one simple SELECT, and records success (HTTP 200 within
``--client-timeout``) and latency. Each burst runs twice: alone, and with one
runaway query (a cartesian product, which the new server cuts at its 30 s
time limit and the old one never does) running throughout.

Every loop is bounded (one request per client, bounded waits) and traffic goes
to 127.0.0.1 only. Prints a table and writes ``bench/results/serve.json``. Not
a pytest test: run it by hand, e.g.::

    .venv/bin/kg build ../shared/corpus/seeds -o /tmp/serve-seeds --no-html
    .venv/bin/python bench/bench_serve.py /tmp/serve-seeds
    .venv/bin/python bench/bench_serve.py /tmp/serve-seeds --kg-root /tmp/old
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import socket
import statistics
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import quote

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
RESULTS = HERE / "results" / "serve.json"
SIMPLE = "SELECT ?s WHERE { ?s a <https://w3id.org/edukg/ontology#School> } LIMIT 5"
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(graph: Path, port: int, kg_root: Path | None, extra: list[str]):
    env = dict(os.environ)
    if kg_root is not None:
        env["PYTHONPATH"] = str(kg_root)
    cmd = [sys.executable, "-m", "kg", "serve", str(graph), "--port", str(port)]
    proc = subprocess.Popen(
        [*cmd, *extra],
        env=env,
        cwd=str(kg_root or ROOT),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return proc
        except OSError:
            time.sleep(0.1)
    proc.kill()
    raise SystemExit("server did not start within 60 s")


async def one_request(port: int, sparql: str, timeout: float) -> tuple[int, float]:
    """One GET; (HTTP status received in time, or 0; seconds taken)."""
    start = time.perf_counter()
    request = (
        f"GET /query?query={quote(sparql)} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
        "Accept: application/sparql-results+json\r\nConnection: close\r\n\r\n"
    ).encode()
    try:
        async with asyncio.timeout(timeout):
            reader, writer = await asyncio.open_connection("127.0.0.1", port)
            try:
                writer.write(request)
                await writer.drain()
                data = await reader.read()  # until the server closes
            finally:
                writer.close()
        status = int(data.split(b" ", 2)[1]) if data.startswith(b"HTTP/") else 0
    except (OSError, TimeoutError, asyncio.IncompleteReadError, ValueError):
        status = 0
    return status, time.perf_counter() - start


async def burst(port: int, n: int, timeout: float) -> dict:
    """``n`` clients at once, one simple query each."""
    results = await asyncio.gather(
        *(one_request(port, SIMPLE, timeout) for _ in range(n))
    )
    latencies = sorted(t for status, t in results if status == 200)
    out = {"clients": n, "ok": len(latencies), "success": len(latencies) / n}
    if latencies:
        q = statistics.quantiles(latencies, n=100, method="inclusive")
        out |= {"p50": q[49], "p95": q[94], "p99": q[98], "max": latencies[-1]}
    return out


async def phase(port: int, sizes: list[int], timeout: float, runaway: bool) -> list:
    """Every burst size in turn, with one runaway query running throughout."""
    await one_request(port, SIMPLE, 10)  # warm up
    background = None
    if runaway:
        background = asyncio.create_task(one_request(port, RUNAWAY, 120))
        await asyncio.sleep(1.5)  # past the server's slow-query mark
    rows = []
    for n in sizes:
        row = await burst(port, n, timeout) | {"runaway": runaway}
        rows.append(row)
        print(json.dumps(row), flush=True)
    if background is not None:
        status, seconds = await background
        for row in rows:  # 503 once cut at the time limit
            row |= {"runaway_status": status, "runaway_seconds": seconds}
        print(f"runaway query: HTTP {status} after {seconds:.1f} s", flush=True)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("graph", type=Path, help="a build folder or graph.ttl")
    parser.add_argument("--kg-root", type=Path, help="checkout whose kg to run")
    parser.add_argument("--clients", type=int, nargs="+", default=[200, 1000])
    parser.add_argument("--client-timeout", type=float, default=30.0)
    parser.add_argument("--label", default="current")
    parser.add_argument(
        "--server-arg", action="append", default=[], help="extra kg serve argument"
    )
    args = parser.parse_args()
    rows = []
    for runaway in (False, True):
        port = free_port()
        proc = start_server(args.graph, port, args.kg_root, args.server_arg)
        try:
            rows += asyncio.run(phase(port, args.clients, args.client_timeout, runaway))
        finally:
            proc.kill()  # a runaway query may still be running in the old server
            proc.wait(10)
    print(f"\n{'clients':>7} {'runaway':>7} {'ok':>9} {'p50':>7} {'p95':>7} {'p99':>7}")
    for r in rows:
        cells = [f"{r.get(k, float('nan')):7.3f}" for k in ("p50", "p95", "p99")]
        ok = f"{r['ok']}/{r['clients']}"
        print(f"{r['clients']:>7} {r['runaway']!s:>7} {ok:>9} {' '.join(cells)}")
    RESULTS.parent.mkdir(exist_ok=True)
    previous = json.loads(RESULTS.read_text()) if RESULTS.is_file() else {}
    previous[args.label] = {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores",
        "graph": str(args.graph),
        "rows": rows,
    }
    RESULTS.write_text(json.dumps(previous, indent=2) + "\n")


if __name__ == "__main__":
    main()
