"""Export a built graph (``graph.ttl``) to other RDF and network formats.

Formats (:data:`FORMATS`):

``nt``
    N-Triples, one triple per line, lines sorted.
``trig``
    TriG. The *facts* (entities, their names and codes, relations, reports,
    indicators, ``edu:mentions``) stay in the default graph. The *evidence* —
    every ``rdf:Statement`` node and every ``edu:Mention`` node, with all the
    triples whose subject it is — goes into one named graph per report,
    ``<REPORT-IRI>/evidence`` (for example
    ``<https://w3id.org/edukg/id/report/793125…/evidence>``), chosen by the
    node's ``edu:inReport``. An evidence node with no ``edu:inReport`` stays
    in the default graph; one with several goes to the graph of the smallest
    report IRI. No triple is written twice, so the triple count summed over
    all graphs equals the Turtle file's. ``edu:Indicator`` nodes carry their
    own evidence but are facts, so they stay in the default graph.
``jsonld``
    JSON-LD: an ``@context`` of prefixes (``edu:``, ``id:``, ``rdf:``,
    ``rdfs:``, ``skos:``, ``dcterms:``, ``xsd:``) and an ``@graph`` of one
    object per subject, sorted by ``@id``, with compact keys
    (``"rdfs:label"``, ``"@type": "edu:School"``). Every value keeps its
    exact RDF form (``{"@value": "3", "@type": "xsd:integer"}``), so the file
    parses back to the same triples.
``graphml`` / ``gexf``
    The network for Gephi, read back from the RDF graph like
    :func:`kg.graph.to_networkx`: one node per entity (Region, Bureau,
    School, Program, Award, Document, Organization) and per Report, with the
    string attributes ``type``, ``label``, ``aliases`` (`` | ``-joined),
    ``region`` (a Region's own name, else the names of the Regions it is
    ``edu:locatedIn``) and ``division_code``; one edge per relation triple
    between two nodes (``locatedIn``, ``subRegionOf``, ``receivedAward``,
    ``implements``, ``publisher``) with ``relation`` (string),
    ``evidence_count`` (integer) and ``evidence`` (the first evidence
    sentence). Only strings and integers, so Gephi reads every attribute.
``csv``
    A folder with ``nodes.csv`` (``id, type, label, aliases, region,
    division_code``) and ``edges.csv`` (``source, target, relation,
    evidence_count, first_evidence_sentence``): the nodes and edges of the
    network above, UTF-8 without BOM, header row, quoted by :mod:`csv`, ready
    for ``pandas.read_csv`` (pass ``dtype={"division_code": str}``, or pandas
    reads the codes as numbers and the empty ones as NaN).

"First" evidence means the first by report file name, then start offset.
Every output is sorted, so two exports of the same graph are byte-identical,
and every file is written by :func:`kg.serialize.atomic_write`. (For ``csv``
each of the two files is atomic, the folder as a whole is not.)

Example:
    >>> from kg.export import export_graph  # doctest: +SKIP
    >>> export_graph(Path("graph.ttl"), "csv", Path("csv"))  # doctest: +SKIP
    PosixPath('csv')
"""

from __future__ import annotations

import csv
import io
import json
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import networkx as nx
import pyoxigraph as ox
from networkx.readwrite.gexf import GEXFWriter

from .errors import KGError
from .serialize import atomic_write, rdf_format
from .types import ENTITY_TYPES

__all__ = [
    "ENTITY_CLASSES",
    "FORMATS",
    "PREFIXES",
    "ExportError",
    "export_graph",
    "jsonld_document",
    "load_triples",
    "to_network",
]

EDU = "https://w3id.org/edukg/ontology#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
DCTERMS = "http://purl.org/dc/terms/"
XSD = "http://www.w3.org/2001/XMLSchema#"

#: Prefixes of the Turtle/TriG output and the JSON-LD ``@context``.
PREFIXES: dict[str, str] = {
    "dcterms": DCTERMS,
    "edu": EDU,
    "id": "https://w3id.org/edukg/id/",
    "rdf": RDF,
    "rdfs": RDFS,
    "skos": SKOS,
    "xsd": XSD,
}

#: The classes whose instances are network nodes, in the order used to pick
#: one ``type`` when a node has several.
ENTITY_CLASSES: tuple[str, ...] = (*ENTITY_TYPES, "Report")

#: Supported export formats.
FORMATS: tuple[str, ...] = ("csv", "gexf", "graphml", "jsonld", "nt", "trig")

