"""Write and read graphs and build artefacts; every write is atomic.

Turtle is written by pyoxigraph (tens of times faster than rdflib's writer)
from triples sorted into a total order, so two builds of the same input give
byte-identical files. A build's triples are :data:`kg.graph.Row` strings,
turned into N-Triples lines (:func:`ntriples_line`), sorted out of core
(:class:`SortedRows`) and streamed through pyoxigraph's N-Triples parser into
its Turtle writer (:func:`write_turtle_rows`): memory does not grow with the
number of triples, and no Python object is made per RDF term. GraphML is
streamed too (:func:`iter_graphml`).
"""

from __future__ import annotations

import contextlib
import heapq
import io
import itertools
import json
import os
import pickle
import re
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING, Generic, TypeVar
from xml.etree.ElementTree import Element, tostring

import networkx as nx
from rdflib import Graph, Literal, URIRef

if TYPE_CHECKING:
    from .graph import GraphParts, Row

__all__ = [
    "GRAPHML_BATCH",
    "RUN_SIZE",
    "SortedLines",
    "SortedRows",
    "atomic_write",
    "atomic_writer",
    "graphml_bytes",
    "iter_graphml",
    "jsonl_bytes",
    "ntriples_line",
    "rdf_format",
    "read_graph",
    "turtle_bytes",
    "write_graphml",
    "write_json",
    "write_jsonl",
    "write_turtle",
    "write_turtle_rows",
]


