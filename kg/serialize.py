"""Write and read graphs and build artefacts; every write is atomic.

Turtle is written by pyoxigraph (tens of times faster than rdflib's writer)
from triples sorted into a total order, so two builds of the same input give
byte-identical files.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

import networkx as nx
from rdflib import BNode, Graph, Literal, URIRef

__all__ = [
    "atomic_write",
    "graphml_bytes",
    "jsonl_bytes",
    "rdf_format",
    "read_graph",
    "turtle_bytes",
    "write_graphml",
    "write_json",
    "write_jsonl",
    "write_turtle",
]


def atomic_write(path: Path, data: bytes | str) -> None:
    """Write ``data`` to ``path`` through a temp file and a rename.

    A crash mid-write leaves the old file (or none), never half a file.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    raw = data.encode("utf-8") if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        # mkstemp makes the file private (0600); give it the mode open() would.
        os.fchmod(fd, 0o666 & ~_umask())
        with os.fdopen(fd, "wb") as handle:
            handle.write(raw)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _ox(term, cache: dict):  # rdflib term -> pyoxigraph term
    import pyoxigraph as ox

    if isinstance(term, URIRef):
        node = cache.get(term)
        if node is None:
            node = cache[term] = ox.NamedNode(str(term))
        return node
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=_ox(term.datatype, cache))
        return ox.Literal(str(term))
    raise TypeError(f"unsupported RDF term {term!r}")


def _order(triple: tuple) -> tuple:
    # A total order that is cheap to compute: IRIs are str subclasses, and a
    # literal's language and datatype break ties between equal lexical forms.
    s, p, o = triple
    if isinstance(o, Literal):
        return (str(s), str(p), 1, str(o), o.language or "", str(o.datatype or ""))
    return (str(s), str(p), 0, str(o), "", "")


def turtle_bytes(
    graph: Graph | Iterable[tuple], prefixes: dict[str, str] | None = None
) -> bytes:
    """Serialise a graph (or an iterable of rdflib triples) as deterministic Turtle.

    Args:
        graph: an rdflib graph, or triples of rdflib terms.
        prefixes: prefix → namespace to declare; defaults to EduKG's.

    Returns:
        UTF-8 Turtle, triples in a total order so equal graphs give equal bytes.
    """
    import pyoxigraph as ox

    if prefixes is None:
        from .graph import PREFIXES

        prefixes = PREFIXES
    cache: dict = {}
    triples = (
        ox.Triple(_ox(s, cache), _ox(p, cache), _ox(o, cache))
        for s, p, o in sorted(set(graph), key=_order)
    )
    return ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=dict(prefixes))


def write_turtle(graph: Graph, path: Path) -> None:
    """Write ``graph`` as Turtle to ``path`` atomically and deterministically."""
    atomic_write(path, turtle_bytes(graph))


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


def graphml_bytes(graph: nx.MultiDiGraph) -> bytes:
    """Serialise a networkx graph as GraphML (for Gephi)."""
    lines = nx.generate_graphml(graph, encoding="utf-8", prettyprint=True)
    return ("\n".join(lines) + "\n").encode("utf-8")


def write_graphml(graph: nx.MultiDiGraph, path: Path) -> None:
    """Write a networkx graph as GraphML (for Gephi) atomically."""
    atomic_write(path, graphml_bytes(graph))


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