NODE_COLUMNS = ("id", "type", "label", "aliases", "region", "division_code")
EDGE_COLUMNS = (
    "source",
    "target",
    "relation",
    "evidence_count",
    "first_evidence_sentence",
)

_TYPE = RDF + "type"
_STATEMENT = RDF + "Statement"
_MENTION = EDU + "Mention"
_NOT_EDGES = frozenset({_TYPE, EDU + "mentions"})


class ExportError(KGError):
    """The graph cannot be read or the export cannot be written."""


def export_graph(graph_path: Path, fmt: str, out: Path) -> Path:
    """Export a built graph to another format.

    Args:
        graph_path: a ``graph.ttl`` written by ``kg build`` (``.nt``, ``.nq``
            and ``.trig`` are read too; named graphs are merged).
        fmt: one of :data:`FORMATS`.
        out: the file to write; for ``csv`` the folder to write
            ``nodes.csv`` and ``edges.csv`` into.

    Returns:
        ``out``.

    Raises:
        ExportError: unknown format, missing or unparsable graph, or ``out``
            is a folder where a file is expected (or the reverse).
    """
    out = Path(out)
    writer = _WRITERS.get(fmt)
    if writer is None:
        raise ExportError(
            f"unknown export format {fmt!r} (choose from {', '.join(FORMATS)})"
        )
    if fmt == "csv" and out.exists() and not out.is_dir():
        raise ExportError(f"{out}: exists and is not a folder (csv writes a folder)")
    if fmt != "csv" and out.is_dir():
        raise ExportError(f"{out}: is a folder; give a file name")
    writer(load_triples(graph_path), out)
    return out


def load_triples(graph_path: Path) -> list[ox.Triple]:
    """Read a graph file into a sorted, duplicate-free list of triples.

    Args:
        graph_path: Turtle (any suffix but the ones below), ``.nt``, ``.nq``
            or ``.trig``; quads lose their graph name.

    Returns:
        The triples, sorted by their N-Triples form (subject, predicate,
        object).

    Raises:
        ExportError: the file is missing or is not valid RDF.
    """
    path = Path(graph_path)
    if not path.is_file():
        raise ExportError(f"{path}: no such graph file (run `kg build` first)")
    fmt = rdf_format(path)
    try:
        triples = {q.triple for q in ox.parse(path=str(path), format=fmt)}
    except (SyntaxError, ValueError, OSError) as exc:
        raise ExportError(f"{path}: cannot parse graph: {exc}") from exc
    return sorted(triples, key=_key)


def _key(triple: ox.Triple | ox.Quad) -> tuple[str, str, str]:
    return str(triple.subject), str(triple.predicate), str(triple.object)


# ----------------------------------------------------------------- RDF text


def _write_nt(triples: list[ox.Triple], out: Path) -> None:
    atomic_write(out, ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES))


def _evidence_graphs(triples: list[ox.Triple]) -> dict[str, str]:
    """Map each evidence node (N-Triples text) to its named graph IRI."""
    evidence = {
        str(t.subject)
        for t in triples
        if t.predicate.value == _TYPE and t.object.value in (_STATEMENT, _MENTION)
    }
    reports: dict[str, list[str]] = defaultdict(list)
    for t in triples:
        if (
            t.predicate.value == EDU + "inReport"
            and isinstance(t.object, ox.NamedNode)
            and str(t.subject) in evidence
        ):
            reports[str(t.subject)].append(t.object.value)
    return {node: min(iris) + "/evidence" for node, iris in reports.items()}


def _write_trig(triples: list[ox.Triple], out: Path) -> None:
    graph_of = _evidence_graphs(triples)
    default = ox.DefaultGraph()
    names = {iri: ox.NamedNode(iri) for iri in set(graph_of.values())}

    def quad(t: ox.Triple) -> ox.Quad:
        name = graph_of.get(str(t.subject))
        graph = names[name] if name else default
        return ox.Quad(t.subject, t.predicate, t.object, graph)

    quads = sorted(
        (quad(t) for t in triples),
        key=lambda q: (q.graph_name != default, str(q.graph_name), *_key(q)),
    )
    data = ox.serialize(quads, format=ox.RdfFormat.TRIG, prefixes=PREFIXES)
    atomic_write(out, data)


def _is_bnode(term: Any) -> bool:
    return isinstance(term, ox.BlankNode)


