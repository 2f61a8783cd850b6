"""Graph stage: a resolution → an rdflib graph and a networkx MultiDiGraph.

IRIs are minted from entity keys (never from raw Chinese strings), so the
same entity gets the same IRI in every build. Evidence is modelled with
standard RDF reification (see ontology/edukg.ttl): one ``rdf:Statement`` per
(triple, sentence) and one ``edu:Mention`` per entity mention.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import itertools
from collections import defaultdict
from collections.abc import Iterator

import msgspec
import networkx as nx
from rdflib import RDF, RDFS, SKOS, XSD, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS

from .types import (
    Entity,
    Evidence,
    Indicator,
    ReportRecord,
    Resolution,
    ResolvedRelation,
)
from .vocab import EDU

__all__ = [
    "BASE",
    "IRI",
    "LITERAL",
    "PREFIXES",
    "REPORT_NODE_KINDS",
    "GraphParts",
    "ReportNodes",
    "Row",
    "build_rdf",
    "complete_regions",
    "entity_iri",
    "entity_iris",
    "graph_parts",
    "iter_entity_rows",
    "iter_rows",
    "iter_triples",
    "report_nodes",
    "row_triple",
    "to_networkx",
]

BASE = Namespace("https://w3id.org/edukg/id/")


def _digest(*parts: object) -> str:
    return hashlib.sha1("\x1f".join(map(str, parts)).encode("utf-8")).hexdigest()[:20]


def entity_iri(entity: Entity) -> URIRef:
    """Return the stable IRI of an entity.

    Regions use their official division code; everything else its key.
    """
    if entity.label == "Region" and entity.region:
        return BASE[f"region/{entity.region}"]
    return BASE[f"{entity.label.lower()}/{entity.key}"]


def report_iri(doc_id: str) -> URIRef:
    """Return the stable IRI of a report."""
    return BASE[f"report/{_digest(doc_id)}"]


#: Prefixes bound in every EduKG graph and written in its Turtle.
PREFIXES = {
    "dcterms": str(DCTERMS),
    "edu": str(EDU._NS),
    "id": str(BASE),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "skos": str(SKOS),
    "xsd": str(XSD),
}

Triple = tuple[URIRef, URIRef, URIRef | Literal]

#: A triple as plain strings: ``(subject, predicate, IRI, object IRI, "", "")``
#: or ``(subject, predicate, LITERAL, lexical form, language, datatype)``
#: (datatype "" for a plain or language-tagged string). Tuple order is the
#: order graph.ttl lists triples in; strings are cheap to hold, sort and spill.
Row = tuple[str, str, int, str, str, str]
#: The third element of a :data:`Row`: what kind of term its object is.
IRI, LITERAL = 0, 1

#: Rule of a subRegionOf edge known from the division codes alone.
DIVISION_RULE = "region.division-code"


def complete_regions(resolution: Resolution) -> Resolution:
    """Give every Region its ancestors up to the province, from its code.

    南通市 (320600) gets 江苏省 (320000) as parent even when no report names
    the province, so ``edu:subRegionOf*`` reaches from a district to its
    province. A missing ancestor becomes a Region entity with its official
    name, code and level but no mention. ``subRegionOf`` edges become exactly
    child → parent by code: an edge that skipped a level (北仑区 → 浙江省 when
    宁波市 was not named) is replaced by the path through the missing level.
    Each edge keeps the evidence the reports gave for it; an edge only the
    codes imply carries the evidence of the region mention that implied it,
    with rule ``region.division-code``.

    Idempotent: a complete resolution is returned unchanged.
    """
    from .regions import load_region_index

    index = load_region_index()
    regions = {
        e.region: e for e in resolution.entities if e.label == "Region" and e.region
    }
    if not regions:
        return resolution
    region_keys = {e.key for e in regions.values()}
    added: dict[str, Entity] = {}
    for code in sorted(regions):
        for ancestor in index.ancestors(code):
            if ancestor in regions or ancestor in added:
                continue
            ref = index.by_code[ancestor]
            added[ancestor] = Entity(
                key=f"region-{ancestor}",
                label="Region",
                name=ref.name,
                aliases=(),
                region=ancestor,
                level=ref.level,
            )
    every = {**regions, **added}
    key_of = {code: e.key for code, e in every.items()}
    code_of = {e.key: code for code, e in every.items()}
    # Evidence the reports gave, per (child, ancestor) edge.
    stated: dict[tuple[str, str], tuple[Evidence, ...]] = {}
    others = []
    for rel in resolution.relations:
        if (
            rel.predicate == "subRegionOf"
            and rel.subject in region_keys
            and rel.object in region_keys
        ):
            stated[(code_of[rel.subject], code_of[rel.object])] = rel.evidence
        else:
            others.append(rel)
    edges: dict[tuple[str, str], tuple[Evidence, ...]] = {}
    for code in sorted(regions):
        first = regions[code].mentions[:1]
        chain = [code, *index.ancestors(code)]
        for child, parent in itertools.pairwise(chain):
            evidence = stated.get((child, parent))
            if evidence is None:
                skipped = [
                    ev for (c, _), evs in stated.items() if c == child for ev in evs
                ]
                source = skipped[:1] or list(first)
                evidence = tuple(
                    msgspec.structs.replace(ev, rule=DIVISION_RULE, surface="")
                    for ev in source
                )
            if (child, parent) not in edges or not edges[(child, parent)]:
                edges[(child, parent)] = evidence
    hierarchy = [
        ResolvedRelation(key_of[child], "subRegionOf", key_of[parent], evidence)
        for (child, parent), evidence in edges.items()
    ]
    relations = sorted(
        [*others, *hierarchy], key=lambda r: (r.subject, r.predicate, r.object)
    )
    entities = sorted([*resolution.entities, *added.values()], key=lambda e: e.key)
    return dataclasses.replace(
        resolution, entities=tuple(entities), relations=tuple(relations)
    )


def build_rdf(resolution: Resolution) -> Graph:
    """Build the RDF graph of a resolution.

    Args:
        resolution: the resolved corpus.

    Returns:
        An rdflib graph with entities, relations, reports and evidence.
    """
    graph = Graph()
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace)
    graph.addN((s, p, o, graph) for s, p, o in iter_triples(resolution))
    return graph


def iter_triples(resolution: Resolution) -> Iterator[Triple]:
    """Yield the triples of a resolution's graph as rdflib terms.

    What :func:`build_rdf` holds; :func:`iter_rows` yields the same triples
    as plain strings, which is what the pipeline writes (an rdflib term costs
    microseconds to make and hundreds of bytes to hold).
    """
    return map(row_triple, iter_rows(resolution))


def row_triple(row: Row) -> Triple:
    """The rdflib triple a :data:`Row` stands for."""
    s, p, kind, o, language, datatype = row
    if kind == IRI:
        return URIRef(s), URIRef(p), URIRef(o)
    if language:
        return URIRef(s), URIRef(p), Literal(o, lang=language)
    dt = URIRef(datatype) if datatype else None
    return URIRef(s), URIRef(p), Literal(o, datatype=dt)


@functools.cache
def _edu(name: str) -> str:
    # EDU raises for a term the ontology does not define: an unknown label
    # or predicate fails the build instead of minting an undeclared IRI.
    return str(EDU[name])


@functools.lru_cache(maxsize=1 << 16, typed=True)
def _typed(value: object, datatype: str | None = None) -> tuple[str, str, str]:
    # (lexical form, datatype) as rdflib gives them: rdflib normalises some
    # lexical forms (decimal "1e3" is "1000"), and graph.ttl has always held
    # rdflib's form. typed=True: True == 1 as cache keys, not as literals.
    literal = Literal(value, datatype=datatype and URIRef(datatype))
    return str(literal), "", str(literal.datatype or "")


_TYPE, _LABEL, _ALT, _STATEMENT = map(
    str, (RDF.type, RDFS.label, SKOS.altLabel, RDF.Statement)
)
_RDF_S, _RDF_P, _RDF_O = map(str, (RDF.subject, RDF.predicate, RDF.object))
_TITLE, _PUBLISHER, _ISSUED = map(
    str, (DCTERMS.title, DCTERMS.publisher, DCTERMS.issued)
)
_INTEGER, _DECIMAL, _GYEAR, _DATE = map(
    str, (XSD.integer, XSD.decimal, XSD.gYear, XSD.date)
)
_BASE = str(BASE)


def iter_rows(resolution: Resolution) -> Iterator[Row]:
    """Yield the triples of a resolution's graph as :data:`Row` strings.

    Triples come grouped by the node they describe (an entity, a mention, an
    evidence statement, an indicator, a report), not sorted, and may repeat;
    sorted and deduplicated, they are graph.ttl's triples in its order. They
    are :func:`iter_entity_rows` and then the rows of each report's own
    nodes (:func:`report_nodes`).

    Regions and ``subRegionOf`` are what the reports state; containment from
    the official division codes is written as ``edu:withinRegion`` (see
    :func:`iter_containment`), with the divisions no report names as
    ``edu:AdministrativeDivision`` nodes.
    """
    iri = entity_iris(resolution)
    yield from iter_entity_rows(resolution, iri)
    for nodes in report_nodes(resolution, iri):
        yield from nodes.rows()


def entity_iris(resolution: Resolution) -> dict[str, str]:
    """Each entity's IRI (:func:`entity_iri`), by entity key."""
    return {e.key: str(entity_iri(e)) for e in resolution.entities}


