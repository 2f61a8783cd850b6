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

A rebuild that spliced graph.ttl (:mod:`kg.graphfile`) knows the triples it
changed; a table of the previous graph whose rows are each of one report is
then updated from them: only the rows of the reports the change reaches are
made again (8 s to 2.8 s for the four tables after one edit in 16 MB of
reports), and the file is the one a cold build writes (see "updating a
table" below).
"""

from __future__ import annotations

import concurrent.futures
import dataclasses
import decimal
import hashlib
import json
import logging
import queue
import re
import shutil
import threading
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from .query import PREFIX_MAP
from .store import (
    STORE_DIR,
    file_sha256,
    graph_checksum,
    graph_file,
    store_graph_checksum,
    store_problem,
)

if TYPE_CHECKING:
    import pyoxigraph as ox

    from .query import NamedQuery, QueryResult
    from .turtle import TurtleChanges

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
    changes: TurtleChanges | None = None,
    reports: int = 0,
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
        changes: what differs between ``previous`` and this graph (the
            splice of graph.ttl): a table of ``previous`` is then updated
            where it can be, not evaluated again (see "updating a table").
        reports: how many reports the graph has (an update that reaches
            more than a share of them evaluates the query whole).

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
    bases: dict = {}
    delta: _Delta | None = None
    if changes is not None and previous is not None:
        before = graph_checksum(previous)
        if before is not None:
            bases = _previous_tables(previous, before)
        if bases:
            delta = _Delta(changes)

    def table(query: NamedQuery) -> tuple[str, dict] | None:
        path = folder / f"{query.name}.tsv"
        query_sha = _digest(query.sparql.encode("utf-8"))
        old = reusable.get(query.name)
        base = bases.get(query.name)
        try:
            digest = None  # of the file written, when known without reading it
            if old is not None and old[0]["query_sha256"] == query_sha:
                shutil.copyfile(old[1], path)
                digest = old[0]["sha256"]  # read by _intact just now
            else:
                if (
                    delta is not None
                    and base is not None
                    and base[0]["query_sha256"] == query_sha
                ):
                    digest = _update_table(store, query, base[1], path, delta, reports)
                if digest is None:
                    _evaluate(store, query.sparql, path)
            return query.name, {
                "query_sha256": query_sha,
                "bytes": path.stat().st_size,
                "sha256": digest or file_sha256(path),
            }
        except (OSError, RuntimeError, SyntaxError, ValueError) as exc:
            # A table only saves time: the query is evaluated without it.
            log.warning("%s: no table for query %s: %s", folder, query.name, exc)
            path.unlink(missing_ok=True)
            return None

    pending = queue.SimpleQueue()
    # Queries evaluated whole go first: each takes seconds without the GIL,
    # beside the updates on the other thread.
    for query in sorted(
        queries, key=lambda q: q.name in bases and _updatable(q) is not None
    ):
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


# ------------------------------------------------------- updating a table
#
# A rebuild after a few changed reports need not evaluate a whole table
# again: most rows are of reports that did not change. A table can be
# updated when each of its rows is made from one report: from the nodes
# with ``edu:inReport`` that report, the report itself, and what they reach
# through the predicates the query names; the row's ``?file`` is that
# report's file (so DISTINCT, which merges only equal rows, never merges rows
# of two reports). Then the rows of the reports a change reaches are dropped
# from the previous table and made again, by the same query, on a small
# store holding just those reports' part of the new graph; each is put in
# its place by the query's ORDER BY, compared here as Oxigraph compares
# (:func:`_row_key`). Anything this cannot vouch for (no ``?file``,
# REDUCED, an ORDER BY of another shape, a change reaching too many
# reports, rows it cannot place) has the query evaluated whole, as a cold
# build does; tests compare the two, byte for byte.

#: Past this share of the reports (and :data:`_UPDATE_ALWAYS`) reached by a
#: change, the table is evaluated whole.
_UPDATE_SHARE = 0.05
_UPDATE_ALWAYS = 20
#: A walk from the changed subjects, or the part of the graph copied for the
#: reached reports, past this many nodes: evaluated whole.
_UPDATE_MAX_NODES = 200_000
_XSD = PREFIX_MAP["xsd"]
_NUMERIC = frozenset(
    _XSD + name
    for name in (
        "integer", "decimal", "double", "float", "int", "long", "short", "byte",
        "nonNegativeInteger", "positiveInteger", "nonPositiveInteger",
        "negativeInteger", "unsignedInt", "unsignedLong", "unsignedShort",
        "unsignedByte",
    )
)  # fmt: skip
#: A comment: ``#`` after a space or at a line's start, not in "#" or <…#type>.
_COMMENT = re.compile(r"(?:^|(?<=\s))#[^\n]*", re.M)
_ORDER_BY = re.compile(r"\bORDER\s+BY\b(.*)\Z", re.S | re.I)
#: The ORDER BY terms a table can be kept sorted by: ``?var`` and
#: ``(CONCAT("~", ?var))`` (how the shipped queries sort unbound labels first).
_ORDER_TERM = re.compile(r'\(\s*CONCAT\(\s*"~"\s*,\s*\?(\w+)\s*\)\s*\)|\?(\w+)|(\S)')
_PREFIXED = re.compile(r"(?<![\w?$])([A-Za-z][\w-]*):([\w-]+)")
_IRI = re.compile(r"<([^<>\s]+)>")
_DECLARED_PREFIX = re.compile(r"\bPREFIX\s+([A-Za-z][\w-]*):\s*<([^<>\s]*)>", re.I)
_TYPE_A = re.compile(r"(?<![\w?$:\"])a(?![\w:])")
_RDF_TYPE = PREFIX_MAP["rdf"] + "type"
_IN_REPORT = PREFIX_MAP["edu"] + "inReport"
_SOURCE_FILE = PREFIX_MAP["edu"] + "sourceFile"


class _UnplaceableError(Exception):
    """A row the update cannot place as Oxigraph's ORDER BY would."""


@dataclasses.dataclass(frozen=True, slots=True)
class _Updatable:
    """What updating a query's table needs from its text."""

    order: tuple[tuple[bool, str], ...]  # (through CONCAT("~", …), variable)
    predicates: frozenset[str]


def _updatable(query: NamedQuery) -> _Updatable | None:
    """How ``query``'s table is updated, or None if it is evaluated whole."""
    body = _COMMENT.sub("", query.sparql)
    first_select = re.search(r"\bSELECT\s+(\w*)", body, re.I)
    if first_select is None or first_select.group(1).upper() == "REDUCED":
        return None  # which duplicates it keeps is the engine's choice
    tail = _ORDER_BY.search(body)
    if tail is None or "}" in tail.group(1):
        return None  # no ORDER BY on the outer query
    order = []
    for concat, var, other in _ORDER_TERM.findall(tail.group(1)):
        if other:
            return None
        order.append((bool(concat), concat or var))
    # Every IRI the text names stands in for the predicates it reads: an
    # update walks only those, so a name it cannot expand leaves it blind.
    namespaces = {**PREFIX_MAP, **dict(_DECLARED_PREFIX.findall(body))}
    predicates = {_RDF_TYPE} if _TYPE_A.search(body) else set()
    predicates.update(_IRI.findall(body))
    for prefix, local in _PREFIXED.findall(body):
        if prefix not in namespaces:
            return None
        predicates.add(namespaces[prefix] + local)
    return _Updatable(tuple(order), frozenset(predicates))


def _term_key(term: ox.NamedNode | ox.BlankNode | ox.Literal | None) -> tuple:
    # SPARQL's order: unbound, blank nodes, IRIs, literals; numbers by value,
    # strings by code point (as Oxigraph compares them; checked on the whole
    # tables of a 16 MB build).
    import pyoxigraph as ox

    if term is None:
        return (0,)
    if isinstance(term, ox.BlankNode):
        return (1, term.value)
    if isinstance(term, ox.NamedNode):
        return (2, term.value)
    datatype = term.datatype.value
    if datatype in _NUMERIC:
        try:
            return (3, "number", decimal.Decimal(term.value))
        except decimal.InvalidOperation as exc:
            raise _UnplaceableError(term.value) from exc
    return (3, term.language or datatype, term.value)


def _row_key(solution: ox.QuerySolution, order: tuple[tuple[bool, str], ...]) -> tuple:
    import pyoxigraph as ox

    key = []
    for through_concat, var in order:
        term = solution[var]
        if not through_concat:
            key.append(_term_key(term))
        elif isinstance(term, ox.Literal) and (
            term.language or term.datatype.value == _XSD + "string"
        ):
            key.append((3, _XSD + "string", "~" + term.value))
        else:
            key.append((0,))  # CONCAT of a non-string: an error, unbound
    return tuple(key)


def _update_table(
    store: ox.Store,
    query: NamedQuery,
    old_table: Path,
    path: Path,
    delta: _Delta,
    reports: int,
) -> str | None:
    """Write ``query``'s table at ``path`` by updating ``old_table``; the
    SHA-256 of what was written.

    None, with nothing written, when the update cannot vouch for the rows
    (see the section comment); the caller then evaluates the query.
    """
    import pyoxigraph as ox

    from .query import PREFIXES

    updatable = _updatable(query)
    if updatable is None:
        return None
    data = old_table.read_bytes()
    header = data[: data.find(b"\n") + 1]
    columns = [name.lstrip("?") for name in header.rstrip(b"\n").decode().split("\t")]
    params = {p.name for p in query.params}
    ordered = {var for _concat, var in updatable.order}
    if not header or "file" not in columns or not set(columns) - params <= ordered:
        return None  # rows equal in the ORDER BY could differ
    reached = delta.reports_reached(updatable.predicates, store)
    if reached is None or len(reached) > max(_UPDATE_ALWAYS, _UPDATE_SHARE * reports):
        return None
    part = delta.part_of(reached, updatable.predicates, store)
    if part is None:
        return None
    result = part.query(PREFIXES + query.sparql)
    if not isinstance(result, ox.QuerySolutions):
        return None
    fresh = result.serialize(format=ox.QueryResultsFormat.TSV)
    fresh_header, _, fresh_body = fresh.partition(b"\n")
    if fresh_header + b"\n" != header:
        return None
    file_cells = delta.file_cells(reached, store)
    at = columns.index("file")

    def file_of(line: bytes) -> bytes:
        return line.split(b"\t")[at].rstrip(b"\n")

    # The table's rows stay bytes: the rows of the reached reports are found
    # by searching for their file cells (a row is split only when it holds
    # one), the others kept as one piece, and each new row placed by
    # bisection over its offsets. Splitting every row in Python held the
    # GIL for a second beside the build's GraphML.
    kept = _without_rows(data, len(header), file_cells, file_of)
    new_lines = fresh_body.splitlines(keepends=True)
    if any(file_of(line) not in file_cells for line in new_lines):
        return None  # a row of a report the change did not reach
    if kept and not kept.endswith(b"\n"):
        return None  # rows are joined as they are

    keys: list[tuple] = []

    def keys_of(lines: list[bytes]) -> list[tuple]:
        # One parse for many rows: a parse per row compared (17 per new row
        # in 90,000) was most of an update's time.
        if not lines:
            return []
        solutions = ox.parse_query_results(
            header + b"".join(lines), format=ox.QueryResultsFormat.TSV
        )
        found = [_row_key(solution, updatable.order) for solution in solutions]
        if len(found) != len(lines):
            raise _UnplaceableError("a row is not one line")
        keys.extend(found)
        return found

    def line_at(start: int) -> bytes:
        return kept[start : kept.find(b"\n", start) + 1]

    try:
        if any(not line.endswith(b"\n") for line in new_lines):
            raise _UnplaceableError("a new row is not one line")
        new_keys = keys_of(new_lines)
        # bisect_right of every new row at once, over the offsets of rows:
        # each round compares each unplaced row with the row in the middle
        # of its range, all parsed together.
        low = [0] * len(new_lines)
        high = [len(kept)] * len(new_lines)
        while True:
            probes = {}
            for i, (lo, hi) in enumerate(zip(low, high, strict=True)):
                if lo < hi:
                    row = kept.rfind(b"\n", lo, (lo + hi) // 2) + 1 or lo
                    probes[i] = (row, kept.find(b"\n", row) + 1)
            if not probes:
                break
            spans = sorted(set(probes.values()))
            key_at = dict(
                zip(spans, keys_of([kept[r:e] for r, e in spans]), strict=True)
            )
            for i, (row, end) in probes.items():
                if key_at[(row, end)] <= new_keys[i]:
                    low[i] = end
                else:
                    high[i] = row
        places = low
        if places != sorted(places):
            raise _UnplaceableError("the new rows are not in the table's order")
        # Rows with equal keys are equal rows (every column is ordered): one
        # that is not would have no certain place.
        pairs = []
        for line, place in zip(new_lines, places, strict=True):
            if place < len(kept):
                pairs.append((line, line_at(place)))
            if place > 0:
                pairs.append((line, line_at(kept.rfind(b"\n", 0, place - 1) + 1)))
        neighbour_keys = keys_of([neighbour for _line, neighbour in pairs])
        line_keys = dict(zip(new_lines, new_keys, strict=True))
        for (line, neighbour), neighbour_key in zip(pairs, neighbour_keys, strict=True):
            if neighbour_key == line_keys[line] and neighbour != line:
                raise _UnplaceableError(line.decode())
        out: list[bytes] = []
        start = 0
        for line, place in zip(new_lines, places, strict=True):
            out.append(kept[start:place])
            out.append(line)
            start = place
        out.append(kept[start:])
    except _UnplaceableError as exc:
        log.info("%s: evaluated whole: cannot place a row: %s", query.name, exc)
        return None
    if not _literal_kinds_agree(keys):
        return None
    # Hashed as written: reading the tables again to hash them took a
    # quarter of a rebuild's time on them.
    digest = hashlib.sha256(header)
    with path.open("wb") as handle:
        handle.write(header)
        for piece in out:
            digest.update(piece)
            handle.write(piece)
    return digest.hexdigest()


def _without_rows(
    data: bytes,
    start: int,
    cells: set[bytes],
    file_of: Callable[[bytes], bytes],
) -> bytes:
    """The rows of ``data`` from ``start`` whose file cell is not in ``cells``."""
    gone: set[tuple[int, int]] = set()
    for cell in cells:
        at = data.find(cell, start)
        while at >= 0:
            row = data.rfind(b"\n", start, at) + 1 or start
            end = data.find(b"\n", at) + 1 or len(data)
            if file_of(data[row:end]) == cell:
                gone.add((row, end))
            at = data.find(cell, end)
    pieces = []
    for row, end in sorted(gone):
        pieces.append(data[start:row])
        start = end
    pieces.append(data[start:])
    return b"".join(pieces)


def _literal_kinds_agree(keys: Iterable[tuple]) -> bool:
    """Whether every literal compared at a position of the keys is of one kind.

    Oxigraph orders literals of different kinds (a number and a string,
    two languages) by rules this module does not copy.
    """
    seen: dict[int, object] = {}
    for key in keys:
        for at, part in enumerate(key):
            if part[0] == 3 and seen.setdefault(at, part[1]) != part[1]:
                return False
    return True


class _Delta:
    """The triples a rebuild changed, and the reports they reach."""

    def __init__(self, changes: TurtleChanges) -> None:
        import pyoxigraph as ox

        removed = set(ox.parse(changes.removed, format=ox.RdfFormat.TURTLE))
        added = set(ox.parse(changes.added, format=ox.RdfFormat.TURTLE))
        self.changed = removed ^ added
        # Every edge of the old graph is in the new store or in this one, so
        # a walk over both finds every report an old row was made from.
        self.removed = ox.Store()
        self.removed.extend(removed)

    def _quads(self, store: ox.Store, subject=None, predicate=None, obj=None):
        yield from store.quads_for_pattern(subject, predicate, obj)
        yield from self.removed.quads_for_pattern(subject, predicate, obj)

    def reports_reached(
        self, predicates: frozenset[str], store: ox.Store
    ) -> set[ox.NamedNode] | None:
        """The reports whose rows may read a changed triple; None if too many nodes."""
        import pyoxigraph as ox

        in_report = ox.NamedNode(_IN_REPORT)
        source_file = ox.NamedNode(_SOURCE_FILE)
        todo = [t.subject for t in self.changed if t.predicate.value in predicates]
        seen = set(todo)
        reports: set[ox.NamedNode] = set()
        while todo:
            node = todo.pop()
            if next(self._quads(store, node, source_file), None) is not None:
                reports.add(node)
                continue  # what points at a report is of that report
            reports.update(q.object for q in self._quads(store, node, in_report))
            for quad in self._quads(store, None, None, node):
                if quad.predicate.value in predicates and quad.subject not in seen:
                    seen.add(quad.subject)
                    todo.append(quad.subject)
            if len(seen) > _UPDATE_MAX_NODES:
                return None
        return reports

    def part_of(
        self, reports: set[ox.NamedNode], predicates: frozenset[str], store: ox.Store
    ) -> ox.Store | None:
        """The reports' nodes and what they reach through ``predicates``, in a store."""
        import pyoxigraph as ox

        in_report = ox.NamedNode(_IN_REPORT)
        todo: list = list(reports)
        for report in reports:
            todo.extend(
                q.subject for q in store.quads_for_pattern(None, in_report, report)
            )
        seen = set(todo)
        quads = []
        while todo:
            node = todo.pop()
            for quad in store.quads_for_pattern(node, None, None):
                if quad.predicate.value not in predicates:
                    continue
                quads.append(quad)
                target = quad.object
                if not isinstance(target, ox.Literal) and target not in seen:
                    seen.add(target)
                    todo.append(target)
            if len(seen) > _UPDATE_MAX_NODES:
                return None
        part = ox.Store()
        part.extend(quads)
        return part

    def file_cells(self, reports: set[ox.NamedNode], store: ox.Store) -> set[bytes]:
        """The ``?file`` cells, as the TSV tables write them, of the reports."""
        import pyoxigraph as ox

        source_file = ox.NamedNode(_SOURCE_FILE)
        files = ox.Store()
        files.extend(
            q for report in reports for q in self._quads(store, report, source_file)
        )
        tsv = files.query("SELECT ?file WHERE { ?report ?p ?file }").serialize(
            format=ox.QueryResultsFormat.TSV
        )
        return set(tsv.splitlines()[1:])
