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
    ``implements``, ``publisher`` …) with ``relation`` (string),
    ``evidence_count`` (integer) and ``evidence`` (the first evidence
    sentence). Only strings and integers, so Gephi reads every attribute.
    GEXF nodes also carry ``viz:color`` (the explorer's colour of their
    type, ``viz_style.toml``) and ``viz:size`` (grows with degree).
``csv`` / ``parquet``
    A folder of tables (:func:`all_tables`), one file each:

    * ``nodes`` (``id, type, label, aliases, region, division_code``) and
      ``edges`` (``source, target, relation, evidence_count,
      first_evidence_sentence``): the network above;
    * ``entities``: every entity with its division code and level, award
      level (when the graph has ``edu:level``), degree, mention and report
      counts and first/last year mentioned;
    * ``relations``: one row per relation *and piece of evidence*, with the
      year of its report, status (reported/planned), report, file, rule,
      offsets and sentence (a relation without evidence: one row, empty);
    * ``reports``: file, title, publisher, year, kind, issued, counts of
      entities, mentions, evidence statements and indicators, and ``flags``
      (``no-publisher``, ``no-year``);
    * ``mentions``: every entity mention with its surface form and evidence;
    * ``indicators``: every figure (measure, quantity, unit, year, subject)
      with its evidence.

    CSV is UTF-8 without BOM, header row, quoted by :mod:`csv`, ready for
    ``pandas.read_csv`` (pass ``dtype={"division_code": str}``, or pandas
    reads the codes as numbers). Parquet (needs ``pyarrow``, the
    ``parquet`` extra) types counts, years and offsets as integers.

"First" evidence means the first by report file name, then start offset.
Every output is sorted, so two exports of the same graph are byte-identical,
and every file is written by :func:`kg.serialize.atomic_write`. (For a
folder format each file is atomic, the folder as a whole is not.) The
formats are one table, :data:`EXPORTS`; GRAPH may be a build folder.

Example:
    >>> from kg.export import export_graph  # doctest: +SKIP
    >>> export_graph(Path("graph.ttl"), "csv", Path("csv"))  # doctest: +SKIP
    PosixPath('csv')
