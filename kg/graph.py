"""Graph stage: a resolution → an rdflib graph and a networkx MultiDiGraph.

IRIs are minted from entity keys (never from raw Chinese strings), so the
same entity gets the same IRI in every build. Evidence is modelled with
standard RDF reification (see ontology/edukg.ttl): one ``rdf:Statement`` per
(triple, sentence) and one ``edu:Mention`` per entity mention.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator

import networkx as nx
from rdflib import RDF, RDFS, SKOS, XSD, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS

from .types import Entity, Evidence, Resolution
from .vocab import EDU

__all__ = ["BASE", "PREFIXES", "build_rdf", "entity_iri", "iter_triples", "to_networkx"]

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
    """Yield the triples of a resolution's graph (what :func:`build_rdf` holds).

    The pipeline serialises these directly: an rdflib graph of a million
    triples costs half a minute and a gigabyte just to hold them.
    """
    iri = {e.key: entity_iri(e) for e in resolution.entities}
    reports = {r.doc_id: report_iri(r.doc_id) for r in resolution.reports}
    for entity in resolution.entities:
        node = iri[entity.key]
        yield node, RDF.type, EDU[entity.label]
        yield node, RDFS.label, Literal(entity.name, lang="zh")
        for alias in entity.aliases:
            yield node, SKOS.altLabel, Literal(alias, lang="zh")
        if entity.label == "Region" and entity.region:
            yield node, EDU.divisionCode, Literal(entity.region)
            yield node, EDU.divisionLevel, Literal(entity.level, datatype=XSD.integer)
        for ev in entity.mentions:
            mention = BASE[
                f"mention/{_digest(ev.doc_id, ev.start, ev.end, entity.key)}"
            ]
            yield mention, RDF.type, EDU.Mention
            yield mention, EDU.mentionOf, node
            yield mention, EDU.surfaceForm, Literal(ev.surface, lang="zh")
            yield from _evidence(mention, ev, reports)
    for rel in resolution.relations:
        s, o = iri[rel.subject], iri[rel.object]
        p = EDU[rel.predicate]
        yield s, p, o
        for ev in rel.evidence:
            digest = _digest(
                rel.subject, rel.predicate, rel.object, ev.doc_id, ev.start, ev.end
            )
            statement = BASE[f"evidence/{digest}"]
            yield statement, RDF.type, RDF.Statement
            yield statement, RDF.subject, s
            yield statement, RDF.predicate, p
            yield statement, RDF.object, o
            yield from _evidence(statement, ev, reports)
    for ind in resolution.indicators:
        node = BASE[f"indicator/{ind.key}"]
        yield node, RDF.type, EDU.Indicator
        yield node, EDU.measure, Literal(ind.measure, lang="zh")
        yield node, EDU.quantity, Literal(ind.quantity, datatype=XSD.decimal)
        yield node, EDU.unit, Literal(ind.unit)
        yield node, EDU.approximate, Literal(ind.approximate)
        if ind.year:
            yield node, EDU.year, Literal(str(ind.year), datatype=XSD.gYear)
        if ind.subject:
            yield node, EDU.indicatorOf, iri[ind.subject]
        yield node, EDU.surfaceForm, Literal(ind.evidence.surface, lang="zh")
        yield from _evidence(node, ind.evidence, reports)
    for report in resolution.reports:
        node = reports[report.doc_id]
        yield node, RDF.type, EDU.Report
        yield node, EDU.sourceFile, Literal(report.source)
        if report.title:
            yield node, DCTERMS.title, Literal(report.title, lang="zh")
        if report.publisher:
            yield node, DCTERMS.publisher, iri[report.publisher]
        if report.issued:
            yield node, DCTERMS.issued, Literal(report.issued, datatype=XSD.date)
        if report.year:
            yield node, EDU.year, Literal(str(report.year), datatype=XSD.gYear)
        yield node, EDU.reportKind, Literal("plan" if report.is_plan else "summary")
        for key in report.mentions:
            yield node, EDU.mentions, iri[key]


def _evidence(
    node: URIRef, ev: Evidence, reports: dict[str, URIRef]
) -> Iterator[Triple]:
    yield node, EDU.inReport, reports[ev.doc_id]
    yield node, EDU.sentence, Literal(ev.sentence, lang="zh")
    yield node, EDU.startOffset, Literal(ev.start, datatype=XSD.integer)
    yield node, EDU.endOffset, Literal(ev.end, datatype=XSD.integer)
    yield node, EDU.rule, Literal(ev.rule)
    yield node, EDU.status, Literal(ev.status)


def to_networkx(resolution: Resolution) -> nx.MultiDiGraph:
    """Derive a networkx MultiDiGraph (GraphML-safe attributes).

    Nodes are entity and report IRIs with ``type``, ``label``, ``aliases``,
    ``region``, ``year``, ``evidence`` and ``source``; edges carry
    ``relation``, ``evidence`` and ``status``.
    """
    graph = nx.MultiDiGraph()
    by_key = {e.key: e for e in resolution.entities}
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
    # Edge keys number the edges in insertion order; networkx's
    # number_of_edges() walks every node, so calling it per edge was quadratic.
    edges = 0
    for entity in resolution.entities:
        first = entity.mentions[0] if entity.mentions else None
        graph.add_node(
            str(entity_iri(entity)),
            type=entity.label,
            label=entity.name,
            aliases=" | ".join(entity.aliases),
            region=located.get(entity.key) or region_names.get(entity.region, ""),
            year=min(
                (year_of.get(ev.doc_id, 0) or 9999 for ev in entity.mentions), default=0
            )
            % 9999,
            evidence=first.sentence if first else "",
            source=" | ".join(sorted({ev.source for ev in entity.mentions})),
        )
    for report in resolution.reports:
        node = str(report_iri(report.doc_id))
        graph.add_node(
            node,
            type="Report",
            label=report.title or report.source,
            aliases="",
            region="",
            year=report.year or 0,
            evidence="",
            source=report.source,
        )
        if report.publisher:
            graph.add_edge(
                node,
                str(entity_iri(by_key[report.publisher])),
                key=f"publisher-{edges}",
                relation="publisher",
                evidence="",
                status="reported",
            )
            edges += 1
    for rel in resolution.relations:
        ev = rel.evidence[0] if rel.evidence else None
        graph.add_edge(
            str(entity_iri(by_key[rel.subject])),
            str(entity_iri(by_key[rel.object])),
            # GraphML writes the key as the edge id, which Gephi needs unique.
            key=f"{rel.predicate}-{edges}",
            relation=rel.predicate,
            evidence=ev.sentence if ev else "",
            status="planned"
            if rel.evidence and all(e.status == "planned" for e in rel.evidence)
            else "reported",
        )
        edges += 1
    return graph
