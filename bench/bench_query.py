"""Benchmark SPARQL latency: rdflib ``Graph.query`` against EduKG's Oxigraph store.

Two graphs, measured in one run:

* ``seeds``: the seed reports built as they are (a few thousand triples);
* ``large``: the seeds copied under distinct names until the corpus reaches
  ``--size-mb`` (``bench_pipeline.make_corpus``) and built, about a million
  triples at the default size. The build is kept in ``--work`` and reused
  while its ``graph.ttl`` exists, since it takes minutes.

For each graph it times loading (rdflib parsing the Turtle; Oxigraph parsing
it into memory, which is what ``kg query`` did before the store; opening the
persisted ``<out>/store`` read-only, which is what it does now) and, for a few
representative named queries, the median latency of running the query and
reading every row (``kg.query.run_query`` on the opened store; rdflib's
``Graph.query`` with the same text and parameter bindings). Row counts are
compared, so both engines answer the same question.

Prints a table with ratios and writes ``bench/results/query.json``. Not a
pytest test: run it by hand, e.g.::

    .venv/bin/python bench/bench_query.py                  # ~1M triples
    .venv/bin/python bench/bench_query.py --size-mb 0.5    # quick check
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import platform
import signal
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

import pyoxigraph as ox  # noqa: E402 - after the path above, like the rest
from bench_pipeline import make_corpus  # noqa: E402
from rdflib import Graph, Literal  # noqa: E402

from kg import __version__  # noqa: E402
from kg.pipeline import build  # noqa: E402
from kg.query import PREFIXES, STORE_DIR, named_query, open_store  # noqa: E402

DEFAULT_SEEDS = ROOT.parent / "shared" / "corpus" / "seeds"
RESULTS = HERE / "results" / "query.json"
#: Query name → parameters. Chosen to cover the shapes the named queries use:
#: property paths with UNION and aggregates, a join over the reified evidence
#: with a text filter, a bound parameter into a sub-select, and a large result
#: (every figure).
QUERIES: dict[str, dict[str, str]] = {
    "awards-by-region": {},
    "evidence": {"name": "小学"},
    "reports-mentioning": {"name": "实验小学"},
    "figures-by-year": {},
}


class RdflibTimeoutError(Exception):
    """rdflib took longer than ``--rdflib-timeout``."""


def _alarm(signum: int, frame: object) -> None:
    raise RdflibTimeoutError


def timed(func: Callable[[], object]) -> tuple[float, object]:
    """Call ``func``; return (seconds, its result)."""
    start = time.perf_counter()
    value = func()
    return time.perf_counter() - start, value


def median_latency(
    func: Callable[[], int], repeats: int, limit: float | None = None
) -> tuple[float | None, int]:
    """Median seconds of ``repeats`` calls after one warm-up, and the row count.

    ``func`` returns the number of rows it read. With ``limit``, a call that
    runs longer is interrupted (rdflib is pure Python, so SIGALRM stops it)
    and the latency is None.
    """
    times = []
    rows = -1
    for i in range(repeats + 1):
        if limit:
            signal.setitimer(signal.ITIMER_REAL, limit)
        try:
            seconds, rows = timed(func)
        except RdflibTimeoutError:
            return None, rows
        finally:
            if limit:
                signal.setitimer(signal.ITIMER_REAL, 0)
        if i:  # the first call warms caches
            times.append(seconds)
        if i == 0 and limit and seconds > limit / 4:
            # Slow enough that caches do not matter: the warm-up is the
            # measurement, and the run stays within the time limit.
            return seconds, rows
    return statistics.median(times), rows


def bench_graph(
    label: str, ttl: Path, repeats: int, rdflib_repeats: int, rdflib_limit: float
) -> dict:
    """Load times and query latencies of one built graph, both engines."""
    print(f"\n[{label}] {ttl}")
    report = json.loads((ttl.parent / "report.json").read_text(encoding="utf-8"))
    store_dir = ttl.parent / STORE_DIR
    store_bytes = sum(p.stat().st_size for p in store_dir.iterdir() if p.is_file())

    seconds_memory, memory = timed(lambda: _load_memory(ttl))
    seconds_open, store = timed(lambda: open_store(ttl))
    assert isinstance(store, ox.Store)
    triples = len(store)
    seconds_rdflib, graph = timed(lambda: Graph().parse(ttl, format="turtle"))
    assert len(graph) == triples, (len(graph), triples)
    print(
        f"  {triples:,} triples; load: rdflib {seconds_rdflib:.2f} s, "
        f"oxigraph in-memory {seconds_memory:.2f} s, store open {seconds_open:.4f} s"
    )

    queries = {}
    for name, params in QUERIES.items():
        query = named_query(name)

        def oxigraph(query=query, params=params) -> int:
            return len(query.run(store, params).rows)

        def in_memory(query=query, params=params) -> int:
            return len(query.run(memory, params).rows)

        def rdflib_run(query=query, params=params) -> int:
            bindings = {k: Literal(v) for k, v in params.items()}
            return len(
                list(graph.query(PREFIXES + query.sparql, initBindings=bindings))
            )

        ox_seconds, ox_rows = median_latency(oxigraph, repeats)
        mem_seconds, mem_rows = median_latency(in_memory, repeats)
        assert mem_rows == ox_rows, (name, mem_rows, ox_rows)
        rd_seconds, rd_rows = median_latency(rdflib_run, rdflib_repeats, rdflib_limit)
        ratio = rd_seconds / ox_seconds if rd_seconds and ox_seconds else None
        queries[name] = {
            "params": params,
            "rows": ox_rows,
            "oxigraph_seconds": round(ox_seconds, 5),
            "oxigraph_memory_seconds": round(mem_seconds, 5),
            "rdflib_seconds": None if rd_seconds is None else round(rd_seconds, 4),
            "rdflib_timeout_seconds": rdflib_limit if rd_seconds is None else None,
            "rdflib_rows": rd_rows if rd_seconds is not None else None,
            "same_rows": rd_rows == ox_rows if rd_seconds is not None else None,
            "ratio_rdflib_over_oxigraph": None if ratio is None else round(ratio, 1),
        }
        shown = "timeout" if rd_seconds is None else f"{rd_seconds:.3f} s"
        print(
            f"  {name}: oxigraph store {ox_seconds * 1000:.1f} ms, "
            f"in memory {mem_seconds * 1000:.1f} ms, rdflib {shown}"
        )
    return {
        "graph": str(ttl),
        "triples": triples,
        "graph_ttl_bytes": ttl.stat().st_size,
        "store_bytes": store_bytes,
        "store_write_seconds": report["timings"].get("store"),
        "build_seconds": report["timings"].get("total"),
        "load_seconds": {
            "rdflib_parse": round(seconds_rdflib, 3),
            "oxigraph_turtle_into_memory": round(seconds_memory, 3),
            "oxigraph_store_open": round(seconds_open, 5),
        },
        "queries": queries,
    }


def _load_memory(ttl: Path) -> ox.Store:
    store = ox.Store()
    store.bulk_load(path=str(ttl), format=ox.RdfFormat.TURTLE)
    return store


def ensure_build(corpus_source: Path, out: Path, size_mb: float | None) -> Path:
    """Build (or reuse) a graph; ``size_mb`` copies the seeds up to that size."""
    ttl = out / "graph.ttl"
    if ttl.is_file() and (out / STORE_DIR).is_dir():
        print(f"reusing {ttl}")
        return ttl
    with tempfile.TemporaryDirectory(prefix="kg-bench-corpus-") as tmp:
        source = corpus_source
        if size_mb is not None:
            source = Path(tmp)
            files = make_corpus(corpus_source, source, int(size_mb * 2**20))
            total = sum(p.stat().st_size for p in files)
            print(f"corpus: {len(files)} files, {total / 2**20:.2f} MB")
        start = time.perf_counter()
        # jobs=1: on small machines worker start-up costs more than it saves
        # (bench_pipeline.py).
        report = build(source, out, html=False)
        print(
            f"built {report.triples:,} triples in {time.perf_counter() - start:.0f} s"
        )
    return ttl


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; return the exit code."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--seeds", type=Path, default=DEFAULT_SEEDS, help="seed reports"
    )
    parser.add_argument(
        "--size-mb",
        type=float,
        default=6.7,
        help="size of the large corpus (6.7 MB of seed copies: about 1M triples)",
    )
    parser.add_argument(
        "--work",
        type=Path,
        default=Path(tempfile.gettempdir()) / "kg-bench-query",
        help="where the builds are kept between runs",
    )
    parser.add_argument("--repeats", type=int, default=5, help="Oxigraph repeats")
    parser.add_argument(
        "--rdflib-repeats", type=int, default=3, help="rdflib repeats (small graph)"
    )
    parser.add_argument(
        "--rdflib-timeout",
        type=float,
        default=600.0,
        help="seconds before an rdflib query is given up",
    )
    parser.add_argument("--output", type=Path, default=RESULTS, help="results JSON")
    args = parser.parse_args(argv)
    if not args.seeds.is_dir():
        parser.error(f"{args.seeds}: no such folder (use --seeds DIR)")
    logging.basicConfig(level=logging.ERROR)
    signal.signal(signal.SIGALRM, _alarm)

    seeds = ensure_build(args.seeds, args.work / "seeds", None)
    large = ensure_build(
        args.seeds, args.work / f"large-{args.size_mb:g}mb", args.size_mb
    )
    graphs = {
        "seeds": bench_graph(
            "seeds", seeds, args.repeats, args.rdflib_repeats, args.rdflib_timeout
        ),
        # One rdflib run per query on the large graph: each takes seconds to
        # minutes, and the spread between runs is small next to the ratio.
        "large": bench_graph("large", large, args.repeats, 1, args.rdflib_timeout),
    }
    results = {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "kg_version": __version__,
        "python": platform.python_version(),
        "pyoxigraph": ox.__version__,
        "rdflib": __import__("rdflib").__version__,
        "machine": platform.machine(),
        "cpus": os.cpu_count(),
        "method": (
            "median of N runs after a warm-up (rdflib on the large graph: one run "
            "after a warm-up, or the warm-up alone if it is slow); a run reads "
            "every row; 'oxigraph' is the persisted store opened read-only (what "
            "kg query and kg serve use), 'oxigraph_memory' the graph parsed into "
            "an in-memory store (kg serve --memory)"
        ),
        "graphs": graphs,
    }
    print_table(graphs)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    print(f"wrote {args.output}")
    same = all(
        q["same_rows"] is not False
        for g in graphs.values()
        for q in g["queries"].values()
    )
    return 0 if same else 1


def print_table(graphs: dict[str, dict]) -> None:
    """Print load times and query latencies, with rdflib/Oxigraph ratios."""
    rows = [
        ("graph", "step", "rdflib", "oxigraph", "ratio", "in memory", "ratio", "rows")
    ]
    for label, data in graphs.items():
        load = data["load_seconds"]
        name = f"{label} ({data['triples']:,} triples)"
        rows.append(
            (
                name,
                "load (rdflib parse; store open)",
                f"{load['rdflib_parse']:.2f} s",
                f"{load['oxigraph_store_open'] * 1000:.1f} ms",
                f"{load['rdflib_parse'] / load['oxigraph_store_open']:,.0f}x",
                f"{load['oxigraph_turtle_into_memory']:.2f} s",
                f"{load['rdflib_parse'] / load['oxigraph_turtle_into_memory']:,.0f}x",
                "",
            )
        )
        for query, q in data["queries"].items():
            rd = q["rdflib_seconds"]
            rows.append(
                (
                    name,
                    query,
                    "timeout" if rd is None else _ms(rd),
                    _ms(q["oxigraph_seconds"]),
                    ""
                    if q["ratio_rdflib_over_oxigraph"] is None
                    else f"{q['ratio_rdflib_over_oxigraph']:,.0f}x",
                    _ms(q["oxigraph_memory_seconds"]),
                    "" if rd is None else f"{rd / q['oxigraph_memory_seconds']:,.0f}x",
                    str(q["rows"])
                    + ("" if q["same_rows"] is not False else " (differs!)"),
                )
            )
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    print()
    for row in rows:
        print("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)))


def _ms(seconds: float) -> str:
    return f"{seconds:.2f} s" if seconds >= 1 else f"{seconds * 1000:.1f} ms"


if __name__ == "__main__":
    sys.exit(main())
