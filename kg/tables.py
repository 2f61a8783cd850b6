"""Whole-table named queries, evaluated once by ``kg build`` and read from a file.

A few named queries list a whole table: the evidence of every relation,
every figure, everything planned and reported, every region's record. On a
large build Oxigraph takes seconds to produce their rows (a hundred thousand
on 16 MB of reports), however the query is written: the time is the joins
and the string lookups, not the plan (README, named queries). Such a query
says so in its header (a ``# table`` line); :func:`write_tables`, run by the
build once the store is complete, evaluates each without parameters and
writes its solutions as SPARQL TSV (every term kept exactly) into
``<out>/tables/NAME.tsv``. :func:`read_table` then answers the same query
text, without parameters, over the same graph from that file, in the
fraction of a second it takes to parse it.

A table is a cache of the store, as the store is of ``graph.ttl``; it is
used only when all of these hold, and the query is evaluated otherwise:

- the store is fresh (:func:`kg.store.store_problem`) and was loaded from a
  graph with the SHA-256 the manifest records;
- the query's text has the SHA-256 recorded for its table (an upgraded or
  edited query is evaluated);
- the table file has its recorded size and SHA-256.

The manifest is written last; the tables live in the build's generation, so
they switch with ``graph.ttl`` and the store, all at once.
"""

from __future__ import annotations

import concurrent.futures
import hashlib
import json
import logging
import queue
import shutil
import threading
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from .store import (
    STORE_DIR,
    file_sha256,
    graph_file,
    store_graph_checksum,
    store_problem,
)

if TYPE_CHECKING:
    import pyoxigraph as ox

    from .query import NamedQuery, QueryResult

__all__ = [
    "MANIFEST",
    "TABLES_DIR",
    "read_table",
    "table_solutions",
    "tabled_queries",
    "write_tables",
]

log = logging.getLogger(__name__)

#: Folder of the tables, next to ``graph.ttl`` and ``store``.
TABLES_DIR = "tables"
#: Written last into the tables folder: what each table was made from.
MANIFEST = "edukg-tables.json"
_VERSION = 1


def tabled_queries() -> tuple[NamedQuery, ...]:
    """The shipped named queries whose header asks for a build-time table."""
    from .query import named_queries

    return tuple(q for q in named_queries() if q.table)


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def write_tables(
    graph_path: Path | str,
    queries: Iterable[NamedQuery] | None = None,
    *,
    previous: Path | str | None = None,
    threads: int = 1,
    more_after: threading.Event | None = None,
) -> dict[str, int]:
    """Evaluate ``queries`` on the store next to ``graph_path``; write their tables.

    Oxigraph evaluates and serialises without holding Python's lock, so the
    queries run beside whatever else the build does. One at a time by
    default: each holds all its rows to sort them (0.5 to 0.9 GB at 64 MB
    of reports), and two at once beside GraphML took a 64 MB build's peak
    from 2.6 to 3.9 GB. The build therefore starts the threads beyond the
    first only once it has written GraphML (``more_after``): two at once
    then halve the tables' time (26 s to 12 s on 16 MB of reports).

    Args:
        graph_path: the new generation's ``graph.ttl`` (or its folder), whose
            fresh store answers the queries.
        queries: the queries to table (default :func:`tabled_queries`).
        previous: the previous build's ``graph.ttl``: a table it holds for
            the same graph and query text is copied, not evaluated again.
        threads: how many queries are evaluated at once (default 1).
        more_after: when given, the threads beyond the first start taking
            queries only once it is set.

    Returns:
        The size in bytes of each table written, by query name; empty when
        the store cannot answer (no table is then written).
    """
    import pyoxigraph as ox

    graph = graph_file(graph_path)
    checksum = store_graph_checksum(graph)
    if checksum is None or store_problem(graph) is not None:
        log.warning("%s: no fresh store, so no query tables", graph.parent)
        return {}
    queries = tuple(tabled_queries() if queries is None else queries)
    folder = graph.parent / TABLES_DIR
    try:
        if folder.exists():
            shutil.rmtree(folder)
        folder.mkdir()
        store = ox.Store.read_only(str(graph.parent / STORE_DIR))
    except (OSError, RuntimeError) as exc:
        log.warning("%s: no query tables: %s", folder, exc)
        return {}
    reusable = _previous_tables(previous, checksum)

    def table(query: NamedQuery) -> tuple[str, dict] | None:
        path = folder / f"{query.name}.tsv"
        query_sha = _digest(query.sparql.encode("utf-8"))
        old = reusable.get(query.name)
        try:
            if old is not None and old[0]["query_sha256"] == query_sha:
                shutil.copyfile(old[1], path)
            else:
                _evaluate(store, query.sparql, path)
            return query.name, {
                "query_sha256": query_sha,
                "bytes": path.stat().st_size,
                "sha256": file_sha256(path),
            }
        except (OSError, RuntimeError, SyntaxError, ValueError) as exc:
            # A table only saves time: the query is evaluated without it.
            log.warning("%s: no table for query %s: %s", folder, query.name, exc)
            path.unlink(missing_ok=True)
            return None

    pending = queue.SimpleQueue()
    for query in queries:
        pending.put(query)
    done: list[tuple[str, dict]] = []

    def evaluate_pending(first: bool) -> None:
        if not first and more_after is not None:
            more_after.wait()
        while True:
            try:
                query = pending.get_nowait()
            except queue.Empty:
                return
            entry = table(query)
            if entry is not None:
                done.append(entry)  # list.append is atomic

    workers = max(1, min(len(queries), threads))
    with concurrent.futures.ThreadPoolExecutor(workers) as pool:
        for future in [pool.submit(evaluate_pending, i == 0) for i in range(workers)]:
            future.result()
    written = dict(sorted(done))
    if not written:
        shutil.rmtree(folder, ignore_errors=True)
        return {}
    manifest = {"version": _VERSION, "graph_sha256": checksum, "tables": written}
    text = json.dumps(manifest, indent=2, sort_keys=True) + "\n"
    try:
        (folder / MANIFEST).write_text(text, "utf-8")
    except OSError as exc:
        log.warning("%s: no query tables: %s", folder, exc)
        return {}
    return {name: entry["bytes"] for name, entry in sorted(written.items())}