def iter_entity_rows(resolution: Resolution, iri: dict[str, str]) -> Iterator[Row]:
    """The triples whose subject is an entity or a division, as :data:`Row` s.

    An entity's type, names and codes, one triple per resolved relation, and
    containment (:func:`iter_containment`); what the reports say of them
    (mentions, evidence) is on each report's own nodes (:func:`report_nodes`).
    """
    for entity in resolution.entities:
        node = iri[entity.key]
        yield node, _TYPE, IRI, _edu(entity.label), "", ""
        yield node, _LABEL, LITERAL, entity.name, "zh", ""
        for alias in entity.aliases:
            yield node, _ALT, LITERAL, alias, "zh", ""
        if entity.award_level:
            yield node, _edu("level"), IRI, _edu(entity.award_level), "", ""
        if entity.label == "Region" and entity.region:
            yield node, _edu("divisionCode"), LITERAL, entity.region, "", ""
            yield node, _edu("divisionLevel"), LITERAL, *_typed(entity.level, _INTEGER)
    for rel in resolution.relations:
        yield iri[rel.subject], _edu(rel.predicate), IRI, iri[rel.object], "", ""
    yield from iter_containment(resolution, iri)


#: The nodes a report has of its own: ``id:<kind>/…`` IRIs minted from the
#: report's file name (and offsets), so no other report adds to them.
REPORT_NODE_KINDS = ("evidence", "indicator", "mention", "report")