"""

from __future__ import annotations

import csv
import io
import json
import math
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import networkx as nx
import pyoxigraph as ox
from networkx.readwrite.gexf import GEXFWriter

from .errors import KGError
from .graph import PREFIXES as GRAPH_PREFIXES
from .serialize import atomic_write, graphml_bytes, rdf_format
from .types import ENTITY_TYPES

__all__ = [
    "ENTITY_CLASSES",
    "EXPORTS",
    "FORMATS",
    "PREFIXES",
    "ExportError",
    "all_tables",
    "analysis_tables",
    "export_graph",
    "jsonld_document",
    "load_triples",
    "to_network",
]

#: Prefixes of the Turtle/TriG output and the JSON-LD ``@context``: the one
#: table every EduKG graph binds (:data:`kg.graph.PREFIXES`).
PREFIXES: dict[str, str] = dict(GRAPH_PREFIXES)
EDU = PREFIXES["edu"]
RDF = PREFIXES["rdf"]
RDFS = PREFIXES["rdfs"]
SKOS = PREFIXES["skos"]
DCTERMS = PREFIXES["dcterms"]
XSD = PREFIXES["xsd"]

#: The classes whose instances are network nodes, in the order used to pick
#: one ``type`` when a node has several.
ENTITY_CLASSES: tuple[str, ...] = (*ENTITY_TYPES, "Report")


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
# withinRegion is containment written out for queries: the relations it
# follows from are edges already.
_NOT_EDGES = frozenset({_TYPE, EDU + "mentions", EDU + "withinRegion"})


class ExportError(KGError):
    """The graph cannot be read or the export cannot be written."""


def export_graph(graph_path: Path, fmt: str, out: Path) -> Path:
    """Export a built graph to another format.

    Args:
        graph_path: a ``graph.ttl`` written by ``kg build`` or the build
            folder that holds it (``.nt``, ``.nq`` and ``.trig`` are read
            too; named graphs are merged).
        fmt: one of :data:`FORMATS`.
        out: the file to write; for a folder format (``csv``, ``parquet``)
            the folder to write the tables into.

    Returns:
        ``out``.

    Raises:
        ExportError: unknown format, missing or unparsable graph, or ``out``
            is a folder where a file is expected (or the reverse).
    """
    out = Path(out)
    spec = EXPORTS.get(fmt)
    if spec is None:
        raise ExportError(
            f"unknown export format {fmt!r} (choose from {', '.join(FORMATS)})"
        )
    if spec.folder and out.exists() and not out.is_dir():
        raise ExportError(f"{out}: exists and is not a folder ({fmt} writes a folder)")
    if not spec.folder and out.is_dir():
        raise ExportError(f"{out}: is a folder; give a file name")
    spec.write(load_triples(graph_path), out)
    return out


def load_triples(graph_path: Path) -> list[ox.Triple]:
    """Read a graph file into a sorted, duplicate-free list of triples.

    Args:
        graph_path: Turtle (any suffix but the ones below), ``.nt``, ``.nq``
            or ``.trig``, or a build folder (its ``graph.ttl``); quads lose
            their graph name.

    Returns:
        The triples, sorted by their N-Triples form (subject, predicate,
        object).

    Raises:
        ExportError: the file is missing or is not valid RDF.
    """
    path = Path(graph_path)
    if path.is_dir():  # a build folder, as `kg query` accepts
        path = path / "graph.ttl"
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
    atomic_write(out, graphml_bytes(to_network(triples)))


def _write_gexf(triples: list[ox.Triple], out: Path) -> None:
    writer = GEXFWriter(encoding="utf-8", prettyprint=True, version="1.2draft")
    meta = writer.xml.find("meta")
    if meta is not None:  # the date would make two exports differ
        meta.attrib.pop("lastmodifieddate", None)
    writer.add_graph(_with_viz(to_network(triples)))
    buffer = io.BytesIO()
    writer.write(buffer)
    atomic_write(out, buffer.getvalue())


def _with_viz(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """Colour nodes by type (the explorer's colours) and size them by degree.

    Gephi reads GEXF ``viz:color`` and ``viz:size``, so the network opens
    coloured like the explorer with hubs drawn larger, not as a grey hairball.
    """
    from .visualize.style import load_style

    style = load_style()
    out = graph.copy()
    for node, data in out.nodes(data=True):
        colour = style.type_style(data["type"]).color
        r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
        data["viz"] = {
            "color": {"r": r, "g": g, "b": b, "a": 1.0},
            "size": round(6.0 + 3.0 * math.sqrt(graph.degree(node)), 2),
        }
    return out


def _csv_text(header: tuple[str, ...], rows: Iterable[Iterable[object]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()


def _network_tables(graph: nx.MultiDiGraph) -> dict[str, Table]:
    nodes = [
        [node, *(data[column] for column in NODE_COLUMNS[1:])]
        for node, data in graph.nodes(data=True)
    ]
    edges = [
        [u, v, data["relation"], data["evidence_count"], data["evidence"]]
        for u, v, data in graph.edges(data=True)
    ]
    return {"nodes": (NODE_COLUMNS, nodes), "edges": (EDGE_COLUMNS, edges)}


def _write_csv(triples: list[ox.Triple], out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for name, (columns, rows) in all_tables(triples).items():
        atomic_write(out / f"{name}.csv", _csv_text(columns, rows))


def _write_parquet(triples: list[ox.Triple], out: Path) -> None:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:
        raise ExportError(
            "parquet export needs pyarrow (pip install 'edukg[parquet]'"
            " or 'pyarrow>=15,<27')"
        ) from exc
    out.mkdir(parents=True, exist_ok=True)
    for name, (columns, rows) in all_tables(triples).items():
        arrays = {column: [row[i] for row in rows] for i, column in enumerate(columns)}
        types = {
            column: pa.int64() if column in INTEGER_COLUMNS else pa.string()
            for column in columns
        }
        table = pa.table({c: pa.array(v, type=types[c]) for c, v in arrays.items()})
        buffer = pa.BufferOutputStream()
        # No statistics timestamps or created_by drift: same graph, same bytes.
        pq.write_table(table, buffer, compression="zstd", write_statistics=False)
        atomic_write(out / f"{name}.parquet", buffer.getvalue().to_pybytes())


# ------------------------------------------------------------------ tables

#: A table: its column names and its rows (strings and integers only).
Table = tuple[tuple[str, ...], list[list[Any]]]

ENTITY_COLUMNS = (
    "id",
    "type",
    "label",
    "aliases",
    "region",
    "division_code",
    "division_level",
    "award_level",
    "degree",
    "mentions",
    "reports",
    "first_year",
    "last_year",
)
RELATION_COLUMNS = (
    "source",
    "source_type",
    "source_label",
    "relation",
    "target",
    "target_type",
    "target_label",
    "year",
    "status",
    "report",
    "report_file",
    "rule",
    "start",
    "end",
    "sentence",
)
REPORT_COLUMNS = (
    "id",
    "source_file",
    "title",
    "publisher",
    "publisher_label",
    "year",
    "kind",
    "issued",
    "entities",
    "mentions",
    "statements",
    "indicators",
    "flags",
)
MENTION_COLUMNS = (
    "id",
    "entity",
    "entity_type",
    "entity_label",
    "surface",
    "report",
    "report_file",
    "year",
    "status",
    "rule",
    "start",
    "end",
    "sentence",
)
INDICATOR_COLUMNS = (
    "id",
    "measure",
    "quantity",
    "unit",
    "approximate",
    "year",
    "subject",
    "subject_type",
    "subject_label",
    "report",
    "report_file",
    "start",
    "end",
    "surface",
    "sentence",
)
#: Columns typed as integers in Parquet (empty values become nulls).
INTEGER_COLUMNS = frozenset(
    {
        "division_level",
        "degree",
        "mentions",
        "reports",
        "first_year",
        "last_year",
        "year",
        "start",
        "end",
        "entities",
        "statements",
        "indicators",
        "evidence_count",
    }
)


def all_tables(triples: list[ox.Triple]) -> dict[str, Table]:
    """Every table of the ``csv`` and ``parquet`` exports, by file stem.

    ``nodes`` and ``edges`` are the network (one row per node and per
    relation); ``entities``, ``relations`` (one row per relation and piece
    of evidence, with the year of its report), ``reports``, ``mentions``
    and ``indicators`` are for analysis. Rows are sorted; empty values are
    ``""`` (``None`` for integers).
    """
    graph = to_network(triples)
    return {**_network_tables(graph), **analysis_tables(triples, graph)}


def analysis_tables(
    triples: list[ox.Triple], graph: nx.MultiDiGraph | None = None
) -> dict[str, Table]:
    """The entities, relations, reports, mentions and indicators tables."""
    graph = graph if graph is not None else to_network(triples)
    props: dict[str, dict[str, list[Any]]] = defaultdict(lambda: defaultdict(list))
    by_type: dict[str, list[str]] = defaultdict(list)
    for t in triples:
        if _is_bnode(t.subject):
            continue
        props[t.subject.value][t.predicate.value].append(t.object)
        if t.predicate.value == _TYPE and not _is_literal(t.object):
            by_type[t.object.value].append(t.subject.value)

    def one(node: str, predicate: str) -> str:
        found = sorted(o.value for o in props.get(node, {}).get(predicate, ()))
        return found[0] if found else ""

    def number(node: str, predicate: str) -> int | None:
        value = one(node, predicate)
        try:
            return int(value)
        except ValueError:
            return None

    def kind(node: str) -> str:
        return graph.nodes[node]["type"] if node in graph else ""

    def label(node: str) -> str:
        return graph.nodes[node]["label"] if node in graph else ""

    report_year = {r: number(r, EDU + "year") for r in by_type.get(EDU + "Report", ())}
    report_file = {r: one(r, EDU + "sourceFile") for r in report_year}

    def evidence(node: str) -> list[Any]:
        report = one(node, EDU + "inReport")
        return [
            report,
            report_file.get(report, ""),
            report_year.get(report),
            one(node, EDU + "status"),
            one(node, EDU + "rule"),
            number(node, EDU + "startOffset"),
            number(node, EDU + "endOffset"),
            one(node, EDU + "sentence"),
        ]

    # mentions
    mentions = []
    mention_reports: dict[str, set[str]] = defaultdict(set)
    mention_count: Counter[str] = Counter()
    per_report: dict[str, Counter[str]] = defaultdict(Counter)
    for m in by_type.get(_MENTION, ()):
        entity = one(m, EDU + "mentionOf")
        report, file, year, status, rule, start, end, sentence = evidence(m)
        mention_count[entity] += 1
        if report:
            mention_reports[entity].add(report)
            per_report[report]["mentions"] += 1
        mentions.append(
            [
                m,
                entity,
                kind(entity),
                label(entity),
                one(m, EDU + "surfaceForm"),
                report,
                file,
                year,
                status,
                rule,
                start,
                end,
                sentence,
            ]
        )
    mentions.sort(key=lambda r: (r[6], r[10] or 0, r[11] or 0, r[1], r[0]))

    # relations, one row per piece of evidence
    stated: dict[tuple[str, str, str], list[str]] = defaultdict(list)
    for st in by_type.get(_STATEMENT, ()):
        key = tuple(one(st, RDF + n) for n in ("subject", "predicate", "object"))
        stated[key].append(st)  # type: ignore[index]
        report = one(st, EDU + "inReport")
        if report:
            per_report[report]["statements"] += 1
    relations = []
    for u, v, data in graph.edges(data=True):
        if data["relation"] == "publisher":
            continue
        predicate = next(
            (
                p
                for p, objs in props[u].items()
                if _local_name(p) == data["relation"]
                and any(o.value == v for o in objs)
            ),
            "",
        )
        head = [u, kind(u), label(u), data["relation"], v, kind(v), label(v)]
        statements = stated.get((u, predicate, v), [])
        if not statements:
            relations.append([*head, None, "", "", "", "", None, None, ""])
        for st in statements:
            report, file, year, status, rule, start, end, sentence = evidence(st)
            relations.append(
                [*head, year, status, report, file, rule, start, end, sentence]
            )
    relations.sort(
        key=lambda r: (r[0], r[3], r[4], r[10], r[12] or 0, r[13] or 0, r[14])
    )

    # indicators
    indicators = []
    for ind in by_type.get(EDU + "Indicator", ()):
        subject = one(ind, EDU + "indicatorOf")
        report, file, _, _, _, start, end, sentence = evidence(ind)
        if report:
            per_report[report]["indicators"] += 1
        indicators.append(
            [
                ind,
                one(ind, EDU + "measure"),
                one(ind, EDU + "quantity"),
                one(ind, EDU + "unit"),
                one(ind, EDU + "approximate"),
                number(ind, EDU + "year"),
                subject,
                kind(subject),
                label(subject),
                report,
                file,
                start,
                end,
                one(ind, EDU + "surfaceForm"),
                sentence,
            ]
        )
    indicators.sort(key=lambda r: (r[10], r[11] or 0, r[0]))

    # reports
    reports = []
    for r in sorted(report_year):
        publisher = one(r, DCTERMS + "publisher")
        flags = [
            flag
            for flag, missing in (
                ("no-publisher", not publisher),
                ("no-year", report_year[r] is None),
            )
            if missing
        ]
        counts = per_report[r]
        reports.append(
            [
                r,
                report_file[r],
                one(r, DCTERMS + "title"),
                publisher,
                label(publisher),
                report_year[r],
                one(r, EDU + "reportKind"),
                one(r, DCTERMS + "issued"),
                len(props[r].get(EDU + "mentions", ())),
                counts["mentions"],
                counts["statements"],
                counts["indicators"],
                ";".join(flags),
            ]
        )
    reports.sort(key=lambda r: (r[1], r[0]))

    # entities
    entities = []
    for node, data in graph.nodes(data=True):
        if data["type"] == "Report":
            continue
        years = sorted(
            y
            for y in (report_year.get(r) for r in mention_reports.get(node, ()))
            if y is not None
        )
        entities.append(
            [
                node,
                data["type"],
                data["label"],
                data["aliases"],
                data["region"],
                data["division_code"],
                number(node, EDU + "divisionLevel"),
                _local_name(one(node, EDU + "level")),
                graph.degree(node),
                mention_count[node],
                len(mention_reports.get(node, ())),
                years[0] if years else None,
                years[-1] if years else None,
            ]
        )
    return {
        "entities": (ENTITY_COLUMNS, entities),
        "relations": (RELATION_COLUMNS, relations),
        "reports": (REPORT_COLUMNS, reports),
        "mentions": (MENTION_COLUMNS, mentions),
        "indicators": (INDICATOR_COLUMNS, indicators),
    }


@dataclass(frozen=True, slots=True)
class ExportFormat:
    """One output format: its writer and whether it writes a folder."""

    name: str
    write: Callable[[list[ox.Triple], Path], None]
    folder: bool
    summary: str


#: Every export format, by name: the CLI's choices and help come from here.
EXPORTS: dict[str, ExportFormat] = {
    f.name: f
    for f in (
        ExportFormat("csv", _write_csv, True, "a folder of CSV tables"),
        ExportFormat("gexf", _write_gexf, False, "GEXF for Gephi, coloured by type"),
        ExportFormat("graphml", _write_graphml, False, "GraphML"),
        ExportFormat("jsonld", _write_jsonld, False, "JSON-LD"),
        ExportFormat("nt", _write_nt, False, "N-Triples"),
        ExportFormat(
            "parquet", _write_parquet, True, "a folder of Parquet tables (pyarrow)"
        ),
        ExportFormat("trig", _write_trig, False, "TriG, evidence per report"),
    )
}
#: Supported export formats.
FORMATS: tuple[str, ...] = tuple(sorted(EXPORTS))