def _evaluate(store: ox.Store, sparql: str, path: Path) -> None:
    """Write the solutions of ``sparql`` to ``path`` as SPARQL TSV."""
    import pyoxigraph as ox

    from .query import PREFIXES

    # As kg.query.run_query evaluates it: a build's store has only the
    # default graph.
    result = store.query(PREFIXES + sparql)
    if not isinstance(result, ox.QuerySolutions):
        raise ValueError("not a SELECT query")
    result.serialize(str(path), format=ox.QueryResultsFormat.TSV)


def _previous_tables(previous: Path | str | None, checksum: str) -> dict:
    """The previous build's usable tables for a graph with ``checksum``."""
    if previous is None:
        return {}
    folder = graph_file(previous).parent / TABLES_DIR
    manifest = _manifest(folder)
    if manifest is None or manifest.get("graph_sha256") != checksum:
        return {}
    return {
        name: (entry, folder / f"{name}.tsv")
        for name, entry in manifest["tables"].items()
        if _intact(folder / f"{name}.tsv", entry)
    }


def _manifest(folder: Path) -> dict | None:
    try:
        manifest = json.loads((folder / MANIFEST).read_text("utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(manifest, dict) or manifest.get("version") != _VERSION:
        return None
    if not isinstance(manifest.get("tables"), dict):
        return None
    return manifest


def _intact(path: Path, entry: dict) -> bool:
    try:
        return (
            path.stat().st_size == entry["bytes"]
            and file_sha256(path) == entry["sha256"]
        )
    except (OSError, KeyError, TypeError):
        return False


def _table_bytes(graph_path: Path | str, query: NamedQuery) -> bytes | None:
    """The table of ``query`` for this graph, or None if there is no valid one."""
    graph = graph_file(graph_path)
    folder = graph.parent / TABLES_DIR
    manifest = _manifest(folder)
    if manifest is None:
        return None
    entry = manifest["tables"].get(query.name)
    if not isinstance(entry, dict):
        return None
    if entry.get("query_sha256") != _digest(query.sparql.encode("utf-8")):
        return None  # the query was edited or upgraded since the build
    if store_problem(graph) is not None:
        return None  # the graph changed: the table is of the old one
    if store_graph_checksum(graph) != manifest.get("graph_sha256"):
        return None
    path = folder / f"{query.name}.tsv"
    try:
        data = path.read_bytes()
    except OSError as exc:
        log.warning("%s: not used: %s; evaluating the query", path, exc)
        return None
    if len(data) != entry.get("bytes") or _digest(data) != entry.get("sha256"):
        log.warning("%s: not used: changed since the build; evaluating", path)
        return None
    return data


def table_solutions(
    graph_path: Path | str, query: NamedQuery
) -> ox.QuerySolutions | None:
    """The solutions of ``query`` without parameters, from its table, or None.

    For :mod:`kg.serve`, which serialises them in the format a client asks for.
    """
    import pyoxigraph as ox

    data = _table_bytes(graph_path, query)
    if data is None:
        return None
    solutions = ox.parse_query_results(data, format=ox.QueryResultsFormat.TSV)
    assert isinstance(solutions, ox.QuerySolutions)  # tables hold SELECT results
    return solutions


def read_table(graph_path: Path | str, query: NamedQuery) -> QueryResult | None:
    """``query`` without parameters answered from its table, or None.

    None when there is no valid table (see the module docstring): the
    caller then evaluates the query.
    """
    from .query import solutions_result

    solutions = table_solutions(graph_path, query)
    return None if solutions is None else solutions_result(solutions)