@dataclasses.dataclass(frozen=True, slots=True)
class ReportNodes:
    """One report's own nodes: its report node, mentions, evidence statements
    and indicators, with the IRIs of the entities they point at.

    Their rows (:meth:`rows`) are a function of these fields alone, and each
    node's IRI carries the report's file name, so the report's nodes are
    whole blocks of graph.ttl that nothing else writes to. :meth:`digest`
    says whether an earlier build wrote the same blocks for the report (see
    :func:`kg.turtle.splice_owned`).

    Attributes:
        record: the report node's metadata.
        iri: the report node's IRI.
        publisher: the publisher's IRI, if resolved.
        mentioned: the IRIs of the entities the report mentions.
        mentions: (entity key, entity IRI, evidence) of each mention.
        statements: (subject key, predicate, object key, subject IRI,
            object IRI, evidence) of each piece of relation evidence.
        indicators: each figure with its subject's IRI.
    """

    record: ReportRecord
    iri: str
    publisher: str | None
    mentioned: tuple[str, ...]
    mentions: tuple[tuple[str, str, Evidence], ...]
    statements: tuple[tuple[str, str, str, str, str, Evidence], ...]
    indicators: tuple[tuple[Indicator, str | None], ...]

    @property
    def doc_id(self) -> str:
        return self.record.doc_id

    def digest(self) -> str:
        """A digest of every field: equal digests give the same rows."""
        fields = (
            self.record,
            self.iri,
            self.publisher,
            self.mentioned,
            self.mentions,
            self.statements,
            self.indicators,
        )
        # msgspec writes equal values as equal bytes, and reads the
        # dataclasses' and Structs' fields in C: attrgetter tuples for
        # marshal took twice as long.
        return hashlib.sha1(_DIGEST_ENCODER.encode(fields)).hexdigest()

    def rows(self) -> Iterator[Row]:
        """The triples of the report's nodes as :data:`Row` s (may repeat)."""
        report = self.iri
        for key, node, ev in self.mentions:
            mention = f"{_BASE}mention/{_digest(ev.doc_id, ev.start, ev.end, key)}"
            yield mention, _TYPE, IRI, _edu("Mention"), "", ""
            yield mention, _edu("mentionOf"), IRI, node, "", ""
            yield mention, _edu("surfaceForm"), LITERAL, ev.surface, "zh", ""
            yield from _evidence(mention, ev, report)
        for subject, predicate, obj, s, o, ev in self.statements:
            digest = _digest(subject, predicate, obj, ev.doc_id, ev.start, ev.end)
            statement = f"{_BASE}evidence/{digest}"
            yield statement, _TYPE, IRI, _STATEMENT, "", ""
            yield statement, _RDF_S, IRI, s, "", ""
            yield statement, _RDF_P, IRI, _edu(predicate), "", ""
            yield statement, _RDF_O, IRI, o, "", ""
            yield from _evidence(statement, ev, report)
        for ind, subject_iri in self.indicators:
            node = f"{_BASE}indicator/{ind.key}"
            yield node, _TYPE, IRI, _edu("Indicator"), "", ""
            yield node, _edu("measure"), LITERAL, ind.measure, "zh", ""
            yield node, _edu("quantity"), LITERAL, *_typed(ind.quantity, _DECIMAL)
            yield node, _edu("unit"), LITERAL, ind.unit, "", ""
            yield node, _edu("approximate"), LITERAL, *_typed(ind.approximate)
            if ind.year:
                yield node, _edu("year"), LITERAL, *_typed(str(ind.year), _GYEAR)
            if subject_iri:
                yield node, _edu("indicatorOf"), IRI, subject_iri, "", ""
            yield node, _edu("surfaceForm"), LITERAL, ind.evidence.surface, "zh", ""
            yield from _evidence(node, ind.evidence, report)
        record = self.record
        yield report, _TYPE, IRI, _edu("Report"), "", ""
        yield report, _edu("sourceFile"), LITERAL, record.source, "", ""
        if record.title:
            yield report, _TITLE, LITERAL, record.title, "zh", ""
        if self.publisher:
            yield report, _PUBLISHER, IRI, self.publisher, "", ""
        if record.issued:
            yield report, _ISSUED, LITERAL, *_typed(record.issued, _DATE)
        if record.year:
            yield report, _edu("year"), LITERAL, *_typed(str(record.year), _GYEAR)
        kind = "plan" if record.is_plan else "summary"
        yield report, _edu("reportKind"), LITERAL, kind, "", ""
        for node in self.mentioned:
            yield report, _edu("mentions"), IRI, node, "", ""