def _is_literal(term: Any) -> bool:
    return isinstance(term, ox.Literal)


def _compact(iri: str) -> str:
    """Shorten an IRI with :data:`PREFIXES` (longest namespace wins).

    Example:
        >>> _compact("https://w3id.org/edukg/ontology#School")
        'edu:School'
        >>> _compact("https://example.org/x")
        'https://example.org/x'
    """
    best = ""
    for prefix, ns in PREFIXES.items():
        if iri.startswith(ns) and len(ns) > len(PREFIXES.get(best, "")):
            rest = iri[len(ns) :]
            if rest and not rest.startswith("//"):
                best = prefix
    return f"{best}:{iri[len(PREFIXES[best]) :]}" if best else iri


def _jsonld_value(term: Any) -> Any:
    """One RDF object as a JSON-LD value object (exact: no native numbers)."""
    if _is_bnode(term):
        return {"@id": str(term)}
    if not _is_literal(term):
        return {"@id": _compact(term.value)}
    if term.language:
        return {"@value": term.value, "@language": term.language}
    if term.datatype.value == XSD + "string":
        return term.value
    return {"@value": term.value, "@type": _compact(term.datatype.value)}


def _node_id(term: Any) -> str:
    return str(term) if _is_bnode(term) else _compact(term.value)


def jsonld_document(triples: Iterable[ox.Triple]) -> dict[str, Any]:
    """Build the JSON-LD document (a dict) of sorted triples.

    Args:
        triples: triples sorted by subject (as :func:`load_triples` returns).

    Returns:
        ``{"@context": …, "@graph": [ one object per subject ]}``.
    """
    nodes: dict[str, dict[str, list[Any]]] = {}
    for t in triples:
        node = nodes.setdefault(_node_id(t.subject), {})
        if t.predicate.value == _TYPE and not _is_literal(t.object):
            node.setdefault("@type", []).append(_node_id(t.object))
        else:
            key = _compact(t.predicate.value)
            node.setdefault(key, []).append(_jsonld_value(t.object))
    graph = []
    for node_id in sorted(nodes):
        props = nodes[node_id]
        obj: dict[str, Any] = {"@id": node_id}
        for key in sorted(props, key=lambda k: (k != "@type", k)):
            values = props[key]
            obj[key] = values[0] if len(values) == 1 else values
        graph.append(obj)
    return {"@context": dict(sorted(PREFIXES.items())), "@graph": graph}


def _write_jsonld(triples: list[ox.Triple], out: Path) -> None:
    text = json.dumps(jsonld_document(triples), ensure_ascii=False, indent=2)
    atomic_write(out, text + "\n")


# ------------------------------------------------------------------ network


@dataclass(frozen=True, slots=True)
class _Evidence:
    source: str
    start: int
    end: int
    sentence: str


def _literal_int(term: Any) -> int:
    try:
        return int(term.value)
    except (AttributeError, ValueError):
        return 0


def to_network(triples: list[ox.Triple]) -> nx.MultiDiGraph:
    """Derive the entity network of an EduKG graph (see the module docstring).

    Args:
        triples: the graph, as :func:`load_triples` returns it.

    Returns:
        A MultiDiGraph whose nodes are the entity and report IRIs; edge keys
        are ``e0``, ``e1`` … in sorted order (unique, for GraphML edge ids),
        the relation name is the ``relation`` attribute; only ``str`` and
        ``int`` attribute values; nodes and edges inserted in sorted order.
    """
    by_subject: dict[str, dict[str, list[Any]]] = defaultdict(lambda: defaultdict(list))
    for t in triples:
        if not _is_bnode(t.subject):
            by_subject[t.subject.value][t.predicate.value].append(t.object)

    def values(node: str, predicate: str) -> list[str]:
        return sorted(o.value for o in by_subject.get(node, {}).get(predicate, ()))

    def first(node: str, *predicates: str) -> str:
        for predicate in predicates:
            found = values(node, predicate)
            if found:
                return found[0]
        return ""

    rank = {EDU + name: i for i, name in enumerate(ENTITY_CLASSES)}
    node_type: dict[str, str] = {}
    for node, props in by_subject.items():
        types = sorted(rank[o.value] for o in props.get(_TYPE, ()) if o.value in rank)
        if types:
            node_type[node] = ENTITY_CLASSES[types[0]]

    evidence = _evidence_index(by_subject, values)
    graph = nx.MultiDiGraph()
    for node in sorted(node_type):
        kind = node_type[node]
        label = first(node, RDFS + "label", DCTERMS + "title", EDU + "sourceFile")
        if kind == "Region":
            region = label
        else:
            region = " | ".join(
                sorted(
                    {first(r, RDFS + "label") for r in values(node, EDU + "locatedIn")}
                )
            )
        graph.add_node(
            node,
            type=kind,
            label=label,
            aliases=" | ".join(values(node, SKOS + "altLabel")),
            region=region,
            division_code=first(node, EDU + "divisionCode"),
        )
    edges = []
    for node in node_type:
        for predicate, objects in by_subject[node].items():
            if predicate in _NOT_EDGES:
                continue
            for obj in objects:
                if not _is_literal(obj) and obj.value in node_type:
                    edges.append((node, obj.value, predicate))
    for number, (source, target, predicate) in enumerate(sorted(edges)):
        found = sorted(
            evidence.get((source, predicate, target), ()),
            key=lambda e: (e.source, e.start, e.end, e.sentence),
        )
        relation = _local_name(predicate)
        graph.add_edge(
            source,
            target,
            key=f"e{number}",  # GraphML edge id: unique in the file (Gephi)
            relation=relation,
            evidence_count=len(found),
            evidence=found[0].sentence if found else "",
        )
    return graph


