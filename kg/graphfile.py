"""graph.ttl of a build: written whole, or spliced from the previous build's.

Most of a graph's triples describe nodes a report has of its own: its
report node, its mentions, evidence statements and indicators
(:func:`kg.graph.report_nodes`), whose IRIs carry the report's file name.
Their blocks of Turtle depend on nothing but the report's
:class:`~kg.graph.ReportNodes`, so :func:`write_graph` records a digest of
each report's nodes beside graph.ttl (:data:`INDEX`). The next build into
the same folder then writes only what changed: the triples of every entity
(a tenth of the graph, made anew each time) and of the reports whose digest
differs, while the blocks of every other report are copied from the previous
graph.ttl (:func:`kg.turtle.splice_owned`). The file is the same, byte for
byte, as one written from all the triples at once; a rebuild after one
changed report writes it in a fraction of the time, and knows which
subjects changed, so the store is updated without comparing the two files.

The previous graph is used only when the index was written by the same
code and libraries (:func:`_writer`) for that very file (its device, inode,
size, mtime and ctime, as :func:`kg.store.file_identity` gives them), and
when at most :data:`SPLICE_SHARE` of the reports (or :data:`SPLICE_ALWAYS`)
changed.
"""

from __future__ import annotations

import hashlib
import io
import json
import logging
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import IO

from .graph import (
    BASE,
    PREFIXES,
    REPORT_NODE_KINDS,
    ReportNodes,
    entity_iris,
    iter_entity_rows,
    report_iri,
    report_nodes,
)
from .serialize import (
    SortedLines,
    atomic_write,
    atomic_writer,
    ntriples_line,
    write_turtle_rows,
)
from .store import file_identity
from .turtle import BlockCount, TurtleChanges, splice_owned
from .types import Resolution
from .vocab import EDU

__all__ = ["INDEX", "SPLICE_ALWAYS", "SPLICE_SHARE", "WrittenGraph", "write_graph"]

log = logging.getLogger(__name__)

#: Written beside graph.ttl: the digest and triple count of each report's
#: own nodes, and what wrote them.
INDEX = "graph-index.json"
_INDEX_VERSION = 1
#: Past this share of changed reports (and :data:`SPLICE_ALWAYS`), sorting
#: everything is as fast as splicing, and the new triples would all be held
#: in memory to splice them.
SPLICE_SHARE = 0.1
#: This many changed reports are spliced whatever the share: few triples.
SPLICE_ALWAYS = 10
#: The modules and libraries that make a report's blocks from its nodes, and
#: their digest.
_WRITER_SOURCES = ("graph.py", "serialize.py", "turtle.py", "types.py", "vocab.py")
_WRITER_LIBRARIES = ("msgspec", "pyoxigraph", "rdflib")


@dataclass(frozen=True, slots=True)
class WrittenGraph:
    """What :func:`write_graph` wrote.

    Attributes:
        triples: the triples in graph.ttl.
        changes: when spliced, what differs from the previous graph.ttl.
        reports_copied: reports whose blocks came from the previous graph.
        graph_seconds: of the time taken, making and sorting the triples
            (the rest is writing Turtle).
    """

    triples: int
    changes: TurtleChanges | None
    reports_copied: int
    graph_seconds: float


def write_graph(
    resolution: Resolution,
    folder: Path,
    previous: Path | None = None,
    *,
    tee: Callable[[IO[bytes], bytes], None] | None = None,
    spilled: Callable[[Path], None] | None = None,
    visited: Callable[[], None] | None = None,
) -> WrittenGraph:
    """Write ``folder/graph.ttl`` and its :data:`INDEX` for a resolution.

    Args:
        resolution: the resolved corpus.
        folder: the new generation's folder.
        previous: the previous build's graph.ttl, whose unchanged reports'
            blocks are copied when its index allows (see the module docstring).
        tee: told of every piece of graph.ttl written, when it is written
            whole (:meth:`kg.store.StoreLoader.wrote`).
        spilled: told of every sorted run of N-Triples lines, when it is
            written whole (:meth:`kg.store.StoreLoader.load_run`).
        visited: called once every report's nodes are made, before the
            file is written (the build forks its GraphML writer then).

    A spliced graph tells neither (a splice that fails half-way is written
    again whole, and a loader cannot take back what it was told): then
    :attr:`WrittenGraph.changes` is set.

    Raises:
        OSError: writing failed; nothing is left at ``folder/graph.ttl``.
    """
    t0 = time.perf_counter()
    iri = entity_iris(resolution)
    reports = report_nodes(resolution, iri)
    digests = {nodes.doc_id: nodes.digest() for nodes in reports}
    if visited is not None:
        visited()
    path = folder / "graph.ttl"
    written = None
    old = _previous_index(previous) if previous is not None else None
    if old is not None and previous is not None:
        try:
            written = _splice(resolution, iri, reports, digests, *old, previous, path)
        except (ValueError, SyntaxError) as exc:
            log.warning("%s: graph.ttl written whole: %s", previous, exc)
    if written is None:
        written = _write_whole(resolution, iri, reports, folder, path, tee, spilled)
    triples, counts, changes, copied, graph_seconds, subjects = written
    if changes is not None:
        log.info(
            "%s: the blocks of %d of %d reports copied from %s",
            path,
            copied,
            len(reports),
            previous,
        )
    _write_index(folder, path, digests, counts, subjects)
    return WrittenGraph(triples, changes, copied, graph_seconds - t0)