_DIGEST_ENCODER = msgspec.msgpack.Encoder()


def report_nodes(
    resolution: Resolution, iri: dict[str, str] | None = None
) -> list[ReportNodes]:
    """Each report's own nodes (:class:`ReportNodes`), in file-name order.

    Args:
        resolution: the resolved corpus.
        iri: :func:`entity_iris` of it, if already made.
    """
    iri = entity_iris(resolution) if iri is None else iri
    mentions: dict[str, list[tuple[str, str, Evidence]]] = defaultdict(list)
    for entity in resolution.entities:
        node = iri[entity.key]
        for ev in entity.mentions:
            mentions[ev.doc_id].append((entity.key, node, ev))
    statements: dict[str, list[tuple[str, str, str, str, str, Evidence]]]
    statements = defaultdict(list)
    for rel in resolution.relations:
        s, o = iri[rel.subject], iri[rel.object]
        for ev in rel.evidence:
            statements[ev.doc_id].append(
                (rel.subject, rel.predicate, rel.object, s, o, ev)
            )
    indicators: dict[str, list[tuple[Indicator, str | None]]] = defaultdict(list)
    for ind in resolution.indicators:
        subject = iri[ind.subject] if ind.subject else None
        indicators[ind.evidence.doc_id].append((ind, subject))
    records = {r.doc_id: r for r in resolution.reports}
    if not records.keys() >= mentions.keys() | statements.keys() | indicators.keys():
        raise ValueError("evidence from a report the resolution does not list")
    return [
        ReportNodes(
            record=record,
            iri=str(report_iri(doc_id)),
            publisher=iri[record.publisher] if record.publisher else None,
            mentioned=tuple(iri[key] for key in record.mentions),
            mentions=tuple(mentions.get(doc_id, ())),
            statements=tuple(statements.get(doc_id, ())),
            indicators=tuple(indicators.get(doc_id, ())),
        )
        for doc_id, record in sorted(records.items())
    ]