def _evidence_index(
    by_subject: dict[str, dict[str, list[Any]]],
    values: Callable[[str, str], list[str]],
) -> dict[tuple[str, str, str], list[_Evidence]]:
    """Map each reified (s, p, o) of IRIs to its evidence records."""
    index: dict[tuple[str, str, str], list[_Evidence]] = defaultdict(list)
    for node, props in by_subject.items():
        if not any(o.value == _STATEMENT for o in props.get(_TYPE, ())):
            continue
        s, p, o = (
            values(node, RDF + name) for name in ("subject", "predicate", "object")
        )
        if not (s and p and o):
            continue
        reports = values(node, EDU + "inReport")
        files = values(reports[0], EDU + "sourceFile") if reports else []
        starts = [_literal_int(x) for x in props.get(EDU + "startOffset", ())]
        ends = [_literal_int(x) for x in props.get(EDU + "endOffset", ())]
        index[(s[0], p[0], o[0])].append(
            _Evidence(
                source=files[0] if files else "",
                start=min(starts, default=0),
                end=min(ends, default=0),
                sentence=(values(node, EDU + "sentence") or [""])[0],
            )
        )
    return index


def _local_name(iri: str) -> str:
    """The part of an IRI after the last ``#`` or ``/``.

    Example:
        >>> _local_name("http://purl.org/dc/terms/publisher")
        'publisher'
    """
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _write_graphml(triples: list[ox.Triple], out: Path) -> None:
    lines = nx.generate_graphml(to_network(triples), encoding="utf-8", prettyprint=True)
    atomic_write(out, "\n".join(lines) + "\n")


def _write_gexf(triples: list[ox.Triple], out: Path) -> None:
    writer = GEXFWriter(encoding="utf-8", prettyprint=True, version="1.2draft")
    meta = writer.xml.find("meta")
    if meta is not None:  # the date would make two exports differ
        meta.attrib.pop("lastmodifieddate", None)
    writer.add_graph(to_network(triples))
    buffer = io.BytesIO()
    writer.write(buffer)
    atomic_write(out, buffer.getvalue())


def _csv_text(header: tuple[str, ...], rows: Iterable[Iterable[object]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()


def _write_csv(triples: list[ox.Triple], out: Path) -> None:
    graph = to_network(triples)
    nodes = (
        [node, *(data[column] for column in NODE_COLUMNS[1:])]
        for node, data in graph.nodes(data=True)
    )
    edges = (
        [u, v, data["relation"], data["evidence_count"], data["evidence"]]
        for u, v, data in graph.edges(data=True)
    )
    out.mkdir(parents=True, exist_ok=True)
    atomic_write(out / "nodes.csv", _csv_text(NODE_COLUMNS, nodes))
    atomic_write(out / "edges.csv", _csv_text(EDGE_COLUMNS, edges))


_WRITERS: dict[str, Callable[[list[ox.Triple], Path], None]] = {
    "csv": _write_csv,
    "gexf": _write_gexf,
    "graphml": _write_graphml,
    "jsonld": _write_jsonld,
    "nt": _write_nt,
    "trig": _write_trig,
}