@contextlib.contextmanager
def atomic_writer(path: Path) -> Iterator[IO[bytes]]:
    """Open a binary file that appears at ``path`` only when the block succeeds.

    The data goes to a temp file next to ``path``, renamed over it on success
    and removed on any error: a crash mid-write leaves the old file (or
    none), never half a file.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        # mkstemp makes the file private (0600); give it the mode open() would.
        os.fchmod(fd, 0o666 & ~_umask())
        with os.fdopen(fd, "wb") as handle:
            yield handle
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def atomic_write(path: Path, data: bytes | str) -> None:
    """Write ``data`` to ``path`` through a temp file and a rename.

    A crash mid-write leaves the old file (or none), never half a file.
    """
    with atomic_writer(path) as handle:
        handle.write(data.encode("utf-8") if isinstance(data, str) else data)


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _row(triple: tuple) -> Row:
    """The :data:`kg.graph.Row` of an rdflib triple (IRIs and literals only)."""
    from .graph import IRI, LITERAL

    s, p, o = triple
    if isinstance(o, Literal):
        return (
            str(s),
            str(p),
            LITERAL,
            str(o),
            o.language or "",
            str(o.datatype or ""),
        )
    if not isinstance(o, URIRef) or not isinstance(s, URIRef):
        raise TypeError(f"unsupported RDF term in {triple!r}")
    return (str(s), str(p), IRI, str(o), "", "")


def turtle_bytes(
    graph: Graph | Iterable[tuple], prefixes: dict[str, str] | None = None
) -> bytes:
    """Serialise a graph (or an iterable of rdflib triples) as deterministic Turtle.

    Args:
        graph: an rdflib graph, or triples of rdflib terms (IRIs and
            literals; no blank nodes).
        prefixes: prefix → namespace to declare; defaults to EduKG's.

    Returns:
        UTF-8 Turtle in the order :func:`write_turtle_rows` writes, so equal
        graphs give equal bytes.
    """
    lines = sorted({ntriples_line(_row(t)) for t in graph})
    out = io.BytesIO()
    write_turtle_rows(lines, out, prefixes)
    return out.getvalue()


def write_turtle(graph: Graph, path: Path) -> None:
    """Write ``graph`` as Turtle to ``path`` atomically and deterministically."""
    atomic_write(path, turtle_bytes(graph))


#: Rows :class:`SortedRows` sorts in memory at a time (a few hundred MB at
#: most: a row's strings are mostly shared with the resolution).
RUN_SIZE = 1_000_000
#: Rows per pickle in a run file: big enough for pickle to be fast, small
#: enough that a merge of many runs holds little.
_BATCH = 4096

Item = TypeVar("Item", tuple, bytes)
_END = object()


class SortedRows(Generic[Item]):
    """Items sorted and deduplicated in bounded memory, iterated once or more.

    The items are consumed when the object is made: every ``run_size`` of
    them (default :data:`RUN_SIZE`) are sorted, deduplicated and spilled to
    a file in a fresh hidden subfolder of ``folder`` (the temp folder if
    None); iterating merges the runs. At most ``run_size`` items are held
    while sorting, one batch of each run while iterating. A ``with`` block
    removes the files at its end, as :meth:`close` does. ``spilled``, if
    given, is called with each run file as soon as it is written.

    Example:
        >>> with SortedRows([(2,), (1,), (2,), (0,)], run_size=2) as rows:
        ...     list(rows)
        [(0,), (1,), (2,)]
    """

    def __init__(
        self,
        items: Iterable[Item],
        folder: Path | None = None,
        run_size: int | None = None,
        *,
        spilled: Callable[[Path], None] | None = None,
    ) -> None:
        run_size = run_size or RUN_SIZE
        self._folder = folder
        self._spilled = spilled
        self._spill: Path | None = None
        self._runs: list[Path] = []
        self._held: list[Item] = []
        try:
            source = iter(items)
            first = next(source, _END)
            while first is not _END:
                run = _sorted_unique([first, *itertools.islice(source, run_size - 1)])
                first = next(source, _END)
                if first is _END and not self._runs:
                    self._held = run  # it all fitted in one run: no file
                else:
                    # Spilled before the next run is read: one run in memory.
                    self._write_run(run)
        except BaseException:
            self.close()
            raise

    def _write_run(self, run: list[Item]) -> None:
        if self._spill is None:
            # A temp folder in the caller's folder, not /tmp: /tmp may be RAM.
            self._spill = Path(
                tempfile.mkdtemp(prefix=".sort-", suffix=".tmp", dir=self._folder)
            )
        path = self._spill / f"run-{len(self._runs):05d}"
        with path.open("wb") as handle:
            self._dump(run, handle)
        self._runs.append(path)
        if self._spilled is not None:
            self._spilled(path)

    def _dump(self, run: list[Item], handle: IO[bytes]) -> None:
        for start in range(0, len(run), _BATCH):
            pickle.dump(run[start : start + _BATCH], handle, pickle.HIGHEST_PROTOCOL)

    def _read_run(self, path: Path) -> Iterator[Item]:
        with path.open("rb") as handle:
            while True:
                try:
                    batch = pickle.load(handle)
                except EOFError:
                    return
                yield from batch

    @property
    def runs(self) -> int:
        """How many runs were spilled to files (0: everything fitted in memory)."""
        return len(self._runs)

    def __iter__(self) -> Iterator[Item]:
        if not self._runs:
            return iter(self._held)
        merged = heapq.merge(*(self._read_run(path) for path in self._runs))
        # Equal items from different runs meet only here.
        return (item for item, _ in itertools.groupby(merged))

    def close(self) -> None:
        """Remove the spilled runs."""
        self._held = []
        self._runs = []
        if self._spill is not None:
            shutil.rmtree(self._spill, ignore_errors=True)
            self._spill = None

    def __enter__(self) -> SortedRows[Item]:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def _sorted_unique(items: list[Item]) -> list[Item]:
    items.sort()
    return [item for item, _ in itertools.groupby(items)]


class SortedLines(SortedRows[bytes]):
    """Lines sorted and deduplicated as :class:`SortedRows` sorts items.

    Each line ends with its one ``b"\\n"`` (as :func:`ntriples_line` makes
    them). A spilled run is the lines themselves, so a run file is a document
    in the lines' format (N-Triples) that can be read while the runs are
    merged (``spilled=``, :meth:`kg.store.StoreLoader.load_run`).
    """

    def _dump(self, run: list[bytes], handle: IO[bytes]) -> None:
        handle.writelines(run)

    def _read_run(self, path: Path) -> Iterator[bytes]:
        with path.open("rb", buffering=_READ_BUFFER) as handle:
            yield from handle


def write_turtle_rows(
    lines: Iterable[bytes],
    path: Path | IO[bytes],
    prefixes: dict[str, str] | None = None,
    *,
    tee: Callable[[IO[bytes], bytes], None] | None = None,
) -> int:
    """Write N-Triples lines as Turtle to ``path`` atomically, streaming.

    Args:
        lines: :func:`ntriples_line` of each row, sorted and unique (as
            :class:`SortedRows` gives them); the Turtle lists the triples in
            this order, each subject's in one block.
        path: the file to write, or an open binary file to write into.
        prefixes: prefix → namespace to declare; defaults to EduKG's.
        tee: called with the open temp file and each piece of bytes just
            written to it (:meth:`kg.store.StoreLoader.wrote`).

    Returns:
        The number of triples written.

    Raises:
        SyntaxError: a line is not N-Triples (an IRI with a space …).
    """
    import pyoxigraph as ox

    if prefixes is None:
        from .graph import PREFIXES

        prefixes = PREFIXES
    # pyoxigraph parses the lines and writes Turtle in Rust: making a Python
    # term object per subject, predicate and object cost 70% of the time.
    source = _LineReader(lines)
    triples = ox.parse(io.BufferedReader(source, _READ_BUFFER), ox.RdfFormat.N_TRIPLES)
    if not isinstance(path, Path):
        ox.serialize(triples, path, ox.RdfFormat.TURTLE, prefixes=dict(prefixes))
        return source.count
    with atomic_writer(path) as handle:
        output = handle if tee is None else _Tee(handle, tee)
        ox.serialize(triples, output, ox.RdfFormat.TURTLE, prefixes=dict(prefixes))
    return source.count


class _Tee:
    """A binary file that also tells ``tee`` what was written to it."""

    def __init__(
        self, handle: IO[bytes], tee: Callable[[IO[bytes], bytes], None]
    ) -> None:
        self.handle = handle
        self.tee = tee

    def write(self, data: bytes) -> int:
        written = self.handle.write(data)
        self.tee(self.handle, bytes(data))
        return written

    def flush(self) -> None:
        self.handle.flush()


_NT_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})
_NT_TO_ESCAPE = re.compile(r'[\\"\n\r]')


def ntriples_line(row: Row) -> bytes:
    """A row as its N-Triples line (UTF-8, with its newline).

    The byte order of these lines is the order graph.ttl lists triples in:
    subjects in the order of their IRIs followed by ``>`` (the UTF-8 bytes
    of an IRI sort as its code points), then predicates and objects.
    """
    s, p, kind, o, language, datatype = row
    if not kind:  # IRI
        return f"<{s}> <{p}> <{o}> .\n".encode()
    if _NT_TO_ESCAPE.search(o):
        o = o.translate(_NT_ESCAPES)
    if language:
        return f'<{s}> <{p}> "{o}"@{language} .\n'.encode()
    if datatype:
        return f'<{s}> <{p}> "{o}"^^<{datatype}> .\n'.encode()
    return f'<{s}> <{p}> "{o}" .\n'.encode()


#: Bytes pyoxigraph's parser reads from the lines at a time.
_READ_BUFFER = 1 << 16
#: Lines joined into one piece for the parser.
_LINES_PER_PIECE = 512


class _LineReader(io.RawIOBase):
    """A binary stream of an iterable of lines, counting them."""

    def __init__(self, lines: Iterable[bytes]) -> None:
        super().__init__()
        self._lines = iter(lines)
        self._pending = memoryview(b"")
        self.count = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:
        if not self._pending:
            piece = list(itertools.islice(self._lines, _LINES_PER_PIECE))
            if not piece:
                return 0
            self.count += len(piece)
            self._pending = memoryview(b"".join(piece))
        size = min(len(buffer), len(self._pending))
        buffer[:size] = self._pending[:size]
        self._pending = self._pending[size:]
        return size


def rdf_format(path: Path):
    """The pyoxigraph format of a graph file, from its suffix (Turtle by default)."""
    import pyoxigraph as ox

    return {
        ".nt": ox.RdfFormat.N_TRIPLES,
        ".nq": ox.RdfFormat.N_QUADS,
        ".trig": ox.RdfFormat.TRIG,
    }.get(Path(path).suffix, ox.RdfFormat.TURTLE)


def read_graph(path: Path) -> Graph:
    """Parse a Turtle, N-Triples or TriG file into an rdflib graph."""
    fmt = {".nt": "nt", ".trig": "trig", ".nq": "nquads"}.get(
        Path(path).suffix, "turtle"
    )
    graph = Graph()
    graph.parse(path, format=fmt)
    return graph


def graphml_bytes(graph: nx.Graph | GraphParts) -> bytes:
    """Serialise a networkx graph (or its parts) as GraphML (for Gephi)."""
    return "".join(iter_graphml(graph)).encode("utf-8")


def write_graphml(graph: nx.Graph | GraphParts, path: Path) -> None:
    """Write a networkx graph as GraphML (for Gephi) atomically, streaming.

    ``graph`` may be the :class:`kg.graph.GraphParts` of the graph
    :func:`kg.graph.to_networkx` makes: the same bytes, without networkx.
    """
    with atomic_writer(path) as handle:
        for piece in iter_graphml(graph):
            handle.write(piece.encode("utf-8"))


#: Nodes or edges :func:`iter_graphml` serialises at a time.
GRAPHML_BATCH = 512
# Where str.splitlines() splits besides "\n": networkx's lines are split
# there and joined with "\n".
_LINE_BREAK = re.compile("\r\n|[\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
# Those of them left once non-ASCII characters are character references.
_ASCII_LINE_BREAKS = "\r\x0b\x0c\x1c\x1d\x1e"


def iter_graphml(graph: nx.Graph | GraphParts) -> Iterator[str]:
    """GraphML of ``graph`` in pieces of :data:`GRAPHML_BATCH` nodes or edges.

    The pieces join to the bytes networkx's pretty-printed
    :func:`networkx.generate_graphml` lines give (joined with newlines, plus
    a final one), but networkx builds the whole document as one XML tree and
    one string first, several times the size of the graph. Here the keys are
    serialised by the same ElementTree code, and each node and edge is
    formatted as a string, escaped and indented as ElementTree and networkx
    would (building and serialising an element per node cost most of the
    time). A graph with graph-level attributes or defaults is left to
    networkx. :class:`kg.graph.GraphParts` (a directed multigraph) are
    written as the networkx graph they make would be.
    """
    if not isinstance(graph, nx.Graph):
        edges = list(graph.out_edges())
        yield from _iter_graphml(
            lambda: graph.nodes.items(), lambda: edges, directed=True
        )
        return
    if graph.graph:
        lines = nx.generate_graphml(graph, encoding="utf-8", prettyprint=True)
        yield "\n".join(lines) + "\n"
        return
    yield from _iter_graphml(
        lambda: graph.nodes(data=True),
        lambda: _graphml_edges(graph),
        directed=graph.is_directed(),
    )


def _iter_graphml(
    nodes: Callable[[], Iterable[tuple[object, dict]]],
    edges: Callable[[], Iterable[tuple[object, object, str | None, dict]]],
    *,
    directed: bool,
) -> Iterator[str]:
    """:func:`iter_graphml` of the nodes and edges (each listed twice)."""
    writer = nx.readwrite.graphml.GraphMLWriter(encoding="utf-8", prettyprint=True)
    # networkx numbers the keys in the order its data first appear, nodes
    # before edges, and lists them newest first.
    node_data = _GraphMLData(writer, "node")
    for _, data in nodes():
        node_data.declare(data)
    edge_data = _GraphMLData(writer, "edge")
    for *_, data in edges():
        edge_data.declare(data)
    head = [
        f'<graphml xmlns="{writer.NS_GRAPHML}" xmlns:xsi="{writer.NS_XSI}"'
        f' xsi:schemaLocation="{writer.SCHEMALOCATION}">\n  '
    ]
    for key in writer.xml:
        key.tail = "\n  "
        head.append(_xml(key))
    edgedefault = "directed" if directed else "undirected"
    elements = itertools.chain(
        (_graphml_node(node, node_data(data)) for node, data in nodes()),
        (_graphml_edge(u, v, key, edge_data(data)) for u, v, key, data in edges()),
    )
    batch = list(itertools.islice(elements, GRAPHML_BATCH))
    if not batch:
        head.append(f'<graph edgedefault="{edgedefault}" />\n</graphml>\n')
        yield "".join(head)
        return
    head.append(f'<graph edgedefault="{edgedefault}">\n    ')
    yield "".join(head)
    while batch:
        following = list(itertools.islice(elements, GRAPHML_BATCH))
        # Each element is followed by the indent of the next; the last one by
        # the end of the graph.
        end = "\n    " if following else "\n  </graph>\n</graphml>\n"
        yield _ascii_lines("\n    ".join(batch) + end)
        batch = following


def _xml_type(writer: nx.readwrite.graphml.GraphMLWriter, kind: type) -> str:
    if kind not in writer.xml_type:  # what networkx raises for it
        raise nx.NetworkXError(
            f"GraphML writer does not support {kind} as data values."
        )
    return writer.get_xml_type(kind)


def _graphml_edges(graph: nx.Graph) -> Iterator[tuple[str, str, str | None, dict]]:
    if graph.is_multigraph():
        for u, v, key, data in graph.edges(data=True, keys=True):
            yield u, v, str(key), data
    else:
        for u, v, data in graph.edges(data=True):
            yield u, v, None, data


# The strings below are what ElementTree writes for a node or an edge at
# depth 1 of networkx's indented <graph>, with its <data> children at depth 2.
# ElementTree writes an element without children or text as an empty one.


def _graphml_node(node: object, data: str) -> str:
    start = f'<node id="{_escape_attribute(str(node))}"'
    return f"{start}>{data}\n    </node>" if data else f"{start} />"


def _graphml_edge(u: object, v: object, key: str | None, data: str) -> str:
    start = (
        f'<edge source="{_escape_attribute(str(u))}"'
        f' target="{_escape_attribute(str(v))}"'
    )
    if key is not None:
        start += f' id="{_escape_attribute(key)}"'
    return f"{start}>{data}\n    </edge>" if data else f"{start} />"


class _GraphMLData:
    """The ``<data>`` elements of nodes' or edges' attributes, as strings.

    The key of an attribute depends on its name and the type of its value:
    :meth:`declare` makes the keys of every attribute first, as networkx
    does, then each name and type is looked up once, not once per value.
    """

    def __init__(self, writer: nx.readwrite.graphml.GraphMLWriter, scope: str):
        self.writer = writer
        self.scope = scope
        # (name, type of value) -> the start of its <data> element.
        self.starts: dict[tuple[str, type], str] = {}

    def declare(self, data: dict) -> None:
        """Make the keys of ``data``'s attributes not seen before."""
        for name, value in data.items():
            name, kind = str(name), type(value)
            if (name, kind) not in self.starts:
                xml_type = _xml_type(self.writer, kind)
                key = self.writer.get_key(name, xml_type, self.scope, None)
                self.starts[name, kind] = f'\n      <data key="{key}"'

    def __call__(self, data: dict) -> str:
        """The ``<data>`` elements of declared attributes, indented."""
        parts = []
        for name, value in data.items():
            start = self.starts[str(name), type(value)]
            text = str(value)
            parts.append(
                f"{start}>{_escape_text(text)}</data>" if text else f"{start} />"
            )
        return "".join(parts)