def _evidence(node: str, ev: Evidence, report: str) -> Iterator[Row]:
    yield node, _edu("inReport"), IRI, report, "", ""
    yield node, _edu("sentence"), LITERAL, ev.sentence, "zh", ""
    # Offsets are ints, whose rdflib lexical form is str(): the hot path skips
    # the rdflib round trip of _typed.
    yield node, _edu("startOffset"), LITERAL, str(ev.start), "", _INTEGER
    yield node, _edu("endOffset"), LITERAL, str(ev.end), "", _INTEGER
    yield node, _edu("rule"), LITERAL, ev.rule, "", ""
    yield node, _edu("status"), LITERAL, ev.status, "", ""


def iter_containment(resolution: Resolution, iri: dict[str, str]) -> Iterator[Row]:
    """``edu:withinRegion`` triples and the unnamed divisions they reach.

    A Region is within every division above its code; a School or Bureau is
    within each region it is located in and every division above those. A
    division no report names (江苏省 above a named 南通市) becomes an
    ``edu:AdministrativeDivision`` node with its official name, code and
    level, so ``?school edu:withinRegion ?r . ?r rdfs:label "江苏省"`` finds
    the schools of 南通市's districts without a property path.
    """
    from .regions import load_region_index

    index = load_region_index()
    by_key = {e.key: e for e in resolution.entities}
    named = {e.region for e in resolution.entities if e.label == "Region" and e.region}
    unnamed: set[str] = set()

    def above(code: str) -> tuple[str, ...]:
        ups = index.ancestors(code)
        unnamed.update(c for c in ups if c not in named)
        return ups

    # A Region without a code (成都高新区) is within the division it is a
    # subRegionOf and everything above that.
    codes_above: dict[str, tuple[str, ...]] = {}
    for rel in resolution.relations:
        subject, target = by_key[rel.subject], by_key[rel.object]
        if (
            rel.predicate == "subRegionOf"
            and subject.label == "Region"
            and not subject.region
            and target.region
        ):
            codes_above[rel.subject] = (target.region, *above(target.region))
    within: set[tuple[str, str]] = set()  # (subject key, region IRI)
    for entity in resolution.entities:
        if entity.label == "Region" and entity.region:
            within.update(
                (entity.key, f"{_BASE}region/{c}") for c in above(entity.region)
            )
        elif entity.key in codes_above:
            within.update(
                (entity.key, f"{_BASE}region/{c}") for c in codes_above[entity.key]
            )
    for rel in resolution.relations:
        if rel.predicate != "locatedIn":
            continue
        region = by_key[rel.object]
        within.add((rel.subject, iri[rel.object]))
        codes = above(region.region) if region.region else ()
        codes += codes_above.get(rel.object, ())
        within.update((rel.subject, f"{_BASE}region/{c}") for c in codes)
    inside = _edu("withinRegion")
    for code in sorted(unnamed):
        ref = index.by_code[code]
        node = f"{_BASE}region/{code}"
        yield node, _TYPE, IRI, _edu("AdministrativeDivision"), "", ""
        yield node, _LABEL, LITERAL, ref.name, "zh", ""
        yield node, _edu("divisionCode"), LITERAL, code, "", ""
        yield node, _edu("divisionLevel"), LITERAL, *_typed(ref.level, _INTEGER)
        for up in index.ancestors(code):
            yield node, inside, IRI, f"{_BASE}region/{up}", "", ""
    for key, region in sorted(within):
        yield iri[key], inside, IRI, region, "", ""


def to_networkx(resolution: Resolution) -> nx.MultiDiGraph:
    """Derive a networkx MultiDiGraph (GraphML-safe attributes).

    Nodes are entity and report IRIs with ``type``, ``label``, ``aliases``,
    ``region``, ``year``, ``evidence`` and ``source``; edges carry
    ``relation``, ``evidence`` and ``status``. The graph of
    :func:`graph_parts`, which GraphML is written from without networkx.
    """
    return graph_parts(resolution).to_networkx()


#: A node's or an edge's attributes, as networkx holds them.
Attributes = dict[str, object]


