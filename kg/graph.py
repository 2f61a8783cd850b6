"""Graph stage: a resolution → an rdflib graph and a networkx MultiDiGraph.

IRIs are minted from entity keys (never from raw Chinese strings), so the
same entity gets the same IRI in every build. Evidence is modelled with
standard RDF reification (see ontology/edukg.ttl): one ``rdf:Statement`` per
(triple, sentence) and one ``edu:Mention`` per entity mention.
"""

from __future__ import annotations

import hashlib

import networkx as nx
from rdflib import RDF, RDFS, SKOS, XSD, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS

from .types import Entity, Evidence, Resolution
from .vocab import EDU

__all__ = ["BASE", "build_rdf", "entity_iri", "to_networkx"]

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


def build_rdf(resolution: Resolution) -> Graph:
    """Build the RDF graph of a resolution.

    Args:
        resolution: the resolved corpus.

    Returns:
        An rdflib graph with entities, relations, reports and evidence.
    """
    graph = Graph()
    graph.bind("edu", EDU._NS)
    graph.bind("id", BASE)
    graph.bind("skos", SKOS)
    graph.bind("dcterms", DCTERMS)
    iri = {e.key: entity_iri(e) for e in resolution.entities}
    reports = {r.doc_id: report_iri(r.doc_id) for r in resolution.reports}
    add = graph.add
    for entity in resolution.entities:
        node = iri[entity.key]
        add((node, RDF.type, EDU[entity.label]))
        add((node, RDFS.label, Literal(entity.name, lang="zh")))
        for alias in entity.aliases:
            add((node, SKOS.altLabel, Literal(alias, lang="zh")))
        if entity.label == "Region" and entity.region:
            add((node, EDU.divisionCode, Literal(entity.region)))
            add((node, EDU.divisionLevel, Literal(entity.level, datatype=XSD.integer)))
        for ev in entity.mentions:
            mention = BASE[
                f"mention/{_digest(ev.doc_id, ev.start, ev.end, entity.key)}"
            ]
            add((mention, RDF.type, EDU.Mention))
            add((mention, EDU.mentionOf, node))
            _add_evidence(graph, mention, ev, reports)
            add((mention, EDU.surfaceForm, Literal(ev.surface, lang="zh")))
    for rel in resolution.relations:
        s, o = iri[rel.subject], iri[rel.object]
        p = EDU[rel.predicate]
        add((s, p, o))
        for ev in rel.evidence:
            digest = _digest(
                rel.subject, rel.predicate, rel.object, ev.doc_id, ev.start, ev.end
            )
            statement = BASE[f"evidence/{digest}"]
            add((statement, RDF.type, RDF.Statement))
            add((statement, RDF.subject, s))
            add((statement, RDF.predicate, p))
            add((statement, RDF.object, o))
            _add_evidence(graph, statement, ev, reports)
    for ind in resolution.indicators:
        node = BASE[f"indicator/{ind.key}"]
        add((node, RDF.type, EDU.Indicator))
        add((node, EDU.measure, Literal(ind.measure, lang="zh")))
        add((node, EDU.quantity, Literal(ind.quantity, datatype=XSD.decimal)))
        add((node, EDU.unit, Literal(ind.unit)))
        add((node, EDU.approximate, Literal(ind.approximate)))
        if ind.year:
            add((node, EDU.year, Literal(str(ind.year), datatype=XSD.gYear)))
        if ind.subject:
            add((node, EDU.indicatorOf, iri[ind.subject]))
        add((node, EDU.surfaceForm, Literal(ind.evidence.surface, lang="zh")))
        _add_evidence(graph, node, ind.evidence, reports)
    for report in resolution.reports:
        node = reports[report.doc_id]
        add((node, RDF.type, EDU.Report))
        add((node, EDU.sourceFile, Literal(report.source)))
        if report.title:
            add((node, DCTERMS.title, Literal(report.title, lang="zh")))
        if report.publisher:
            add((node, DCTERMS.publisher, iri[report.publisher]))
        if report.issued:
            add((node, DCTERMS.issued, Literal(report.issued, datatype=XSD.date)))
        if report.year:
            add((node, EDU.year, Literal(str(report.year), datatype=XSD.gYear)))
        add((node, EDU.reportKind, Literal("plan" if report.is_plan else "summary")))
        for key in report.mentions:
            add((node, EDU.mentions, iri[key]))
    return graph


def _add_evidence(
    graph: Graph, node: URIRef, ev: Evidence, reports: dict[str, URIRef]
) -> None:
    graph.add((node, EDU.inReport, reports[ev.doc_id]))
    graph.add((node, EDU.sentence, Literal(ev.sentence, lang="zh")))
    graph.add((node, EDU.startOffset, Literal(ev.start, datatype=XSD.integer)))
    graph.add((node, EDU.endOffset, Literal(ev.end, datatype=XSD.integer)))
    graph.add((node, EDU.rule, Literal(ev.rule)))
    graph.add((node, EDU.status, Literal(ev.status)))


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
    year_of = {r.doc_id: r.year or 0 for r in resolution.reports}
    for entity in resolution.entities:
        first = entity.mentions[0] if entity.mentions else None
        graph.add_node(
            str(entity_iri(entity)),
            type=entity.label,
            label=entity.name,
            aliases=" | ".join(entity.aliases),
            region=region_names.get(entity.region, ""),
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
                key="publisher",
                relation="publisher",
                evidence="",
                status="reported",
            )
    for rel in resolution.relations:
        ev = rel.evidence[0] if rel.evidence else None
        graph.add_edge(
            str(entity_iri(by_key[rel.subject])),
            str(entity_iri(by_key[rel.object])),
            key=rel.predicate,
            relation=rel.predicate,
            evidence=ev.sentence if ev else "",
            status="planned"
            if rel.evidence and all(e.status == "planned" for e in rel.evidence)
            else "reported",
        )
    return graph