# _escape_text and _escape_attribute are ElementTree's _escape_cdata and
# _escape_attrib (Python 3.11), which networkx's output goes through.
# Non-ASCII characters and line breaks are left to _ascii_lines.


_TEXT_ESCAPES = (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"))
# Line breaks in an attribute are character references, so networkx's
# splitlines() does not split there (other breaks, e.g. \x0b, it does).
_ATTRIBUTE_ESCAPES = (
    *_TEXT_ESCAPES,
    ('"', "&quot;"),
    ("\r", "&#13;"),
    ("\n", "&#10;"),
    ("\t", "&#09;"),
)


def _escape(text: str, escapes: tuple[tuple[str, str], ...]) -> str:
    for char, reference in escapes:
        if char in text:
            text = text.replace(char, reference)
    return text


def _escape_text(text: str) -> str:
    return _escape(text, _TEXT_ESCAPES)


def _escape_attribute(text: str) -> str:
    return _escape(text, _ATTRIBUTE_ESCAPES)


def _ascii_lines(text: str) -> str:
    # networkx's XML is ElementTree's default us-ascii output, non-ASCII as
    # character references, split into lines that are joined with "\n".
    ascii_text = text.encode("ascii", "xmlcharrefreplace").decode("ascii")
    # Looking for each break is faster than the regex, and most text has none.
    if any(line_break in ascii_text for line_break in _ASCII_LINE_BREAKS):
        return _LINE_BREAK.sub("\n", ascii_text)
    return ascii_text


def _xml(element: Element) -> str:
    return _ascii_lines(tostring(element, encoding="unicode"))


def write_json(data: object, path: Path) -> None:
    """Write pretty, key-sorted JSON atomically."""
    atomic_write(
        path, json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    )


def jsonl_bytes(rows: Iterable[dict]) -> bytes:
    """Serialise rows as JSON Lines (one key-sorted object per line)."""
    text = "".join(
        json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n" for r in rows
    )
    return text.encode("utf-8")


def write_jsonl(rows: Iterable[dict], path: Path) -> None:
    """Write one JSON object per line atomically."""
    atomic_write(path, jsonl_bytes(rows))