@dataclasses.dataclass(frozen=True, slots=True)
class GraphParts:
    """The nodes and edges of :func:`to_networkx`'s graph, without networkx.

    Building the networkx graph took longer than writing its GraphML; a
    build without the page writes GraphML from these
    (:func:`kg.serialize.write_graphml`), listed as networkx lists them.

    Attributes:
        nodes: each node's attributes, in the order the nodes were added.
        edges: (source, target, key, attributes), in the order added;
            both ends are in ``nodes``.
    """

    nodes: dict[str, Attributes]
    edges: list[tuple[str, str, str, Attributes]]

    def to_networkx(self) -> nx.MultiDiGraph:
        graph = nx.MultiDiGraph()
        graph.add_nodes_from(self.nodes.items())
        graph.add_edges_from(self.edges)
        return graph

    def out_edges(self) -> Iterator[tuple[str, str, str, Attributes]]:
        """The edges in the order of ``MultiDiGraph.edges(keys=True)``: by
        source (in node order), then by target (in the order first linked
        from that source), then in the order added."""
        by_source: dict[str, dict[str, list[tuple[str, str, str, Attributes]]]] = {}
        for edge in self.edges:
            by_source.setdefault(edge[0], {}).setdefault(edge[1], []).append(edge)
        for node in self.nodes:
            for edges in by_source.get(node, {}).values():
                yield from edges


def _iri_of(entity: Entity) -> str:
    """``str(entity_iri(entity))``, without making an rdflib term."""
    if entity.label == "Region" and entity.region:
        return f"{_BASE}region/{entity.region}"
    return f"{_BASE}{entity.label.lower()}/{entity.key}"


def graph_parts(resolution: Resolution) -> GraphParts:
    """The nodes and edges of :func:`to_networkx`'s graph (see :class:`GraphParts`)."""
    resolution = complete_regions(resolution)
    nodes: dict[str, Attributes] = {}
    edge_list: list[tuple[str, str, str, Attributes]] = []

    # What networkx's add_node and add_edge do: a node added again has its
    # attributes updated, and an edge adds the nodes it links.
    def add_node(node: str, data: Attributes) -> None:
        if node in nodes:
            nodes[node].update(data)
        else:
            nodes[node] = data

    def add_edge(source: str, target: str, key: str, data: Attributes) -> None:
        for node in (source, target):
            if node not in nodes:
                nodes[node] = {}
        edge_list.append((source, target, key, data))

    by_key = {e.key: e for e in resolution.entities}
    iri = {e.key: _iri_of(e) for e in resolution.entities}
    region_names = {
        e.region: e.name for e in resolution.entities if e.label == "Region"
    }
    # A school's or bureau's region is where it is located, the most specific
    # one when it has several (later, higher-level entries win).
    located = {
        rel.subject: by_key[rel.object].name
        for rel in sorted(resolution.relations, key=lambda r: by_key[r.object].level)
        if rel.predicate == "locatedIn"
    }
    year_of = {r.doc_id: r.year or 0 for r in resolution.reports}
    # Edge keys number the edges in the order added (networkx's
    # number_of_edges() walks every node: calling it per edge was quadratic).
    edges = 0
    for entity in resolution.entities:
        first = entity.mentions[0] if entity.mentions else None
        add_node(
            iri[entity.key],
            {
                "type": entity.label,
                "label": entity.name,
                "aliases": " | ".join(entity.aliases),
                "region": located.get(entity.key)
                or region_names.get(entity.region, ""),
                "year": min(
                    (year_of.get(ev.doc_id, 0) or 9999 for ev in entity.mentions),
                    default=0,
                )
                % 9999,
                "evidence": first.sentence if first else "",
                "source": " | ".join(sorted({ev.source for ev in entity.mentions})),
            },
        )
    for report in resolution.reports:
        node = str(report_iri(report.doc_id))
        add_node(
            node,
            {
                "type": "Report",
                "label": report.title or report.source,
                "aliases": "",
                "region": "",
                "year": report.year or 0,
                "evidence": "",
                "source": report.source,
            },
        )
        if report.publisher:
            add_edge(
                node,
                iri[report.publisher],
                f"publisher-{edges}",
                {"relation": "publisher", "evidence": "", "status": "reported"},
            )
            edges += 1
    for rel in resolution.relations:
        ev = rel.evidence[0] if rel.evidence else None
        add_edge(
            iri[rel.subject],
            iri[rel.object],
            # GraphML writes the key as the edge id, which Gephi needs unique.
            f"{rel.predicate}-{edges}",
            {
                "relation": rel.predicate,
                "evidence": ev.sentence if ev else "",
                "status": "planned"
                if rel.evidence and all(e.status == "planned" for e in rel.evidence)
                else "reported",
            },
        )
        edges += 1
    return GraphParts(nodes, edge_list)