def _write_whole(
    resolution: Resolution,
    iri: dict[str, str],
    reports: list[ReportNodes],
    folder: Path,
    path: Path,
    tee: Callable[[IO[bytes], bytes], None] | None,
    spilled: Callable[[Path], None] | None,
) -> tuple[int, dict[str, int], None, int, float, int]:
    """Every triple made, sorted out of core and written."""
    counts: dict[str, int] = {}
    counted = _SubjectCount(tee)

    def lines() -> Iterator[bytes]:
        yield from map(ntriples_line, iter_entity_rows(resolution, iri))
        for nodes in reports:
            yield from _own_lines(nodes, counts)

    # Sorted runs spill into the generation: on the output's disk (not
    # /tmp, which may be RAM), and removed with it if the build fails.
    with SortedLines(lines(), folder, spilled=spilled) as rows:
        graph_done = time.perf_counter()
        triples = write_turtle_rows(rows, path, tee=counted)
    return triples, counts, None, 0, graph_done, counted.subjects(triples)


class _SubjectCount:
    """Counts the subjects of graph.ttl as it is written, then tells ``tee``.

    The next build's splice needs their number; counting them in the
    written file was a read of all of it (a quarter of a second for 180 MB)
    in the first rebuild after every whole write.
    """

    def __init__(self, tee: Callable[[IO[bytes], bytes], None] | None) -> None:
        self.tee = tee
        self.blocks = BlockCount()

    def __call__(self, handle: IO[bytes], piece: bytes) -> None:
        self.blocks.add(piece)
        if self.tee is not None:
            self.tee(handle, piece)

    def subjects(self, triples: int) -> int:
        """The blocks written, less the prefix lines (written with a first
        triple, not in an empty graph)."""
        return self.blocks.lines - len(PREFIXES) if triples else 0


def _own_lines(nodes: ReportNodes, counts: dict[str, int]) -> set[bytes]:
    """A report's own N-Triples lines, each once; their number goes in ``counts``."""
    own = set(map(ntriples_line, nodes.rows()))
    counts[nodes.doc_id] = len(own)
    return own


def _splice(
    resolution: Resolution,
    iri: dict[str, str],
    reports: list[ReportNodes],
    digests: dict[str, str],
    old: dict[str, list],
    subjects: int | None,
    previous: Path,
    path: Path,
) -> tuple[int, dict[str, int], TurtleChanges, int, float, int | None] | None:
    """The unchanged reports' blocks copied from ``previous``, the rest made.

    ``old`` is the previous index's reports, ``subjects`` the number of
    subjects (blocks) it records for the previous graph, if it does. None
    when too many reports changed to gain from it.
    """
    counts = {
        doc_id: old[doc_id][1]
        for doc_id, digest in digests.items()
        if doc_id in old and old[doc_id][0] == digest
    }
    redo = [nodes for nodes in reports if nodes.doc_id not in counts]
    if len(redo) > max(SPLICE_SHARE * len(reports), SPLICE_ALWAYS):
        return None
    # The blocks of the reports made anew, and of those gone, are left out
    # of the previous graph: each is named by its report node's IRI.
    owners = [report_iri(doc_id).encode() for doc_id in old if doc_id not in counts]
    triples = sum(counts.values())
    fresh = set(map(ntriples_line, iter_entity_rows(resolution, iri)))
    for nodes in redo:
        fresh.update(_own_lines(nodes, counts))
    triples += len(fresh)  # no line is in two reports or a report and an entity
    fresh_turtle = io.BytesIO()
    write_turtle_rows(sorted(fresh), fresh_turtle)
    del fresh
    graph_done = time.perf_counter()
    with atomic_writer(path) as handle:
        changes = splice_owned(
            previous,
            fresh_turtle.getvalue(),
            handle,
            owner_span=f"{BASE}report/".encode(),
            spans=[
                f"{BASE}{kind}/".encode()
                for kind in REPORT_NODE_KINDS
                if kind != "report"
            ],
            owners=owners,
            link=str(EDU.inReport).encode(),
            subjects=subjects,
        )
    return triples, counts, changes, len(reports) - len(redo), graph_done, changes.after


@cache
def _writer() -> str:
    """What makes a report's blocks from its nodes: EduKG's code, libraries."""
    from . import __version__

    digest = hashlib.sha256(f"edukg {__version__} {sys.version_info[:2]}\n".encode())
    here = Path(__file__).parent
    for name in _WRITER_SOURCES:
        digest.update((here / name).read_bytes())
    for library in _WRITER_LIBRARIES:
        digest.update(f"{library} {metadata.version(library)}\n".encode())
    digest.update(json.dumps(PREFIXES, sort_keys=True).encode())
    return digest.hexdigest()[:16]


def _previous_index(previous: Path) -> tuple[dict[str, list], int | None] | None:
    """The previous graph's reports (digest, triples) and subjects, if it may
    be spliced (an index written before subjects were counted has none)."""
    try:
        index = json.loads((previous.parent / INDEX).read_text("utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(index, dict) or index.get("version") != _INDEX_VERSION:
        return None
    if index.get("writer") != _writer():
        return None  # other code or libraries may write other blocks
    if index.get("graph") != file_identity(previous):
        return None  # written since: the blocks may not be what the index says
    reports = index.get("reports")
    subjects = index.get("subjects")
    if not isinstance(subjects, int) or isinstance(subjects, bool):
        subjects = None
    return (reports, subjects) if isinstance(reports, dict) else None


def _write_index(
    folder: Path,
    graph: Path,
    digests: dict[str, str],
    counts: dict[str, int],
    subjects: int | None,
) -> None:
    index = {
        "subjects": subjects,
        "version": _INDEX_VERSION,
        "writer": _writer(),
        "graph": file_identity(graph),
        "reports": {
            doc_id: [digest, counts[doc_id]] for doc_id, digest in digests.items()
        },
    }
    atomic_write(folder / INDEX, json.dumps(index, sort_keys=True, ensure_ascii=False))
